@testable import DeskUI
import DeskModel
import Foundation
import XCTest

/// A case that came back from two machines with one field changed on both: the case shows both
/// values, who and when (her identity masked), and the desk picks one with Enter.
final class ConflictScreenTests: XCTestCase {
    func conflictCase(_ h: Harness) throws -> CaseRecord {
        var form = IntakeForm.blank(stationID: "VJN", clock: testClock)
        form[.name] = "सुनीता वर्मा"
        form[.age] = "30"
        form[.category] = IncidentCategory.domesticViolence.rawValue
        form[.consentServices] = Answer.yes.rawValue
        form[.address] = "Ward 9"
        let number = try h.ctx.claimNumber(stationID: "VJN")
        var r = try form.makeCase(number: number, deskOfficerID: "asha", clock: testClock).get()
        r.conflicts = [
            FieldConflict(path: "identity.address", choices: [
                .init(value: "\"Ward 9\"", by: "kavita", at: testNow.addingTimeInterval(120), machine: "D"),
                .init(value: "\"Ward 4\"", by: "asha", at: testNow.addingTimeInterval(60), machine: "A")]),
            FieldConflict(path: "status", choices: [
                .init(value: "\"counselling\"", by: "kavita", at: testNow.addingTimeInterval(120), machine: "D"),
                .init(value: "\"legal\"", by: "asha", at: testNow.addingTimeInterval(60), machine: "A")])]
        r.status = .counselling
        try h.ctx.save(r, isNew: true)
        return r
    }

    func testTheCaseShowsBothValuesAndTheDeskPicksOne() throws {
        let h = try Harness(cases: 0)
        defer { h.cleanUp() }
        let r = try conflictCase(h)
        h.login("asha", "1111")
        h.openCase(r.number.description)
        var screen = h.screen
        XCTAssertTrue(screen.contains("Changed on two machines at once: Address / village / ward"), screen)
        XCTAssertTrue(screen.contains("••• · Kavita Joshi, 29-11-2026 10:32"), screen)
        XCTAssertTrue(screen.contains("Changed on two machines at once: Status"), screen)
        XCTAssertTrue(screen.contains("Counselling · Kavita Joshi, 29-11-2026 10:32"), screen)
        XCTAssertFalse(screen.contains("Ward 4"), "her address stays masked")
        // Enter opens the pick of the first conflict; the second value (asha's) is taken.
        h.press(.enter, .down, .enter)
        screen = h.screen
        let saved = try XCTUnwrap(h.ctx.store.reload(r.id))
        XCTAssertEqual(saved.identity.address, "Ward 4")
        XCTAssertEqual(saved.conflicts.map(\.path), ["status"])
        XCTAssertEqual(saved.events.last?.detail, "conflict identity.address")
        XCTAssertFalse(screen.contains("Address / village / ward\n"), screen)
        assertWellFormed(h)
    }

    func testTheCaseWithAConflictAsASnapshot() throws {
        try checkSnapshots("case-conflict", cases: 0) { h in
            let r = try conflictCase(h)
            h.login("asha", "1111")
            h.openCase(r.number.description)
        }
    }
}
