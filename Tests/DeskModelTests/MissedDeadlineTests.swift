@testable import DeskModel
import Foundation
import XCTest

/// A report's missed legal deadlines are worked out without the FIR's sections unless the two
/// months end in the period unmet: what the case's own rule (its prosecution's deadlines) says,
/// for FIRs on every day of two years, sections with and without the two-month limit, charge
/// sheets and tellings before, on and after their days, closure reports, and every month's period.
final class MissedDeadlineTests: XCTestCase {
    /// The rule as the case states it (`Prosecution.deadlines`), written out as the report had it.
    func caseRule(_ s: CaseSummary, _ p: ReportPeriod, _ today: Day) -> Bool {
        guard s.firDay != nil else { return false }
        let pros = s.prosecution
        guard let d = pros.deadlines, !pros.closedByReport else { return false }
        func missed(_ due: Day, _ done: Day?) -> Bool { p.contains(due) && (done.map { $0 > due } ?? (today > due)) }
        return (d.investigationDue.map { missed($0, s.chargeSheetDay) } ?? false) || missed(d.informDue, s.informedDay)
    }

    func testMissedDeadlinesAreTheCasesOwnRule() throws {
        var seed: UInt64 = 193
        func next(_ n: Int) -> Int {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            return Int((seed >> 33) % UInt64(n))
        }
        let start = try XCTUnwrap(Day(year: 2025, month: 1, day: 1))
        let today = try XCTUnwrap(Day(year: 2026, month: 11, day: 30))
        let sections: [[Offence]] = [[], [.bns85], [.bns64], [.pocso6, .bns85], [.dowry3, .bns115], [.bns70]]
        let outcomes: [CourtOutcome] = CourtOutcome.allCases
        var periods: [ReportPeriod] = []
        for y in [2025, 2026] { for m in 1...12 { if let p = ReportPeriod.month(y, m) { periods.append(p) } } }
        periods += [try XCTUnwrap(ReportPeriod.quarter(2026, 1)), try XCTUnwrap(ReportPeriod.quarter(2025, 4))]
        var missed = 0, checked = 0
        for _ in 0..<3_000 {
            var s = CaseSummary.blank()
            let fir = next(8) == 0 ? nil : start.adding(days: next(700))
            s.firDay = fir
            s.offenceCodes = sections[next(sections.count)].map(\.rawValue) + (next(10) == 0 ? ["unknownCode"] : [])
            s.outcome = outcomes[next(outcomes.count)]
            // Done before, on or after the day it was due, or not yet.
            if let fir, next(2) == 0 { s.chargeSheetDay = fir.adding(days: 30 + next(60)) }
            if let fir, next(2) == 0 { s.informedDay = fir.adding(days: 60 + next(60)) }
            for p in periods {
                let expected = caseRule(s, p, today)
                XCTAssertEqual(Report.missedDeadline(s, in: p, today: today), expected, "\(s.firDay.map(\.description) ?? "no FIR") \(s.offenceCodes) \(p)")
                if expected { missed += 1 }
                checked += 1
            }
        }
        XCTAssertGreaterThan(missed, 1_000)
        XCTAssertGreaterThan(checked, 70_000)
    }
}
