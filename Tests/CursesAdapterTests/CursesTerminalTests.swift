@testable import CursesAdapter
import DeskUI
import Foundation
import XCTest

/// ncurses itself, headless: a terminal on /dev/null, drawn on, read back cell by cell.
final class CursesTerminalTests: XCTestCase {
    func testTheLayersWidthsMatchGlibc() {
        CursesTerminal.prepareLocale()
        var checked = 0
        var mismatches: [String] = []
        let ranges: [ClosedRange<UInt32>] = [0x20...0x7E, 0xA0...0x24F, 0x900...0x97F, 0x2000...0x206F, 0x2190...0x21FF,
                                              0x2500...0x25FF, 0x2600...0x26FF, 0x3000...0x303F, 0x4E00...0x4E20]
        for range in ranges {
            for v in range {
                guard let s = Unicode.Scalar(v) else { continue }
                let glibc = CursesTerminal.systemWidth(s)
                guard glibc >= 0 else { continue }  // unassigned in glibc's tables
                checked += 1
                if glibc != TextWidth.of(s) { mismatches.append(String(format: "U+%04X glibc %d ours %d", v, glibc, TextWidth.of(s))) }
            }
        }
        XCTAssertGreaterThan(checked, 1000)
        XCTAssertEqual(mismatches, [], "\(mismatches.prefix(20))")
    }

    func testKeysMapFromCursesCodes() {
        XCTAssertEqual(CursesTerminal.characterKey(9), .tab)
        XCTAssertEqual(CursesTerminal.characterKey(13), .enter)
        XCTAssertEqual(CursesTerminal.characterKey(127), .backspace)
        XCTAssertEqual(CursesTerminal.characterKey(19), .ctrl("s"))
        XCTAssertEqual(CursesTerminal.characterKey(0x915), .char("क"))
        XCTAssertEqual(CursesTerminal.functionKey(410), .resize)
        XCTAssertEqual(CursesTerminal.functionKey(265), .function(1))
        XCTAssertEqual(CursesTerminal.functionKey(353), .backTab)
    }

    func testDevanagariIsDrawnWhereTheGridSaysAndReadsBackWhole() throws {
        guard let out = fopen("/dev/null", "w"), let inp = fopen("/dev/null", "r") else { return XCTFail("no /dev/null") }
        defer { fclose(out); fclose(inp) }
        let term = try XCTUnwrap(CursesTerminal(termType: "xterm-256color", output: out, input: inp, colour: false))
        defer { term.end() }
        // colour: false is what the desk passes for NO_COLOR / --no-color; the parsing of those is tested
        // on the real binary: DeskInTmuxTests.testNoColorGivesAMonochromeScreen.
        XCTAssertFalse(term.usesColour, "colour: false: the monochrome theme")
        term.resize(rows: 24, cols: 80)
        XCTAssertEqual(term.size, TermSize(rows: 24, cols: 80))
        let grid = GridSurface(rows: 24, cols: 80)
        let samples = ["पीड़िता क्षमा प्रदीप", "स्व-सहायता समूह", "आजीविका मिशन · परामर्श", "Urja Desk │ ▶ ⚠ •••"]
        for (i, text) in samples.enumerated() {
            term.put(text, row: i, col: 3, style: .normal)
            grid.put(text, row: i, col: 3, style: .normal)
        }
        for (i, text) in samples.enumerated() {
            // Reading the cells from column 3 on gives back exactly the text: no mark lost or moved.
            var read = ""
            for col in 3..<(3 + TextWidth.of(text)) { read += term.cellText(row: i, col: col) }
            XCTAssertEqual(read, text)
            XCTAssertEqual(grid.line(i), "   " + text)
        }
        // A field edge: the grid's truncation lands on the same cell boundary curses uses.
        term.put("क्षिक्षि", row: 10, col: 76, style: .field)
        XCTAssertEqual(term.cellText(row: 10, col: 76) + term.cellText(row: 10, col: 77) + term.cellText(row: 10, col: 78), "क्षि")
        XCTAssertEqual(term.cellText(row: 10, col: 79), " ", "the second cluster did not fit and was not half drawn")
    }
}
