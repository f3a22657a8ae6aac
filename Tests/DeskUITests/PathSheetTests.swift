@testable import DeskUI
import DeskModel
import Foundation
import XCTest

/// The case's paths as the Legal tab and `case show` print them, in Hindi and English: only what
/// was recorded, late days marked, the sections cited.
final class PathSheetTests: XCTestCase {
    func record() throws -> CaseRecord {
        var form = IntakeForm.blank(stationID: "VJN", clock: testClock)
        form[.name] = "सुनीता वर्मा"
        form[.age] = "30"
        form[.category] = IncidentCategory.domesticViolence.rawValue
        form[.consentServices] = Answer.yes.rawValue
        form[.weapon] = Answer.yes.rawValue
        return try form.makeCase(number: CaseNumber(stationCode: "IND-VJN", year: 2026, sequence: 7), deskOfficerID: "asha",
                                 clock: testClock).get()
    }

    func text(_ r: CaseRecord, _ lang: Language) throws -> String {
        let words = Words(strings: try DeskResources.load().strings, language: lang, directory: try Harness.directory())
        return CaseReport.text(r, words: words, clock: testClock, directives: [], reveal: false, notes: false)
    }

    func testThePathsShowWhatWasRecordedInHerLanguage() throws {
        var r = try record()
        let today = Day(testNow)
        XCTAssertTrue(try text(r, .hi).contains("सुरक्षा योजना ज़रूरी है"), "high risk and no plan")
        XCTAssertFalse(try text(r, .en).contains("Domestic violence (PWDVA 2005)"), "nothing of the DV path recorded: nothing shown")
        guard let made = Day(year: 2026, month: 11, day: 1), let due = Day(year: 2026, month: 11, day: 20),
              let order = Day(year: 2026, month: 11, day: 25) else { return XCTFail() }
        try r.setSafetyPlan(SafetyPlan(made: made, reviewDue: due, by: "kavita"), at: testNow)
        try r.logContact(ContactEntry(day: today, kind: .homeVisit, by: "asha"), today: today, at: testNow)
        try r.updateDV({ $0.dutiesTold = [.reliefRight, .protectionOfficer]; $0.orders = [DVOrder(kind: .protection, day: order)]
            $0.breaches = [today] }, today: today, by: "asha", at: testNow)
        let hi = try text(r, .hi), en = try text(r, .en)
        for s in ["सुरक्षा योजना", "20-11-2026  (देर)", "घर जाकर भेंट", "2/5", "संरक्षण आदेश (धारा 18)  25-11-2026", "उल्लंघन (धारा 31)"] {
            XCTAssertTrue(hi.contains(s), s)
        }
        for s in ["Review due", "(late)", "Home visit", "She was told (s.5)", "s.5: relief", "Protection order (s.18)",
                  "A breach raises her risk"] {
            XCTAssertTrue(en.contains(s), s)
        }
        XCTAssertTrue(en.contains("Breach of a DV Act order"), "the timeline names the breach")
    }
}
