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

    func login(_ user: String, _ pin: String, expect: String = "Main menu") {
        tmux.waitFor("PIN")
        tmux.type(user)
        tmux.keys("Enter")
        tmux.type(pin)
        tmux.keys("Enter")
        tmux.waitFor(expect)
    }
}
