import DeskModel
import DeskUI
import Foundation
import XCTest

/// Issue 15 in a real terminal at 80x24: the desk officer enters an awareness event in Hindi;
/// the SP's overview and report count it; her returns show it.
/// It prints nothing: in this run, printing its Hindi screens left XCTest's own lines for the test
/// unwritten (the CI count then took the test for a crash); the screens are asserted instead.
final class PreventionInTmuxTests: TmuxTestCase {
    func testAnEventEnteredInHindiShowsInTheSPsOverviewAndReport() throws {
        tmux.start(command)
        login("asha", "1111", expect: "Main menu")
        tmux.keys("F2")
        tmux.waitFor("जागरूकता कार्यक्रम")
        tmux.keys("a")
        tmux.waitFor("n (या F7) से जोड़ें")
        tmux.keys("n")
        tmux.waitFor("आयोजन का दिन")
        tmux.keys("Tab", "Right", "Right", "Tab")          // kind of place: school
        tmux.type("शासकीय कन्या विद्यालय")
        tmux.keys("Tab", "1", "Tab")                         // audience: students
        tmux.type("85")
        tmux.keys("Tab", "Tab")
        tmux.type("40")
        tmux.keys("Tab", "Tab", "Enter", "Space", "Down", "Space", "Enter")  // topics: 112, 181
        let form = tmux.waitFor("हेल्पलाइन 112 (आपात), हेल्पलाइन 181")
        assertFits(form)
        tmux.keys("F10")
        let saved = tmux.waitFor("जागरूकता कार्यक्रम सहेजा गया (125 तक पहुँचे)")
        XCTAssertTrue(saved.contains("विद्यालय: शासकीय कन्या विद्यालय"), saved)
        XCTAssertTrue(saved.contains("इस माह: 1 कार्यक्रम · 125 तक पहुँचे (85 महिलाएँ, 0 पुरुष, 40 बच्चे)"), saved)
        assertFits(saved)
        tmux.keys("Escape")
        tmux.waitFor("इस माह 1 · 125 तक पहुँच")
        tmux.keys("F2", "F2")                                // back to English (हिन्दी → Hinglish → English) for the next login
        tmux.waitFor("Main menu")
        logout()
        login("spindore", "4444", expect: "District overview")
        let overview = tmux.waitFor("Awareness events this month: 1 · 125 reached (85 women, 0 men, 40 children)")
        assertFits(overview)
        tmux.keys("F2")
        let hindi = tmux.waitFor("इस माह जागरूकता कार्यक्रम: 1 · 125 तक पहुँच (85 महिलाएँ, 0 पुरुष, 40 बच्चे)")
        assertFits(hindi)
        tmux.keys("F4")
        tmux.waitFor("प्रतिवेदन")
        tmux.keys("End")
        let charts = tmux.waitFor("विषय के अनुसार जागरूकता कार्यक्रम")
        XCTAssertTrue(charts.contains("विद्यार्थी"), charts)
        assertFits(charts)
        // Page up until the Prevention section's first rows show (one page at a time: the desk redraws).
        var page = tmux.screen
        for _ in 0..<8 where page.range(of: "हुए कार्यक्रम \\.+ 1", options: .regularExpression) == nil {
            tmux.keys("PageUp")
            Thread.sleep(forTimeInterval: 0.4)
            page = tmux.screen
        }
        XCTAssertNotNil(page.range(of: "हुए कार्यक्रम \\.+ 1", options: .regularExpression), page)
        XCTAssertNotNil(page.range(of: "पहुँचे लोग \\.+ 125", options: .regularExpression), page)
        tmux.keys("F6")
        let returns = tmux.waitFor("माह")
        XCTAssertNotNil(returns.range(of: "विजय नगर( +[0-9]+){9} +1 +125", options: .regularExpression), returns)
        quit()
        XCTAssertTrue(tmux.waitForExit())
    }
}
