import DeskUI
import Foundation
import XCTest

/// The real desk in a real terminal (tmux), typed into as a person would.
final class DeskInTmuxTests: TmuxTestCase {
    override var demo: (cases: Int, seed: Int) { (25, 9) }

    /// A whole intake in Hindi at 80x24: every screen on the way is checked for a misdrawn row.
    func testIntakeInHindiIsFoundAfterARestart() throws {
        tmux.start(command)
        login("asha", "1111")
        tmux.keys("F2")
        assertFits(tmux.waitFor("मुख्य मेनू"))
        tmux.keys("1")
        assertFits(tmux.waitFor("भाग 1/7"))
        tmux.keys("PageDown")
        assertFits(tmux.waitFor("भाग 2/7"))  // consent, asked first
        tmux.keys("y")                     // to services: yes
        tmux.keys("PageDown")
        assertFits(tmux.waitFor("भाग 3/7"))
        tmux.type("पीड़िता क्षमा प्रदीप")
        tmux.keys("Tab")
        tmux.type("२९")
        tmux.keys("Tab", "Tab")
        tmux.type("9876500001")
        tmux.keys("Tab")
        assertFits(tmux.waitFor("भाग 3/7"))
        tmux.keys("PageDown")
        assertFits(tmux.waitFor("भाग 4/7"))
        tmux.type("25-11-2026")
        tmux.keys("Tab", "Tab", "Enter")   // category: the pick-list
        assertFits(tmux.waitFor("┌"))
        tmux.keys("Down", "Enter")         // domestic violence
        assertFits(tmux.waitFor("‹ घरेलू हिंसा ›"))
        tmux.keys("PageDown")
        assertFits(tmux.waitFor("भाग 5/7"))
        tmux.keys("y")                     // violence getting worse: yes
        assertFits(tmux.waitFor("जोखिम: मध्यम"))
        tmux.keys("F10")
        let saved = tmux.waitFor("सहेजा गया")
        assertFits(saved)
        let number = try XCTUnwrap(saved.range(of: "IND-VJN-2026-[0-9]{4}", options: .regularExpression).map { String(saved[$0]) })
        tmux.keys("Escape")
        tmux.waitFor("मुख्य मेनू")
        tmux.keys("2")
        let queue = tmux.waitFor("कतार")
        tmux.type("क्षमा")
        tmux.waitFor("क्षमा")
        let found = tmux.waitFor(number)
        assertNarrowed(before: queue, after: found, keeps: number)
        XCTAssertFalse(found.contains("पीड़िता क्षमा प्रदीप"), "masked in the queue")
        assertFits(found)
        quit()
        XCTAssertTrue(tmux.waitForExit(), "Ctrl-Q quits")

        tmux.start(command)
        login("asha", "1111", expect: "मुख्य मेनू")
        tmux.keys("2")
        let again = tmux.waitFor("कतार")
        tmux.type("प्रदीप")
        tmux.waitFor("प्रदीप")
        assertNarrowed(before: again, after: tmux.waitFor(number), keeps: number)
        tmux.keys("Enter")          // opens the first match
        tmux.waitFor("प्रकरण " + number)
        tmux.keys("F6")
        let revealed = tmux.waitFor("पीड़िता क्षमा प्रदीप")
        assertFits(revealed)
        XCTAssertTrue(revealed.contains("जोखिम: मध्यम"))
        quit()
        XCTAssertTrue(tmux.waitForExit())
    }

    func testWrongPINAndDraftAfterKill() throws {
        tmux.start(command)
        tmux.waitFor("PIN")
        tmux.type("asha")
        tmux.keys("Enter")
        tmux.type("0000")
        tmux.keys("Enter")
        tmux.waitFor("User name or PIN is not right")
        tmux.type("1111")
        tmux.keys("Enter")
        tmux.waitFor("Main menu")
        tmux.keys("F2")
        tmux.waitFor("मुख्य मेनू")
        tmux.keys("1")
        tmux.waitFor("भाग 1/7")
        tmux.keys("PageDown", "PageDown")
        tmux.type("सुनीता")
        tmux.keys("Tab")
        tmux.type("4x")
        assertFits(tmux.waitFor("केवल अंक लिखें"))
        // The terminal is closed without warning.
        tmux.stop()
        tmux = try Tmux()
        tmux.start(command)
        // Hindi was remembered for her; the draft waits.
        login("asha", "1111", expect: "मुख्य मेनू")
        tmux.waitFor("अधूरा पंजीयन पूरा करें")
        tmux.keys("Enter")
        let resumed = tmux.waitFor("सुनीता")
        XCTAssertTrue(resumed.contains("4x"))
        quit()
    }

    func testAnIdleDeskLocksItself() throws {
        tmux.start(command + " --lock-after 0.05")   // three seconds
        login("asha", "1111")
        tmux.keys("2")
        tmux.waitFor("Queue")
        let locked = tmux.waitFor("locked itself", seconds: 15)
        XCTAssertFalse(locked.contains("IND-VJN-"), "no case shows on a locked desk")
        tmux.type("1111")
        tmux.keys("Enter")
        tmux.waitFor("IND-VJN-")
        quit()
        XCTAssertTrue(tmux.waitForExit())
    }

    func testResizeAndTooSmall() throws {
        tmux.start(command)
        login("asha", "1111")
        tmux.keys("1")
        tmux.waitFor("Section 1 of 7")
        tmux.keys("PageDown", "PageDown")
        tmux.type("रेखा")
        tmux.tmux(["resize-window", "-t", tmux.session, "-x", "60", "-y", "20"])
        tmux.waitFor("Please make the window larger")
        tmux.tmux(["resize-window", "-t", tmux.session, "-x", "120", "-y", "40"])
        let big = tmux.waitFor("रेखा")
        assertFits(big, cols: 120)
        XCTAssertTrue(big.contains("Section 3 of 7"))
        quit()
    }

    /// The colour parameters (foreground, background: 30–37, 40–47, 90–97, 100–107, 38/48 extended)
    /// of the SGR sequences on the screen as tmux holds it; 39 and 49 (the defaults) are not colours.
    func colourCodes(_ screen: String) -> [Int] {
        let re = try? NSRegularExpression(pattern: "\u{1B}\\[([0-9;]*)m")
        let sgr = re?.matches(in: screen, range: NSRange(screen.startIndex..., in: screen)).compactMap {
            Range($0.range(at: 1), in: screen).map { String(screen[$0]) }
        } ?? []
        let colour: Set<Int> = Set(Array(30...38) + Array(40...48) + Array(90...97) + Array(100...107))
        let params: [Int] = sgr.flatMap { $0.split(separator: ";").compactMap { Int($0) } }
        return params.filter { colour.contains($0) }
    }

    /// NO_COLOR set to anything non-empty, or --no-color, gives a screen without a colour; NO_COLOR
    /// empty or absent leaves the colours on (no-color.org). Read from the real terminal's cells.
    func testNoColorGivesAMonochromeScreen() throws {
        for (env, flag, coloured) in [("env -u NO_COLOR", "", true), ("env NO_COLOR=1", "", false),
                                      ("env NO_COLOR=", "", true), ("env -u NO_COLOR", " --no-color", false)] {
            let setting = env + flag
            tmux.start(env + " " + command + flag)
            tmux.waitFor("PIN")
            let cells = tmux.tmux(["capture-pane", "-e", "-p", "-t", tmux.session]).out
            let colours = colourCodes(cells)
            if coloured {
                XCTAssertFalse(colours.isEmpty, "\(setting): the screen has colours")
            } else {
                XCTAssertEqual(colours, [], "\(setting): a monochrome screen")
                XCTAssertTrue(cells.contains("\u{1B}["), "\(setting): still bold / reverse where the theme needs it")
            }
            tmux.stop()
            tmux = try Tmux()
        }
    }
}
