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
