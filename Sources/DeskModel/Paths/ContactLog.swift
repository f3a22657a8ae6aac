import Foundation

/// How the desk reached her, besides a counselling session.
public enum ContactKind: String, Choice {
    case phone, homeVisit, message, atDesk
    public static let listKey = "contactKind"
}

/// One contact with her by the desk: a call, a home visit, a message, a visit to the desk. Each
/// counts for the SP's "high risk, no contact for N days" flag, like a session.
public struct ContactEntry: Codable, Hashable, Sendable, Identifiable {
    public var id: UUID
    public var day: Day
    public var kind: ContactKind
    /// False when she could not be reached (a call not answered): logged, but not a contact.
    public var reached: Bool
    public var by: String

    public init(id: UUID = UUID(), day: Day, kind: ContactKind, reached: Bool = true, by: String) {
        self.id = id
        self.day = day
        self.kind = kind
        self.reached = reached
        self.by = by
    }
}

extension CaseRecord {
    /// Logs a contact; a day after today is refused (a contact is logged when it happened).
    public mutating func logContact(_ entry: ContactEntry, today: Day, at: Date) throws(PathError) {
        guard status != .closed || closure?.followUpsOpen == true else { throw .caseClosed }
        guard entry.day <= today else { throw .dayInFuture }
        contacts.append(entry)
        note(.contact, by: entry.by, at: at, .path(.contact(entry.kind, entry.day, reached: entry.reached)))
    }
}
