import Foundation

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

    /// The flag's bit: its place in `allCases`.
    var bit: UInt8 {
        switch self {
        case .alert: 1
        case .minorPending: 2
        case .overdue: 4
        case .noContact: 8
        case .legalPassed: 16
        case .referralWaiting: 32
        }
    }
}
