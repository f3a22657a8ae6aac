import Foundation

/// What the law asks for a child (under 18), by what happened to her. The 24 hours are the law's,
/// not a setting.
/// - POCSO: a sexual offence against a child is reported to the Child Welfare Committee and the
///   Special Court within 24 hours (POCSO s.19(6)).
/// - Child marriage (PCMA 2006): the Child Marriage Prohibition Officer is told, and the child, in
///   need of care and protection, is produced before the CWC within 24 hours (JJ Act s.31).
/// - A missing or trafficked child, or any child in need of care and protection: produced before the
///   CWC within 24 hours (JJ Act s.31).
public enum ChildDuty: String, CaseIterable, Codable, Sendable {
    case pocso, childMarriage, careAndProtection

    /// Hours from her report to the CWC: fixed by POCSO s.19(6) and JJ Act s.31.
    public static let hours = 24

    /// The duty for a case, or nil for an adult, or a child whose case needs neither.
    public static func applying(age: Int?, category: IncidentCategory, offences: [Offence], relation: Relation?,
                                needsCare: Answer) -> ChildDuty? {
        guard (age ?? 99) < 18 else { return nil }
        if category == .sexualAssault || offences.contains(where: \.isSexual) { return .pocso }
        if category == .childMarriage || offences.contains(where: { $0.act == .pcma }) { return .childMarriage }
        // Abuse at home by her own family: she lives with those who hurt her (JJ Act s.2(14)(iii)).
        let harmedAtHome = relation == .parent || relation == .relative
        if [.missing, .trafficking].contains(category) || offences.contains(where: \.concernsCareAndProtection)
            || needsCare == .yes || harmedAtHome {
            return .careAndProtection
        }
        return nil
    }

    /// The last moment allowed: 24 hours after her report.
    public static func due(reportedAt: Date) -> Date { reportedAt.addingTimeInterval(Double(hours) * 3600) }
}

extension CaseRecord {
    /// The child's report to (or production before) the CWC is pending.
    public var cwcPending: Bool { childDuty != nil && prosecution.cwcReportDay == nil && status != .closed }

    /// Pending and the 24 hours from her report have passed.
    public func cwcLate(now: Date) -> Bool { cwcPending && now > ChildDuty.due(reportedAt: reportedAt) }
}
