@testable import CursesAdapter
import DeskUI
import XCTest

/// Blanks after Hindi moved so text after it starts at its column in mlterm (ShapedColumns), and
/// the widths mlterm draws Devanagari at (ShapedAdvances, HarfBuzz as mlterm uses it).
final class ShapedColumnsTests: XCTestCase {
    /// Cells as curses makes them in the thana locale: a scalar with a column, the marks on it.
    private func cells(_ text: String) -> [ShapedColumns.Cell] {
        TextWidth.spacingSignsCombine = true
        defer { TextWidth.spacingSignsCombine = false }
        var out: [ShapedColumns.Cell] = []
        for s in text.unicodeScalars {
            if TextWidth.of(s) == 0, !out.isEmpty { out[out.count - 1].text.unicodeScalars.append(s) } else {
                out.append(.init(text: String(s)))
            }
        }
        return out
    }

    private func text(_ cells: [ShapedColumns.Cell], _ plan: [Int]) -> String { plan.map { cells[$0].text }.joined() }

    func testBlanksAfterTextDrawnWideAreLeftOutAndPutAtTheEnd() {
        let row = cells("थाने    X")  // थ+ा, न+े: 2 cells drawn 35 px (1.5 cells over, rounds to 2)
        let plan = ShapedColumns.plan(row, cell: 10) { run in run == "थाने" ? 35 : 0 }
        XCTAssertEqual(plan.count, row.count)
        XCTAssertEqual(text(row, plan), "थाने  X  ")
        XCTAssertEqual(plan, [0, 1, 4, 5, 6, 2, 2], "the gap's first blanks are the ones left out")
    }

    func testBlanksAreAddedAfterTextDrawnNarrowWhenTheRowEndsInBlanks() {
        let row = cells("कन  X  ")  // 2 cells drawn 5 px: 1.5 cells short
        let plan = ShapedColumns.plan(row, cell: 10) { _ in 5 }
        XCTAssertEqual(text(row, plan), "कन    X")
        let full = cells("कन  X")  // no blanks at the end to give: left as it is
        XCTAssertEqual(ShapedColumns.plan(full, cell: 10) { _ in 5 }, Array(full.indices))
    }

    func testAGapKeepsABlankAndRowsWithoutShapedTextStayAsTheyAre() {
        let row = cells("थाने X")
        XCTAssertEqual(text(row, ShapedColumns.plan(row, cell: 10) { _ in 60 }), "थाने X")
        let latin = cells("abc    d")
        XCTAssertEqual(ShapedColumns.plan(latin, cell: 10) { _ in 99 }, Array(latin.indices))
    }

    func testOvershootAddsUpAlongTheRow() {
        // Two words each 4 px over: the first gap is left as it is (rounds to 0), the second takes the 8.
        let row = cells("क  ख  X")
        var asked: [String] = []
        let plan = ShapedColumns.plan(row, cell: 10) { run in asked.append(run); return 14 }
        XCTAssertEqual(text(row, plan), "क  ख X ")
        XCTAssertEqual(asked, ["क", "ख"])
    }

    /// HarfBuzz with Noto Sans Devanagari at 16 px gives the widths measured in mlterm's pixels
    /// (README: भाषा 28 px, कि 16 px; a bar printed after आयु, स्थिति, साइबर, अपराध, अधिकारी lands at
    /// 25, 33, 39, 42, 53 px, bold or not).
    func testShapedWidthsAreMltermsWidths() throws {
        guard let shaper = ShapedAdvances() else { throw XCTSkip("no libharfbuzz.so.0 or Noto Sans Devanagari") }
        XCTAssertEqual(shaper.pixels("भाषा"), 28)
        XCTAssertEqual(shaper.pixels("कि"), 16)
        XCTAssertEqual(shaper.pixels("आयु"), 25)
        XCTAssertEqual(shaper.pixels("स्थिति"), 33)
        XCTAssertEqual(shaper.pixels("साइबर"), 39)
        XCTAssertEqual(shaper.pixels("अपराध"), 42)
        XCTAssertEqual(shaper.pixels("अधिकारी"), 53)
    }
}


extension ShapedColumnsTests {
    /// A queue row full to its last column: Hindi drawn narrow wants blanks added after it, and
    /// the row has none at its end, so they come out of the last gap (the date keeps its place).
    func testBlanksAddedInAFullRowComeOutOfItsLastGap() {
        let row = cells("कन  ख  X")
        let plan = ShapedColumns.plan(row, cell: 10) { run in run == "कन" ? 5 : 10 }
        XCTAssertEqual(text(row, plan), "कन   ख X")
        XCTAssertEqual(plan.count, row.count)
    }
}

extension ShapedColumnsTests {
    /// Text running to the row's end (the top bar's date and language, a queue row's date) is
    /// placed by its end: its own overshoot comes out of the gap before it, so it stays on screen.
    func testTextToTheRowsEndIsPlacedByItsEnd() {
        let row = cells("ab    Xकख")  // कख: 2 cells drawn 40 px
        let plan = ShapedColumns.plan(row, cell: 10) { _ in 40 }
        XCTAssertEqual(text(row, plan), "ab  Xकख  ")
    }
}

extension ShapedColumnsTests {
    /// A highlight (or a field's underline) running on after Hindi is a gap of its own: its end is
    /// put in place, and the plain blanks after it are left as they are.
    func testTheEndOfAHighlightIsAnEdge() {
        var row = cells("थाने     X")
        for k in 2..<5 { row[k].style = 1 }  // the highlight: three blanks after the text
        let plan = ShapedColumns.plan(row, cell: 10) { _ in 30 }  // 2 cells drawn 30 px: one over
        XCTAssertEqual(plan, [0, 1, 3, 4, 5, 6, 7, 2])
    }
}
