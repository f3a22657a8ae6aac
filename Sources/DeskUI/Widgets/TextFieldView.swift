import DeskModel

/// Draws a line editor as a field box and places the cursor when it has the focus. Drawing
/// changes nothing: the editor's sideways scroll is settled before, by `LineEditor.layout(width:)`
/// in the screen's `layout`.
enum TextFieldView {
    /// Columns of a filter line's field.
    static let filterWidth = 24

    static func draw(_ editor: LineEditor, on s: Surface, row: Int, col: Int, width: Int, focused: Bool,
                     secret: Bool = false, placeholder: String = "") {
        var shown = editor
        if secret {
            var masked = LineEditor(String(repeating: "•", count: editor.text.count), maxLength: editor.maxLength)
            for _ in 0..<(editor.text.count - editor.cursor) { masked.moveLeft() }
            shown = masked
        }
        let view = shown.layout(width: width)
        let style: Style = focused ? .fieldFocus : .field
        if view.visible.isEmpty && !placeholder.isEmpty && !focused {
            s.text(placeholder, row: row, col: col, width: width, style: .dim)
        } else {
            s.text(view.visible, row: row, col: col, width: width, style: style)
        }
        if focused { s.setCursor(row: row, col: col + view.cursorColumn) }
        // The Roman letters of the word being composed, after the text while there is room.
        if focused, editor.isComposing {
            let hint = "‹" + editor.roman + "›"
            let at = col + TextWidth.of(view.visible) + 1
            if at + TextWidth.of(hint) <= col + width { s.text(hint, row: row, col: at, style: .dim) }
        }
    }

    /// A filter line: label, a 24-column field, and a note on the right (counts, sort).
    static func filterBar(_ editor: LineEditor, on s: Surface, row: Int, width: Int, label: String,
                          placeholder: String, focused: Bool, info: String, infoStyle: Style) {
        let labelText = label + " "
        let fieldCol = TextWidth.of(labelText) + 1
        let fieldWidth = filterWidth
        s.text(" " + labelText, row: row, col: 0, width: fieldCol, style: .label)
        draw(editor, on: s, row: row, col: fieldCol, width: fieldWidth, focused: focused, placeholder: placeholder)
        s.text(info, row: row, col: fieldCol + fieldWidth + 1, width: width - fieldCol - fieldWidth - 2,
               style: infoStyle, alignRight: true)
    }

    /// Applies an editing input to an editor; returns false when the input is not editing. With
    /// `transliterate`, Roman letters are composed into Devanagari word by word.
    static func edit(_ editor: inout LineEditor, _ input: Input, transliterate: Bool = false) -> Bool {
        if transliterate, case .text(let scalar) = input, Transliterator.isWordCharacter(Character(scalar)) {
            editor.compose(scalar)
            return true
        }
        if editor.isComposing, input == .action(.deleteBack) {
            editor.uncompose()
            return true
        }
        editor.commit()
        switch input {
        case .text(let scalar):
            editor.insert(scalar)
        case .action(.cursorLeft): editor.moveLeft()
        case .action(.cursorRight): editor.moveRight()
        case .action(.lineStart): editor.moveHome()
        case .action(.lineEnd): editor.moveEnd()
        case .action(.deleteBack): editor.deleteBackward()
        case .action(.deleteForward): editor.deleteForward()
        case .action(.clearLine): editor.clear()
        default: return false
        }
        return true
    }
}
