import DeskModel

/// A one-line text editor as pure value operations over (text, cursor, scroll). The cursor counts
/// Characters (grapheme clusters), so a Devanagari conjunct such as क्षि moves and deletes as one;
/// a mark typed after a letter joins that letter's cluster, as it does on paper.
public struct LineEditor: Equatable, Sendable {
    public private(set) var text: String
    /// Characters before the cursor.
    public private(set) var cursor: Int
    /// First Character shown when the field is narrower than the text.
    public private(set) var scroll: Int = 0
    /// Longest text accepted, in Characters.
    public var maxLength: Int
    /// With transliteration on: the Roman letters of the word being typed. Its Devanagari stands in
    /// the text between `composePrefix` and `composeSuffix`; the word stays editable in Roman until
    /// a key other than a letter (space, a digit, a move) commits it.
    public private(set) var roman = ""
    private var composePrefix = ""
    private var composeSuffix = ""

    public init(_ text: String = "", maxLength: Int = 200) {
        self.text = text
        self.cursor = text.count
        self.maxLength = maxLength
    }

    private var chars: [Character] { Array(text) }

    // MARK: Editing

    /// Inserts one code point at the cursor: what a terminal delivers per key, Hindi included.
    public mutating func insert(_ scalar: Unicode.Scalar) {
        insert(String(Character(scalar)))
    }

    public mutating func insert(_ piece: String) {
        guard !piece.isEmpty else { return }
        let cs = chars
        let before = String(cs[..<cursor]) + piece
        let after = String(cs[cursor...])
        let joined = before + after
        guard joined.count <= maxLength else { return }
        text = joined
        cursor = min(before.count, joined.count)
    }

    /// Deletes the whole Character before the cursor.
    public mutating func deleteBackward() {
        guard cursor > 0 else { return }
        var cs = chars
        cs.remove(at: cursor - 1)
        text = String(cs)
        cursor = min(cursor - 1, text.count)
        scroll = min(scroll, cursor)
    }

    /// Deletes the whole Character under the cursor.
    public mutating func deleteForward() {
        var cs = chars
        guard cursor < cs.count else { return }
        cs.remove(at: cursor)
        text = String(cs)
        cursor = min(cursor, text.count)
    }

    public mutating func moveLeft() { cursor = max(0, cursor - 1) }
    public mutating func moveRight() { cursor = min(text.count, cursor + 1) }
    public mutating func moveHome() { cursor = 0 }
    public mutating func moveEnd() { cursor = text.count }

    public mutating func clear() {
        text = ""
        cursor = 0
        scroll = 0
    }

    // MARK: Transliteration

    public var isComposing: Bool { !roman.isEmpty }

    /// Adds a Roman letter to the word being composed and shows its Devanagari.
    public mutating func compose(_ scalar: Unicode.Scalar) {
        // Moved away or changed since: the old word is done.
        if !roman.isEmpty, text != composePrefix + Transliterator.devanagari(roman) + composeSuffix
            || cursor != (composePrefix + Transliterator.devanagari(roman)).count {
            commit()
        }
        if roman.isEmpty {
            let cs = chars
            composePrefix = String(cs[..<cursor])
            composeSuffix = String(cs[cursor...])
        }
        let next = roman + String(Character(scalar))
        let shown = composePrefix + Transliterator.devanagari(next)
        guard (shown + composeSuffix).count <= maxLength else { return }
        roman = next
        text = shown + composeSuffix
        cursor = shown.count
    }

    /// Backspace inside the word being composed takes back its last Roman letter.
    public mutating func uncompose() {
        guard !roman.isEmpty else { return }
        roman.removeLast()
        let shown = composePrefix + (roman.isEmpty ? "" : Transliterator.devanagari(roman))
        text = shown + composeSuffix
        cursor = shown.count
        scroll = min(scroll, cursor)
    }

    /// Keeps the word as it stands; the next letter starts a new one.
    public mutating func commit() {
        roman = ""
        composePrefix = ""
        composeSuffix = ""
    }

    // MARK: View

    /// Scrolls so that the cursor is inside a field `width` columns wide, and returns what shows
    /// there and the cursor's column. Never cuts a cluster.
    public mutating func layout(width: Int) -> (visible: String, cursorColumn: Int) {
        let cs = chars
        guard width > 1 else { return ("", 0) }
        if cursor < scroll { scroll = cursor }
        // Room for the cursor cell after the text before it.
        while scroll < cursor, TextWidth.of(String(cs[scroll..<cursor])) + 1 > width { scroll += 1 }
        // Show as much as possible when text was deleted at the end.
        while scroll > 0, TextWidth.of(String(cs[(scroll - 1)...])) + 1 <= width { scroll -= 1 }
        let visible = TextWidth.prefix(String(cs[scroll...]), fitting: width)
        return (visible, TextWidth.of(String(cs[scroll..<cursor])))
    }
}
