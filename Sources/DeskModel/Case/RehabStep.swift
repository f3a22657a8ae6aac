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
    /// Why she was referred without her consent to sharing (a child, danger to life); nil when she consented.
    public var sharingException: SharingException?

    public init(id: UUID = UUID(), kind: StepKind, partnerID: String? = nil, status: StepStatus = .planned,
                due: Day? = nil, completed: Day? = nil, note: String = "", referral: ReferralState = .notReferred,
                referralDay: Day? = nil, declineReason: String = "", groupName: String = "", groupVillage: String = "",
                joined: Day? = nil, createdAt: Date, createdBy: String, sharingException: SharingException? = nil) {
        self.sharingException = sharingException
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

    enum CodingKeys: String, CodingKey {
        case id, kind, partnerID, status, due, completed, note, referral, referralDay, declineReason, groupName, groupVillage,
             joined, createdAt, createdBy, sharingException
    }

    /// Steps written before the sharing exception read without one.
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(UUID.self, forKey: .id)
        kind = try c.decode(StepKind.self, forKey: .kind)
        partnerID = try c.decodeIfPresent(String.self, forKey: .partnerID)
        status = try c.decode(StepStatus.self, forKey: .status)
        due = try c.decodeIfPresent(Day.self, forKey: .due)
        completed = try c.decodeIfPresent(Day.self, forKey: .completed)
        note = try c.decodeIfPresent(String.self, forKey: .note) ?? ""
        referral = try c.decode(ReferralState.self, forKey: .referral)
        referralDay = try c.decodeIfPresent(Day.self, forKey: .referralDay)
        declineReason = try c.decodeIfPresent(String.self, forKey: .declineReason) ?? ""
        groupName = try c.decodeIfPresent(String.self, forKey: .groupName) ?? ""
        groupVillage = try c.decodeIfPresent(String.self, forKey: .groupVillage) ?? ""
        joined = try c.decodeIfPresent(Day.self, forKey: .joined)
        createdAt = try c.decode(Date.self, forKey: .createdAt)
        createdBy = try c.decode(String.self, forKey: .createdBy)
        sharingException = try c.decodeIfPresent(SharingException.self, forKey: .sharingException)
    }

    /// Past its due day and not finished.
    public func isOverdue(today: Day) -> Bool {
        guard let due, !status.isFinished else { return false }
        return today > due
    }
}

/// The prosecution track: FIR, its sections, charge sheet or closure report, court dates, outcome.
public struct Prosecution: Codable, Hashable, Sendable {
    public var firDay: Day?
    public var chargeSheetDay: Day?
    public var courtDays: [Day]
    public var outcome: CourtOutcome
    /// The day she was last told how the investigation stands.
    public var informedDay: Day?
    /// The day a child was reported to (POCSO s.19(6)) or produced before (JJ Act s.31) the Child Welfare Committee.
    public var cwcReportDay: Day?
    /// The FIR's sections, picked from `Offence` (codes; one from a later version is kept unread).
    public var offenceCodes: [String]

    public init(firDay: Day? = nil, chargeSheetDay: Day? = nil, courtDays: [Day] = [], outcome: CourtOutcome = .pending,
                informedDay: Day? = nil, cwcReportDay: Day? = nil, offences: [Offence] = []) {
        self.firDay = firDay
        self.chargeSheetDay = chargeSheetDay
        self.courtDays = courtDays
        self.outcome = outcome
        self.informedDay = informedDay
        self.cwcReportDay = cwcReportDay
        offenceCodes = offences.map(\.rawValue)
    }

    enum CodingKeys: String, CodingKey {
        case firDay, chargeSheetDay, courtDays, outcome, informedDay, cwcReportDay, offenceCodes
    }

    /// Records written before the sections were picked read with none.
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        firDay = try c.decodeIfPresent(Day.self, forKey: .firDay)
        chargeSheetDay = try c.decodeIfPresent(Day.self, forKey: .chargeSheetDay)
        courtDays = try c.decodeIfPresent([Day].self, forKey: .courtDays) ?? []
        outcome = try c.decodeIfPresent(CourtOutcome.self, forKey: .outcome) ?? .pending
        informedDay = try c.decodeIfPresent(Day.self, forKey: .informedDay)
        cwcReportDay = try c.decodeIfPresent(Day.self, forKey: .cwcReportDay)
        offenceCodes = try c.decodeIfPresent([String].self, forKey: .offenceCodes) ?? []
    }

    public var offences: [Offence] {
        get { Offence.parse(offenceCodes) }
        set { offenceCodes = newValue.map(\.rawValue) }
    }

    /// Closed by a closure report (no charge sheet): the investigation is over, nothing more falls due.
    public var closedByReport: Bool { Self.closedByReport(outcome) }
    public static func closedByReport(_ outcome: CourtOutcome) -> Bool { outcome == .closureReport }

    public var deadlines: LegalDeadlines? { firDay.map { LegalDeadlines(fir: $0, offences: offences) } }

    /// Investigation not finished (no charge sheet) two months after the FIR, where s.193(2) applies.
    public func investigationOverdue(today: Day) -> Bool {
        guard let d = deadlines, chargeSheetDay == nil, !closedByReport else { return false }
        return d.investigationOverdue(today: today)
    }

    /// She has not been told of progress within 90 days of the FIR (s.193(3)(ii)).
    public func informOverdue(today: Day) -> Bool {
        guard let d = deadlines, !closedByReport else { return false }
        if let informed = informedDay, informed <= d.informDue { return false }
        return d.informOverdue(today: today)
    }

    public func deadlinePassed(today: Day) -> Bool { investigationOverdue(today: today) || informOverdue(today: today) }

    /// A compromise (राज़ीनामा) is an outcome only when every section may be compounded.
    public var compromiseAllowed: Bool { offences.allCompoundable }
}
