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
}
