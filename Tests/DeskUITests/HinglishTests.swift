@testable import DeskUI
import DeskModel
import Foundation
import XCTest

/// Hindi in Roman letters, the third display language: every key in all three string files,
/// F2 cycling हिन्दी → Hinglish → English, and Devanagari she typed shown romanized.
final class HinglishTests: XCTestCase {
    static let stringsFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Resources/strings")

    /// Every key of the English file is in the Hinglish one, and no other. With
    /// URJA_FILL_HINGLISH=1 (scripts/fill-hinglish) the missing ones are written as a draft from
    /// the Hindi through the romanizer and `HinglishDraft`'s rules, to be read before committing.
    func testEveryKeyExistsInAllThreeLanguages() throws {
        let res = try DeskResources.load()
        let en = Set(res.strings.table[.en]?.keys.map { $0 } ?? [])
        let hinglish = res.strings.table[.hinglish] ?? [:]
        let missing = en.subtracting(hinglish.keys).sorted()
        let extra = Set(hinglish.keys).subtracting(en).sorted()
        let helpURL = Self.stringsFolder.deletingLastPathComponent().appendingPathComponent("help/hi-Latn.txt")
        if ProcessInfo.processInfo.environment["URJA_FILL_HINGLISH"] == "1", !FileManager.default.fileExists(atPath: helpURL.path),
           let hindi = res.help[.hi] {
            try HinglishDraft.draft(fromHindi: hindi).write(to: helpURL, atomically: true, encoding: .utf8)
        }
        if ProcessInfo.processInfo.environment["URJA_FILL_HINGLISH"] == "1", !missing.isEmpty || !extra.isEmpty {
            var filled = hinglish
            for key in extra { filled[key] = nil }
            for key in missing { filled[key] = HinglishDraft.draft(fromHindi: res.strings.text(.dynamic(key), .hi)) }
            try Self.write(filled, to: Self.stringsFolder.appendingPathComponent("hi-Latn.json"))
            XCTFail("wrote \(missing.count) Hinglish drafts from the Hindi (\(missing.joined(separator: ", "))) and removed "
                    + "\(extra.count) keys English does not have: read them in Resources/strings/hi-Latn.json, then run again")
            return
        }
        XCTAssertEqual(missing, [], "keys missing in Hinglish (Resources/strings/hi-Latn.json): \(missing.joined(separator: ", ")). "
                       + "Run scripts/fill-hinglish for drafts from the Hindi, then read them.")
        XCTAssertEqual(extra, [], "keys in Hinglish that English does not have: \(extra.joined(separator: ", "))")
        for (key, value) in hinglish {
            XCTAssertFalse(RomanizingSurface.holdsDevanagari(value), "Hinglish in Devanagari: \(key) = \(value)")
        }
    }

    func testF2CyclesHindiHinglishEnglish() throws {
        let h = try Harness(cases: 3)
        defer { h.cleanUp() }
        h.login("asha", "1111")
        XCTAssertTrue(h.screen.contains("Main menu"), h.screen)
        h.press(.function(2))
        XCTAssertEqual(h.ctx.language, .hi)
        XCTAssertTrue(h.screen.contains("मुख्य मेनू"), h.screen)
        h.press(.function(2))
        XCTAssertEqual(h.ctx.language, .hinglish)
        XCTAssertTrue(h.screen.contains("mukhya menu"), h.screen)
        XCTAssertFalse(RomanizingSurface.holdsDevanagari(h.screen), "no Devanagari in Hinglish:\n\(h.screen)")
        h.press(.function(2))
        XCTAssertEqual(h.ctx.language, .en)
        // Remembered for her like the others.
        h.press(.function(2), .function(2))
        h.logout()
        h.login("asha", "1111")
        XCTAssertEqual(h.ctx.language, .hinglish)
    }

    func testWhatSheTypedInDevanagariShowsInRomanLetters() throws {
        let h = try Harness(cases: 3)
        defer { h.cleanUp() }
        h.login("asha", "1111")
        h.ctx.language = .hinglish
        h.press(.char("1"), .pageDown, .pageDown)
        h.type("सुनीता वर्मा")
        let screen = h.screen
        XCTAssertTrue(screen.contains("sunita varma"), screen)
        XCTAssertFalse(RomanizingSurface.holdsDevanagari(screen), screen)
        // The cursor stands after the Roman letters, where she is typing, not where the
        // Devanagari's columns would end.
        let rows = screen.components(separatedBy: "\n")
        guard let row = rows.firstIndex(where: { $0.contains("sunita varma") }), let cursor = h.surface.cursor,
              let start = rows[row].range(of: "sunita varma") else { return XCTFail("no cursor or name:\n\(screen)") }
        XCTAssertEqual(cursor.row, row)
        XCTAssertEqual(cursor.col, TextWidth.of(String(rows[row][..<start.upperBound])), "cursor after 'sunita varma'")
        h.press(.left, .left)  // before "varma" (व and र्मा: two letters as she typed them)
        _ = h.screen
        XCTAssertEqual(h.surface.cursor?.col, TextWidth.of(String(rows[row][..<start.lowerBound])) + TextWidth.of("sunita "),
                       "cursor before 'varma'")
        // Kept as typed: only the screen is romanized.
        h.ctx.language = .hi
        XCTAssertTrue(h.screen.contains("सुनीता वर्मा"), h.screen)
    }

    func testARomanizationKeepsTheColumnsOfTheDevanagari() {
        let grid = GridSurface(rows: 2, cols: 30)
        let surface = RomanizingSurface(grid)
        surface.put("क्षमा|", row: 0, col: 0, style: .normal)   // 5 columns; "kshama|" is 7: cut with …
        surface.put("x", row: 0, col: 5, style: .normal)
        XCTAssertEqual(grid.line(0), "ksha…x")
        surface.put("दीदी|", row: 1, col: 0, style: .normal)  // 4 + 1 columns: "didi|" fits exactly
        XCTAssertEqual(grid.line(1), "didi|")
    }

    /// Sorted, one-space indent, as /work/tools/addstr.py writes the other two.
    static func write(_ table: [String: String], to url: URL) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        let lines = try table.keys.sorted().map { key -> String in
            let k = String(decoding: try encoder.encode(key), as: UTF8.self)
            let v = String(decoding: try encoder.encode(table[key] ?? ""), as: UTF8.self)
            return " \(k): \(v)"
        }
        try ("{\n" + lines.joined(separator: ",\n") + "\n}\n").write(to: url, atomically: true, encoding: .utf8)
    }
}

extension HinglishTests {
    func testPaddingGivesWayBeforeTheRomanizationIsCut() {
        let grid = GridSurface(rows: 1, cols: 30)
        let surface = RomanizingSurface(grid)
        surface.put("क्षमा      ", row: 0, col: 0, style: .normal)  // 10 columns, a field's padding
        surface.put("|", row: 0, col: 10, style: .normal)
        XCTAssertEqual(grid.line(0), "kshama    |")
    }
}

extension HinglishTests {
    /// On a terminal that lays Devanagari out otherwise (TerminalProbe), Hindi comes as Hinglish,
    /// with a word why, in her language; F2 still reaches Devanagari, and her choice is kept.
    func testATerminalThatCannotShowHindiGivesHinglish() throws {
        let h = try Harness(cases: 3)
        defer { h.cleanUp() }
        h.login("asha", "1111")
        h.press(.function(2))
        XCTAssertEqual(h.ctx.language, .hi)
        h.logout()
        h.app.hindiBroken = true
        h.login("asha", "1111")
        XCTAssertEqual(h.ctx.language, .hinglish)
        XCTAssertTrue(h.screen.contains("yeh terminal Hindi ko desk se alag"), h.screen)
        h.press(.function(2), .function(2))
        XCTAssertEqual(h.ctx.language, .hi, "she may still choose Devanagari")
    }
}
