import Foundation

/// The deadlines the law sets from the day of the FIR, by the sections of the FIR:
/// - BNSS s.193(2): the investigation within two months, only for BNS ss.64–68, 70, 71 and
///   POCSO ss.4, 6, 8, 10 (`Offence.hasTwoMonthInvestigation`);
/// - BNSS s.193(3)(ii): for every FIR, she is told the progress of the investigation within 90 days.
public struct LegalDeadlines: Equatable, Sendable {
    public static let investigationMonths = 2
    public static let informDays = 90

    public let fir: Day
    /// True when s.193(2) applies to one of the FIR's sections.
    public let twoMonthRule: Bool

    /// The last day of the two months (a calendar month: 31 December + 2 months is 28 or 29
    /// February); nil when no section of the FIR carries the limit.
    public var investigationDue: Day? { twoMonthRule ? Self.investigationDay(fir: fir) : nil }
    public var informDue: Day { Self.informDay(fir: fir) }

    /// The last day of the two months from an FIR (where the sections carry the limit).
    public static func investigationDay(fir: Day) -> Day { fir.adding(months: investigationMonths) }
    /// The last day to tell her of progress.
    public static func informDay(fir: Day) -> Day { fir.adding(days: informDays) }

    public init(fir: Day, offences: [Offence]) {
        self.fir = fir
        twoMonthRule = offences.needsTwoMonthInvestigation
    }

    /// Passed when today is after the last day allowed.
    public func investigationOverdue(today: Day) -> Bool { investigationDue.map { today > $0 } ?? false }
    public func informOverdue(today: Day) -> Bool { today > informDue }
}

extension Day {
    /// The day `days` later (or earlier, when negative), across month and year ends.
    public func adding(days: Int) -> Day {
        // By arithmetic where the calendar is the plain Gregorian one (the review asks this of
        // every case); the calendar otherwise.
        if let n = daysSince1970, n + days >= -135_140 {
            let (y, m, d) = Day.civil(daysSince1970: n + days)
            if let day = Day(year: y, month: m, day: d) { return day }
        }
        let date = DeskCalendar.calendar.date(byAdding: .day, value: days, to: startDate) ?? startDate
        return Day(date)
    }

    /// The same day `months` later; a day the month lacks becomes its last (31-12 + 2 → 28/29-02).
    public func adding(months: Int) -> Day {
        // By arithmetic in the years the desk keeps (as the calendar does it: the day kept, or the
        // month's last day when the month is shorter); the calendar otherwise.
        let total = year * 12 + (month - 1) + months
        let y = total / 12, m = total % 12 + 1
        if total >= 0, (1900...2999).contains(y), let d = Day(year: y, month: m, day: Swift.min(day, Day.daysIn(month: m, year: y))) {
            return d
        }
        let date = DeskCalendar.calendar.date(byAdding: .month, value: months, to: startDate) ?? startDate
        return Day(date)
    }
}

extension Day {
    /// Whole days from `other` to this day (negative when this one comes first).
    public func days(since other: Day) -> Int {
        if let a = daysSince1970, let b = other.daysSince1970 { return a - b }
        return DeskCalendar.calendar.dateComponents([.day], from: other.startDate, to: startDate).day ?? 0
    }
}
