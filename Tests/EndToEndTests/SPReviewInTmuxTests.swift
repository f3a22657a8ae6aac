import DeskUI
import Foundation
import XCTest

/// The SP's review in a real terminal: the overview, the worst station, a reveal with a reason,
/// a directive; then the desk officer sees it.
final class SPReviewInTmuxTests: XCTestCase {
    var store: URL!
    var tmux: Tmux!

    override func setUpWithError() throws {
        guard Tmux.available else {
            if ProcessInfo.processInfo.environment["CI"] != nil { XCTFail("tmux is required in CI"); return }
            throw XCTSkip("tmux is not installed")
        }
        store = Binary.tempStore()
        // In this demo store Vijay Nagar is the Indore station that most needs attention.
        let made = try Binary.run(["demo", "--store", store.path, "--cases", "25", "--seed", "4"])
        XCTAssertEqual(made.status, 0, made.stderr)
        tmux = Tmux()
    }

    override func tearDown() {
        tmux?.stop()
        if let store { try? FileManager.default.removeItem(at: store) }
    }

    func assertFits(_ screen: String, file: StaticString = #filePath, line: UInt = #line) {
        for row in screen.split(separator: "\n") {
            XCTAssertLessThanOrEqual(TextWidth.of(row), 80, "misdrawn row: \(row)", file: file, line: line)
        }
    }

    func login(_ user: String, _ pin: String, expect: String) {
        tmux.waitFor("PIN")
        tmux.type(user)
        tmux.keys("Enter")
        tmux.type(pin)
        tmux.keys("Enter")
        tmux.waitFor(expect)
    }

    func testTheSPOpensTheWorstStationAndHerDirectiveReachesTheDesk() throws {
        tmux.start("'\(Binary.url.path)' --store '\(store.path)'")
        login("spindore", "4444", expect: "District overview")
        let overview = tmux.waitFor("Attention")
        assertFits(overview)
        let first = overview.split(separator: "\n").first { $0.hasPrefix(" 1 ") }.map(String.init) ?? ""
        XCTAssertTrue(first.contains("Vijay Nagar"), "the worst station comes first: \(first)")
        tmux.keys("Enter")
        let queue = tmux.waitFor("Queue · Vijay Nagar")
        XCTAssertTrue(queue.contains("Sort: Urgency"), queue)
        XCTAssertTrue(queue.contains("Needs"), "the SP sees what each case needs")
        assertFits(queue)
        tmux.keys("Enter")
        let masked = tmux.waitFor("(masked: F6 shows)")
        let number = try XCTUnwrap(masked.range(of: "IND-VJN-[0-9]{4}-[0-9]{4}", options: .regularExpression).map { String(masked[$0]) })
        tmux.keys("F6")
        tmux.waitFor("Why do you need to see who she is?")
        tmux.type("review of a high-risk case")
        tmux.keys("Enter")
        let revealed = tmux.waitUntilGone("(masked: F6 shows)")
        XCTAssertTrue(revealed.contains("Phone (10 digits)"))
        tmux.keys("F7")
        tmux.waitFor("A directive for the desk")
        tmux.type("Meet her at home with the counsellor")
        tmux.keys("Enter")
        assertFits(tmux.waitFor("[Unread] due"))
        tmux.keys("Escape", "Escape", "Escape")
        tmux.waitFor("Main menu")
        tmux.keys("Escape")
        login("asha", "1111", expect: "Main menu")
        tmux.waitFor("1 new directive(s) from the SP")
        tmux.waitFor("1 unread · 0 late")
        tmux.keys("3")
        tmux.waitFor(number)
        tmux.keys("Enter")
        assertFits(tmux.waitFor("[Open] due"))
        tmux.keys("C-q")
        XCTAssertTrue(tmux.waitForExit())
        // The reveal is in the audit log with its reason.
        let audit = try String(contentsOf: store.appendingPathComponent("audit.log"), encoding: .utf8)
        XCTAssertTrue(audit.contains("review of a high-risk case"))
    }
}
