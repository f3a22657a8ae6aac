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
}
