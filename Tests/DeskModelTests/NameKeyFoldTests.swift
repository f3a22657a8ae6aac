@testable import DemoData
@testable import DeskModel
import Foundation
import XCTest

/// Names are folded byte by byte exactly as the written rules fold them.
final class NameKeyFoldTests: XCTestCase {
    func testByteWiseFoldingIsTheWrittenOne() throws {
        let directory = try DemoStoryTests.seeds()
        var words = Set<String>()
        for record in DemoGenerator(seed: 4, count: 300, clock: testClock).cases(directory: directory) {
            let roman = Romanizer.roman(record.identity.name).lowercased()
            for w in roman.split(whereSeparator: { !($0.isASCII && $0.isLetter) }) { words.insert(String(w)) }
        }
        XCTAssertGreaterThan(words.count, 30)
        // Made-up words full of the patterns folded: every rule and its neighbours.
        var rng = SeededRandom(seed: 17)
        let pieces = ["x", "w", "ph", "z", "q", "ee", "ii", "oo", "uu", "aa", "ai", "ei", "au", "ou", "ngh", "jn", "kh", "gh",
                      "chh", "jh", "th", "dh", "bh", "yi", "sh", "er", "ey", "ore", "y", "a", "m", "mb", "my", "mm", "n", "r", "e", "o", "t", "s", "h", "c"]
        for _ in 0..<20_000 {
            words.insert((0..<Int.random(in: 1...6, using: &rng)).map { _ in pieces[Int.random(in: 0..<pieces.count, using: &rng)] }.joined())
        }
        for word in words {
            XCTAssertNotNil(NameKey.foldASCII(word), word)
            XCTAssertEqual(NameKey.fold(word), NameKey.foldText(word), word)
        }
        // Anything but lower-case ASCII letters goes the written way.
        for word in ["Sunita", "सुनीता", "ab1", "é"] {
            XCTAssertNil(NameKey.foldASCII(word), word)
            XCTAssertEqual(NameKey.fold(word), NameKey.foldText(word))
        }
        XCTAssertEqual(NameKey.fold(""), NameKey.foldText(""))
        XCTAssertEqual(NameKey.words("Suneeta Varma"), NameKey.words("सुनीता वर्मा"))
    }
}
