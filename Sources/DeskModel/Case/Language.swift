/// The two languages of the desk. Every user-facing string exists in both.
public enum Language: String, Codable, CaseIterable, Sendable {
    case en
    case hi

    public var other: Language { self == .en ? .hi : .en }
}
