import DeskUI
import XCTest

final class TextWidthTests: XCTestCase {
    func testDevanagariWidthsFollowTheTerminal() {
        XCTAssertEqual(TextWidth.of("क"), 1)
        XCTAssertEqual(TextWidth.of("्"), 0)
        XCTAssertEqual(TextWidth.of("़"), 0)
        XCTAssertEqual(TextWidth.of("ि"), 1)
        XCTAssertEqual(TextWidth.of("े"), 0)
        XCTAssertEqual(TextWidth.of(Character("क्षि")), 3)
        XCTAssertEqual(TextWidth.of("सुनीता"), 5)
        XCTAssertEqual(TextWidth.of("界"), 2)
    }

    /// In the thana locale (mlterm's widths, `terminal-setup`) the spacing vowel signs take no
    /// column; the other marks and the letters keep theirs.
    func testSpacingSignsTakeNoColumnInTheThanaLocale() {
        TextWidth.spacingSignsCombine = true
        defer { TextWidth.spacingSignsCombine = false }
        XCTAssertEqual(TextWidth.of("ि"), 0)
        XCTAssertEqual(TextWidth.of("ः"), 0)
        XCTAssertEqual(TextWidth.of("क"), 1)
        XCTAssertEqual(TextWidth.of("थाने की कतार"), 8)
        XCTAssertEqual(TextWidth.of("नहीं"), 2)
        XCTAssertEqual(TextWidth.of(Character("क्षि")), 2)
        XCTAssertEqual(TextWidth.of("Queue ab"), 8)
        XCTAssertEqual(TextWidth.fit("कि", to: 3), "कि  ")
    }

    func testTruncateNeverSplitsACluster() {
        XCTAssertEqual(TextWidth.truncate("क्षिक्षि", to: 5), "क्षि…")
        XCTAssertEqual(TextWidth.truncate("क्षिक्षि", to: 3), "…")
        XCTAssertEqual(TextWidth.truncate("abc", to: 3), "abc")
        XCTAssertEqual(TextWidth.fit("ab", to: 4), "ab  ")
        XCTAssertEqual(TextWidth.fit("ab", to: 4, alignRight: true), "  ab")
        XCTAssertEqual(TextWidth.of(TextWidth.fit("पीड़िता प्रदीप", to: 9)), 9)
    }

    func testGridKeepsClustersWhole() {
        let g = GridSurface(rows: 2, cols: 10)
        g.put("क्षि", row: 0, col: 0, style: .normal)
        XCTAssertEqual(g.line(0), "क्षि")
        g.put("x", row: 0, col: 1, style: .normal)
        XCTAssertEqual(g.line(0), " x", "overwriting part of a cluster blanks all of it")
        g.put("abcdefghiक्षि", row: 1, col: 0, style: .normal)
        XCTAssertEqual(g.line(1), "abcdefghi", "a cluster that does not fit is not drawn")
    }
}
