import Foundation

extension CaseSummary {
    /// What a summary holds, as plain stored fields (the summary keeps them in a shared box).
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
}
