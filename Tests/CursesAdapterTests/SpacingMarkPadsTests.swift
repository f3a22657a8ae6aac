@testable import CursesAdapter
import Foundation
import XCTest

/// The pads for mlterm: after them, mlterm (which gives ा ि ी ो ौ ः no column) counts the same
/// columns as curses and tmux at the end of every text, and no pad sits on a Devanagari cell
/// (tmux rewrites a cell that gains a zero-width character one column back, which in mlterm
/// wipes the consonant before a vowel sign).
final class SpacingMarkPadsTests: XCTestCase {
    override func setUp() {
        CursesTerminal.prepareLocale()  // glibc's wcwidth knows Devanagari only in a UTF-8 locale
    }

    private func width(_ s: Unicode.Scalar) -> Int { CursesTerminal.systemWidth(s) }

    /// Columns as curses (glibc) counts them, and as mlterm does.
    private func columns(_ text: String) -> (curses: Int, mlterm: Int) {
        var curses = 0, mlterm = 0
        for s in text.unicodeScalars {
            let w = max(0, width(s))
            curses += w
            if s == SpacingMarkPads.pad { mlterm += 1 } else if !SpacingMarkPads.isCombinedByMLterm(s.value) { mlterm += w }
        }
        return (curses, mlterm)
    }

    func testAfterThePadsMLtermCountsTheColumnsCursesDoes() {
        for text in ["2. थाने की कतार   ", "4. भाषा / Language", "आशा राठौर (सहायक उप निरीक्षक) · डेस्क अधिकारी  30-11-2026  हिं"] {
            let before = columns(text), after = columns(SpacingMarkPads.padded(text, width: width))
            XCTAssertLessThan(before.mlterm, before.curses, "mlterm counts fewer columns without pads: \(text)")
            XCTAssertEqual(after.curses, before.curses, "the pads take no column in curses: \(text)")
            XCTAssertEqual(after.mlterm, after.curses, "with the pads mlterm counts as curses does: \(text)")
        }
    }

    func testPadsRideOnSpacesOnly() {
        let padded = Array(SpacingMarkPads.padded("थाने की कतार 2 बंद नहीं", width: width).unicodeScalars)
        for (i, s) in padded.enumerated() where s == SpacingMarkPads.pad {
            XCTAssertTrue(i > 0 && (padded[i - 1] == " " || padded[i - 1] == SpacingMarkPads.pad), "a pad after \(padded[max(0, i - 1)])")
        }
    }

    func testBlankCellsAfterTheTextTakeWhatItsOwnSpacesCannot() {
        let text = "कतार"  // one sign, no space of its own
        XCTAssertEqual(SpacingMarkPads.padded(text, width: width, blankAfter: 3), "कतार \u{200B}")
        XCTAssertEqual(SpacingMarkPads.padded("Language", width: width, blankAfter: 3), "Language", "plain text as it was")
    }
}
