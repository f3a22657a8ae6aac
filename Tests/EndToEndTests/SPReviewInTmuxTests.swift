import DeskModel
import DeskUI
import Foundation
import XCTest

/// The SP's review in a real terminal: the overview, the worst station, a reveal with a reason,
/// a directive; then the desk officer sees it.
final class SPReviewInTmuxTests: TmuxTestCase {
    /// In this demo store Vijay Nagar is the Indore station that most needs attention.
    override var demo: (cases: Int, seed: Int) { (25, 4) }

    func testTheSPOpensTheWorstStationAndHerDirectiveReachesTheDesk() throws {
        tmux.start(command)
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
        tmux.keys("Escape", "Escape")
        tmux.waitFor("District overview")
        logout()  // Esc on her first screen asks, as on the desk's menu
        login("asha", "1111", expect: "Main menu")
        tmux.waitFor("1 new directive from the SP")
        tmux.waitFor("1 unread · 0 late")
        tmux.keys("d")  // Directives: a letter, so that the numbers never move
        tmux.waitFor(number)
        tmux.keys("Enter")
        assertFits(tmux.waitFor("[Open] due"))
        quit()
        XCTAssertTrue(tmux.waitForExit())
        // The reveal is in the audit log with its reason, sealed: not readable in the file, and
        // opened with the key; the directive's words likewise.
        let audit = try String(contentsOf: store.appendingPathComponent("audit.log"), encoding: .utf8)
        XCTAssertFalse(audit.contains("review of a high-risk case"), "the reason is not in the clear")
        XCTAssertFalse(audit.contains("Meet her at home"), "nor the directive")
        let closed = try CaseStore.open(at: store)
        let key = try XCTUnwrap(closed.loadKeyRing()).unlock(user: "spindore", secret: "4444")
        let log = AuditLog(store: closed.unlocked(with: key))
        let notes = log.entries().compactMap(log.openNote)
        XCTAssertTrue(notes.contains("review of a high-risk case"), "\(notes)")
        XCTAssertTrue(notes.contains("Meet her at home with the counsellor"), "\(notes)")
    }
}
