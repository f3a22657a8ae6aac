@testable import DeskModel
import Foundation
import XCTest

/// Case ids in the indexes and file names are read by hand (Foundation's parser went through
/// sscanf, and took "-C336841-…" for a number): exactly the 8-4-4-4-12 hexadecimal digits, in
/// either case, each read as Foundation reads it; a near-miss is no id.
final class CaseIDParseTests: XCTestCase {
    func testIDsReadAsFoundationReadsThem() {
        var seed: UInt64 = 9
        func next(_ n: Int) -> Int {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            return Int((seed >> 33) % UInt64(n))
        }
        let junk = Array("0123456789abcdefABCDEFgG-xz {".utf8)
        var checked = 0
        for _ in 0..<5_000 {
            var text = Array(UUID().uuidString.utf8)
            switch next(4) {
            case 0: text = Array(String(decoding: text, as: UTF8.self).lowercased().utf8)
            case 1: text[next(text.count)] = junk[next(junk.count)]
            case 2: if next(2) == 0 { text.removeLast() } else { text.append(junk[next(junk.count)]) }
            default: break
            }
            let string = String(decoding: text, as: UTF8.self)
            let wellFormed = string.range(of: "^[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}$",
                                          options: .regularExpression) != nil
            XCTAssertEqual(ListIndex.uuid(text[...]), wellFormed ? UUID(uuidString: string) : nil, string)
            checked += 1
        }
        XCTAssertEqual(checked, 5_000)
    }
}
