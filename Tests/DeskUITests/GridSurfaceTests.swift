@testable import DeskUI
import XCTest

/// The in-memory screen counts the text it has to cut at the right edge, so "no row too wide" can fail.
final class GridSurfaceTests: XCTestCase {
    func testTextPastTheEdgeIsCounted() {
        let g = GridSurface(rows: 2, cols: 10)
        g.put("सुनीता", row: 0, col: 0, style: .normal)       // 5 columns: fits
        XCTAssertEqual(g.cutCells, 0)
        g.put("abcdefgh", row: 1, col: 5, style: .normal)     // 3 of 8 cells lost
        XCTAssertEqual(g.cutCells, 3)
        XCTAssertEqual(g.cuts.first?.lost, "fgh")
        XCTAssertEqual(g.line(1), "     abcde")
        g.put("क्षमा", row: 0, col: 8, style: .normal)          // क्ष (2 columns) fits, मा does not
        XCTAssertEqual(g.cutCells, 5)
        g.put("ok   ", row: 1, col: 8, style: .normal)        // spaces padding past the edge lose nothing
        XCTAssertEqual(g.cutCells, 5)
        g.clear()
        XCTAssertEqual(g.cutCells, 0, "each drawing starts from a clear screen")
        XCTAssertTrue(g.cuts.isEmpty)
    }
}
