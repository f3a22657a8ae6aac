@testable import DeskUI
import XCTest

final class LineEditorTests: XCTestCase {
    /// Types a string one code point at a time, as a terminal delivers Hindi.
    func typed(_ text: String, max: Int = 200) -> LineEditor {
        var e = LineEditor("", maxLength: max)
        for s in text.unicodeScalars { e.insert(s) }
        return e
    }

    func testInsertJoinsMarksToTheirLetter() {
        let e = typed("क्षि")
        XCTAssertEqual(e.text, "क्षि")
        XCTAssertEqual(e.cursor, 1, "क्षि is one character")
        let p = typed("प्रदीप")
        XCTAssertEqual(p.text, "प्रदीप")
        XCTAssertEqual(p.cursor, 3)
        XCTAssertEqual(typed("पीड़िता").cursor, 3, "पी ड़ि ता")
    }

    func testInsertInTheMiddle() {
        var e = typed("पीता")
        e.moveLeft()
        for s in "ड़ि".unicodeScalars { e.insert(s) }
        XCTAssertEqual(e.text, "पीड़िता")
        XCTAssertEqual(e.cursor, 2)
    }

    func testBackspaceDeletesAWholeCluster() {
        var e = typed("प्रदीप")
        e.deleteBackward()
        XCTAssertEqual(e.text, "प्रदी")
        e.deleteBackward()
        e.deleteBackward()
        XCTAssertEqual(e.text, "")
        e.deleteBackward()
        XCTAssertEqual(e.text, "")
        XCTAssertEqual(e.cursor, 0)
        var k = typed("क्षमा")
        k.moveHome()
        k.moveRight()
        k.deleteBackward()
        XCTAssertEqual(k.text, "मा", "क्ष goes whole, never leaving a stray virama")
    }

    func testDeleteForwardTakesTheClusterUnderTheCursor() {
        var e = typed("पीड़िता")
        e.moveHome()
        e.moveRight()
        e.deleteForward()
        XCTAssertEqual(e.text, "पीता")
        e.moveEnd()
        e.deleteForward()
        XCTAssertEqual(e.text, "पीता")
    }

    func testLeftRightHomeEndMoveByCluster() {
        var e = typed("क्षि a")
        XCTAssertEqual(e.cursor, 3)
        e.moveLeft()
        e.moveLeft()
        e.moveLeft()
        XCTAssertEqual(e.cursor, 0)
        e.moveLeft()
        XCTAssertEqual(e.cursor, 0)
        e.moveRight()
        XCTAssertEqual(e.cursor, 1)
        e.moveEnd()
        XCTAssertEqual(e.cursor, 3)
        e.moveRight()
        XCTAssertEqual(e.cursor, 3)
        e.moveHome()
        XCTAssertEqual(e.cursor, 0)
    }

    func testMaxLengthRefusesMore() {
        var e = typed("abc", max: 3)
        e.insert("d")
        XCTAssertEqual(e.text, "abc")
    }

    func testClear() {
        var e = typed("सुनीता")
        e.clear()
        XCTAssertEqual(e.text, "")
        XCTAssertEqual(e.cursor, 0)
    }

    func testScrollKeepsTheCursorInANarrowField() {
        var e = typed("पीड़िता प्रदीप क्षमा")
        let view = e.layout(width: 8)
        XCTAssertLessThanOrEqual(TextWidth.of(view.visible), 8)
        XCTAssertLessThan(view.cursorColumn, 8)
        XCTAssertTrue("पीड़िता प्रदीप क्षमा".hasSuffix(view.visible), "the end is shown while typing at the end")
        e.moveHome()
        let start = e.layout(width: 8)
        XCTAssertEqual(start.cursorColumn, 0)
        XCTAssertTrue("पीड़िता प्रदीप क्षमा".hasPrefix(start.visible))
    }

    func testScrollNeverCutsACluster() {
        var e = typed("क्षिक्षिक्षिक्षि")  // four clusters of three columns
        for width in 2...13 {
            let view = e.layout(width: width)
            XCTAssertTrue(view.visible.allSatisfy { $0 == Character("क्षि") }, "width \(width): \(view.visible)")
            XCTAssertLessThanOrEqual(TextWidth.of(view.visible), width)
        }
    }
}

/// Roman letters composed into Devanagari word by word.
final class ComposeTests: XCTestCase {
    func typed(_ text: String, into e: inout LineEditor) {
        for s in text.unicodeScalars {
            _ = TextFieldView.edit(&e, .text(s), transliterate: true)
        }
    }

    func testAWordStaysEditableInRomanUntilCommitted() {
        var e = LineEditor("", maxLength: 60)
        typed("sunit", into: &e)
        XCTAssertEqual(e.text, "सुनित")
        XCTAssertEqual(e.roman, "sunit")
        typed("a", into: &e)
        XCTAssertEqual(e.text, "सुनीता")
        _ = TextFieldView.edit(&e, .action(.deleteBack), transliterate: true)
        XCTAssertEqual(e.text, "सुनित", "backspace takes back a Roman letter")
        typed("a verma", into: &e)
        XCTAssertEqual(e.text, "सुनीता वर्मा")
        XCTAssertEqual(e.roman, "verma")
        _ = TextFieldView.edit(&e, .action(.lineStart), transliterate: true)
        XCTAssertFalse(e.isComposing, "moving commits the word")
        typed("shri ", into: &e)
        XCTAssertEqual(e.text, "श्री सुनीता वर्मा")
        // Backspace after a committed word deletes a whole letter cluster, as without transliteration.
        _ = TextFieldView.edit(&e, .action(.lineEnd), transliterate: true)
        _ = TextFieldView.edit(&e, .action(.deleteBack), transliterate: true)
        XCTAssertEqual(e.text, "श्री सुनीता व", "र्मा is one cluster")
    }

    func testDigitsAndOffAreTypedAsThey() {
        var e = LineEditor("", maxLength: 60)
        typed("ward 12", into: &e)
        XCTAssertEqual(e.text, "वार्ड 12")
        var plain = LineEditor("", maxLength: 60)
        for s in "sunita".unicodeScalars { _ = TextFieldView.edit(&plain, .text(s)) }
        XCTAssertEqual(plain.text, "sunita")
    }

    func testTheFieldLimitHolds() {
        var e = LineEditor("", maxLength: 4)
        typed("lakshmi", into: &e)
        XCTAssertLessThanOrEqual(e.text.count, 4)
    }
}
