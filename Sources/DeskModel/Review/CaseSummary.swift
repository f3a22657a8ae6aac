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

    /// Its fields, kept in one shared box: summaries are copied often (the overview, the reports,
    /// the lists hold tens of thousands), and a copy is then one reference instead of a score of
    /// them; a change copies the box first when it is shared (copy on write), so a summary stays a value.
    struct Fields: Codable, Hashable, Sendable {
        var id: UUID
        var number: String
        var stationID: String
        var revision: Int
        var reportedAt: Date
        var status: CaseStatus
        var category: IncidentCategory
        var arrival: ArrivalMode
        var age: Int?
        var risk: RiskLevel
        var countable: Bool
        var sessionDays: [Day]
        var nextSession: Day?
        var screeningDays: [Day]
        var alertOpen: Bool
        var steps: [Step]
        var firDay: Day?
        var chargeSheetDay: Day?
        var informedDay: Day?
        var cwcReportDay: Day?
        var complaint: ComplaintKind
        /// The FIR's sections (codes), how the prosecution ended, and the child law that applies.
        var offenceCodes: [String] = []
        var outcome: CourtOutcome = .pending
        var childDuty: ChildDuty?
        /// Safety plan, contacts, closure, DV orders, compensation.
        var paths = PathFacts()

        init(_ r: CaseRecord) {
            id = r.id
            number = r.number.description
            stationID = r.stationID
            revision = r.revision
            reportedAt = r.reportedAt
            status = r.status
            category = r.incident.category
            arrival = r.arrival
            age = r.identity.age
            risk = r.riskLevel
            countable = r.consent.statistics == .yes
            let sessions = r.sessions.sorted { ($0.day, $0.number) < ($1.day, $1.number) }
            sessionDays = sessions.map(\.day)
            nextSession = sessions.last?.nextDay
            screeningDays = r.screenings.map(\.screening.day).sorted()
            alertOpen = r.hasOpenAlert
            steps = r.plan.map { Step(kind: $0.kind, status: $0.status, partnerID: $0.partnerID, referral: $0.referral,
                                      due: $0.due, completed: $0.completed, joined: $0.joined, referralDay: $0.referralDay) }
            firDay = r.prosecution.firDay
            chargeSheetDay = r.prosecution.chargeSheetDay
            informedDay = r.prosecution.informedDay
            cwcReportDay = r.prosecution.cwcReportDay
            complaint = r.legal.kind
            offenceCodes = r.prosecution.offenceCodes
            outcome = r.prosecution.outcome
            childDuty = r.childDuty
            paths = PathFacts(r)
        }

        init(id: UUID, number: String, stationID: String, revision: Int, reportedAt: Date, status: CaseStatus,
             category: IncidentCategory, arrival: ArrivalMode, age: Int?, risk: RiskLevel, countable: Bool, sessionDays: [Day],
             nextSession: Day?, screeningDays: [Day], alertOpen: Bool, steps: [Step], firDay: Day?, chargeSheetDay: Day?,
             informedDay: Day?, cwcReportDay: Day?, complaint: ComplaintKind) {
            self.id = id
            self.number = number
            self.stationID = stationID
            self.revision = revision
            self.reportedAt = reportedAt
            self.status = status
            self.category = category
            self.arrival = arrival
            self.age = age
            self.risk = risk
            self.countable = countable
            self.sessionDays = sessionDays
            self.nextSession = nextSession
            self.screeningDays = screeningDays
            self.alertOpen = alertOpen
            self.steps = steps
            self.firDay = firDay
            self.chargeSheetDay = chargeSheetDay
            self.informedDay = informedDay
            self.cwcReportDay = cwcReportDay
            self.complaint = complaint
        }

}

    final class Box: @unchecked Sendable {
        var fields: Fields
        init(_ fields: Fields) { self.fields = fields }
    }

    private var box: Box

    private mutating func edit(_ change: (inout Fields) -> Void) {
        if !isKnownUniquelyReferenced(&box) { box = Box(box.fields) }
        change(&box.fields)
    }

    public var id: UUID {
        get { box.fields.id }
        set { edit { $0.id = newValue } }
    }
    public var number: String {
        get { box.fields.number }
        set { edit { $0.number = newValue } }
    }
    public var stationID: String {
        get { box.fields.stationID }
        set { edit { $0.stationID = newValue } }
    }
    public var revision: Int {
        get { box.fields.revision }
        set { edit { $0.revision = newValue } }
    }
    public var reportedAt: Date {
        get { box.fields.reportedAt }
        set { edit { $0.reportedAt = newValue } }
    }
    public var status: CaseStatus {
        get { box.fields.status }
        set { edit { $0.status = newValue } }
    }
    public var category: IncidentCategory {
        get { box.fields.category }
        set { edit { $0.category = newValue } }
    }
    public var arrival: ArrivalMode {
        get { box.fields.arrival }
        set { edit { $0.arrival = newValue } }
    }
    public var age: Int? {
        get { box.fields.age }
        set { edit { $0.age = newValue } }
    }
    public var risk: RiskLevel {
        get { box.fields.risk }
        set { edit { $0.risk = newValue } }
    }
    public var countable: Bool {
        get { box.fields.countable }
        set { edit { $0.countable = newValue } }
    }
    public var sessionDays: [Day] {
        get { box.fields.sessionDays }
        set { edit { $0.sessionDays = newValue } }
    }
    public var nextSession: Day? {
        get { box.fields.nextSession }
        set { edit { $0.nextSession = newValue } }
    }
    public var screeningDays: [Day] {
        get { box.fields.screeningDays }
        set { edit { $0.screeningDays = newValue } }
    }
    public var alertOpen: Bool {
        get { box.fields.alertOpen }
        set { edit { $0.alertOpen = newValue } }
    }
    public var steps: [Step] {
        get { box.fields.steps }
        set { edit { $0.steps = newValue } }
    }
    public var firDay: Day? {
        get { box.fields.firDay }
        set { edit { $0.firDay = newValue } }
    }
    public var chargeSheetDay: Day? {
        get { box.fields.chargeSheetDay }
        set { edit { $0.chargeSheetDay = newValue } }
    }
    public var informedDay: Day? {
        get { box.fields.informedDay }
        set { edit { $0.informedDay = newValue } }
    }
    public var cwcReportDay: Day? {
        get { box.fields.cwcReportDay }
        set { edit { $0.cwcReportDay = newValue } }
    }
    public var complaint: ComplaintKind {
        get { box.fields.complaint }
        set { edit { $0.complaint = newValue } }
    }
    public var offenceCodes: [String] {
        get { box.fields.offenceCodes }
        set { edit { $0.offenceCodes = newValue } }
    }
    public var outcome: CourtOutcome {
        get { box.fields.outcome }
        set { edit { $0.outcome = newValue } }
    }
    public var childDuty: ChildDuty? {
        get { box.fields.childDuty }
        set { edit { $0.childDuty = newValue } }
    }

    public var paths: PathFacts {
        get { box.fields.paths }
        set { edit { $0.paths = newValue } }
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
        guard status != .closed else { return paths.late(today: today, closedCase: true) ? [.overdue] : [] }
        var out: Set<ReviewFlag> = []
        if alertOpen { out.insert(.alert) }
        if childDuty != nil, cwcReportDay == nil { out.insert(.minorPending) }
        let sessionLate = !sessionDays.isEmpty && (nextSession.map { $0 < today } ?? false)
        let stepLate = steps.contains { s in !s.status.isFinished && (s.due.map { $0 < today } ?? false) }
        if sessionLate || stepLate || lateDirective || paths.late(today: today, closedCase: false) { out.insert(.overdue) }
        if risk == .high, today.days(since: lastContact) > settings.noContactDays { out.insert(.noContact) }
        if prosecution.deadlinePassed(today: today) { out.insert(.legalPassed) }
        if steps.contains(where: { $0.referral.isWaiting }) { out.insert(.referralWaiting) }
        return out
    }

    /// A child's report to the CWC is late once 24 hours (the law's, not a setting) have passed since she came.
    public func cwcReportLate(now: Date) -> Bool {
        childDuty != nil && cwcReportDay == nil && status != .closed && now > ChildDuty.due(reportedAt: reportedAt)
    }
}
