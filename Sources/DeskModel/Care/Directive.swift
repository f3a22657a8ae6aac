import Foundation

/// An SP's instruction on one case, and the desk's answer to it.
public struct Directive: Codable, Hashable, Sendable, Identifiable {
    public var id: UUID
    public var caseID: UUID
    public var text: String
    public var due: Day
    public var by: String
    public var at: Date
    public var readAt: Date?
    public var readBy: String?
    public var doneAt: Date?
    public var doneBy: String?
    public var reply: String

    public enum State: String, CaseIterable, Sendable {
        /// Not yet seen by the desk.
        case unread
        /// Seen, not done, not yet due.
        case open
        /// Past its due day and not done.
        case late
        case done
    }

    public enum Problem: String, Error, Equatable, Sendable {
        case textTooShort, badDate, pastDate, replyTooShort
    }

    public static let shortestText = 5

    /// A new directive, checked: some words of instruction and a due day not in the past.
    public static func make(caseID: UUID, text: String, due: String, by: String, clock: DeskClock) -> Result<Directive, Problem> {
        let words = text.trimmingCharacters(in: .whitespaces)
        guard words.count >= shortestText else { return .failure(.textTooShort) }
        guard let day = Day.parse(due) else { return .failure(.badDate) }
        guard day >= Day(clock.now()) else { return .failure(.pastDate) }
        return .success(Directive(id: UUID(), caseID: caseID, text: words, due: day, by: by, at: clock.now(),
                                  readAt: nil, readBy: nil, doneAt: nil, doneBy: nil, reply: ""))
    }

    /// Done comes first, then late, then unread.
    public func state(today: Day) -> State {
        if doneAt != nil { return .done }
        if due < today { return .late }
        return readAt == nil ? .unread : .open
    }

    public mutating func markRead(by user: String, at date: Date) {
        guard readAt == nil else { return }
        readAt = date
        readBy = user
    }

    public mutating func markDone(reply text: String, by user: String, at date: Date) throws {
        let words = text.trimmingCharacters(in: .whitespaces)
        guard words.count >= Directive.shortestText else { throw Problem.replyTooShort }
        markRead(by: user, at: date)
        doneAt = date
        doneBy = user
        reply = words
    }
}
