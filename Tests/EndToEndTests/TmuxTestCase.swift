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
        guard Tmux.available else {
            if ProcessInfo.processInfo.environment["CI"] != nil { XCTFail("tmux is required in CI"); return }
            throw XCTSkip("tmux is not installed")
        }
        store = Binary.tempStore()
        let made = try Binary.run(["demo", "--store", store.path, "--cases", String(demo.cases), "--seed", String(demo.seed)])
        XCTAssertEqual(made.status, 0, made.stderr)
        tmux = Tmux()
    }

    override func tearDown() {
        tmux?.stop()
        if let store { try? FileManager.default.removeItem(at: store) }
    }

    var command: String { "'\(Binary.url.path)' --store '\(store.path)'" }

    func assertFits(_ screen: String, cols: Int = 80, file: StaticString = #filePath, line: UInt = #line) {
        for row in screen.split(separator: "\n") {
            XCTAssertLessThanOrEqual(TextWidth.of(row), cols, "misdrawn row: \(row)", file: file, line: line)
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
