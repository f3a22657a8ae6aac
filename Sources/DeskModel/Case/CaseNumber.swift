/// The human case number: station code, year and a running number per station and year,
/// e.g. IND-VJN-2026-0042. A number taken on another machine than the station's own PC carries
/// that machine's letter (IND-VJN-2026-0042D), so that machines never need a shared lock.
public struct CaseNumber: Codable, Hashable, Comparable, Sendable, CustomStringConvertible {
    public var stationCode: String
    public var year: Int
    public var sequence: Int
    /// "" or the taking machine's capital letter (`MachineIdentity.numberSuffix`).
    public var suffix: String = ""

    public init(stationCode: String, year: Int, sequence: Int, suffix: String = "") {
        self.stationCode = stationCode
        self.year = year
        self.sequence = sequence
        self.suffix = suffix
    }

    enum CodingKeys: String, CodingKey { case stationCode, year, sequence, suffix }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        stationCode = try c.decode(String.self, forKey: .stationCode)
        year = try c.decode(Int.self, forKey: .year)
        sequence = try c.decode(Int.self, forKey: .sequence)
        suffix = try c.decodeIfPresent(String.self, forKey: .suffix) ?? ""
    }

    /// A number without a letter is written as before.
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(stationCode, forKey: .stationCode)
        try c.encode(year, forKey: .year)
        try c.encode(sequence, forKey: .sequence)
        if !suffix.isEmpty { try c.encode(suffix, forKey: .suffix) }
    }

    public var description: String {
        let seq = String(sequence)
        return "\(stationCode)-\(year)-\(String(repeating: "0", count: max(0, 4 - seq.count)))\(seq)\(suffix)"
    }

    /// Parses "IND-VJN-2026-0042" (Devanagari digits allowed).
    public init?(_ text: String) {
        let parts = Digits.toASCII(text).uppercased().split(separator: "-").map(String.init)
        guard parts.count >= 3, var last = parts.last else { return nil }
        var suffix = ""
        if let letter = last.last, letter.isASCII, letter.isLetter { suffix = String(letter); last.removeLast() }
        guard let seq = Int(last), let year = Int(parts[parts.count - 2]), year >= 1900, seq > 0 else { return nil }
        self.init(stationCode: parts[0..<(parts.count - 2)].joined(separator: "-"), year: year, sequence: seq, suffix: suffix)
    }

    /// The next number at a station for a year, given the numbers that exist.
    public static func next(stationCode: String, year: Int, existing: some Sequence<CaseNumber>) -> CaseNumber {
        let top = existing.filter { $0.stationCode == stationCode && $0.year == year }.map(\.sequence).max() ?? 0
        return CaseNumber(stationCode: stationCode, year: year, sequence: top + 1)
    }

    public static func < (a: CaseNumber, b: CaseNumber) -> Bool {
        (a.stationCode, a.year, a.sequence, a.suffix) < (b.stationCode, b.year, b.sequence, b.suffix)
    }
}
