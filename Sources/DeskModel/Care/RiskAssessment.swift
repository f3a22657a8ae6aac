/// The danger questions asked at intake, and the risk level they give.
public enum DangerQuestion: String, CaseIterable, Codable, Sendable {
    case escalating      // violence getting worse in the last six months
    case weapon          // a weapon used, or a threat with one
    case strangling      // ever strangled / choked
    case pregnantBeaten  // beaten while pregnant
    case jealousy        // violent, constant jealousy
    case couldKill       // she believes he could kill her

    /// Answers that alone make the risk high: the strongest lethality markers in danger assessments.
    public var isSevere: Bool {
        self == .weapon || self == .strangling || self == .couldKill
    }
}

public struct RiskAssessment: Codable, Hashable, Sendable {
    public var answers: [DangerQuestion: Answer]

    public init(answers: [DangerQuestion: Answer] = [:]) {
        self.answers = answers
    }

    public func answer(_ q: DangerQuestion) -> Answer { answers[q] ?? .unknown }

    public var yesCount: Int { DangerQuestion.allCases.filter { answer($0) == .yes }.count }

    /// Rule: high if any severe marker is "yes" or three or more answers are "yes";
    /// medium if one or two are "yes"; low otherwise.
    public var level: RiskLevel {
        let severe = DangerQuestion.allCases.contains { $0.isSevere && answer($0) == .yes }
        if severe || yesCount >= 3 { return .high }
        if yesCount >= 1 { return .medium }
        return .low
    }

    /// A safety plan is needed at medium or high risk.
    public var safetyPlanNeeded: Bool { level != .low }
}

extension RiskAssessment {
    /// The level shown for a case: never below High while a self-harm alert is open.
    public static func shown(_ level: RiskLevel, alertOpen: Bool) -> RiskLevel { alertOpen ? max(level, .high) : level }
}
