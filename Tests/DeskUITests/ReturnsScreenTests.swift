@testable import DeskUI
import DeskModel
import Foundation
import XCTest

/// Issue 15: the returns to the district, from the SP's overview (t) or the report (F6).
final class ReturnsScreenTests: XCTestCase {
    func testReturnsSnapshot() throws {
        try checkSnapshots("returns", cases: 60) { h in
            h.login("sp", "4444")
            h.press(.char("t"))
            XCTAssertTrue(h.app.top is ReturnsScreen)
        }
    }

    func testSinceTheDeskBeganAndSavedOnRecord() throws {
        let h = try Harness(cases: 60)
        defer { h.cleanUp() }
        h.login("sp", "4444")
        h.press(.function(4), .function(6))
        let screen = try XCTUnwrap(h.app.top as? ReturnsScreen)
        let month = screen.current(h.ctx)
        XCTAssertEqual(month.period, ReportPeriod.month(2026, 11))
        h.press(.function(4))
        let all = screen.current(h.ctx)
        XCTAssertNil(all.period)
        XCTAssertGreaterThanOrEqual(all.total.identified, month.total.identified)
        XCTAssertTrue(h.screen.contains("\(all.total.identified) women identified, \(all.total.counselled) counselled"), h.screen)
        assertWellFormed(h)
        h.ctx.language = .hi
        assertWellFormed(h)
        XCTAssertTrue(h.screen.contains("डेस्क की शुरुआत से"), h.screen)
        let exportsBefore = AuditLog(store: h.ctx.store).entries().filter { $0.kind == .export }.count
        h.press(.function(10))
        let folder = h.root.appendingPathComponent("exports")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        XCTAssertEqual(files, ["returns-since-start-29-11-2026.csv", "returns-since-start-29-11-2026.txt"])
        let csv = try String(contentsOf: folder.appendingPathComponent(files[0]), encoding: .utf8)
        XCTAssertTrue(csv.contains("total,identified,\(all.total.identified)\n"), csv)
        XCTAssertEqual(AuditLog(store: h.ctx.store).entries().filter { $0.kind == .export }.count, exportsBefore + 1)
        // The desk officer has no returns: her report screen is her station's.
        h.logout()
        h.ctx.language = .en
        h.login("asha", "1111")
        h.choose("Reports and charts")
        h.press(.function(6))
        XCTAssertTrue(h.app.top is ReturnsScreen, "her one station's row")
    }
}
