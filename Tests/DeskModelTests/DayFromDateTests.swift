import DeskModel
import Foundation
import XCTest

/// A moment's day in India, worked out by arithmetic, must be the calendar's day: around every
/// midnight IST, on leap days and month ends, from 1946 (when +05:30 became fixed) to 2100.
final class DayFromDateTests: XCTestCase {
    func calendarDay(_ d: Date) -> (Int, Int, Int) {
        let p = DeskCalendar.calendar.dateComponents([.year, .month, .day], from: d)
        return (p.year ?? 0, p.month ?? 0, p.day ?? 0)
    }

    func testTheDayOfAMomentIsTheCalendarsDay() {
        var moments: [Date] = []
        // Either side of midnight IST (18:30 UTC) on days spread over the years, and on 29 Feb.
        for y in stride(from: 1946, through: 2100, by: 7) {
            for (m, d) in [(1, 1), (2, 28), (2, 29), (3, 1), (12, 31), (6, 30), (7, 1)] {
                guard let day = Day(year: y, month: m, day: d) else { continue }
                let midnight = day.startDate.timeIntervalSince1970
                moments += [midnight - 1, midnight, midnight + 1, midnight + 43_200, midnight + 86_399].map(Date.init(timeIntervalSince1970:))
            }
        }
        var seed: UInt64 = 7
        for _ in 0..<5_000 {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            moments.append(Date(timeIntervalSince1970: -757_402_200 + Double(seed % 4_900_000_000)))
        }
        var checked = 0
        for moment in moments {
            let d = Day(moment)
            let c = calendarDay(moment)
            XCTAssertEqual([d.year, d.month, d.day], [c.0, c.1, c.2], "\(moment)")
            checked += 1
        }
        XCTAssertGreaterThan(checked, 5_000)
        // Before 1946 the calendar answers, as before.
        let old = Date(timeIntervalSince1970: -1_000_000_000)
        XCTAssertEqual([Day(old).year, Day(old).month, Day(old).day], [calendarDay(old).0, calendarDay(old).1, calendarDay(old).2])
    }

    /// Days between two days, and a day some days on, by arithmetic: the calendar's answers, on
    /// random days from 1900 (the first a Day may be) to 2200, and across leap days and year ends.
    func testDayArithmeticIsTheCalendars() throws {
        var seed: UInt64 = 11
        func next(_ n: UInt64) -> Int {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            return Int((seed >> 33) % n)
        }
        var days: [Day] = []
        for y in [1600, 1900, 1999, 2000, 2024, 2026, 2100] {
            for (m, d) in [(1, 1), (2, 28), (2, 29), (3, 1), (12, 31)] { if let day = Day(year: y, month: m, day: d) { days.append(day) } }
        }
        for _ in 0..<1_500 {
            if let d = Day(year: 1900 + next(300), month: 1 + next(12), day: 1 + next(28)) { days.append(d) }
        }
        for (i, a) in days.enumerated() {
            let b = days[(i * 7 + 3) % days.count]
            let calendarDays = DeskCalendar.calendar.dateComponents([.day], from: b.startDate, to: a.startDate).day
            XCTAssertEqual(a.days(since: b), calendarDays, "\(a) since \(b)")
            let step = next(2_000) - 1_000
            let date = try XCTUnwrap(DeskCalendar.calendar.date(byAdding: .day, value: step, to: a.startDate))
            let c = calendarDay(date)
            let added = a.adding(days: step)
            XCTAssertEqual([added.year, added.month, added.day], [c.0, c.1, c.2], "\(a) + \(step)")
        }
        XCTAssertGreaterThan(days.count, 1_000)
    }

    /// Months on, by arithmetic (the two-month rule of every FIR of a district): the calendar's
    /// answer, the day kept or the month's last day, over every day of 2023–2028, month ends of
    /// leap and common years, across year ends, and the years at the edges. (Months back, which
    /// nothing of the desk asks for, are the day kept or the month's last day too; the calendar
    /// here answers 1 March for 29 March 2024 less 25 months, so they are checked on their own.)
    func testMonthsOnAreTheCalendars() throws {
        var days: [Day] = []
        var d = try XCTUnwrap(Day(year: 2023, month: 1, day: 1))
        while d.year < 2029 { days.append(d); d = d.adding(days: 1) }
        for y in [1900, 1901, 2000, 2100, 2998, 2999] {
            for (m, dd) in [(1, 1), (1, 31), (2, 28), (3, 31), (12, 31)] { if let x = Day(year: y, month: m, day: dd) { days.append(x) } }
        }
        var checked = 0
        for day in days {
            for months in [0, 1, 2, 3, 11, 12, 13, 24] {
                let date = try XCTUnwrap(DeskCalendar.calendar.date(byAdding: .month, value: months, to: day.startDate))
                let c = calendarDay(date)
                let added = day.adding(months: months)
                XCTAssertEqual([added.year, added.month, added.day], [c.0, c.1, c.2], "\(day) + \(months) months")
                checked += 1
            }
        }
        XCTAssertGreaterThan(checked, 15_000)
        let back: [((Int, Int, Int), Int, (Int, Int, Int))] = [
            ((2024, 3, 31), -1, (2024, 2, 29)), ((2024, 3, 29), -25, (2022, 2, 28)), ((2026, 1, 15), -13, (2024, 12, 15)),
            ((2025, 12, 31), -10, (2025, 2, 28)), ((2000, 5, 31), -3, (2000, 2, 29)),
        ]
        for (from, months, to) in back {
            let d = try XCTUnwrap(Day(year: from.0, month: from.1, day: from.2)).adding(months: months)
            XCTAssertEqual([d.year, d.month, d.day], [to.0, to.1, to.2], "\(from) \(months) months")
        }
    }
}
