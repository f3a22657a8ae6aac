import Foundation

/// One counselling session as the counsellor logs it. The notes in it are confidential: shown to
/// counsellors, to an SP only after a reveal with a reason, never in lists or exports.
public struct CounsellingSession: Codable, Hashable, Sendable, Identifiable {
    public var id: UUID
    public var number: Int
    public var day: Day
    public var mode: SessionMode
    public var minutes: Int
    public var counsellorID: String
    public var present: String
    public var problem: String
    public var moodStart: EmotionalState
    public var moodEnd: EmotionalState
    public var whatWasDone: String
    public var agreements: String
    public var progress: [GoalArea: GoalProgress]
    public var nextDay: Day?
    public var recordedAt: Date

    public init(id: UUID = UUID(), number: Int, day: Day, mode: SessionMode, minutes: Int, counsellorID: String,
                present: String = "", problem: String = "", moodStart: EmotionalState, moodEnd: EmotionalState,
                whatWasDone: String = "", agreements: String = "", progress: [GoalArea: GoalProgress] = [:],
                nextDay: Day? = nil, recordedAt: Date) {
        self.id = id
        self.number = number
        self.day = day
        self.mode = mode
        self.minutes = minutes
        self.counsellorID = counsellorID
        self.present = present
        self.problem = problem
        self.moodStart = moodStart
        self.moodEnd = moodEnd
        self.whatWasDone = whatWasDone
        self.agreements = agreements
        self.progress = progress
        self.nextDay = nextDay
        self.recordedAt = recordedAt
    }
}

/// A questionnaire as recorded on a case: the scores, who took them and when.
public struct ScreeningRecord: Codable, Hashable, Sendable, Identifiable {
    public var id: UUID
    public var screening: Screening
    public var by: String
    public var recordedAt: Date

    public init(id: UUID = UUID(), screening: Screening, by: String, recordedAt: Date) {
        self.id = id
        self.screening = screening
        self.by = by
        self.recordedAt = recordedAt
    }
}

/// Raised when PHQ-9 item 9 is above 0. It stays open until someone writes what was done.
public struct SelfHarmAlert: Codable, Hashable, Sendable, Identifiable {
    public var id: UUID
    public var raisedAt: Date
    public var raisedBy: String
    public var screeningID: UUID
    public var closedAt: Date?
    public var closedBy: String?
    public var actionNote: String

    public init(id: UUID = UUID(), raisedAt: Date, raisedBy: String, screeningID: UUID) {
        self.id = id
        self.raisedAt = raisedAt
        self.raisedBy = raisedBy
        self.screeningID = screeningID
        self.actionNote = ""
    }

    public var isOpen: Bool { closedAt == nil }
}
