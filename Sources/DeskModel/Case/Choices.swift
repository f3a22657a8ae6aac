/// A pick-list value. Its label is found in the strings as "choice.<listKey>.<rawValue>".
public protocol Choice: RawRepresentable, CaseIterable, Codable, Hashable, Sendable where RawValue == String {
    static var listKey: String { get }
}

extension Choice {
    public var labelKey: String { "choice.\(Self.listKey).\(rawValue)" }

    /// Read as the standard library reads an enum of strings (the same value, the same error), but
    /// made for each pick list: a case record holds hundreds of these, and the standard library's
    /// one, generic, looked up type metadata for every value read.
    public init(from decoder: Decoder) throws {
        let decoded = try decoder.singleValueContainer().decode(String.self)
        guard let value = Self(rawValue: decoded) else {
            throw DecodingError.dataCorrupted(DecodingError.Context(
                codingPath: decoder.codingPath, debugDescription: "Cannot initialize \(Self.self) from invalid String value \(decoded)"))
        }
        self = value
    }
}

public enum Answer: String, Choice {
    case unknown, yes, no
    public static let listKey = "answer"
}

public enum ArrivalMode: String, Choice {
    case walkIn, helpline181, helpline112, referral, shg, ngo
    public static let listKey = "arrival"
}

public enum CaseStatus: String, Choice {
    case open, counselling, rehabilitation, legal, closed
    public static let listKey = "status"
}

public enum IncidentCategory: String, Choice {
    case domesticViolence, dowry, sexualAssault, stalking, cyber, trafficking, childMarriage, missing, other
    public static let listKey = "category"
}

public enum PlaceType: String, Choice {
    case home, workplace, publicPlace, transport, online, other
    public static let listKey = "place"
}

public enum Relation: String, Choice {
    case husband, inLaws, parent, relative, acquaintance, employer, stranger, other
    public static let listKey = "relation"
}

public enum MaritalStatus: String, Choice {
    case single, married, separated, divorced, widowed
    public static let listKey = "marital"
}

public enum ComplaintKind: String, Choice {
    case none, complaint, ncr, fir, eFIR, zeroFIR
    public static let listKey = "complaint"
}

/// Who gave her consent: herself; for a child a guardian, or the Child Welfare Committee or a
/// support person (POCSO Rules 2020) when the guardian is on the accused's side.
public enum ConsentGiver: String, Choice {
    case herself, guardian, cwc, supportPerson
    public static let listKey = "consentBy"
}

public enum RiskLevel: String, Choice, Comparable {
    case low, medium, high
    public static let listKey = "risk"
    var rank: Int { self == .low ? 0 : self == .medium ? 1 : 2 }
    public static func < (a: RiskLevel, b: RiskLevel) -> Bool { a.rank < b.rank }
}
