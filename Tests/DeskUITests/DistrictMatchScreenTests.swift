@testable import DeskUI
import DeskModel
import Foundation
import XCTest

/// The same woman at two stations: the desk saving her intake is told of a possible earlier case
/// at the other station, and to ask the SP; nothing of that case is shown.
final class DistrictMatchScreenTests: XCTestCase {
    func testSavingAnIntakeSaysAPossibleEarlierCaseElsewhere() throws {
        // Mahakal's machine has her case; only its keyed token reaches Vijay Nagar's desk.
        let other = try Harness(cases: 0)
        defer { other.cleanUp() }
        try other.ctx.store.shareStation("MHK")
        let number = try other.ctx.store.claim(CaseNumber(stationCode: "UJN-MHK", year: 2026, sequence: 1))
        try other.ctx.store.save(CaseRecord(number: number, stationID: "MHK", deskOfficerID: "asha", reportedAt: testNow,
                                            arrival: .walkIn, identity: Identity(name: "Sunita Verma", age: 30, phone: "9876543210"),
                                            incident: Incident(category: .domesticViolence), risk: RiskAssessment(), legal: LegalTrack(),
                                            needs: ImmediateNeeds(), consent: Consent(services: .yes), createdAt: testNow, updatedAt: testNow))
        let h = try Harness(cases: 0)
        defer { h.cleanUp() }
        try h.ctx.store.shareStation("VJN")
        let match = h.ctx.store.syncRoot.appendingPathComponent("_district/match")
        try FileManager.default.createDirectory(at: match, withIntermediateDirectories: true)
        for name in try FileManager.default.contentsOfDirectory(atPath: other.ctx.store.syncRoot.appendingPathComponent("_district/match").path) {
            try FileManager.default.copyItem(at: other.ctx.store.syncRoot.appendingPathComponent("_district/match/" + name),
                                             to: match.appendingPathComponent(name))
        }
        var form = IntakeForm.blank(stationID: "VJN", clock: testClock)
        form[.name] = "सुनीता वर्मा"
        form[.age] = "31"
        form[.phone] = "98765 43210"
        form[.category] = IncidentCategory.domesticViolence.rawValue
        form[.consentServices] = Answer.yes.rawValue
        try h.ctx.store.saveDraft(form, userID: "asha")
        h.login("asha", "1111")
        h.press(.enter)
        h.press(.function(10))
        let screen = h.screen
        XCTAssertTrue(screen.contains("A possible earlier case at another station (Mahakal):"), screen)
        XCTAssertTrue(screen.contains("ask the SP."), screen)
        XCTAssertFalse(screen.contains("UJN-MHK"), "nothing of the other case")
    }
}
