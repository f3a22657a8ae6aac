import DeskModel

/// The desk in Hinglish draws through this: text holding Devanagari (a woman's name, a remark,
/// anything stored as she typed it) is shown in Roman letters (`Romanizer`) and made to take the
/// same columns as the Devanagari would, so that every screen keeps its shape: a longer
/// romanization is cut with "…", a shorter one padded.
final class RomanizingSurface: Surface {
    let base: Surface
    /// What was drawn romanized on each row this frame (column, the Devanagari, its width), so
    /// that a text field's cursor lands in the romanized text where it stands in the Devanagari.
    private var spans: [Int: [(col: Int, text: String, width: Int)]] = [:]

    init(_ base: Surface) { self.base = base }

    var size: TermSize { base.size }
    func clear() {
        spans = [:]
        base.clear()
    }

    /// A cursor inside romanized text moves to the same place in the Roman letters: after the
    /// romanization of what stands before it (kept within the text's columns).
    func setCursor(row: Int, col: Int) {
        guard let span = spans[row]?.last(where: { col >= $0.col && col <= $0.col + $0.width }) else {
            return base.setCursor(row: row, col: col)
        }
        var before = ""
        for ch in span.text {
            if TextWidth.of(before + String(ch)) > col - span.col { break }
            before.append(ch)
        }
        base.setCursor(row: row, col: span.col + min(span.width, TextWidth.of(RomanizingSurface.roman(before))))
    }
    func hideCursor() { base.hideCursor() }

    func put(_ text: String, row: Int, col: Int, style: Style) {
        guard RomanizingSurface.holdsDevanagari(text) else { return base.put(text, row: row, col: col, style: style) }
        let width = TextWidth.of(text)
        spans[row, default: []].append((col, text, width))
        var roman = RomanizingSurface.roman(text)
        while roman.hasSuffix(" "), TextWidth.of(roman) > width { roman.removeLast() }  // padding gives way first
        base.put(TextWidth.fit(roman, to: width), row: row, col: col, style: style)
    }

    static func holdsDevanagari(_ text: String) -> Bool {
        text.unicodeScalars.contains { (0x0900...0x097F).contains($0.value) }
    }

    /// Devanagari in Roman letters; the danda as a full stop. A word ending in a conjunct with
    /// य, र or व keeps the vowel Hindi says there (मुख्य mukhya, अन्य anya, मित्र mitra), which
    /// the romanizer, written for matching names, drops (गाँव stays ganv).
    static func roman(_ text: String) -> String {
        var out = ""
        var word = ""
        func flush() {
            guard !word.isEmpty else { return }
            var r = Romanizer.roman(word)
            let tail = Array(word.unicodeScalars.suffix(2))
            if tail.count == 2, tail[0] == "\u{094D}", ["य", "र", "व"].contains(tail[1]) { r += "a" }
            out += r
            word = ""
        }
        for ch in text {
            if ch == "।" || ch == "॥" {
                flush()
                out += "."
            } else if ch.unicodeScalars.contains(where: { (0x0900...0x097F).contains($0.value) && !(0x0966...0x096F).contains($0.value) }) {
                word.append(ch)
            } else {
                flush()
                out.append(ch)
            }
        }
        flush()
        return Digits.toASCII(out)
    }
}
