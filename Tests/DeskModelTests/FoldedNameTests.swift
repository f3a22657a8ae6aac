@testable import DeskModel
import Foundation
import XCTest

/// Search folds names to one form; its fast path (ASCII, Devanagari without nukta or stress
/// marks, done on the bytes) must give exactly Foundation's canonical, lower-cased form, byte for
/// byte (the queue compares bytes; Swift's == would call a composed and a decomposed letter equal).
final class FoldedNameTests: XCTestCase {
    func testTheFastFoldIsFoundationsFold() {
        let pieces = ["A", "z", "Sunita", "VERMA", " ", "-", ".", "1", "क", "ि", "ं", "्", "ष", "क़", "ज़", "ड़", "ऩ", "ऱ", "ऴ", "़",
                      "॑", "॒", "ॐ", "।", "०", "é", "É", "ß", "İ", "ı", "Ω", "ক", "ـ", "😀", "\u{0301}", "ऄ", "ॿ", "न", "र", "ळ"]
        var seed: UInt64 = 5
        var checked = 0
        for _ in 0..<20_000 {
            var text = ""
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            for k in 0..<Int(seed >> 60) + 1 {
                text += pieces[Int((seed >> UInt64(k * 5 % 50)) % UInt64(pieces.count))]
            }
            XCTAssertEqual(Array(CaseQuery.folded(text).utf8), Array(CaseQuery.slowFolded(text).utf8), text.unicodeScalars.map { String($0.value, radix: 16) }.joined(separator: " "))
            checked += 1
        }
        for name in ["न\u{093C}", "र\u{093C}ा", "क\u{0951}\u{094D}", "सुनीता वर्मा", "Sunita Verma", "ज़ैनब", "ज़ैनब", "रेखा मीणा", "Rekha MEENA"] {
            XCTAssertEqual(Array(CaseQuery.folded(name).utf8), Array(CaseQuery.slowFolded(name).utf8), name)
        }
        XCTAssertEqual(checked, 20_000)
    }
}
