@testable import CursesAdapter
import DeskUI
import Foundation
import XCTest

/// What curses sends when a line holding Devanagari changes: the whole line onto a blanked line
/// (as on a fresh screen), not only the changed cells, which land elsewhere on a terminal that
/// shapes the text (mlterm) and leave stale cells. Read from the bytes curses writes to a file.
final class WholeLinesTests: XCTestCase {
    private func sent(whole: Bool, _ first: [(String, Int)], _ second: [(String, Int)]) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("urja-curses-\(UUID().uuidString).out").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        guard let out = fopen(path, "w"), let inp = fopen("/dev/null", "r") else { throw XCTSkip("no file") }
        defer { fclose(inp) }
        let term = try XCTUnwrap(CursesTerminal(termType: "xterm-256color", output: out, input: inp, colour: false))
        term.resize(rows: 24, cols: 80)
        term.wholeLines = whole
        for (text, col) in first { term.put(text, row: 3, col: col, style: .normal) }
        term.present()
        fflush(out)
        let before = (try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        term.clear()
        for (text, col) in second { term.put(text, row: 3, col: col, style: .normal) }
        term.present()
        fflush(out)
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        term.end()
        fclose(out)
        return String(decoding: data.dropFirst(before), as: UTF8.self)
    }

    func testAChangedHindiLineIsSentWholeOntoABlankedLine() throws {
        let english = [("2. Station queue", 2), ("total 123456789 open", 40)]
        let hindi = [("2. थाने की कतार", 2), ("total 123456789 खुले", 40)]
        let whole = try sent(whole: true, english, hindi)
        XCTAssertTrue(whole.contains("\u{1B}[K") || whole.contains("\u{1B}[J"), "the line is blanked on the terminal first: \(whole.debugDescription)")
        XCTAssertTrue(whole.contains("total 123456789 खुले"), "then drawn whole: \(whole.debugDescription)")
        let cells = try sent(whole: false, english, hindi)
        XCTAssertFalse(cells.contains("total 123456789"), "curses alone sends only the changed cells: \(cells.debugDescription)")
        // A line of plain text is left to curses' own update.
        let plain = try sent(whole: true, [("queue 123456789 open", 2)], [("queue 123456789 shut", 2)])
        XCTAssertFalse(plain.contains("queue 123456789"), plain.debugDescription)
    }

    func testAnUnchangedHindiLineIsNotSentAgain() throws {
        let hindi = [("2. थाने की कतार", 2)]
        let again = try sent(whole: true, hindi, hindi)
        XCTAssertFalse(again.contains("थाने"), again.debugDescription)
    }
}
