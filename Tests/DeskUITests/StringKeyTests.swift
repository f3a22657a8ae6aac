import Foundation
@testable import DeskUI
import DeskModel
import XCTest

/// The typed string keys cannot drift from the strings: StringKeys.swift (written by
/// scripts/string-keys) holds exactly one member per key of en.json, in order, and hi.json has
/// the same keys.
final class StringKeyTests: XCTestCase {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    func keys(_ lang: String) throws -> [String] {
        let data = try Data(contentsOf: Self.root.appendingPathComponent("Resources/strings/\(lang).json"))
        return try JSONDecoder().decode([String: String].self, from: data).keys.sorted()
    }

    func testEveryKeyHasItsMemberAndEveryMemberIsAKey() throws {
        let en = try keys("en")
        XCTAssertGreaterThan(en.count, 900)
        XCTAssertEqual(try keys("hi"), en, "hi.json and en.json hold the same keys")
        XCTAssertEqual(StringKey.all.map(\.raw), en, "StringKey.all is en.json's keys in order: run scripts/string-keys")
        // The members as written in the generated file: each named for its key, none other.
        let source = try String(contentsOf: Self.root.appendingPathComponent("Sources/DeskUI/App/StringKeys.swift"),
                                encoding: .utf8)
        let member = try NSRegularExpression(pattern: #"static let (\w+) = StringKey\("([^"]+)"\)"#)
        func group(_ m: NSTextCheckingResult, _ i: Int) -> String { Range(m.range(at: i), in: source).map { String(source[$0]) } ?? "" }
        let found = member.matches(in: source, range: NSRange(source.startIndex..., in: source)).map { (group($0, 1), group($0, 2)) }
        XCTAssertEqual(found.map(\.1), en, "one member per key, in order: run scripts/string-keys")
        for (name, raw) in found { XCTAssertEqual(name, raw.replacingOccurrences(of: ".", with: "_")) }
        XCTAssertEqual(source.components(separatedBy: "static let ").count - 1, en.count + 1, "the members and `all`, nothing else")
    }

    func testTheBundledStringsAreTheOnesTheKeysWereMadeFrom() throws {
        let strings = try DeskResources.load().strings
        for lang in Language.allCases {
            XCTAssertEqual(strings.table[lang]?.keys.sorted(), StringKey.all.map(\.raw), "\(lang)")
        }
    }

    func testAMemberReadsItsTextAndADynamicKeyReadsTheSame() throws {
        let strings = try DeskResources.load().strings
        XCTAssertEqual(StringKey.intake_datePlaceholder.raw, "intake.datePlaceholder")  // typed-strings: keep
        XCTAssertEqual(strings.text(.intake_datePlaceholder, .en), strings.table[.en]?["intake.datePlaceholder"])  // typed-strings: keep
        XCTAssertEqual(strings.text(.dynamic("choice.risk.high"), .hi), strings.text(.choice_risk_high, .hi))
        // A key made at run time that is not in the strings shows as itself (as before).
        XCTAssertEqual(strings.text(.dynamic("no.such.key"), .en), "no.such.key")
        // The ".one" form still follows a count of 1.
        XCTAssertNotEqual(strings.text(.dup_found, .en, 1), strings.text(.dup_found, .en, 2).replacingOccurrences(of: "2", with: "1"))
    }
}
