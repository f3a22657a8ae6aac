@testable import DeskUI
import DeskModel
import Foundation
import XCTest

/// Issue 14, roles, on the screens: the SHO of Vijay Nagar starts at the overview of her own
/// station, is pointed to the closures there that wait for her, not to another station's (the
/// line listed every station's before: found walking the desk as her), and approves one from the
/// case.
final class ShoOverviewTests: XCTestCase {
    var h: Harness!
    override func setUpWithError() throws { h = try Harness(cases: 0) }
    override func tearDown() { h.cleanUp() }

    func requested(_ station: String, _ seq: Int) throws -> CaseRecord {
        var form = IntakeForm.blank(stationID: station, clock: testClock)
        form[.name] = "रेखा यादव"
        form[.age] = "15"
        form[.category] = IncidentCategory.childMarriage.rawValue
        form[.consentServices] = Answer.yes.rawValue
        form[.consentGivenBy] = ConsentGiver.guardian.rawValue
        var r = try form.makeCase(number: try h.ctx.claimNumber(stationID: station), deskOfficerID: "asha", clock: testClock).get()
        try r.requestClosure(Closure(day: Day(testNow), reason: .goalsMet, checks: r.closureChecks, by: "asha"), at: testNow)
        try h.ctx.save(r, isNew: true)
        return r
    }

    func testTheSHOIsToldOfHerStationsClosuresOnlyAndApprovesOne() throws {
        var dir = h.ctx.directory
        dir.users.append(User(id: "shovjn", nameEn: "Sunita Chauhan", nameHi: "सुनीता चौहान", role: .sho, stationIDs: ["VJN"],
                              pin: try PinHash.make(pin: "8888", rounds: 1000)))
        try h.ctx.store.saveDirectory(dir)
        let mine = try requested("VJN", 1), theirs = try requested("MHK", 2)
        h.login("shovjn", "8888")
        let overview = h.screen
        XCTAssertTrue(overview.contains("1 closure(s) wait for your approval: " + mine.number.description), overview)
        XCTAssertFalse(overview.contains(theirs.number.description), "another station's case is not named to her:\n\(overview)")
        XCTAssertFalse(overview.contains("Mahakal"), overview)
        h.press(.enter)                                      // her station's queue
        XCTAssertEqual(h.queueRows?.map(\.id), [mine.id])
        h.type(mine.number.description)
        h.press(.enter)
        h.press(.function(3))
        h.choosePick("Approve the closure")
        h.press(.function(10))
        let closed = try XCTUnwrap(h.ctx.record(mine.id))
        XCTAssertEqual(closed.status, .closed, h.screen)
        XCTAssertEqual(closed.closures.last?.approvedBy, "shovjn")
    }
}
