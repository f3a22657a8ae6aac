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

    public mutating func set(_ newText: String) {
        text = newText
        cursor = newText.count
        scroll = 0
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
