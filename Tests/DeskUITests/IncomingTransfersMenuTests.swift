@testable import DeskUI
import DeskModel
import Foundation
import XCTest

/// Issue 14: the receiving station's menu points out the transfers waiting for its answer (a count
/// line, `t`), lists them, opens one at its Legal tab; once answered the line goes.
final class IncomingTransfersMenuTests: XCTestCase {
    var h: Harness!
    override func setUpWithError() throws { h = try Harness(cases: 0) }
    override func tearDown() { h.cleanUp() }

    func testTheReceivingDeskIsToldOfATransfer() throws {
        var dir = h.ctx.directory
        dir.users.append(User(id: "sunanda", nameEn: "Sunanda Mishra", nameHi: "सुनंदा मिश्रा", role: .deskOfficer, stationIDs: ["MHK"],
                              pin: try PinHash.make(pin: "7777", rounds: 1000)))
        try h.ctx.store.saveDirectory(dir)
        var form = IntakeForm.blank(stationID: "VJN", clock: testClock)
        form[.name] = "रेखा यादव"
        form[.age] = "22"
        form[.category] = IncidentCategory.trafficking.rawValue
        form[.consentServices] = Answer.yes.rawValue
        form[.consentSharing] = Answer.yes.rawValue
        var r = try form.makeCase(number: try h.ctx.claimNumber(stationID: "VJN"), deskOfficerID: "asha", clock: testClock).get()
        try h.ctx.save(r, isNew: true)

        h.login("sunanda", "7777")
        XCTAssertFalse(h.screen.contains("Transfers to answer"), "nothing waits: no line")
        h.logout()
        h.login("asha", "1111")
        XCTAssertFalse(h.screen.contains("Transfers to answer"), "the sending desk has nothing to answer")
        try r.askTransfer(to: "MHK", today: Day(testNow), by: "asha", at: testNow)
        try h.ctx.saveChange(r, what: "transfer asked")
        XCTAssertFalse(h.screen.contains("Transfers to answer"))
        h.logout()

        h.login("sunanda", "7777")
        XCTAssertTrue(h.screen.contains("Transfers to answer"), h.screen)
        XCTAssertTrue(h.screen.contains("1 waiting: accept or decline"), h.screen)
        h.press(.char("t"))
        XCTAssertTrue(h.screen.contains(r.number.description + " · Vijay Nagar"), h.screen)
        h.press(.enter)
        XCTAssertTrue(h.screen.contains("Transfer"), h.screen)
        h.press(.function(3))
        h.choosePick("Accept the transfer")
        XCTAssertEqual(h.ctx.record(r.id)?.stationID, "MHK")
        h.press(.escape, .escape)
        XCTAssertFalse(h.screen.contains("1 waiting: accept or decline"), h.screen)
    }
}
