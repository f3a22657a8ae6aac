import Foundation

/// One step of her rehabilitation plan, with the partner it was referred to.
public struct RehabStep: Codable, Hashable, Sendable, Identifiable {
    public var id: UUID
    public var kind: StepKind
    public var partnerID: String?
    public var status: StepStatus
    public var due: Day?
    public var completed: Day?
    public var note: String
    public var referral: ReferralState
    public var referralDay: Day?
    public var declineReason: String
    /// For an SHG linkage: the group, its village and the day she joined.
    public var groupName: String
    public var groupVillage: String
    public var joined: Day?
    public var createdAt: Date
    public var createdBy: String

    public init(id: UUID = UUID(), kind: StepKind, partnerID: String? = nil, status: StepStatus = .planned,
                due: Day? = nil, completed: Day? = nil, note: String = "", referral: ReferralState = .notReferred,
                referralDay: Day? = nil, declineReason: String = "", groupName: String = "", groupVillage: String = "",
                joined: Day? = nil, createdAt: Date, createdBy: String) {
        self.id = id
        self.kind = kind
        self.partnerID = partnerID
        self.status = status
        self.due = due
        self.completed = completed
        self.note = note
        self.referral = referral
        self.referralDay = referralDay
        self.declineReason = declineReason
        self.groupName = groupName
        self.groupVillage = groupVillage
        self.joined = joined
        self.createdAt = createdAt
        self.createdBy = createdBy
    }

    /// Past its due day and not finished.
    public func isOverdue(today: Day) -> Bool {
        guard let due, !status.isFinished else { return false }
        return today > due
    }
}

/// The prosecution track: FIR, charge sheet, court dates, outcome.
public struct Prosecution: Codable, Hashable, Sendable {
    public var firDay: Day?
    public var chargeSheetDay: Day?
    public var courtDays: [Day]
    public var outcome: CourtOutcome
    /// The day she was last told how the investigation stands.
    public var informedDay: Day?
    /// The day a minor's case was reported to the Child Welfare Committee and Special Court (POCSO s.19).
    public var cwcReportDay: Day?

    public init(firDay: Day? = nil, chargeSheetDay: Day? = nil, courtDays: [Day] = [], outcome: CourtOutcome = .pending,
                informedDay: Day? = nil, cwcReportDay: Day? = nil) {
        self.firDay = firDay
        self.chargeSheetDay = chargeSheetDay
        self.courtDays = courtDays
        self.outcome = outcome
        self.informedDay = informedDay
        self.cwcReportDay = cwcReportDay
    }

    public var deadlines: LegalDeadlines? { firDay.map(LegalDeadlines.init(fir:)) }

    /// Investigation not finished (no charge sheet) 60 days after the FIR.
    public func investigationOverdue(today: Day) -> Bool {
        guard let d = deadlines, chargeSheetDay == nil else { return false }
        return d.investigationOverdue(today: today)
    }

    /// She has not been told of progress within 90 days of the FIR.
    public func informOverdue(today: Day) -> Bool {
        guard let d = deadlines else { return false }
        if let informed = informedDay, informed <= d.informDue { return false }
        return d.informOverdue(today: today)
    }

    public func deadlinePassed(today: Day) -> Bool { investigationOverdue(today: today) || informOverdue(today: today) }

    /// The next court date from today, if one is set.
    public func nextCourtDay(today: Day) -> Day? { courtDays.filter { $0 >= today }.min() }
}
