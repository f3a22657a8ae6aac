import Foundation

/// A child's POCSO path beside the CWC report (`ChildDuty`, `Prosecution.cwcReportDay`):
/// - the support person the CWC may give her (POCSO Rules 2020, rule 4(7)–(8)): who (a name or an
///   organisation) and the day appointed;
/// - her medical examination (POCSO s.27, done as BNSS s.184 says: within 24 hours of the
///   information);
/// - the Special Court's dates (POCSO s.28; s.35: her evidence within 30 days of cognizance).
public struct ChildTrack: Codable, Hashable, Sendable {
    /// The 24 hours of BNSS s.184 that POCSO s.27 follows: the law's, not a setting.
    public static let medicalHours = 24

    public var supportPerson: String = ""
    public var supportAppointed: Day?
    public var medicalExam: Day?
    /// The Special Court's hearing days, oldest first, each once.
    public var specialCourtDays: [Day] = []
    public init() {}

    /// A support person appointed has a name (or an organisation).
    public var consistent: Bool { supportAppointed == nil || !supportPerson.trimmingCharacters(in: .whitespaces).isEmpty }

    /// The last day the s.27 medical may be done: the day on which 24 hours from her report end.
    public static func medicalDue(reportedAt: Date) -> Day {
        Day(reportedAt.addingTimeInterval(Double(medicalHours) * 3600))
    }

    /// Adds a hearing day (kept sorted, each once).
    public mutating func addHearing(_ day: Day) {
        guard !specialCourtDays.contains(day) else { return }
        specialCourtDays.append(day)
        specialCourtDays.sort()
    }

    /// The next hearing on or after `today`.
    public func nextHearing(today: Day) -> Day? { specialCourtDays.first { $0 >= today } }
}

extension CaseRecord {
    /// The child path applies where POCSO does (a sexual offence against a child), or once
    /// anything of it was recorded.
    public var childPathApplies: Bool { childDuty == .pocso || child != nil }

    /// The s.27 medical was done after the 24 hours (or is not done and they have passed).
    public func childMedicalLate(today: Day) -> Bool {
        guard childPathApplies else { return false }
        let due = ChildTrack.medicalDue(reportedAt: reportedAt)
        if let done = child?.medicalExam { return done > due }
        return status != .closed && today > due
    }

    /// Changes the child path; days of the past must not be in the future (hearing days may be),
    /// the medical not before she came, and an appointed support person has a name.
    public mutating func updateChild(_ change: (inout ChildTrack) -> Void, today: Day, by: String, at: Date) throws(PathError) {
        guard status != .closed else { throw .caseClosed }
        guard childPathApplies else { throw .notChildCase }
        var t = child ?? ChildTrack()
        change(&t)
        guard [t.supportAppointed, t.medicalExam].compactMap({ $0 }).allSatisfy({ $0 <= today }) else { throw .dayInFuture }
        if let m = t.medicalExam, m < Day(reportedAt) { throw .beforeReport }
        guard t.consistent else { throw .supportPersonUnnamed }
        let added = Set(t.specialCourtDays).subtracting(child?.specialCourtDays ?? []).max()
        child = t
        note(.child, by: by, at: at, .path(.child(supportAppointed: t.supportAppointed, medical: t.medicalExam, hearing: added)))
    }
}
