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

    public var id: UUID
    public var number: String
    public var stationID: String
    public var revision: Int
    public var reportedAt: Date
    public var status: CaseStatus
    public var category: IncidentCategory
    public var arrival: ArrivalMode
    public var age: Int?
    public var risk: RiskLevel
    public var countable: Bool
    public var sessionDays: [Day]
    public var nextSession: Day?
    public var screeningDays: [Day]
    public var alertOpen: Bool
    public var steps: [Step]
    public var firDay: Day?
    public var chargeSheetDay: Day?
    public var informedDay: Day?
    public var cwcReportDay: Day?
    public var complaint: ComplaintKind
    /// The FIR's sections (codes), how the prosecution ended, and the child law that applies.
    public var offenceCodes: [String] = []
    public var outcome: CourtOutcome = .pending
    public var childDuty: ChildDuty?
    /// Safety plan, contacts, closure, DV orders, compensation.
    public var paths = PathFacts()

    public init(_ r: CaseRecord) {
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

/// The thresholds of the review, kept in the store and changed only by an admin.
public struct ReviewSettings: Codable, Equatable, Sendable {
    /// A high-risk woman with no contact for more days than this is flagged.
    public var noContactDays: Int
    /// Kept so that settings files read as before; it no longer governs anything: the 24 hours for
    /// a child's case are the law's (POCSO s.19(6), JJ Act s.31), `ChildDuty.hours`.
    public var cwcReportHours: Int
    /// The supervising officer's title shown to users: SP in a district, DCP in a commissionerate
    /// (Indore, Bhopal). Settings written before it read as SP.
    public var supervisorTitle: SupervisorTitle

    public init(noContactDays: Int = 7, cwcReportHours: Int = 24, supervisorTitle: SupervisorTitle = .sp) {
        self.noContactDays = noContactDays
        self.cwcReportHours = cwcReportHours
        self.supervisorTitle = supervisorTitle
    }

    enum CodingKeys: String, CodingKey { case noContactDays, cwcReportHours, supervisorTitle }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        noContactDays = try c.decode(Int.self, forKey: .noContactDays)
        cwcReportHours = try c.decodeIfPresent(Int.self, forKey: .cwcReportHours) ?? 24
        supervisorTitle = try c.decodeIfPresent(SupervisorTitle.self, forKey: .supervisorTitle) ?? .sp
    }

    public static let standard = ReviewSettings()
    public static let noContactRange = 1...60
    public static let cwcHoursRange = 1...72
}

/// Why a case needs the SP's eye. Each is a column of the overview and a filter of the queue.
public enum ReviewFlag: String, CaseIterable, Codable, Sendable {
    case alert, minorPending, overdue, noContact, legalPassed, referralWaiting
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
