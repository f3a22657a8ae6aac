import Foundation

/// Why a case was closed (a list, so that the month's report can count closures by reason).
public enum ClosureReason: String, Choice {
    case goalsMet, movedAway, refusedServices, referredElsewhere, reconciledSafely, deceased, other
    public static let listKey = "closureReason"
}

/// What is checked before a case is closed.
public enum ClosureCheck: String, Choice {
    case safetyPlanReviewed, referralsEnded, legalStatusRecorded, toldHowToReturn
    public static let listKey = "closureCheck"
}

/// A case's closure: reason, checklist, who approved, and the follow-ups due after it. Closures
/// are kept in a list: a reopened case keeps the closure it had (history is never edited). Each
/// has an id, so that replication keeps two machines' closures of one case as two items.
public struct Closure: Codable, Hashable, Sendable, Identifiable {
    public static let followUpDays = [30, 90]

    public var id: UUID
    public var day: Day
    public var reason: ClosureReason
    public var checks: [ClosureCheck]
    public var by: String
    /// The supervising officer who approved (needed for a high-risk case or a child).
    public var approvedBy: String?
    /// The follow-up contacts done after closure (days), matched in order to `followUpDays`.
    public var followUpsDone: [Day]
    /// Set when the case was reopened after this closure.
    public var reopened: Day?

    public init(id: UUID = UUID(), day: Day, reason: ClosureReason, checks: [ClosureCheck], by: String, approvedBy: String? = nil,
                followUpsDone: [Day] = [], reopened: Day? = nil) {
        self.id = id
        self.day = day
        self.reason = reason
        self.checks = checks
        self.by = by
        self.approvedBy = approvedBy
        self.followUpsDone = followUpsDone
        self.reopened = reopened
    }

    enum CodingKeys: String, CodingKey { case id, day, reason, checks, by, approvedBy, followUpsDone, reopened }

    /// A closure written before closures had ids reads with one made from what never changes in
    /// it (day, reason, who closed), the same at every read and on every machine.
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        day = try c.decode(Day.self, forKey: .day)
        reason = try c.decode(ClosureReason.self, forKey: .reason)
        checks = try c.decodeIfPresent([ClosureCheck].self, forKey: .checks) ?? []
        by = try c.decode(String.self, forKey: .by)
        approvedBy = try c.decodeIfPresent(String.self, forKey: .approvedBy)
        followUpsDone = try c.decodeIfPresent([Day].self, forKey: .followUpsDone) ?? []
        reopened = try c.decodeIfPresent(Day.self, forKey: .reopened)
        id = try c.decodeIfPresent(UUID.self, forKey: .id) ?? StableID.make("closure|\(day)|\(reason.rawValue)|\(by)")
    }

    /// The follow-up days still due (30 and 90 days after closure), none once reopened; a
    /// deceased woman has none.
    public var followUpsDue: [Day] {
        guard reopened == nil, reason != .deceased else { return [] }
        return Closure.followUpDays.dropFirst(followUpsDone.count).map { day.adding(days: $0) }
    }
    public var followUpsOpen: Bool { !followUpsDue.isEmpty }
    public func followUpLate(today: Day) -> Bool { followUpsDue.first.map { today > $0 } ?? false }
}

extension CaseRecord {
    /// The closure in force (the last one, unless the case was reopened since).
    public var closure: Closure? { closures.last.flatMap { $0.reopened == nil && status == .closed ? $0 : nil } }

    /// A closure needs the supervising officer's approval for a woman at high risk and for a child.
    public var closureNeedsApproval: Bool { riskLevel == .high || isMinor }

    /// Which checks apply: "safety plan reviewed" only when she has one.
    public var closureChecks: [ClosureCheck] {
        ClosureCheck.allCases.filter { $0 != .safetyPlanReviewed || safetyPlan != nil }
    }

    /// Closes the case: a reason, every check that applies, and for a high-risk case or a child
    /// the approval of a supervising officer (`approverRole`). Open plan steps are ended.
    public mutating func close(_ closure: Closure, approverRole: Role?, at: Date) throws(PathError) {
        guard status != .closed else { throw .caseClosed }
        guard Set(closureChecks).isSubset(of: Set(closure.checks)) else { throw .checklistIncomplete }
        if closureNeedsApproval {
            guard closure.approvedBy != nil else { throw .approvalNeeded }
            guard approverRole?.supervises == true else { throw .approverNotSupervisor }
        }
        closures.append(closure)
        closureRequest = nil
        setStatus(.closed, by: closure.approvedBy ?? closure.by, at: at)
        note(.closed, by: closure.by, at: at, .path(.closed(closure.reason, approvedBy: closure.approvedBy)))
    }

    /// A closure asked by the desk for a case the SP must approve: the case stays open, the SP
    /// sees the request, and her own closure form (filled from it) closes it.
    public mutating func requestClosure(_ closure: Closure, at: Date) throws(PathError) {
        guard status != .closed else { throw .caseClosed }
        guard Set(closureChecks).isSubset(of: Set(closure.checks)) else { throw .checklistIncomplete }
        closureRequest = closure
        note(.closureRequested, by: closure.by, at: at, .path(.closed(closure.reason, approvedBy: nil)))
    }

    /// A follow-up contact after closure (30 and 90 days), logged as a contact too.
    public mutating func followUp(on day: Day, kind: ContactKind, by: String, today: Day, at: Date) throws(PathError) {
        guard status == .closed, var c = closures.last, c.followUpsOpen else { throw .caseNotClosed }
        guard day <= today else { throw .dayInFuture }
        c.followUpsDone.append(day)
        closures[closures.count - 1] = c
        contacts.append(ContactEntry(day: day, kind: kind, by: by))
        note(.contact, by: by, at: at, .path(.followUp(day)))
    }

    /// Reopens a closed case: recorded as an event and on its closure; nothing is edited away.
    public mutating func reopen(on day: Day, by: String, at: Date) throws(PathError) {
        guard status == .closed else { throw .caseNotClosed }
        if var c = closures.last {
            c.reopened = day
            closures[closures.count - 1] = c
        }
        setStatus(.open, by: by, at: at)
        note(.reopened, by: by, at: at, .path(.reopened(day)))
    }

    /// Days from intake to the closure in force (the report's "time to closure").
    public var daysToClosure: Int? { closure.map { $0.day.days(since: Day(reportedAt)) } }
}
