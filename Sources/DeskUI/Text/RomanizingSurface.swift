import DeskModel

/// The desk in Hinglish draws through this: text holding Devanagari (a woman's name, a remark,
/// anything stored as she typed it) is shown in Roman letters (`Romanizer`) and made to take the
/// same columns as the Devanagari would, so that every screen keeps its shape: a longer
/// romanization is cut with "…", a shorter one padded.
final class RomanizingSurface: Surface {
    let base: Surface

    init(_ base: Surface) { self.base = base }

    var size: TermSize { base.size }
    func clear() { base.clear() }
    func setCursor(row: Int, col: Int) { base.setCursor(row: row, col: col) }
    func hideCursor() { base.hideCursor() }

    func put(_ text: String, row: Int, col: Int, style: Style) {
        guard RomanizingSurface.holdsDevanagari(text) else { return base.put(text, row: row, col: col, style: style) }
        let width = TextWidth.of(text)
        var roman = RomanizingSurface.roman(text)
        while roman.hasSuffix(" "), TextWidth.of(roman) > width { roman.removeLast() }  // padding gives way first
        base.put(TextWidth.fit(roman, to: width), row: row, col: col, style: style)
    }

    static func holdsDevanagari(_ text: String) -> Bool {
        text.unicodeScalars.contains { (0x0900...0x097F).contains($0.value) }
    }

    /// Devanagari in Roman letters; the danda as a full stop.
    static func roman(_ text: String) -> String {
        Romanizer.roman(text.replacingOccurrences(of: "॥", with: ".").replacingOccurrences(of: "।", with: "."))
    }
}
