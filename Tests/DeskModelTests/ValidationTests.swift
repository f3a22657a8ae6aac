import DeskModel
import XCTest

final class ValidationTests: XCTestCase {
    let today = Day(testNow)

    func testTheClockIsTheDayTheTestsExpect() {
        XCTAssertEqual(today, day(29, 11, 2026))
    }

    func testAFilledFormMakesACase() throws {
        let number = CaseNumber(stationCode: "IND-VJN", year: 2026, sequence: 42)
        let record = try filledForm().makeCase(number: number, deskOfficerID: "asha", clock: testClock).get()
        XCTAssertEqual(record.identity.name, "सुनीता वर्मा")
        XCTAssertEqual(record.identity.age, 32)
        XCTAssertEqual(record.identity.phone, "9876543210")
        XCTAssertEqual(record.incident.date, day(20, 11, 2026))
        XCTAssertEqual(record.number.description, "IND-VJN-2026-0042")
        XCTAssertEqual(record.status, .open)
        XCTAssertFalse(record.isMinor)
    }

    func testRequiredFieldsAreNamed() {
        let blank = IntakeForm.blank(stationID: "VJN", clock: testClock)
        let fields = blank.errors(today: today).map(\.0)
        XCTAssertEqual(fields, [.consentServices, .name, .age, .category], "in the order the form asks: consent first")
        XCTAssertTrue(blank.errors(today: today).allSatisfy { $0.1 == .required })
    }

    func testPhoneMustBeTenDigits() {
        var form = filledForm()
        // A 10-digit number is a mobile, and a mobile starts with 6–9: 1234567890 is refused. A
        // landline is written with its 0 and STD code (Indore 0731).
        for bad in ["98765abc", "12345", "987654321012", "९८७६५abc", "1234567890", "5876543210", "+91 1234567890", "00123456789"] {
            form[.phone] = bad
            XCTAssertEqual(form.error(for: .phone, today: today), .phoneDigits, bad)
        }
        for good in ["9876543210", "+91 98765 43210", "09876543210", "98765-43210", "९८७६५४३२१०", "6123456789", "0731 2345678", "07292-234567"] {
            form[.phone] = good
            XCTAssertNil(form.error(for: .phone, today: today), good)
        }
        XCTAssertEqual(IntakeForm.normalisedPhone("९८७६५ ४३२१०"), "9876543210")
    }

    func testLettersInThePhoneAreCaughtAsTheyAreTyped() {
        var form = filledForm()
        form[.phone] = "98a"
        XCTAssertTrue(form.hasForeignCharacters(.phone))
        form[.phone] = "98765 4"
        XCTAssertFalse(form.hasForeignCharacters(.phone))
        form[.age] = "3x"
        XCTAssertTrue(form.hasForeignCharacters(.age))
        form[.name] = "abc"
        XCTAssertFalse(form.hasForeignCharacters(.name))
    }

    func testAgeIsZeroToOneHundredTwenty() {
        var form = filledForm()
        form[.age] = "121"
        XCTAssertEqual(form.error(for: .age, today: today), .ageRange, "the age's own range, not the dependents'")
        form[.age] = "-1"
        XCTAssertEqual(form.error(for: .age, today: today), .ageRange)
        form[.dependents] = "21"
        XCTAssertEqual(form.error(for: .dependents, today: today), .dependentsRange)
        form[.age] = "abc"
        XCTAssertEqual(form.error(for: .age, today: today), .notANumber)
        form[.age] = "०"
        XCTAssertNil(form.error(for: .age, today: today))
        form[.age] = "120"
        XCTAssertNil(form.error(for: .age, today: today))
    }

    func testNoFutureDates() {
        var form = filledForm()
        form[.incidentDate] = "30-11-2026"
        XCTAssertEqual(form.error(for: .incidentDate, today: today), .futureDate)
        form[.incidentDate] = "29-11-2026"
        XCTAssertNil(form.error(for: .incidentDate, today: today))
        form[.reportedOn] = "01-12-2026"
        XCTAssertEqual(form.error(for: .reportedOn, today: today), .futureDate)
    }

    func testBadDatesAreRefused() {
        var form = filledForm()
        for bad in ["2026-11-01", "1/1/26", "tomorrow"] {
            form[.incidentDate] = bad
            XCTAssertEqual(form.error(for: .incidentDate, today: today), .badDate, bad)
        }
        // Written as a day is, but no such day: said so, not "write it as DD-MM-YYYY" (issue 17).
        for missing in ["31-02-2026", "29-02-2025", "32-01-2026", "15-13-2026"] {
            form[.incidentDate] = missing
            XCTAssertEqual(form.error(for: .incidentDate, today: today), .noSuchDay, missing)
        }
        form[.incidentDate] = "29-02-2024"
        XCTAssertNil(form.error(for: .incidentDate, today: today))
    }

    func testReportCannotPrecedeIncident() {
        var form = filledForm()
        form[.incidentDate] = "25-11-2026"
        form[.reportedOn] = "24-11-2026"
        XCTAssertEqual(form.error(for: .reportedOn, today: today), .beforeIncident)
    }

    func testAMinorNeedsAGuardiansConsent() {
        var form = filledForm()
        form[.age] = "16"
        XCTAssertEqual(form.error(for: .consentGivenBy, today: today), .guardianForMinor)
        form[.consentGivenBy] = ConsentGiver.guardian.rawValue
        XCTAssertNil(form.error(for: .consentGivenBy, today: today))
        let record = try? form.makeCase(number: CaseNumber(stationCode: "IND-VJN", year: 2026, sequence: 1),
                                        deskOfficerID: "asha", clock: testClock).get()
        XCTAssertEqual(record?.isMinor, true)
    }

    func testAnUnknownOptionIsRefused() {
        var form = filledForm()
        form[.category] = "robbery"
        XCTAssertEqual(form.error(for: .category, today: today), .unknownOption)
    }

    func testMakeCaseReportsEveryProblem() {
        var form = filledForm()
        form[.phone] = "12"
        form[.age] = "200"
        guard case .failure(let problems) = form.makeCase(number: CaseNumber(stationCode: "X", year: 2026, sequence: 1),
                                                          deskOfficerID: "asha", clock: testClock) else {
            return XCTFail("an invalid form made a case")
        }
        XCTAssertEqual(problems.errors.map(\.0), [.age, .phone])
    }
}

final class EditFormTests: XCTestCase {
    func testACaseSurvivesTheEditFormUnchanged() throws {
        var original = try filledForm().makeCase(number: CaseNumber(stationCode: "IND-VJN", year: 2026, sequence: 9),
                                                 deskOfficerID: "asha", clock: testClock).get()
        original.status = .counselling
        original.revision = 4
        let later = FixedClock(testNow.addingTimeInterval(3_600))
        let again = try IntakeForm(editing: original).update(original, by: "asha", clock: later).get()
        XCTAssertEqual(again.identity, original.identity)
        XCTAssertEqual(again.incident, original.incident)
        XCTAssertEqual(again.risk.level, original.risk.level)
        XCTAssertEqual(again.legal, original.legal)
        XCTAssertEqual(again.needs, original.needs)
        XCTAssertEqual(again.consent, original.consent)
        XCTAssertEqual(again.id, original.id)
        XCTAssertEqual(again.number, original.number)
        XCTAssertEqual(again.status, .counselling)
        XCTAssertEqual(again.reportedAt, original.reportedAt)
        XCTAssertEqual(again.createdAt, original.createdAt)
    }

    func testAnEditIsValidatedLikeAnIntake() throws {
        let original = try filledForm().makeCase(number: CaseNumber(stationCode: "IND-VJN", year: 2026, sequence: 9),
                                                 deskOfficerID: "asha", clock: testClock).get()
        var form = IntakeForm(editing: original)
        form[.phone] = "123"
        guard case .failure(let problems) = form.update(original, by: "asha", clock: testClock) else { return XCTFail("accepted a bad phone") }
        XCTAssertEqual(problems.errors.map(\.1), [.phoneDigits])
        form[.phone] = "9123456780"
        form[.complaintNumber] = "FIR 112/2026"
        let updated = try form.update(original, by: "asha", clock: testClock).get()
        XCTAssertEqual(updated.identity.phone, "9123456780")
        XCTAssertEqual(updated.legal.number, "FIR 112/2026")
    }
}
