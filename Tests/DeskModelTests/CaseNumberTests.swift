import DeskModel
import XCTest

final class CaseNumberTests: XCTestCase {
    func testFormatsWithFourDigits() {
        XCTAssertEqual(CaseNumber(stationCode: "IND-VJN", year: 2026, sequence: 42).description, "IND-VJN-2026-0042")
        XCTAssertEqual(CaseNumber(stationCode: "IND-VJN", year: 2026, sequence: 12345).description, "IND-VJN-2026-12345")
    }

    func testParsesItsOwnFormAndHindiDigits() {
        XCTAssertEqual(CaseNumber("IND-VJN-2026-0042"), CaseNumber(stationCode: "IND-VJN", year: 2026, sequence: 42))
        XCTAssertEqual(CaseNumber("ind-vjn-२०२६-००४२"), CaseNumber(stationCode: "IND-VJN", year: 2026, sequence: 42))
        XCTAssertNil(CaseNumber("IND-VJN"))
        XCTAssertNil(CaseNumber("IND-VJN-2026-abc"))
    }

    func testNextIsPerStationAndYear() {
        let existing = [CaseNumber(stationCode: "IND-VJN", year: 2026, sequence: 7),
                        CaseNumber(stationCode: "IND-VJN", year: 2025, sequence: 90),
                        CaseNumber(stationCode: "UJN-MHK", year: 2026, sequence: 30)]
        XCTAssertEqual(CaseNumber.next(stationCode: "IND-VJN", year: 2026, existing: existing).sequence, 8)
        XCTAssertEqual(CaseNumber.next(stationCode: "IND-VJN", year: 2027, existing: existing).sequence, 1)
        XCTAssertEqual(CaseNumber.next(stationCode: "IND-BGN", year: 2026, existing: existing).sequence, 1)
    }

    func testDayParsingAndLeapYears() {
        XCTAssertEqual(Day.parse("05-11-2026"), day(5, 11, 2026))
        XCTAssertEqual(Day.parse("5/11/2026"), day(5, 11, 2026))
        XCTAssertEqual(Day.parse("०५-११-२०२६"), day(5, 11, 2026))
        XCTAssertNotNil(Day.parse("29-02-2000"))
        XCTAssertNil(Day.parse("29-02-1900"))
        XCTAssertNil(Day.parse("31-04-2026"))
        XCTAssertEqual(day(5, 1, 2026).description, "05-01-2026")
        XCTAssertLessThan(day(31, 12, 2025), day(1, 1, 2026))
    }

    func testDigitsBecomeASCII() {
        XCTAssertEqual(Digits.toASCII("फ़ोन ९८७६५४३२१०"), "फ़ोन 9876543210")
    }
}
