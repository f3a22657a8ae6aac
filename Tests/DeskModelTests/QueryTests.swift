import DeskModel
import Foundation
import XCTest

final class QueryTests: XCTestCase {
    let cases: [CaseRecord] = [
        makeCase(1, name: "सुनीता वर्मा", age: 30, reported: testNow.addingTimeInterval(-86_400 * 3)),
        makeCase(2, name: "Priya Yadav", age: 16, reported: testNow.addingTimeInterval(-86_400 * 2), status: .counselling),
        makeCase(3, name: "रेखा पटेल", age: 40, reported: testNow.addingTimeInterval(-86_400), danger: [.weapon]),
        makeCase(4, name: "सीमा वर्मा", age: 25, station: "MHK", reported: testNow, status: .closed),
    ]

    func names(_ q: CaseQuery) -> [String] { q.apply(to: cases).map(\.identity.name) }

    func testSearchByPartOfAName() {
        XCTAssertEqual(names(CaseQuery(search: "वर्मा")), ["सीमा वर्मा", "सुनीता वर्मा"])
        XCTAssertEqual(names(CaseQuery(search: "priya")), ["Priya Yadav"])
        XCTAssertEqual(names(CaseQuery(search: "सुनी")), ["सुनीता वर्मा"])
        XCTAssertEqual(names(CaseQuery(search: "zzz")), [])
    }

    func testSearchByPhoneAndCaseNumber() {
        XCTAssertEqual(names(CaseQuery(search: "9876543203")), ["रेखा पटेल"])
        XCTAssertEqual(names(CaseQuery(search: "९८७६५४३२०३")), ["रेखा पटेल"])
        XCTAssertEqual(names(CaseQuery(search: "vjn-2026-0002")), ["Priya Yadav"])
        XCTAssertEqual(names(CaseQuery(search: "12")).count, 0, "two digits are too few to search phones")
    }

    func testFilterByStatusAndStation() {
        XCTAssertEqual(names(CaseQuery(status: .counselling)), ["Priya Yadav"])
        XCTAssertEqual(names(CaseQuery(stationID: "MHK")), ["सीमा वर्मा"])
    }

    func testSorts() {
        XCTAssertEqual(names(CaseQuery(sort: .newest)).first, "सीमा वर्मा")
        XCTAssertEqual(names(CaseQuery(sort: .oldest)).first, "सुनीता वर्मा")
        XCTAssertEqual(names(CaseQuery(sort: .risk)).first, "रेखा पटेल")
        XCTAssertEqual(names(CaseQuery(sort: .risk))[1], "Priya Yadav", "then a minor")
        XCTAssertEqual(names(CaseQuery(sort: .risk)).last, "सीमा वर्मा", "closed cases last")
        XCTAssertEqual(names(CaseQuery(stationID: "VJN", sort: .number)), ["सुनीता वर्मा", "Priya Yadav", "रेखा पटेल"])
    }

    func testStatusFilterCycles() {
        var status: CaseStatus? = nil
        var seen: [CaseStatus?] = []
        for _ in 0...CaseStatus.allCases.count {
            status = CaseQuery.nextStatus(after: status)
            seen.append(status)
        }
        XCTAssertEqual(seen.last!, nil)
        XCTAssertEqual(seen.compactMap { $0 }, CaseStatus.allCases)
    }

    func testMasking() {
        XCTAssertEqual(Mask.name("सुनीता वर्मा"), "सु••• व•••")
        XCTAssertEqual(Mask.name("Priya Yadav"), "P••• Y•••")
        XCTAssertEqual(Mask.phone("9876543210"), "••••••••10")
        XCTAssertFalse(Mask.name("क्षमा").contains("क्षमा"))
    }
}
