/// Pick-lists of the counselling log, the plan and the prosecution track.

public enum SessionMode: String, Choice {
    case inPerson, phone, homeVisit
    public static let listKey = "sessionMode"
}

/// How she seemed, at the start and at the end of a session.
public enum EmotionalState: String, Choice {
    case distressed, anxious, low, calm, hopeful
    public static let listKey = "mood"
}

/// The five areas a counsellor tracks progress in.
public enum GoalArea: String, CaseIterable, Codable, Sendable {
    case safety, health, psychosocial, justice, livelihood
}

public enum GoalProgress: String, Choice {
    case notDiscussed, worse, same, better, achieved
    public static let listKey = "progress"
}

/// The kinds of rehabilitation step.
public enum StepKind: String, Choice {
    case counselling, shgLinkage, skillTraining, livelihood, scheme, shelter, legalAid
    public static let listKey = "stepKind"
}

public enum StepStatus: String, Choice {
    case planned, underway, done, dropped
    public static let listKey = "stepStatus"
    public var isFinished: Bool { self == .done || self == .dropped }
}

/// A referral to a partner moves sent → accepted → done, or is declined with a reason.
public enum ReferralState: String, Choice {
    case notReferred, sent, accepted, done, declined
    public static let listKey = "referral"
    /// Sent or accepted: the partner has yet to finish it.
    public var isWaiting: Bool { self == .sent || self == .accepted }
}

/// How the prosecution ended; a closure report (no charge sheet) ends it too.
public enum CourtOutcome: String, Choice {
    case pending, convicted, acquitted, compromise, withdrawn, closureReport
    public static let listKey = "outcome"
}

/// Why a referral went to a partner without her consent to sharing: the law's exceptions.
public enum SharingException: String, Choice {
    case child, dangerToLife
    public static let listKey = "sharingException"
}
