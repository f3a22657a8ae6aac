/// The languages of the desk. Every user-facing string exists in each (a test checks).
public enum Language: String, Codable, CaseIterable, Sendable {
    case en
    case hi
    /// Hindi in Roman letters ("naya panjiyan", "thane ki katar"), as many staff read Hindi on
    /// phones, for terminals and consoles that cannot show Devanagari.
    case hinglish = "hi-Latn"

    /// The language shown beside this one where a form gives both (Hindi and English).
    public var other: Language { self == .en ? .hi : .en }

    /// The next language of F2: हिन्दी → Hinglish → English → हिन्दी.
    public var next: Language {
        switch self {
        case .hi: return .hinglish
        case .hinglish: return .en
        case .en: return .hi
        }
    }

    /// Written in Devanagari (a terminal that cannot show it is better served by Hinglish).
    public var isDevanagari: Bool { self == .hi }
}
