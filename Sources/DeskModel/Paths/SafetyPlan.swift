import Foundation

/// The numbers a safety plan gives her (she keeps them, not the desk's phone).
public enum Helpline: String, Choice {
    /// Police emergency, women's helpline, child helpline, cyber crime, Tele-MANAS (mental health).
    case police112, women181, child1098, cyber1930, teleManas14416
    public static let listKey = "helpline"
    public var number: String {
        switch self {
        case .police112: return "112"
        case .women181: return "181"
        case .child1098: return "1098"
        case .cyber1930: return "1930"
        case .teleManas14416: return "14416"
        }
    }
}

/// A safety plan as a counsellor writes one with her: the signs that danger is rising, where and
/// to whom she can go, what she keeps ready, the numbers she has, and when it is looked at again.
/// The free text is confidential like session notes (sealed with the record).
public struct SafetyPlan: Codable, Hashable, Sendable {
    public var made: Day
    public var madeWithHer: Answer
    public var warningSigns: String
    public var safePlaces: String
    public var safePeople: String
    public var documentsReady: Answer
    public var moneyReady: Answer
    public var helplines: [Helpline]
    public var reviewDue: Day?
    /// Each day the plan was looked at again with her, oldest first.
    public var reviewed: [Day]
    public var by: String

    public init(made: Day, madeWithHer: Answer = .yes, warningSigns: String = "", safePlaces: String = "",
                safePeople: String = "", documentsReady: Answer = .unknown, moneyReady: Answer = .unknown,
                helplines: [Helpline] = Helpline.allCases, reviewDue: Day? = nil, reviewed: [Day] = [], by: String) {
        self.made = made
        self.madeWithHer = madeWithHer
        self.warningSigns = warningSigns
        self.safePlaces = safePlaces
        self.safePeople = safePeople
        self.documentsReady = documentsReady
        self.moneyReady = moneyReady
        self.helplines = helplines
        self.reviewDue = reviewDue
        self.reviewed = reviewed
        self.by = by
    }

    /// A review is overdue once its day has passed (a flag for the SP while the case is open).
    public func reviewOverdue(today: Day) -> Bool { reviewDue.map { today > $0 } ?? false }
}

extension CaseRecord {
    /// A safety plan is needed when the danger answers say so, she is at high risk, or an order
    /// under the DV Act was breached; the SP sees "needed, none made".
    public var needsSafetyPlan: Bool { risk.safetyPlanNeeded || riskLevel == .high }

    /// Makes or replaces the plan; the review day, when set, must not come before the plan.
    public mutating func setSafetyPlan(_ plan: SafetyPlan, at: Date) throws(PathError) {
        guard status != .closed else { throw .caseClosed }
        if let due = plan.reviewDue, due < plan.made { throw .reviewBeforePlan }
        let replacing = safetyPlan != nil
        safetyPlan = plan
        note(.safetyPlan, by: plan.by, at: at, .path(replacing ? .safetyPlanChanged : .safetyPlanMade(plan.made)))
    }

    /// The plan looked at again with her on `day`; the next review is set (or none).
    public mutating func reviewSafetyPlan(on day: Day, next: Day?, by: String, at: Date) throws(PathError) {
        guard status != .closed else { throw .caseClosed }
        guard var plan = safetyPlan else { throw .noSafetyPlan }
        if let next, next <= day { throw .reviewBeforePlan }
        plan.reviewed.append(day)
        plan.reviewDue = next
        safetyPlan = plan
        note(.safetyPlan, by: by, at: at, .path(.safetyPlanReviewed(day)))
    }
}
