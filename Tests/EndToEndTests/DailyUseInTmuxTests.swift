import DeskUI
import Foundation
import XCTest

/// Issue 17's walk-throughs on the real desk at 80x24, in Hindi: the same keys as the report.
final class DailyUseInTmuxTests: TmuxTestCase {
    override var demo: (cases: Int, seed: Int) { (40, 7) }

    /// Writes a screen for the closing note when URJA_CAPTURE names a folder.
    func capture(_ screen: String, _ name: String) {
        guard let folder = ProcessInfo.processInfo.environment["URJA_CAPTURE"] else { return }
        try? screen.write(toFile: folder + "/" + name + ".txt", atomically: true, encoding: .utf8)
    }

    /// Her name typed the moment the desk is started, before its screen is up (while it asks the
    /// terminal how it lays out Hindi): it is in the name field, not lost, and her PIN then signs her in.
    func testANameTypedWhileTheDeskStartsIsKept() throws {
        tmux.start(command)
        tmux.type("asha")
        tmux.keys("Enter")
        let screen = tmux.waitFor("PIN")
        let name = screen.split(separator: "\n").first { $0.contains("User name") || $0.contains("उपयोगकर्ता") } ?? ""
        XCTAssertTrue(name.contains("asha"), "her name is in the field:\n\(screen)")
        tmux.type("1111")
        tmux.keys("Enter")
        tmux.waitFor("Main menu")
    }

    /// The desk officer: a draft does not move the menu's numbers, "2" is still the queue,
    /// deleting the draft, logging out and quitting all ask first, in Hindi.
    func testTheDeskOfficersMenuKeepsItsNumbersAndAsksFirst() throws {
        tmux.start(command)
        login("asha", "1111")
        tmux.keys("F2")
        tmux.waitFor("मुख्य मेनू")
        tmux.keys("1")
        tmux.waitFor("भाग 1/7")
        tmux.keys("PageDown", "PageDown")   // her name, in the identity section
        tmux.waitFor("भाग 3/7")
        tmux.type("रेखा")
        tmux.keys("Escape")
        let menu = tmux.waitFor("x. ")
        assertFits(menu)
        capture(menu, "menu-with-draft-hi")
        XCTAssertTrue(menu.contains("2. "), menu)
        XCTAssertTrue(menu.contains("आशा राठौर"), "who is signed in, on the top line:\n\(menu)")
        tmux.keys("2")
        tmux.waitFor("कतार")
        tmux.keys("Escape")
        tmux.waitFor("मुख्य मेनू")
        XCTAssertTrue(tmux.screen.contains("x. "), "2 opened the queue and deleted nothing")
        tmux.keys("x")
        let asked = tmux.waitFor("हमेशा के लिए हटाएँ?")
        assertFits(asked)
        capture(asked, "delete-draft-question-hi")
        tmux.keys("n")
        tmux.waitFor("कुछ नहीं बदला")
        XCTAssertTrue(tmux.screen.contains("x. "), "no keeps the draft")
        tmux.keys("Escape")
        tmux.waitFor("लॉग आउट करें?")
        tmux.keys("y")
        tmux.waitFor("लॉगिन")
        tmux.keys("Escape")
        let quitting = tmux.waitFor("बंद करें?")
        capture(quitting, "quit-question-hi")
        tmux.keys("y")
        XCTAssertTrue(tmux.waitForExit())
    }

    /// The SP of the issue: Esc at her overview, then a desk officer's name and PIN typed as at
    /// the login. The question takes none of it; a queue opened at once shows no PIN.
    func testAPINTypedByAnSPWhoThoughtSheHadLoggedOutNeverShows() throws {
        tmux.start(command)
        login("spindore", "4444", expect: "District overview")
        tmux.keys("Escape")
        XCTAssertTrue(waitForQuestion())
        tmux.type("asha")
        tmux.keys("Enter")
        tmux.type("1111")
        tmux.keys("Enter")
        Thread.sleep(forTimeInterval: 0.5)
        var screen = tmux.screen
        XCTAssertFalse(screen.contains("1111") || screen.contains("111"), screen)
        XCTAssertTrue(screen.contains("Log out"), "still asking:\n\(screen)")
        tmux.keys("n")
        tmux.waitFor("Nothing changed.")
        // A queue opened and digits typed straight after: not taken, not shown.
        tmux.keys("Enter")
        tmux.waitFor("Queue ·")
        tmux.type("1111")
        screen = tmux.waitFor("not taken")
        XCTAssertFalse(screen.contains("111"), screen)
        assertFits(screen)
        quit()
        XCTAssertTrue(tmux.waitForExit())
    }

    /// Keys typed behind "make the window larger" are not applied.
    func testKeysBehindTheTooSmallMessageAreIgnored() throws {
        tmux.start(command)
        login("asha", "1111")
        tmux.keys("1")
        tmux.waitFor("Section 1 of 7")
        tmux.keys("PageDown", "PageDown")
        tmux.waitFor("Section 3 of 7")
        tmux.keys("Tab")                    // age
        tmux.type("28")
        tmux.tmux(["resize-window", "-t", tmux.session, "-x", "60", "-y", "20"])
        tmux.waitFor("Please make the window larger")
        tmux.type("x")
        tmux.keys("Tab")
        tmux.type("9")
        tmux.tmux(["resize-window", "-t", tmux.session, "-x", "80", "-y", "24"])
        // The whole form, not only its title (a capture can fall between the desk's writes).
        let back = tmux.waitFor("Age (years)")
        XCTAssertTrue(back.contains("Section 3 of 7"), back)
        let age = back.split(separator: "\n").first { $0.contains("Age (years)") }.map { $0.trimmingCharacters(in: .whitespaces) }
        XCTAssertEqual(age.map { String($0.suffix(2)) }, "28", back)
        XCTAssertFalse(back.contains("28x") || back.contains("289"), back)
        quit()
        XCTAssertTrue(tmux.waitForExit())
    }
}
