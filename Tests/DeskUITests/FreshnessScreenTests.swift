@testable import DeskUI
import DeskModel
import Foundation
import XCTest

/// On a replicated store the SP's overview says when each station's data last arrived (stale
/// after 24 hours) and the top bar when the desk last synced; on any other store nothing changes.
final class FreshnessScreenTests: XCTestCase {
    func testTheOverviewShowsEachStationsLastDataAndMarksTheStaleOne() throws {
        let plain = try Harness(cases: 0, rows: 40, cols: 120)
        defer { plain.cleanUp() }
        plain.login("sp", "4444")
        XCTAssertFalse(plain.screen.contains("Data last received"), "not replicated: nothing about it")
        XCTAssertFalse(plain.screen.contains("synced"))
        XCTAssertTrue(plain.screen.contains("Vijay Nagar"), "signed in: the overview is shown")
        let h = try Harness(cases: 0, rows: 40, cols: 120)
        defer { h.cleanUp() }
        try h.ctx.store.shareStation("VJN", role: .district, numberSuffix: "D")
        try h.ctx.store.shareStation("MHK", role: .district, numberSuffix: "D")
        var ledger = TakeInLedger()
        ledger.lastArrival = ["VJN": testNow.addingTimeInterval(-2 * 3600), "MHK": testNow.addingTimeInterval(-30 * 3600)]
        h.ctx.store.saveLedger(ledger)
        h.login("sp", "4444")
        let screen = h.screen
        XCTAssertTrue(screen.contains("Data last received from each station:"), screen)
        XCTAssertTrue(screen.contains("Vijay Nagar: 29-11 08:30"), screen)
        XCTAssertTrue(screen.contains("Mahakal: 28-11 04:30  STALE: nothing newer for too long"), screen)
        XCTAssertTrue(screen.contains("synced 29-11 08:30"), screen)
        XCTAssertFalse(screen.contains("not kept in step"), screen)
        assertWellFormed(h)
        if ProcessInfo.processInfo.environment["URJA_SHOW_SCREEN"] == "1" { print(screen) }
    }
}
