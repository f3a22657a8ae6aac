/// The human case number: station code, year and a running number per station and year,
/// e.g. IND-VJN-2026-0042.
public struct CaseNumber: Codable, Hashable, Comparable, Sendable, CustomStringConvertible {
    public var stationCode: String
    public var year: Int
    public var sequence: Int

    public init(stationCode: String, year: Int, sequence: Int) {
        self.stationCode = stationCode
        self.year = year
        self.sequence = sequence
    }

    public var description: String {
        let seq = String(sequence)
        return "\(stationCode)-\(year)-\(String(repeating: "0", count: max(0, 4 - seq.count)))\(seq)"
    }

    /// Parses "IND-VJN-2026-0042" (Devanagari digits allowed).
    public init?(_ text: String) {
        let parts = Digits.toASCII(text).uppercased().split(separator: "-").map(String.init)
        guard parts.count >= 3, let seq = Int(parts[parts.count - 1]), let year = Int(parts[parts.count - 2]),
              year >= 1900, seq > 0 else { return nil }
        self.init(stationCode: parts[0..<(parts.count - 2)].joined(separator: "-"), year: year, sequence: seq)
    }

    /// The next number at a station for a year, given the numbers that exist.
    public static func next(stationCode: String, year: Int, existing: some Sequence<CaseNumber>) -> CaseNumber {
        let top = existing.filter { $0.stationCode == stationCode && $0.year == year }.map(\.sequence).max() ?? 0
        return CaseNumber(stationCode: stationCode, year: year, sequence: top + 1)
    }

    public static func < (a: CaseNumber, b: CaseNumber) -> Bool {
        (a.stationCode, a.year, a.sequence) < (b.stationCode, b.year, b.sequence)
    }
}
