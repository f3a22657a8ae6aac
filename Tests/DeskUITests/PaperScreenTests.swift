@testable import DeskUI
import DeskModel
import Foundation
import XCTest

/// Issue 15: papers from the case screen (p): Hindi first, what the role may print, on record,
/// and no referral letter without her consent to sharing.
final class PaperScreenTests: XCTestCase {
    func testPapersFromTheCaseScreen() throws {
        let h = try Harness(cases: 30)
        defer { h.cleanUp() }
        var sent: [(String, PaperOutput.Way)] = []
        h.ctx.routePapers { html, way in sent.append((html, way)) }
        h.login("asha", "1111")
        let cases = h.ctx.visibleCases
        let without = try XCTUnwrap(cases.first { $0.consent.sharing != .yes }, "a case without sharing consent")
        h.openCase(without.number.description)
        h.press(.char("p"))
        XCTAssertTrue(h.app.top is PaperMenuScreen, h.screen)
        assertWellFormed(h)
        XCTAssertTrue(h.screen.contains("Her slip"), h.screen)
        XCTAssertFalse(h.screen.contains("Counselling summary"), "the desk makes no counselling summary\n" + h.screen)
        XCTAssertTrue(h.screen.contains("हिन्दी"), "Hindi first\n" + h.screen)
        // The referral letter: refused, nothing sent, nothing on record.
        let before = AuditLog(store: h.ctx.store).entries().filter { $0.kind == .paperPrinted }.count
        h.press(.char("2"))
        XCTAssertTrue(sent.isEmpty)
        XCTAssertTrue(h.screen.contains("No referral letter: she has not consented to sharing"), h.screen)
        // Her slip, discreet, in Hindi: sent to the browser, on record.
        h.press(.char("w"), .char("1"))
        XCTAssertEqual(sent.count, 1)
        XCTAssertEqual(sent.first?.1, .browser)
        let page = try XCTUnwrap(sent.first?.0)
        XCTAssertTrue(page.contains("lang=\"hi\"") && page.contains("मुलाक़ात पर्ची"), page)
        XCTAssertFalse(page.contains(without.identity.name), "discreet: not even her name")
        XCTAssertTrue(h.screen.contains("opened in the browser"), h.screen)
        let printed = AuditLog(store: h.ctx.store).entries().filter { $0.kind == .paperPrinted }
        XCTAssertEqual(printed.count, before + 1)
        XCTAssertEqual(printed.last?.caseID, without.id)
        XCTAssertTrue(printed.last?.detail.hasPrefix("slip hi browser") == true, printed.last?.detail ?? "")
        XCTAssertFalse(printed.last?.detail.contains(without.identity.name) == true)
        // English on the switch.
        h.press(.char("l"), .char("1"))
        XCTAssertTrue(sent.last?.0.contains("Appointment slip") == true)
        // The SP's case screen offers no papers.
        h.logout()
        h.login("sp", "4444")
        h.press(.char("m"))
        h.choose("Station queues")
        h.press(.enter)
        h.type(without.number.description)
        h.press(.enter)
        XCTAssertTrue(h.app.top is CaseDetailScreen, h.screen)
        XCTAssertFalse(h.screen.contains("Papers"), "not on her key bar\n" + h.screen)
        h.press(.char("p"))
        XCTAssertTrue(h.app.top is CaseDetailScreen)
        XCTAssertTrue(h.screen.contains("Your role prints no papers."), h.screen)
    }
}
