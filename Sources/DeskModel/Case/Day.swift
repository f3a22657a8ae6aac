import Foundation

/// A calendar day without a time (incident date, date of birth), written DD-MM-YYYY at the desk.
public struct Day: Codable, Hashable, Comparable, Sendable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// Returns nil unless the three numbers name a real day of the Gregorian calendar.
    public init?(year: Int, month: Int, day: Int) {
        guard (1900...2999).contains(year), (1...12).contains(month), day >= 1,
              day <= Day.daysIn(month: month, year: year) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    public init(_ date: Date) {
        let parts = DeskCalendar.calendar.dateComponents([.year, .month, .day], from: date)
        self.year = parts.year ?? 1970
        self.month = parts.month ?? 1
        self.day = parts.day ?? 1
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

    public var description: String {
        String(format: "%02d-%02d-%04d", day, month, year)
    }

    /// Midnight at the start of this day, IST.
    public var startDate: Date {
        DeskCalendar.calendar.date(from: DateComponents(year: year, month: month, day: day)) ?? Date(timeIntervalSince1970: 0)
    }

    public static func < (a: Day, b: Day) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }
}
