import DeskModel
import XCTest

final class ScreeningTests: XCTestCase {
    let today = day(29, 11, 2026)

    /// Items that add up to `total`; for PHQ-9 item 9 is fixed when given, else filled last.
    func items(_ instrument: Instrument, total: Int, item9: Int? = nil) -> [Int] {
        var items = Array(repeating: 0, count: instrument.itemCount)
        if instrument == .phq9, let item9 { items[8] = item9 }
        var left = total - items.reduce(0, +)
        for i in items.indices where instrument != .phq9 || i != 8 || item9 == nil {
            let take = min(3, left)
            items[i] = take
            left -= take
        }
        return items
    }

    func testPHQ9BandsAtEveryTotal() throws {
        for total in 0...27 {
            let s = try Screening(.phq9, items: items(.phq9, total: total), day: today)
            XCTAssertEqual(s.total, total)
            let expected: Severity = total <= 4 ? .minimal : total <= 9 ? .mild : total <= 14 ? .moderate
                : total <= 19 ? .moderatelySevere : .severe
            XCTAssertEqual(s.severity, expected, "total \(total)")
        }
    }

    func testGAD7BandsAtEveryTotal() throws {
        for total in 0...21 {
            let s = try Screening(.gad7, items: items(.gad7, total: total), day: today)
            let expected: Severity = total <= 4 ? .minimal : total <= 9 ? .mild : total <= 14 ? .moderate : .severe
            XCTAssertEqual(s.severity, expected, "total \(total)")
            XCTAssertEqual(s.needsFurtherEvaluation, total >= 10)
            XCTAssertFalse(s.needsImmediateAction)
        }
    }

    func testItem9RaisesTheAlertAtEveryTotal() throws {
        for item9 in 0...3 {
            for total in item9...min(27, 24 + item9) {
                let s = try Screening(.phq9, items: items(.phq9, total: total, item9: item9), day: today)
                XCTAssertEqual(s.total, total)
                XCTAssertEqual(s.needsImmediateAction, item9 > 0, "item 9 = \(item9), total \(total)")
            }
        }
    }

    func testBadScoresAreRefused() {
        XCTAssertThrowsError(try Screening(.phq9, items: [0, 0, 0, 4, 0, 0, 0, 0, 0], day: today)) {
            XCTAssertEqual($0 as? ScreeningError, .itemOutOfRange(item: 4))
        }
        XCTAssertThrowsError(try Screening(.gad7, items: [0, 0, -1, 0, 0, 0, 0], day: today)) {
            XCTAssertEqual($0 as? ScreeningError, .itemOutOfRange(item: 3))
        }
        XCTAssertThrowsError(try Screening(.gad7, items: [1, 1], day: today)) {
            XCTAssertEqual($0 as? ScreeningError, .wrongItemCount(expected: 7, got: 2))
        }
    }

    func testImprovementIsThreePointsOrMore() throws {
        let first = try Screening(.phq9, items: items(.phq9, total: 16), day: day(1, 10, 2026))
        XCTAssertFalse(try Screening(.phq9, items: items(.phq9, total: 14), day: today).isImprovement(since: first))
        XCTAssertTrue(try Screening(.phq9, items: items(.phq9, total: 13), day: today).isImprovement(since: first))
        XCTAssertEqual(try Screening(.phq9, items: items(.phq9, total: 19), day: today).change(since: first), -3)
    }

    /// BNSS s.193(2): two calendar months from the FIR (rape: BNS 64); s.193(3)(ii): 90 days to tell her.
    func testDeadlinesAcrossMonthEndsAndLeapYears() {
        let rape: [Offence] = [.bns64]
        XCTAssertEqual(LegalDeadlines(fir: day(1, 1, 2026), offences: rape).investigationDue, day(1, 3, 2026))
        XCTAssertEqual(LegalDeadlines(fir: day(1, 1, 2024), offences: rape).investigationDue, day(1, 3, 2024))
        XCTAssertEqual(LegalDeadlines(fir: day(31, 12, 2026), offences: rape).investigationDue, day(28, 2, 2027), "no 31 February")
        XCTAssertEqual(LegalDeadlines(fir: day(31, 12, 2026), offences: rape).informDue, day(31, 3, 2027))
        XCTAssertEqual(LegalDeadlines(fir: day(30, 12, 2027), offences: rape).investigationDue, day(29, 2, 2028), "2028 is a leap year")
        XCTAssertEqual(LegalDeadlines(fir: day(31, 12, 2027), offences: rape).investigationDue, day(29, 2, 2028))
        XCTAssertEqual(LegalDeadlines(fir: day(29, 12, 2027), offences: rape).investigationDue, day(29, 2, 2028))
        XCTAssertEqual(LegalDeadlines(fir: day(31, 8, 2026), offences: rape).investigationDue, day(31, 10, 2026))
        XCTAssertEqual(LegalDeadlines(fir: day(1, 12, 2027), offences: rape).informDue, day(29, 2, 2028), "90 days across a leap February")
        XCTAssertEqual(LegalDeadlines(fir: day(1, 12, 2026), offences: rape).informDue, day(1, 3, 2027))
        XCTAssertEqual(day(1, 3, 2028).adding(days: -1), day(29, 2, 2028))
    }

    func testOverdueWithAFixedClock() {
        let d = LegalDeadlines(fir: day(29, 9, 2026), offences: [.pocso6])   // due 29-11-2026, inform 28-12-2026
        XCTAssertEqual(d.investigationDue, today)
        XCTAssertFalse(d.investigationOverdue(today: today), "the last day itself is in time")
        XCTAssertTrue(d.investigationOverdue(today: today.adding(days: 1)))
        XCTAssertFalse(d.informOverdue(today: today))
    }
}
