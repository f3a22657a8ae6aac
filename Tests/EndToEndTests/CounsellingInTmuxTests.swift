import DeskUI
import Foundation
import XCTest

/// The counsellor's alert reaching the desk, in a real terminal.
final class CounsellingInTmuxTests: TmuxTestCase {
    override var demo: (cases: Int, seed: Int) { (30, 5) }

    /// The counsellor's queue at Vijay Nagar, from her caseload.
    func counsellorQueue() {
        tmux.keys("m")
        tmux.waitFor("Main menu")
        tmux.keys("2")
        tmux.waitFor("Vijay Nagar (IND-VJN)")
        tmux.keys("1")
        tmux.waitFor("Queue · Vijay Nagar")
    }

    func testItemNineReachesTheDeskAndIsClosedWithANote() throws {
        // 1. The counsellor logs a session and a PHQ-9 with item 9 answered 1.
        tmux.start(command)
        login("kavita", "3333", expect: "My caseload")
        counsellorQueue()
        tmux.keys("F4")                      // open cases only
        tmux.waitFor("Status: Open")
        tmux.keys("Enter")
        let opened = tmux.waitFor("Case IND-VJN")
        let number = try XCTUnwrap(opened.range(of: "IND-VJN-20[0-9]{2}-[0-9]{4}", options: .regularExpression).map { String(opened[$0]) })
        XCTAssertFalse(opened.contains("SELF-HARM ALERT"))
        tmux.keys("F3")
        tmux.waitFor("Counselling session")
        tmux.keys("Enter")
        tmux.waitFor("Session notes are confidential")
        tmux.keys("Tab", "Tab", "Tab")
        tmux.type("Sister")
        tmux.keys("Tab")
        tmux.type("Threats from husband")
        tmux.keys("Tab", "Space", "Tab", "Right", "Right", "Right", "Right")
        tmux.keys("F10")
        assertFits(tmux.waitFor("Session saved."))
        tmux.keys("F3")
        tmux.waitFor("PHQ-9 questionnaire")
        tmux.keys("Down", "Enter")
        tmux.waitFor("Total 0/27")
        tmux.type("000000001")
        assertFits(tmux.waitFor("saving raises a self-harm alert"))
        tmux.keys("F10")
        assertFits(tmux.waitFor("SELF-HARM ALERT open since"))
        quit()
        XCTAssertTrue(tmux.waitForExit())

        // 2. The desk officer sees it on that case in her queue, and on the case.
        tmux.start(command)
        login("asha", "1111", expect: "Main menu")
        tmux.keys("2")
        tmux.waitFor("Queue · Vijay Nagar")
        tmux.type(number)
        let queue = tmux.waitFor("ALERT")
        let row = queue.split(separator: "\n").last { $0.contains(number) }.map(String.init) ?? ""
        XCTAssertTrue(row.contains("ALERT"), "the alert is on the case's row: \(row)")
        tmux.keys("Enter")
        tmux.waitFor("SELF-HARM ALERT open since")
        quit()
        XCTAssertTrue(tmux.waitForExit())

        // 3. The counsellor closes it with an action note.
        tmux.start(command)
        login("kavita", "3333", expect: "My caseload")
        tmux.waitFor("Open self-harm alerts (1)")
        counsellorQueue()
        tmux.type(number)
        tmux.waitFor(number)
        tmux.keys("Enter")
        tmux.waitFor("SELF-HARM ALERT")
        tmux.keys("F5")
        tmux.waitFor("what was done?")
        tmux.type("ok")
        tmux.keys("Enter")
        tmux.waitFor("at least 10 letters")
        tmux.type(" - spoke with her, referred to Tele-MANAS 14416")
        tmux.keys("Enter")
        let closed = tmux.waitFor("Alert closed")
        XCTAssertFalse(closed.contains("SELF-HARM ALERT open"))
        tmux.keys("5")
        tmux.waitFor("Self-harm alert closed · ok - spoke with her")
        quit()
        XCTAssertTrue(tmux.waitForExit())

        // And the command line agrees.
        let shown = try Binary.run(["case", "show", number, "--store", store.path, "--format", "json", "--user", "kavita"],
                                   stdin: "3333\n")
        XCTAssertEqual(shown.status, 0, shown.stderr)
        XCTAssertTrue(shown.stdout.contains("\"open\" : false"))
        XCTAssertFalse(shown.stdout.contains("Threats from husband"), "session notes stay out of an export")
    }
}
