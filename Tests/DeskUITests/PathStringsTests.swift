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
        XCTAssertEqual(keys.count, 48, "15 errors and 33 options")
    }
}
