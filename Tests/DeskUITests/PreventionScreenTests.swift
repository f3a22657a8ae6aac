@testable import DeskUI
import DeskModel
import Foundation
import XCTest

/// Issue 15: the awareness events register, entered like any form (Hindi first, checked at the
/// field, drafted at every key), counted in the SP's overview and report.
final class PreventionScreenTests: XCTestCase {
    /// From the register: a new event, its place typed in Devanagari, everything else chosen.
    func enterEvent(_ h: Harness, place: String = "शासकीय कन्या विद्यालय") {
        h.press(.char("n"))
        XCTAssertTrue(h.app.top is EntryScreen, h.screen)
        h.press(.tab, .right, .right, .tab)       // day stays today; kind of place: school
        h.type(place)
        h.press(.tab, .char("1"), .tab)          // audience: students
        h.type("85")
        h.press(.tab, .tab)
        h.type("40")
        h.press(.tab, .tab, .enter, .char(" "), .down, .char(" "), .enter)   // topics: 112, 181
    }

    func testAnEventEnteredInHindiShowsInTheSPsOverviewAndReport() throws {
        let h = try Harness(cases: 20)
        defer { h.cleanUp() }
        h.ctx.language = .hi
        h.login("asha", "1111")
        h.press(.char("a"))
        XCTAssertTrue(h.screen.contains("अभी कोई जागरूकता कार्यक्रम नहीं"), h.screen)
        enterEvent(h)
        XCTAssertTrue(h.screen.contains("हेल्पलाइन 112 (आपात), हेल्पलाइन 181 (महिला)"), h.screen)
        h.press(.function(10))
        XCTAssertTrue(h.app.top is EventListScreen, h.screen)
        XCTAssertTrue(h.screen.contains("जागरूकता कार्यक्रम सहेजा गया (125 तक पहुँचे)"), h.screen)
        XCTAssertTrue(h.screen.contains("इस माह: 1 कार्यक्रम · 125 तक पहुँचे (85 महिलाएँ, 0 पुरुष, 40 बच्चे)"), h.screen)
        XCTAssertTrue(h.screen.contains("विद्यालय: शासकीय कन्या विद्यालय"), h.screen)
        assertWellFormed(h)
        // One line in the audit log, naming no place.
        let audit = AuditLog(store: h.ctx.store).entries()
        XCTAssertEqual(audit.filter { $0.kind == .eventSaved }.count, 1)
        XCTAssertFalse(audit.contains { $0.detail.contains("शासकीय") })
        h.logout()
        h.login("sp", "4444")
        XCTAssertTrue(h.app.top is OverviewScreen, h.screen)
        XCTAssertTrue(h.screen.contains("इस माह जागरूकता कार्यक्रम: 1 · 125 तक पहुँच (85 महिलाएँ, 0 पुरुष, 40 बच्चे)"), h.screen)
        h.press(.function(4))
        let report = try XCTUnwrap(h.app.top as? ReportScreen)
        let lines = report.lines(h.ctx, width: 78).joined(separator: "\n")
        XCTAssertTrue(lines.contains("रोकथाम: जागरूकता कार्यक्रम"), lines)
        XCTAssertTrue(lines.contains(ReportText(strings: h.ctx.strings, language: .hi, directory: h.ctx.directory)
            .row("हुए कार्यक्रम", 1)), lines)
        XCTAssertTrue(lines.contains("श्रोता के अनुसार पहुँचे लोग"), lines)
        XCTAssertTrue(lines.contains("विषय के अनुसार जागरूकता कार्यक्रम"), lines)
        XCTAssertTrue(ReportText.csv(try XCTUnwrap(report.report(h.ctx))).contains("prevention,reached,125\n"))
    }

    func testAMistakeIsSaidAtTheFieldAndTheDraftSurvivesLeaving() throws {
        let h = try Harness(cases: 0)
        defer { h.cleanUp() }
        h.ctx.language = .hi
        h.login("asha", "1111")
        h.press(.char("a"), .char("n"))
        h.press(.tab, .tab)
        h.type("वार्ड 12")
        h.press(.tab, .tab)
        h.type("0")
        h.press(.tab, .tab)
        h.type("0")
        h.press(.tab)
        XCTAssertTrue(h.screen.contains("⚠ पहुँचीं महिलाएँ, पुरुष या बच्चे: कम से कम एक"), h.screen)
        // Saving refuses, at the first field in error, and keeps everything.
        h.press(.function(10))
        XCTAssertTrue(h.app.top is EntryScreen)
        // Leaving keeps a draft; coming back restores it.
        h.press(.escape)
        XCTAssertTrue(h.app.top is EventListScreen)
        h.press(.char("n"))
        XCTAssertTrue(h.screen.contains("वार्ड 12"), h.screen)
        XCTAssertTrue(h.screen.contains("आपका अधूरा जागरूकता कार्यक्रम वापस खुल गया"), h.screen)
        XCTAssertTrue(h.ctx.events.isEmpty, "nothing saved")
    }

    func testTheCounsellorKeepsNoRegisterAndTheSPSeesEveryStation() throws {
        let h = try Harness(cases: 0)
        defer { h.cleanUp() }
        h.login("kavita", "3333")
        h.press(.char("m"))
        XCTAssertFalse(h.screen.contains("Awareness events"), h.screen)
        h.logout()
        h.login("sp", "4444")
        h.press(.char("m"), .char("a"), .char("n"))
        XCTAssertTrue(h.screen.contains("Station"), "two stations: she says which\n" + h.screen)
    }
}
