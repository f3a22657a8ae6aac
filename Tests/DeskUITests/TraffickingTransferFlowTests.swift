@testable import DeskUI
import DeskModel
import Foundation
import XCTest

/// Issue 14 on the screens: the trafficking path from the case (repatriation refused at the field
/// before the home investigation, nothing lost), and a transfer asked by the desk and answered by
/// someone who works at the receiving station.
final class TraffickingTransferFlowTests: XCTestCase {
    var h: Harness!
    override func setUpWithError() throws { h = try Harness(cases: 0) }
    override func tearDown() { h.cleanUp() }

    func makeCase(_ category: IncidentCategory, sharing: Answer) throws -> CaseRecord {
        var form = IntakeForm.blank(stationID: "VJN", clock: testClock)
        form[.name] = "रेखा यादव"
        form[.age] = "22"
        form[.category] = category.rawValue
        form[.consentServices] = Answer.yes.rawValue
        form[.consentSharing] = sharing.rawValue
        let number = try h.ctx.claimNumber(stationID: "VJN")
        let r = try form.makeCase(number: number, deskOfficerID: "asha", clock: testClock).get()
        try h.ctx.save(r, isNew: true)
        return r
    }

    func testTheTraffickingPathRefusesRepatriationBeforeTheHomeInvestigation() throws {
        let r = try makeCase(.trafficking, sharing: .yes)
        h.login("asha", "1111")
        h.openCase(r.number.description)
        h.press(.function(3))
        h.choosePick("Trafficking: AHTU, rescue, shelter")
        XCTAssertTrue(h.screen.contains("AHTU informed"), h.screen)
        h.type("18-11-2026")
        h.press(.tab)
        h.type("20-11-2026")
        h.press(.tab)
        h.type("Shakti Sadan Indore")
        h.press(.tab, .tab)
        h.type("2")  // Repatriated
        h.press(.function(10))
        XCTAssertTrue(h.screen.contains("Home investigation first"), h.screen)
        XCTAssertNil(h.ctx.record(r.id)?.trafficking, "refused: nothing saved")
        h.press(.backTab)
        h.type("27-11-2026")
        h.press(.function(10))
        XCTAssertTrue(h.screen.contains("Trafficking path saved."), h.screen)
        let t = try XCTUnwrap(h.ctx.record(r.id)?.trafficking)
        XCTAssertEqual(t.outcome, .repatriated)
        XCTAssertEqual(t.rescued?.description, "20-11-2026")
        XCTAssertEqual(t.shelter, "Shakti Sadan Indore")
        XCTAssertTrue(h.screen.contains("Trafficking (ITPA, BNS s.143)"), "shown on the Legal tab: \(h.screen)")
    }

    func testATransferNeedsHerConsentAndIsAcceptedAtTheReceivingStation() throws {
        var dir = h.ctx.directory
        dir.users.append(User(id: "sunanda", nameEn: "Sunanda Mishra", nameHi: "सुनंदा मिश्रा", role: .deskOfficer, stationIDs: ["MHK"],
                              pin: try PinHash.make(pin: "7777", rounds: 1000)))
        try h.ctx.store.saveDirectory(dir)
        let refused = try makeCase(.domesticViolence, sharing: .no)
        let r = try makeCase(.domesticViolence, sharing: .yes)
        h.login("asha", "1111")
        h.openCase(refused.number.description)
        h.press(.function(3))
        h.choosePick("Transfer to another station")
        h.type("1")  // Mahakal, the only other station
        h.press(.function(10))
        XCTAssertTrue(h.screen.contains("No consent to sharing"), h.screen)
        XCTAssertEqual(h.ctx.record(refused.id)?.transfers, [])
        h.press(.escape, .escape, .escape)
        h.openCase(r.number.description)
        h.press(.function(3))
        h.choosePick("Transfer to another station")
        h.type("1")
        h.press(.function(10))
        XCTAssertTrue(h.screen.contains("Transfer asked"), h.screen)
        XCTAssertEqual(h.ctx.record(r.id)?.transfers.last?.state, .pending)
        h.press(.escape, .escape)
        h.logout()

        h.login("sunanda", "7777")
        h.openCase(r.number.description)
        h.press(.function(3))
        h.choosePick("Accept the transfer")
        XCTAssertTrue(h.screen.contains("Transfer accepted: the case is now at Mahakal."), h.screen)
        let moved = try XCTUnwrap(h.ctx.record(r.id))
        XCTAssertEqual(moved.stationID, "MHK")
        XCTAssertEqual(moved.transfers.last?.answeredBy, "sunanda")
    }
}
