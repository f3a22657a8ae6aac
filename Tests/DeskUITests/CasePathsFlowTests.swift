@testable import DeskUI
import DeskModel
import Foundation
import XCTest

/// Issue 14 on the screens: closing a case goes through its form; for a woman at high risk the
/// desk's closure waits for the SP, who sees it on her overview and approves it from the case;
/// a contact logged by the desk counts for the SP's "no contact" flag.
final class CasePathsFlowTests: XCTestCase {
    var h: Harness!
    override func setUpWithError() throws { h = try Harness(cases: 0) }
    override func tearDown() { h.cleanUp() }

    func highRiskCase() throws -> CaseRecord {
        var form = IntakeForm.blank(stationID: "VJN", clock: testClock)
        form[.name] = "सुनीता वर्मा"
        form[.age] = "30"
        form[.category] = IncidentCategory.domesticViolence.rawValue
        form[.consentServices] = Answer.yes.rawValue
        form[.weapon] = Answer.yes.rawValue
        let number = try h.ctx.claimNumber(stationID: "VJN")
        let r = try form.makeCase(number: number, deskOfficerID: "asha", clock: testClock).get()
        try h.ctx.save(r, isNew: true)
        return r
    }

    func testAHighRiskClosureWaitsForTheSPWhoApprovesItFromTheCase() throws {
        let r = try highRiskCase()
        h.login("asha", "1111")
        h.openCase(r.number.description)
        h.press(.function(8))
        h.press(.down, .down, .down, .down, .enter)  // open → … → closed
        XCTAssertTrue(h.screen.contains("Close the case"), h.screen)
        h.press(.tab)
        h.type("1")  // Goals met
        h.press(.tab)
        h.type("y")
        h.press(.tab)
        h.type("y")
        h.press(.function(10))
        XCTAssertTrue(h.screen.contains("This field is required") || h.screen.contains("Tick this before closing"), h.screen)
        XCTAssertEqual(h.ctx.record(r.id)?.status, .open, "a check not done: nothing saved")
        h.type("y")  // the refused save took her to the field to fix
        h.press(.function(10))
        XCTAssertTrue(h.screen.contains("Closure asked: the SP or SHO must approve it"), h.screen)
        XCTAssertEqual(h.ctx.record(r.id)?.status, .open, "high risk: the desk cannot close alone")
        XCTAssertNotNil(h.ctx.record(r.id)?.closureRequest)
        h.press(.escape, .escape)
        h.logout()

        h.login("sp", "4444")
        XCTAssertTrue(h.screen.contains("1 closure(s) wait for your approval: \(r.number)"), h.screen)
        h.press(.char("1"))  // Vijay Nagar's queue
        h.type(r.number.description)
        h.press(.enter)
        h.press(.function(3))
        XCTAssertTrue(h.screen.contains("Approve the closure"), h.screen)
        h.press(.enter)
        XCTAssertTrue(h.screen.contains("Goals met"), "her form comes filled from the desk's request")
        h.press(.function(10))
        let closed = try XCTUnwrap(h.ctx.record(r.id))
        XCTAssertEqual(closed.status, .closed)
        XCTAssertEqual(closed.closures.last?.approvedBy, "sp")
        XCTAssertEqual(closed.closures.last?.by, "asha", "the desk's closure, the SP's approval")
        XCTAssertNil(closed.closureRequest)
        XCTAssertTrue(h.screen.contains("Follow-ups are due at 30 and 90 days"), h.screen)
    }

    func testAContactLoggedAtTheDeskClearsTheNoContactFlag() throws {
        var r = try highRiskCase()
        r.reportedAt = testNow.addingTimeInterval(-20 * 86_400)
        try h.ctx.save(r, isNew: false)
        let before = h.ctx.review(try XCTUnwrap(h.ctx.record(r.id))).1
        XCTAssertTrue(before.contains(.noContact))
        h.login("asha", "1111")
        h.openCase(r.number.description)
        h.press(.function(3))
        h.choosePick("Contact: call, visit, message")
        XCTAssertTrue(h.screen.contains("She was reached"), h.screen)
        h.press(.function(10))
        XCTAssertTrue(h.screen.contains("Contact logged."), h.screen)
        let after = h.ctx.review(try XCTUnwrap(h.ctx.record(r.id))).1
        XCTAssertFalse(after.contains(.noContact))
    }
}

extension Harness {
    /// Moves the open pick list to the option with this label and takes it.
    func choosePick(_ label: String, file: StaticString = #filePath, line: UInt = #line) {
        for _ in 0..<12 {
            if screen.components(separatedBy: "\n").contains(where: { $0.contains("▶ " + label) }) {
                press(.enter)
                return
            }
            press(.down)
        }
        XCTFail("no option \(label) in \(screen)", file: file, line: line)
    }
}
