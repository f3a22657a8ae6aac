import Foundation

/// What the SP's review and the reports need of a case, without her identity or any notes: small
/// enough to keep for every case in one index that opens fast.
public struct CaseSummary: Codable, Hashable, Sendable, Identifiable {
    public struct Step: Codable, Hashable, Sendable {
        public var kind: StepKind
        public var status: StepStatus
        public var partnerID: String?
        public var referral: ReferralState
        public var due: Day?
        public var completed: Day?
        public var joined: Day?
        public var referralDay: Day?
    }

    /// Its fields (`CaseSummary+Fields.swift`), kept in one shared box: summaries are copied often
    /// (the overview, the reports, the lists hold tens of thousands), and a copy is then one
    /// reference instead of a score of them; a change copies the box first when it is shared (copy
    /// on write), so a summary stays a value.
    final class Box: @unchecked Sendable {
        var fields: Fields
        init(_ fields: Fields) { self.fields = fields }
    }

    private var box: Box

    /// Its fields changed in place (the box copied first when shared): the index's reader decodes
    /// every line of a district into one summary.
    mutating func updateFields<R>(_ body: (inout Fields) -> R) -> R {
        unshare()
        return body(&box.fields)
    }

    /// A summary with nothing in it yet, for the index's reader to decode into.
    static func blank() -> CaseSummary {
        CaseSummary(id: UUID(uuid: (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)), number: "", stationID: "", revision: 0, reportedAt: Date(timeIntervalSince1970: 0),
                    status: .open, category: .other, arrival: .walkIn, age: nil, risk: .low, countable: false, sessionDays: [],
                    nextSession: nil, screeningDays: [], alertOpen: false, steps: [], firDay: nil, chargeSheetDay: nil,
                    informedDay: nil, cwcReportDay: nil, complaint: .none)
    }

    /// Read in place (no copy of a field to look at it); a change copies the box first when shared.
    private mutating func unshare() {
        if !isKnownUniquelyReferenced(&box) { box = Box(box.fields) }
    }

    public var id: UUID {
        _read { yield box.fields.id }
        _modify {
            unshare()
            yield &box.fields.id
        }
    }
    public var number: String {
        _read { yield box.fields.number }
        _modify {
            unshare()
            yield &box.fields.number
        }
    }
    public var stationID: String {
        _read { yield box.fields.stationID }
        _modify {
            unshare()
            yield &box.fields.stationID
        }
    }
    public var revision: Int {
        _read { yield box.fields.revision }
        _modify {
            unshare()
            yield &box.fields.revision
        }
    }
    public var reportedAt: Date {
        _read { yield box.fields.reportedAt }
        _modify {
            unshare()
            yield &box.fields.reportedAt
        }
    }
    public var status: CaseStatus {
        _read { yield box.fields.status }
        _modify {
            unshare()
            yield &box.fields.status
        }
    }
    public var category: IncidentCategory {
        _read { yield box.fields.category }
        _modify {
            unshare()
            yield &box.fields.category
        }
    }
    public var arrival: ArrivalMode {
        _read { yield box.fields.arrival }
        _modify {
            unshare()
            yield &box.fields.arrival
        }
    }
    public var age: Int? {
        _read { yield box.fields.age }
        _modify {
            unshare()
            yield &box.fields.age
        }
    }
    public var risk: RiskLevel {
        _read { yield box.fields.risk }
        _modify {
            unshare()
            yield &box.fields.risk
        }
    }
    public var countable: Bool {
        _read { yield box.fields.countable }
        _modify {
            unshare()
            yield &box.fields.countable
        }
    }
    public var sessionDays: [Day] {
        _read { yield box.fields.sessionDays }
        _modify {
            unshare()
            yield &box.fields.sessionDays
        }
    }
    public var nextSession: Day? {
        _read { yield box.fields.nextSession }
        _modify {
            unshare()
            yield &box.fields.nextSession
        }
    }
    public var screeningDays: [Day] {
        _read { yield box.fields.screeningDays }
        _modify {
            unshare()
            yield &box.fields.screeningDays
        }
    }
    public var alertOpen: Bool {
        _read { yield box.fields.alertOpen }
        _modify {
            unshare()
            yield &box.fields.alertOpen
        }
    }
    public var steps: [Step] {
        _read { yield box.fields.steps }
        _modify {
            unshare()
            yield &box.fields.steps
        }
    }
    public var firDay: Day? {
        _read { yield box.fields.firDay }
        _modify {
            unshare()
            yield &box.fields.firDay
        }
    }
    public var chargeSheetDay: Day? {
        _read { yield box.fields.chargeSheetDay }
        _modify {
            unshare()
            yield &box.fields.chargeSheetDay
        }
    }
    public var informedDay: Day? {
        _read { yield box.fields.informedDay }
        _modify {
            unshare()
            yield &box.fields.informedDay
        }
    }
    public var cwcReportDay: Day? {
        _read { yield box.fields.cwcReportDay }
        _modify {
            unshare()
            yield &box.fields.cwcReportDay
        }
    }
    public var complaint: ComplaintKind {
        _read { yield box.fields.complaint }
        _modify {
            unshare()
            yield &box.fields.complaint
        }
    }
    public var offenceCodes: [String] {
        _read { yield box.fields.offenceCodes }
        _modify {
            unshare()
            yield &box.fields.offenceCodes
        }
    }
    public var outcome: CourtOutcome {
        _read { yield box.fields.outcome }
        _modify {
            unshare()
            yield &box.fields.outcome
        }
    }
    public var childDuty: ChildDuty? {
        _read { yield box.fields.childDuty }
        _modify {
            unshare()
            yield &box.fields.childDuty
        }
    }

    public var paths: PathFacts {
        _read { yield box.fields.paths }
        _modify {
            unshare()
            yield &box.fields.paths
        }
    }

    public init(_ r: CaseRecord) { box = Box(Fields(r)) }

    init(id: UUID, number: String, stationID: String, revision: Int, reportedAt: Date, status: CaseStatus,
         category: IncidentCategory, arrival: ArrivalMode, age: Int?, risk: RiskLevel, countable: Bool, sessionDays: [Day],
         nextSession: Day?, screeningDays: [Day], alertOpen: Bool, steps: [Step], firDay: Day?, chargeSheetDay: Day?,
         informedDay: Day?, cwcReportDay: Day?, complaint: ComplaintKind) {
        box = Box(Fields(id: id, number: number, stationID: stationID, revision: revision, reportedAt: reportedAt, status: status, category: category, arrival: arrival, age: age, risk: risk, countable: countable, sessionDays: sessionDays, nextSession: nextSession, screeningDays: screeningDays, alertOpen: alertOpen, steps: steps, firDay: firDay, chargeSheetDay: chargeSheetDay, informedDay: informedDay, cwcReportDay: cwcReportDay, complaint: complaint))
    }

    public init(from decoder: Decoder) throws { box = Box(try Fields(from: decoder)) }
    public func encode(to encoder: Encoder) throws { try box.fields.encode(to: encoder) }
    public static func == (a: CaseSummary, b: CaseSummary) -> Bool { a.box === b.box || a.box.fields == b.box.fields }
    public func hash(into hasher: inout Hasher) { box.fields.hash(into: &hasher) }

    public var isMinor: Bool { (age ?? 99) < 18 }
    public var reportedDay: Day { Day(reportedAt) }
    /// The last day she was reached: a session or a logged contact (the day she came counts).
    public var lastContact: Day {
        var last = reportedDay
        if let d = sessionDays.last, d > last { last = d }
        if let d = paths.lastContact, d > last { last = d }
        return last
    }
    /// The prosecution track as far as the review needs it: the same rules as the case's Legal tab.
    public var prosecution: Prosecution {
        var p = Prosecution(firDay: firDay, chargeSheetDay: chargeSheetDay, outcome: outcome, informedDay: informedDay,
                            cwcReportDay: cwcReportDay)
        p.offenceCodes = offenceCodes
        return p
    }
}

extension CaseSummary {
    /// The flags of an open case on a day; a closed case has none. `lateDirective` adds the SP's
    /// own follow-ups that passed their day.
    public func flags(today: Day, now: Date, settings: ReviewSettings, lateDirective: Bool = false) -> Set<ReviewFlag> {
        let bits = flagBits(today: today, settings: settings, lateDirective: lateDirective)
        return Set(ReviewFlag.allCases.filter { bits & $0.bit != 0 })
    }

    /// The same flags as bits (in `ReviewFlag.allCases` order): what the overview counts for
    /// every open case of a district, without a set made for each.
    func flagBits(today: Day, settings: ReviewSettings, lateDirective: Bool) -> UInt8 {
        func bit(_ f: ReviewFlag) -> UInt8 { f.bit }
        guard status != .closed else { return paths.late(today: today, closedCase: true) ? bit(.overdue) : 0 }
        var out: UInt8 = 0
        if alertOpen { out |= bit(.alert) }
        if childDuty != nil, cwcReportDay == nil { out |= bit(.minorPending) }
        let sessionLate = !sessionDays.isEmpty && (nextSession.map { $0 < today } ?? false)
        let stepLate = steps.contains { s in !s.status.isFinished && (s.due.map { $0 < today } ?? false) }
        if sessionLate || stepLate || lateDirective || paths.late(today: today, closedCase: false) { out |= bit(.overdue) }
        if risk == .high, today.days(since: lastContact) > settings.noContactDays { out |= bit(.noContact) }
        if firDay != nil, prosecution.deadlinePassed(today: today) { out |= bit(.legalPassed) }
        if steps.contains(where: { $0.referral.isWaiting }) { out |= bit(.referralWaiting) }
        return out
    }

    /// A child's report to the CWC is late once 24 hours (the law's, not a setting) have passed since she came.
    public func cwcReportLate(now: Date) -> Bool {
        childDuty != nil && cwcReportDay == nil && status != .closed && now > ChildDuty.due(reportedAt: reportedAt)
    }
}
