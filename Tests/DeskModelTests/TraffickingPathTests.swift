@testable import DeskModel
import Foundation
import XCTest

/// Issue 14, the trafficking path and the transfer's form (the model): AHTU, rescue, shelter, home
/// investigation and outcome; repatriation refused before the home investigation, at the field.
final class TraffickingPathTests: XCTestCase {
    func traffickingCase() -> CaseRecord {
        var r = makeCase(1)
        r.incident.category = .trafficking
        return r
    }

    func testRepatriationWaitsForTheHomeInvestigation() throws {
        var r = traffickingCase()
        XCTAssertThrowsError(try r.updateTrafficking({ $0.rescued = day(20, 11, 2026); $0.outcome = .repatriated },
                                                     today: day(29, 11, 2026), by: "asha", at: testNow)) {
            XCTAssertEqual($0 as? PathError, .repatriationWithoutHomeInvestigation)
        }
        XCTAssertNil(r.trafficking, "nothing saved")
        XCTAssertThrowsError(try r.updateTrafficking({ $0.rescued = day(30, 11, 2026) }, today: day(29, 11, 2026), by: "asha", at: testNow)) {
            XCTAssertEqual($0 as? PathError, .dayInFuture)
        }
        try r.updateTrafficking({ $0.ahtuInformed = day(19, 11, 2026); $0.rescued = day(20, 11, 2026); $0.shelter = "शक्ति सदन, इंदौर"
            $0.homeInvestigation = day(27, 11, 2026); $0.outcome = .repatriated }, today: day(29, 11, 2026), by: "asha", at: testNow)
        XCTAssertEqual(r.trafficking?.outcome, .repatriated)
        XCTAssertEqual(r.events.last?.kind, .trafficking)
    }

    func testTheTraffickingPathIsForATraffickingCase() {
        var r = makeCase(2)
        r.incident.category = .domesticViolence
        XCTAssertThrowsError(try r.updateTrafficking({ $0.rescued = day(20, 11, 2026) }, today: day(29, 11, 2026), by: "asha", at: testNow)) {
            XCTAssertEqual($0 as? PathError, .notTraffickingCase)
        }
    }

    /// The forms: the refusal shows at the outcome field; a transfer without her sharing consent
    /// at the station field; a transfer is asked to a station from the form's list.
    func testTheFormsRefuseAtTheField() throws {
        let r = traffickingCase()
        var form = EntryForm.blank(.trafficking, for: r, partnerIDs: [], clock: testClock)
        form["rescueDay"] = "20-11-2026"
        form["traffickingOutcome"] = TraffickingOutcome.repatriated.rawValue
        XCTAssertEqual(form.error(for: "traffickingOutcome", record: r, today: day(29, 11, 2026)), .repatriationWithoutHomeInvestigation)
        form["homeInvestigationDay"] = "27-11-2026"
        let saved = try form.apply(to: r, by: "asha", clock: testClock).get()
        XCTAssertEqual(saved.trafficking?.homeInvestigation, day(27, 11, 2026))

        var noConsent = r
        noConsent.consent.sharing = .no
        var t = EntryForm.blank(.transfer, for: noConsent, partnerIDs: [], clock: testClock)
        t.pathFields = ["MHK"]
        t["toStation"] = "MHK"
        XCTAssertEqual(t.error(for: "toStation", record: noConsent, today: day(29, 11, 2026)), .sharingConsentNeeded)
        var withConsent = r
        withConsent.consent.sharing = .yes
        t["toStation"] = "ZZZ"
        XCTAssertEqual(t.error(for: "toStation", record: withConsent, today: day(29, 11, 2026)), .unknownOption, "only a station of the list")
        t["toStation"] = "MHK"
        let asked = try t.apply(to: withConsent, by: "asha", clock: testClock).get()
        XCTAssertEqual(asked.transfers.last?.to, "MHK")
        XCTAssertEqual(asked.transfers.last?.state, .pending)
    }

    /// A pending transfer names its station in the review index (its desk's queue shows the case),
    /// and no longer once answered.
    func testAPendingTransferIsKeptInTheIndexLine() throws {
        var r = makeCase(3)
        r.consent.sharing = .yes
        try r.askTransfer(to: "MHK", today: day(29, 11, 2026), by: "asha", at: testNow)
        let line = SummaryLine.encode(CaseSummary(r))
        XCTAssertEqual(SummaryLine.decode(Substring(line))?.paths.transferTo, "MHK")
        try r.answerTransfer(accept: false, by: "meena", at: testNow)
        XCTAssertNil(SummaryLine.decode(Substring(SummaryLine.encode(CaseSummary(r))))?.paths.transferTo)
        XCTAssertEqual(r.stationID, "VJN", "declined: the case stays")
    }
}
