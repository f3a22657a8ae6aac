import Foundation

/// A calendar day without a time (incident date, date of birth), written DD-MM-YYYY at the desk.
public struct Day: Codable, Hashable, Comparable, Sendable, CustomStringConvertible {
    // Kept in four bytes (a year of sessions of every case of a district is read into lists of
    // days; three whole numbers made each day twenty-four). Read and written as whole numbers.
    private let y: Int16
    private let m: UInt8
    private let d: UInt8
    public var year: Int { Int(y) }
    public var month: Int { Int(m) }
    public var day: Int { Int(d) }

    /// The same three numbers kept as before (a record's day is `{year, month, day}`).
    enum CodingKeys: String, CodingKey { case year, month, day }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let year = try c.decode(Int.self, forKey: .year), month = try c.decode(Int.self, forKey: .month)
        let day = try c.decode(Int.self, forKey: .day)
        guard let y = Int16(exactly: year), let m = UInt8(exactly: month), let d = UInt8(exactly: day) else {
            throw DecodingError.dataCorruptedError(forKey: .year, in: c, debugDescription: "not a day: \(year)-\(month)-\(day)")
        }
        (self.y, self.m, self.d) = (y, m, d)
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(year, forKey: .year)
        try c.encode(month, forKey: .month)
        try c.encode(day, forKey: .day)
    }

    /// A day from numbers in range (a calendar's answer, or numbers checked by the caller).
    private init(stored year: Int, _ month: Int, _ day: Int) {
        y = Int16(clamping: year)
        m = UInt8(clamping: month)
        d = UInt8(clamping: day)
    }

    /// Returns nil unless the three numbers name a real day of the Gregorian calendar.
    public init?(year: Int, month: Int, day: Int) {
        guard (1900...2999).contains(year), (1...12).contains(month), day >= 1,
              day <= Day.daysIn(month: month, year: year) else { return nil }
        self.init(stored: year, month, day)
    }

    /// A day already known to be real (the index's reader checks the common days itself).
    init(checked year: Int, _ month: Int, _ day: Int) {
        self.init(stored: year, month, day)
    }

    /// What a list's room is filled with before its days are written over it.
    static let placeholder = Day(checked: 1970, 1, 1)

    public init(_ date: Date) {
        // India has kept +05:30 since 1 January 1946: from then on the day is plain arithmetic
        // (the overview and reports ask for tens of thousands of days; a calendar took most of it).
        let t = date.timeIntervalSince1970
        if t >= Self.fixedOffsetSince, t < 32_503_680_000 {
            let days = Int(((t + 19_800) / 86_400).rounded(.down))
            let (year, month, day) = Self.civil(daysSince1970: days)
            self.init(stored: year, month, day)
            return
        }
        let parts = DeskCalendar.calendar.dateComponents([.year, .month, .day], from: date)
        self.init(stored: parts.year ?? 1970, parts.month ?? 1, parts.day ?? 1)
    }

    /// 1946-01-01 00:00 IST.
    static let fixedOffsetSince: TimeInterval = -757_402_200

    /// The Gregorian date of a day counted from 1970-01-01 (H. Hinnant's civil_from_days).
    static func civil(daysSince1970 z0: Int) -> (Int, Int, Int) {
        let z = z0 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    /// Days from 1970-01-01 to this day (H. Hinnant's days_from_civil), for days of the
    /// Gregorian calendar as Foundation keeps it (from 1600 on); nil before.
    var daysSince1970: Int? {
        guard year >= 1600 else { return nil }
        let y = month <= 2 ? year - 1 : year
        let era = y / 400
        let yoe = y - era * 400
        let mp = month > 2 ? month - 3 : month + 9
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    public static func isLeap(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Parses "DD-MM-YYYY" (also with / or . between the parts, Devanagari digits allowed).
    public static func parse(_ text: String) -> Day? {
        let ascii = Digits.toASCII(text.trimmingCharacters(in: .whitespaces))
        let parts = ascii.split(whereSeparator: { $0 == "-" || $0 == "/" || $0 == "." })
        guard parts.count == 3, parts[2].count == 4,
              let d = Int(parts[0]), let m = Int(parts[1]), let y = Int(parts[2]) else { return nil }
        return Day(year: y, month: m, day: d)
    }

    /// Written as a day is (three numbers, the year of four digits), whether or not the day exists.
    public static func hasDateShape(_ text: String) -> Bool {
        let ascii = Digits.toASCII(text.trimmingCharacters(in: .whitespaces))
        let parts = ascii.split(whereSeparator: { $0 == "-" || $0 == "/" || $0 == "." })
        return parts.count == 3 && parts[2].count == 4 && parts.allSatisfy { Int($0) != nil }
    }

    /// "DD-MM-YYYY", as `String(format: "%02d-%02d-%04d")` writes it (made by hand for the days
    /// every day can hold: a case's timeline writes hundreds of these at each save).
    public var description: String {
        guard (0..<100).contains(day), (0..<100).contains(month), (0..<10_000).contains(year) else {
            return String(format: "%02d-%02d-%04d", day, month, year)
        }
        let zero = UInt8(ascii: "0"), dash = UInt8(ascii: "-")
        let d = UInt8(day), m = UInt8(month), y = year
        return String(unsafeUninitializedCapacity: 10) { text in
            text[0] = zero + d / 10
            text[1] = zero + d % 10
            text[2] = dash
            text[3] = zero + m / 10
            text[4] = zero + m % 10
            text[5] = dash
            text[6] = zero + UInt8(y / 1_000)
            text[7] = zero + UInt8(y / 100 % 10)
            text[8] = zero + UInt8(y / 10 % 10)
            text[9] = zero + UInt8(y % 10)
            return 10
        }
    }

    /// Midnight at the start of this day, IST.
    public var startDate: Date {
        DeskCalendar.calendar.date(from: DateComponents(year: year, month: month, day: day)) ?? Date(timeIntervalSince1970: 0)
    }

    public static func < (a: Day, b: Day) -> Bool {
        (a.y, a.m, a.d) < (b.y, b.m, b.d)
    }
}
