@testable import DeskModel
import Foundation
import XCTest

/// The duplicate warning on a demo store.
final class DuplicateTests: XCTestCase {
    let today = day(29, 11, 2026)
    lazy var cases = DemoGenerator(seed: 21, count: 300, clock: testClock)
        .cases(stations: (try? testDirectory().stations) ?? [], deskOfficers: ["VJN": "asha"])

    func person(_ r: CaseRecord, name: String? = nil, phone: String? = nil) -> DuplicateFinder.Person {
        let years = today.year - Day(r.reportedAt).year
        return DuplicateFinder.Person(name: name ?? r.identity.name, phone: phone, age: r.identity.age.map { $0 + years },
                                      address: "", on: today)
    }

    /// She comes back and her name is typed in Roman this time: her earlier case is found.
    func testAReEnteredWomanIsCaught() throws {
        var caught = 0
        for r in cases.prefix(40) {
            let roman = Romanizer.roman(r.identity.name)
            let found = DuplicateFinder.candidates(for: person(r, name: roman), among: cases)
            XCTAssertTrue(found.contains { $0.record.id == r.id }, "\(roman) did not find \(r.number)")
            if found.first?.record.id == r.id || found.contains(where: { $0.record.id == r.id }) { caught += 1 }
            XCTAssertTrue(found.first { $0.record.id == r.id }?.reasons.contains(.name) ?? false)
        }
        XCTAssertEqual(caught, 40)
    }

    func testTheSamePhoneIsCaughtWhateverTheName() throws {
        let r = try XCTUnwrap(cases.first { $0.identity.phone != nil })
        let found = DuplicateFinder.candidates(for: person(r, name: "कोई और", phone: "+91 " + (r.identity.phone ?? "")), among: cases)
        XCTAssertEqual(found.first?.record.id, r.id)
        XCTAssertEqual(found.first?.reasons, [.phone, .age])
    }

    /// Two different women who share a surname are not the same woman.
    func testASharedSurnameIsNotAMatch() throws {
        var pairs = 0
        let keys = cases.map { NameKey.words($0.identity.name) }
        for (i, a) in cases.enumerated() {
            guard let j = keys.indices.first(where: { j in
                j != i && keys[j].last == keys[i].last && keys[j].first != keys[i].first
            }) else { continue }
            let b = cases[j]
            let found = DuplicateFinder.candidates(for: person(a), among: [b])
            XCTAssertTrue(found.isEmpty, "\(a.identity.name) flagged as \(b.identity.name)")
            pairs += 1
            if pairs == 50 { break }
        }
        XCTAssertEqual(pairs, 50)
    }

    func testNameRules() {
        XCTAssertTrue(DuplicateFinder.sameName(NameKey.words("Sunita Verma"), NameKey.words("सुनीता वर्मा")))
        XCTAssertTrue(DuplicateFinder.sameName(NameKey.words("verma sunita"), NameKey.words("सुनीता वर्मा")), "order")
        XCTAssertFalse(DuplicateFinder.sameName(NameKey.words("sunita"), NameKey.words("सुनीता वर्मा")),
                       "a given name alone is not her whole name")
        XCTAssertFalse(DuplicateFinder.sameName(NameKey.words("sumita verma"), NameKey.words("सुनीता वर्मा")))
        // A given name alone, with the same age and village, is still below the line.
        let r = makeCase(1, name: "सुनीता वर्मा", age: 30)
        let p = DuplicateFinder.Person(name: "sunita yadav", phone: nil, age: 30, address: "", on: today)
        XCTAssertTrue(DuplicateFinder.candidates(for: p, among: [r]).isEmpty)
    }
}
