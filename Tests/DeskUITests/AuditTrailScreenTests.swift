@testable import DeskUI
import DeskModel
import Foundation
import XCTest

/// The audit screen on a replicated store: another machine's lines (its log in the station folder)
/// shown with this store's own, by time; opened, a line names its machine; a line altered in that
/// log turns the count into "Chain broken".
final class AuditTrailScreenTests: XCTestCase {
    func testAnotherMachinesLinesShowAndAnAlteredOneIsCaught() throws {
        let h = try Harness(cases: 0, rows: 30, cols: 120)
        defer { h.cleanUp() }
        try h.ctx.store.shareStation("VJN", role: .district, numberSuffix: "D")
        let other = AuditLog(store: h.ctx.store, stationID: "VJN", machineID: "THANAA01")
        try FileManager.default.createDirectory(at: other.url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try other.append(AuditEntry(at: testNow.addingTimeInterval(1800), user: "kavita", kind: .login, detail: "at thana A"))
        try other.append(AuditEntry(at: testNow.addingTimeInterval(3600), user: "kavita", kind: .settingsChanged, detail: "then this"))
        h.login("admin", "9999")
        h.choose(h.ctx.t(.menu_audit))
        var screen = h.screen
        XCTAssertTrue(screen.contains("at thana A"), screen)
        XCTAssertTrue(screen.contains("3 entries, chain intact"), screen)
        h.press(.enter)   // the newest: thana A's line
        screen = h.screen
        XCTAssertTrue(screen.contains("Machine") && screen.contains("THANAA01"), screen)
        h.press(.escape)
        h.press(.escape)
        let text = try String(contentsOf: other.url, encoding: .utf8).replacingOccurrences(of: "at thana A", with: "at thana B")
        try Data(text.utf8).write(to: other.url)
        XCTAssertFalse(AuditTrail.read(h.ctx.store).intact)
        h.choose(h.ctx.t(.menu_audit))
        XCTAssertTrue(h.screen.contains("Chain broken"), h.screen)
        if ProcessInfo.processInfo.environment["URJA_SHOW_SCREEN"] == "1" { print(h.screen) }
    }
}
