@testable import DemoData
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

    /// The same phone under another name is caught with her age (0.4 + 0.1) or her village (0.4 + 0.1);
    /// the phone alone (0.4) stays below the line, as does her age and village without the phone.
    func testTheSamePhoneIsCaughtWhateverTheName() throws {
        let r = try XCTUnwrap(cases.first { $0.identity.phone != nil && $0.identity.age != nil })
        let phone = "+91 " + (r.identity.phone ?? "")
        let found = DuplicateFinder.candidates(for: person(r, name: "कोई और", phone: phone), among: cases)
        XCTAssertEqual(found.first?.record.id, r.id)
        XCTAssertEqual(found.first?.reasons, [.phone, .age])
        // The age is what lifts it over the line: 5 years off, the phone alone is not shown.
        var older = person(r, name: "कोई और", phone: phone)
        older.age = (older.age ?? 30) + 5
        XCTAssertFalse(DuplicateFinder.candidates(for: older, among: cases).contains { $0.record.id == r.id },
                       "the phone alone (0.4) is below the line")
        // A phone one digit off is another phone (the negative control).
        var digits = Array(r.identity.phone ?? "")
        digits[digits.count - 1] = digits.last == "0" ? "1" : "0"
        XCTAssertFalse(DuplicateFinder.candidates(for: person(r, name: "कोई और", phone: String(digits)), among: cases)
            .contains { $0.record.id == r.id && $0.reasons.contains(.phone) })
    }

    /// The village weighs 0.1: with the phone (0.4) it reaches the line; "gram", "ward" and the
    /// like say nothing about the place; and a village never counts without a name or phone.
    func testTheVillageWeight() {
        var r = makeCase(7, name: "सुनीता वर्मा", age: 30)
        r.identity.address = "ग्राम पिपल्या, तहसील सांवेर"
        let phone = r.identity.phone
        func found(_ address: String, phone: String?, name: String = "रेखा मीणा", age: Int? = 45) -> [DuplicateFinder.Reason]? {
            DuplicateFinder.candidates(for: DuplicateFinder.Person(name: name, phone: phone, age: age, address: address, on: today),
                                       among: [r]).first?.reasons
        }
        XCTAssertEqual(found("gram pipalya", phone: phone), [.phone, .place], "typed in Roman, the same village")
        XCTAssertEqual(found("पिपल्या", phone: phone), [.phone, .place])
        XCTAssertNil(found("gram khajrana", phone: phone), "another village: the phone alone is below the line")
        XCTAssertNil(found("gram, ward, tehsil", phone: phone), "words that name no place do not count")
        XCTAssertNil(found("gram pipalya", phone: nil, age: 30), "village and age without a name or phone are nothing")
        XCTAssertEqual(DuplicateFinder.weights[.place], 0.1)
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
