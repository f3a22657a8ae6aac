@testable import DeskModel
import Foundation
import XCTest

/// Issue 14: the month's report counts where rescued women went (home after the home
/// investigation, or rehabilitation) in the month the outcome was recorded, through the review
/// index line (SummaryLine) as the report reads it.
final class TraffickingOutcomeReportTests: XCTestCase {
    func rescued(_ seq: Int, outcome: TraffickingOutcome, on: Day) throws -> CaseRecord {
        var r = makeCase(seq, reported: day(1, 10, 2026).startDate)
        r.incident.category = .trafficking
        r.consent.statistics = .yes
        try r.updateTrafficking({ $0.rescued = day(1, 10, 2026); $0.homeInvestigation = day(15, 10, 2026); $0.outcome = .pending },
                                today: on, by: "asha", at: day(1, 10, 2026).startDate)
        try r.updateTrafficking({ $0.outcome = outcome }, today: on, by: "asha", at: on.startDate.addingTimeInterval(3_600 * 12))
        return r
    }

    func testOutcomesAreCountedInTheMonthTheyWereRecorded() throws {
        let home = try rescued(1, outcome: .repatriated, on: day(5, 11, 2026))
        XCTAssertEqual(home.trafficking?.outcomeDay, day(5, 11, 2026))
        let rehab = try rescued(2, outcome: .rehabilitated, on: day(30, 11, 2026))
        let october = try rescued(3, outcome: .rehabilitated, on: day(31, 10, 2026))
        let waiting = try rescued(4, outcome: .pending, on: day(10, 11, 2026))
        XCTAssertNil(waiting.trafficking?.outcomeDay)
        let summaries = [home, rehab, october, waiting].compactMap { SummaryLine.decode(Substring(SummaryLine.encode(CaseSummary($0)))) }
        XCTAssertEqual(summaries.count, 4)
        XCTAssertEqual(summaries.first?.paths.traffickingOutcome, .repatriated, "kept in the index line")
        let november = Report.make(summaries, period: try XCTUnwrap(ReportPeriod.month(2026, 11)), stationIDs: ["VJN"], today: day(30, 11, 2026))
        XCTAssertEqual(november.traffickingOutcomes, [.repatriated: 1, .rehabilitated: 1], "October's is October's; a pending one is none")
        let oct = Report.make(summaries, period: try XCTUnwrap(ReportPeriod.month(2026, 10)), stationIDs: ["VJN"], today: day(30, 11, 2026))
        XCTAssertEqual(oct.traffickingOutcomes, [.rehabilitated: 1])
    }
}
