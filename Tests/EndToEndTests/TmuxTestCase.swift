import DeskUI
import Foundation
import XCTest

/// What every test of the real desk in tmux shares: a demo store of its own, a tmux server of its
/// own, logging in, and checking that no row is misdrawn.
class TmuxTestCase: XCTestCase {
    var store: URL!
    var tmux: Tmux!
    /// The demo store of the test class: its size and seed.
    var demo: (cases: Int, seed: Int) { (25, 9) }

    override func setUpWithError() throws {
        // First, so that a missing tmux stops the test before anything is made (see ExternalProgram).
        tmux = try Tmux()
        store = Binary.tempStore()
        let made = try Binary.run(["demo", "--store", store.path, "--cases", String(demo.cases), "--seed", String(demo.seed)])
        XCTAssertEqual(made.status, 0, made.stderr)
    }

    override func tearDown() {
        tmux?.stop()
        if let store { try? FileManager.default.removeItem(at: store) }
    }

    var command: String { "'\(Binary.url.path)' --store '\(store.path)'" }

    /// Checks that tmux laid each row out as the desk measures it: a row that `TextWidth` finds
    /// wider than the pane means the desk and the terminal disagree on some cluster's width, and
    /// the rows after it are misdrawn. (Text cut at the right edge cannot be seen here: curses
    /// cuts it before tmux gets it. The screen harness counts that on the same screens,
    /// `GridSurface.cutCells`, and asserts none in `assertWellFormed`.)
    func assertFits(_ screen: String, cols: Int = 80, file: StaticString = #filePath, line: UInt = #line) {
        for row in screen.split(separator: "\n") {
            XCTAssertLessThanOrEqual(TextWidth.of(row), cols, "misdrawn row (tmux and TextWidth disagree): \(row)",
                                     file: file, line: line)
        }
    }

    /// The case numbers a queue screen lists, top to bottom.
    func caseNumbers(_ screen: String) -> [String] {
        let re = try? NSRegularExpression(pattern: "[A-Z]{3}-[A-Z]{3}-[0-9]{4}-[0-9]{4}")
        return re?.matches(in: screen, range: NSRange(screen.startIndex..., in: screen)).compactMap {
            Range($0.range, in: screen).map { String(screen[$0]) }
        } ?? []
    }

    /// The count a queue shows at the end of its filter line (the second row).
    func shownCount(_ screen: String) -> Int? {
        let line = screen.split(separator: "\n", omittingEmptySubsequences: false).dropFirst().first.map(String.init) ?? ""
        guard let r = line.range(of: "· [0-9]+ *$", options: .regularExpression) else { return nil }
        return Int(line[r].dropFirst(2).trimmingCharacters(in: .whitespaces))
    }

    /// A search typed into a queue narrowed it: fewer cases than before, and at least one case
    /// shown before the search is gone (the queue did not ignore the search box).
    func assertNarrowed(before: String, after: String, keeps number: String, file: StaticString = #filePath, line: UInt = #line) {
        guard let was = shownCount(before), let now = shownCount(after) else {
            return XCTFail("no count on the queue's filter line:\n\(before)\n\(after)", file: file, line: line)
        }
        XCTAssertLessThan(now, was, "the search narrows the queue:\n\(after)", file: file, line: line)
        XCTAssertTrue(caseNumbers(after).contains(number), "the match shows:\n\(after)", file: file, line: line)
        let gone = Set(caseNumbers(before)).subtracting(caseNumbers(after))
        XCTAssertFalse(gone.isEmpty, "a case that does not match disappears:\n\(after)", file: file, line: line)
        XCTAssertEqual(caseNumbers(after).count, now, "every match shows, and only they:\n\(after)", file: file, line: line)
    }

    /// Waits for the desk's yes/no question (in either language); false if it never came.
    func waitForQuestion(seconds: Double = 10) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            let screen = tmux.screen
            if screen.contains("y = yes") || screen.contains("= हाँ") { return true }
            Thread.sleep(forTimeInterval: 0.1)
        }
        return false
    }

    /// Ctrl-Q, then yes to the question the desk asks first (in either language).
    func quit(file: StaticString = #filePath, line: UInt = #line) {
        tmux.keys("C-q")
        XCTAssertTrue(waitForQuestion(), "asked first:\n\(tmux.screen)", file: file, line: line)
        tmux.keys("y")
    }

    /// Esc on her first screen, then yes: logged out, at the login.
    func logout(file: StaticString = #filePath, line: UInt = #line) {
        tmux.keys("Escape")
        XCTAssertTrue(waitForQuestion(), "asked first:\n\(tmux.screen)", file: file, line: line)
        tmux.keys("y")
        tmux.waitFor("PIN", file: file, line: line)
    }

    func login(_ user: String, _ pin: String, expect: String = "Main menu") {
        tmux.waitFor("PIN")
        tmux.type(user)
        tmux.keys("Enter")
        tmux.type(pin)
        tmux.keys("Enter")
        tmux.waitFor(expect)
    }
}
