import DeskModel
@testable import DeskUI
import XCTest

/// Every word the case's paths need (issue 14) exists in Hindi and English: the errors, and each
/// option of their lists.
final class PathStringsTests: XCTestCase {
    func testEveryPathErrorAndOptionHasBothLanguages() throws {
        let s = try DeskResources.load().strings
        func lists<C: Choice>(_ t: C.Type) -> [String] { C.allCases.map { "choice.\(C.listKey).\($0.rawValue)" } }
        let keys = PathError.allCases.map { "path.error." + $0.rawValue }
            + lists(Helpline.self) + lists(ContactKind.self) + lists(ClosureReason.self) + lists(ClosureCheck.self)
            + lists(DVDuty.self) + lists(DVOrderKind.self) + lists(TraffickingOutcome.self)
        for lang in [Language.hi, .en] {
            for k in keys { XCTAssertTrue(s.has(.dynamic(k), lang), "\(k) \(lang)") }
        }
        XCTAssertEqual(keys.count, 53, "20 errors (trafficking: two, a child's path: three) and 33 options")
    }
}

extension PathStringsTests {
    /// Each path's form has its title, heading, hint and messages in both languages, and every
    /// field and option its label.
    func testEveryPathFormHasItsWords() throws {
        let s = try DeskResources.load().strings
        for kind in EntryKind.allCases where kind.isPath {
            for lang in [Language.hi, .en] {
                for part in ["title", "heading", "hint", "saved", "resumed", "draftKept"] {
                    XCTAssertTrue(s.has(.dynamic("entry.\(part).\(kind.rawValue)"), lang), "entry.\(part).\(kind.rawValue) \(lang)")
                }
                XCTAssertTrue(s.has(.dynamic("add." + kind.rawValue), lang), "add.\(kind.rawValue)")
                var form = EntryForm(kind: kind, caseID: UUID())
                form.pathFields = kind == .dv ? ["riskReviewed"] : nil
                for f in form.fields {
                    XCTAssertTrue(s.has(.dynamic("entry." + f.key), lang), "entry.\(f.key) \(lang)")
                    if case .choice(let list, let options, _) = f.kind {
                        for o in options { XCTAssertTrue(s.has(.dynamic("choice.\(list).\(o)"), lang), "\(list).\(o)") }
                    }
                }
            }
        }
    }
}

extension PathStringsTests {
    /// The supervising officer's title goes where the desk names her: SP by default, DCP in a
    /// commissionerate, in each language; no placeholder is left in any string.
    func testTheSupervisorsTitleIsPutIn() throws {
        let base = try DeskResources.load().strings
        let sp = base.withSupervisor(.sp), dcp = base.withSupervisor(.dcp)
        XCTAssertEqual(sp.text(.role_sp, .en), "SP")
        XCTAssertEqual(dcp.text(.role_sp, .en), "DCP")
        XCTAssertEqual(sp.text(.role_sp, .hi), "पुलिस अधीक्षक")
        XCTAssertEqual(dcp.text(.role_sp, .hi), "पुलिस उपायुक्त")
        XCTAssertEqual(dcp.text(.timeline_directive, .hi), "डीसीपी निर्देश")
        XCTAssertEqual(dcp.text(.directive_unreadAtLogin, .hi, 2), "पुलिस उपायुक्त के 2 नए निर्देश: मेनू में निर्देश देखें।")
        XCTAssertEqual(dcp.text(.timeline_directive, .hinglish), "DCP nirdesh")
        XCTAssertEqual(base.text(.role_sho, .hi), "थाना प्रभारी")
        for strings in [base, sp, dcp] {
            for (lang, texts) in strings.table {
                for key in texts.keys { XCTAssertFalse(strings.text(.dynamic(key), lang).contains("{sup"), "\(key) \(lang)") }
            }
        }
        // Where English says SP, Hindi and Hinglish name the title too (not a fixed word).
        for (key, value) in base.table[.en] ?? [:] where value.contains("{sup") {
            for lang in [Language.hi, .hinglish] {
                XCTAssertTrue(base.table[lang]?[key]?.contains("{sup") == true, "\(key) \(lang)")
            }
        }
        XCTAssertFalse((base.table[.en] ?? [:]).values.contains { $0.range(of: #"\bSP\b"#, options: .regularExpression) != nil
            && !$0.contains("SP or DCP") && !$0.contains("SP (") && $0 != "SP" }, "no SP left outside the title")
    }
}
