@testable import DeskModel
import Foundation
import XCTest

/// Issue 14, roles: the station house officer (SHO) sees her own station's cases and approves
/// their closures (a high-risk case, a child's), and nothing of another station; the supervising
/// officer's title (SP or DCP) is a setting that old settings files read as SP.
final class ShoRightsTests: XCTestCase {
    func sho() throws -> User {
        User(id: "shovjn", nameEn: "SHO", nameHi: "थाना प्रभारी", role: .sho, stationIDs: ["VJN"], pin: try PinHash.make(pin: "8888", rounds: 1000))
    }

    func testTheSHOSeesAndApprovesForHerOwnStationOnly() throws {
        let u = try sho()
        XCTAssertTrue(Role.sho.supervises)
        for right in [Right.viewCases, .approveClosure, .revealWithReason, .reviewStations, .makeReports] {
            XCTAssertTrue(Access.allows(u, right, stationID: "VJN"), "\(right) at her station")
            XCTAssertFalse(Access.allows(u, right, stationID: "BGN"), "\(right) at another station")
        }
        // She supervises; she does not do the desk's or the counsellor's work, nor the SP's directives.
        for right in [Right.newIntake, .editCase, .counsel, .readNotes, .revealIdentity, .giveDirective, .changeSettings, .manageKeys] {
            XCTAssertFalse(Access.allows(u, right, stationID: "VJN"), "\(right)")
        }
        XCTAssertNil(Access.reveal(u, stationID: "BGN", reasonGiven: true), "no reveal at another station, even with a reason")
        // An SHO whose record names no station sees none (an empty list is 'all' only for a district's officers).
        var unset = u
        unset.stationIDs = []
        XCTAssertFalse(Access.allows(unset, .viewCases, stationID: "VJN"))
        XCTAssertFalse(Access.allows(unset, .approveClosure, stationID: "BGN"))
    }

    /// A child's closure asked by the desk is closed with the SHO's approval, as with the SP's.
    func testHerApprovalClosesAChildsCase() throws {
        var r = makeCase(1, age: 15)
        let today = day(29, 11, 2026)
        let checks = r.closureChecks
        try r.requestClosure(Closure(day: today, reason: .goalsMet, checks: checks, by: "asha"), at: testNow)
        XCTAssertThrowsError(try r.close(Closure(day: today, reason: .goalsMet, checks: checks, by: "asha", approvedBy: "kavita"),
                                         approverRole: .counsellor, at: testNow)) {
            XCTAssertEqual($0 as? PathError, .approverNotSupervisor)
        }
        var form = EntryForm.blank(.closure, for: r, partnerIDs: [], clock: testClock)
        XCTAssertEqual(form["closureReason"], ClosureReason.goalsMet.rawValue, "filled from the desk's request")
        form["day"] = today.description
        let closed = try form.apply(to: r, by: "shovjn", role: .sho, clock: testClock).get()
        XCTAssertEqual(closed.status, .closed)
        XCTAssertEqual(closed.closures.last?.approvedBy, "shovjn")
        XCTAssertEqual(closed.closures.last?.by, "asha")
    }

    func testTheTitleIsASettingAndOldSettingsReadAsSP() throws {
        let old = try JSONDecoder().decode(ReviewSettings.self, from: Data(#"{"noContactDays": 9, "cwcReportHours": 24}"#.utf8))
        XCTAssertEqual(old.supervisorTitle, .sp)
        XCTAssertEqual(old.noContactDays, 9)
        let dcp = ReviewSettings(noContactDays: 7, supervisorTitle: .dcp)
        XCTAssertEqual(try JSONDecoder().decode(ReviewSettings.self, from: JSONEncoder().encode(dcp)).supervisorTitle, .dcp)
    }
}
