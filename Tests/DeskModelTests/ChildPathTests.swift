@testable import DeskModel
import Foundation
import XCTest

/// Issue 14, a child's POCSO path beside the CWC report: the support person (POCSO Rules 2020
/// r.4(7)), the s.27 medical within 24 hours (BNSS s.184), the Special Court's dates.
final class ChildPathTests: XCTestCase {
    /// A girl of 15, a sexual offence, reported on 27-11-2026 at 18:00 IST (12:30 UTC).
    func pocsoCase(reported: Date = Date(timeIntervalSince1970: 1_795_782_600)) -> CaseRecord {
        var r = makeCase(1, age: 15, reported: reported)
        r.incident.category = .sexualAssault
        return r
    }

    func testThePathIsForAChildUnderPOCSO() throws {
        XCTAssertTrue(pocsoCase().childPathApplies)
        var adult = makeCase(2, age: 30)
        adult.incident.category = .sexualAssault
        XCTAssertFalse(adult.childPathApplies, "a woman of 30: no POCSO")
        var marriage = makeCase(3, age: 16)
        marriage.incident.category = .childMarriage
        XCTAssertEqual(marriage.childDuty, .childMarriage)
        XCTAssertFalse(marriage.childPathApplies, "a child marriage goes to the CWC under the JJ Act, not the Special Court")
        XCTAssertThrowsError(try marriage.updateChild({ $0.medicalExam = day(28, 11, 2026) }, today: day(29, 11, 2026), by: "asha", at: testNow)) {
            XCTAssertEqual($0 as? PathError, .notChildCase)
        }
        XCTAssertNil(marriage.child)
    }

    func testSupportPersonMedicalAndHearings() throws {
        var r = pocsoCase()
        XCTAssertThrowsError(try r.updateChild({ $0.supportAppointed = day(28, 11, 2026) }, today: day(29, 11, 2026), by: "asha", at: testNow)) {
            XCTAssertEqual($0 as? PathError, .supportPersonUnnamed, "an appointed support person has a name")
        }
        XCTAssertThrowsError(try r.updateChild({ $0.medicalExam = day(26, 11, 2026) }, today: day(29, 11, 2026), by: "asha", at: testNow)) {
            XCTAssertEqual($0 as? PathError, .beforeReport)
        }
        XCTAssertThrowsError(try r.updateChild({ $0.medicalExam = day(30, 11, 2026) }, today: day(29, 11, 2026), by: "asha", at: testNow)) {
            XCTAssertEqual($0 as? PathError, .dayInFuture)
        }
        XCTAssertNil(r.child, "nothing saved")
        try r.updateChild({ $0.supportPerson = "सीमा वर्मा (DCPU)"; $0.supportAppointed = day(28, 11, 2026); $0.medicalExam = day(28, 11, 2026) },
                          today: day(29, 11, 2026), by: "asha", at: testNow)
        // Hearing days may lie ahead; each is kept once, in order.
        try r.updateChild({ $0.addHearing(day(20, 1, 2027)) }, today: day(29, 11, 2026), by: "asha", at: testNow)
        try r.updateChild({ $0.addHearing(day(15, 12, 2026)); $0.addHearing(day(20, 1, 2027)) }, today: day(29, 11, 2026), by: "asha", at: testNow)
        XCTAssertEqual(r.child?.specialCourtDays, [day(15, 12, 2026), day(20, 1, 2027)])
        XCTAssertEqual(r.child?.nextHearing(today: day(16, 12, 2026)), day(20, 1, 2027))
        XCTAssertEqual(r.events.last?.kind, .child)
        XCTAssertEqual(r.events.last?.facts, .path(.child(supportAppointed: day(28, 11, 2026), medical: day(28, 11, 2026), hearing: day(15, 12, 2026))))
        XCTAssertFalse(r.childMedicalLate(today: day(29, 11, 2026)), "done on the 28th, within 24 hours of 27-11 18:00")
    }

    /// The 24 hours run from her report: reported at 18:00 on the 27th, due by the 28th; late on
    /// the 29th. Across a month's end and a leap day too.
    func testTheMedicalIsLateAfter24Hours() throws {
        var r = pocsoCase()
        XCTAssertEqual(ChildTrack.medicalDue(reportedAt: r.reportedAt), day(28, 11, 2026))
        XCTAssertFalse(r.childMedicalLate(today: day(28, 11, 2026)))
        XCTAssertTrue(r.childMedicalLate(today: day(29, 11, 2026)), "not done, the 24 hours passed")
        try r.updateChild({ $0.medicalExam = day(29, 11, 2026) }, today: day(29, 11, 2026), by: "asha", at: testNow)
        XCTAssertTrue(r.childMedicalLate(today: day(29, 11, 2026)), "done after the 24 hours")

        // 28-02-2028 20:00 IST (14:30 UTC): the 24 hours end on the leap day, 29-02.
        let leap = pocsoCase(reported: Date(timeIntervalSince1970: 1_835_361_000))
        XCTAssertEqual(Day(leap.reportedAt), day(28, 2, 2028))
        XCTAssertEqual(ChildTrack.medicalDue(reportedAt: leap.reportedAt), day(29, 2, 2028))
        // 31-12-2026 23:00 IST: due on 01-01-2027.
        let newYear = pocsoCase(reported: Date(timeIntervalSince1970: 1_798_738_200))
        XCTAssertEqual(Day(newYear.reportedAt), day(31, 12, 2026))
        XCTAssertEqual(ChildTrack.medicalDue(reportedAt: newYear.reportedAt), day(1, 1, 2027))
    }

    /// The form: refusals at the field; a hearing added at each save; older records read without the path.
    func testTheFormAndOldRecords() throws {
        let r = pocsoCase()
        var form = EntryForm.blank(.child, for: r, partnerIDs: [], clock: testClock)
        form["supportDay"] = "28-11-2026"
        XCTAssertEqual(form.error(for: "supportPerson", record: r, today: day(29, 11, 2026)), .supportPersonUnnamed)
        form["supportPerson"] = "चाइल्डलाइन इंदौर"
        form["medicalDay"] = "26-11-2026"
        XCTAssertEqual(form.error(for: "medicalDay", record: r, today: day(29, 11, 2026)), .beforeReport)
        form["medicalDay"] = "28-11-2026"
        form["specialCourtDay"] = "10-12-2026"
        var saved = try form.apply(to: r, by: "asha", clock: testClock).get()
        var again = EntryForm.blank(.child, for: saved, partnerIDs: [], clock: testClock)
        XCTAssertEqual(again["supportPerson"], "चाइल्डलाइन इंदौर", "the form opens with what was recorded")
        XCTAssertEqual(again["specialCourtDay"], "", "a new hearing each time")
        again["specialCourtDay"] = "05-01-2027"
        saved = try again.apply(to: saved, by: "asha", clock: testClock).get()
        XCTAssertEqual(saved.child?.specialCourtDays, [day(10, 12, 2026), day(5, 1, 2027)])

        var adult = makeCase(4)
        adult.incident.category = .domesticViolence
        let refused = EntryForm.blank(.child, for: adult, partnerIDs: [], clock: testClock)
        XCTAssertEqual(refused.error(for: "supportPerson", record: adult, today: day(29, 11, 2026)), .pathRefused)

        // A record written before the child path reads with none.
        let data = try JSONEncoder().encode(makeCase(5))
        var json = try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: Any])
        json.removeValue(forKey: "child")
        let old = try JSONDecoder().decode(CaseRecord.self, from: JSONSerialization.data(withJSONObject: json))
        XCTAssertNil(old.child)
    }
}
