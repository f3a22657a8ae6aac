import Foundation

/// A field of a case changed on two machines without either seeing the other's change: both
/// values, with who and when, kept on the case until someone at the desk picks one.
public struct FieldConflict: Codable, Hashable, Sendable {
    public struct Choice: Codable, Hashable, Sendable {
        /// The value as a JSON fragment (`"Indore"`, `3`, `null` for an answer taken away).
        public var value: String
        public var by: String
        public var at: Date
        public var machine: String

        public init(value: String, by: String, at: Date, machine: String) {
            self.value = value
            self.by = by
            self.at = at
            self.machine = machine
        }

        /// The value as a person reads it: the text without its quotes, "—" for none.
        public var shown: String {
            if value == "null" { return "—" }
            if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2,
               let s = try? JSONSerialization.jsonObject(with: Data(value.utf8), options: .fragmentsAllowed) as? String { return s }
            return value
        }
    }

    /// Where in the case: `identity.address`, `plan[<step id>].status`.
    public var path: String
    /// Newest first; the first is what the case shows until the conflict is resolved.
    public var choices: [Choice]

    public init(path: String, choices: [Choice]) {
        self.path = path
        self.choices = choices
    }
}
