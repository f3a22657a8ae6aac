/// Column widths as the terminal lays them out (glibc's wcwidth, which ncurses and tmux follow):
/// combining marks (virama, nukta, the non-spacing vowel signs, anusvara) take no column, spacing
/// marks and letters one, East Asian wide characters and emoji two. A Character (grapheme cluster)
/// is as wide as the sum of its scalars, so क्षि is three columns yet one Character: move, delete
/// and cut by Character, measure by scalar.
///
/// One exception, for mlterm (the thana terminal): mlterm gives Devanagari's spacing signs (ा ि ी
/// ो ौ ः) no column of its own, and `urja-desk terminal-setup` builds a locale in which glibc's
/// wcwidth does the same, for tmux and curses (see `mltermCombinedSigns`). When the running
/// locale says so, `spacingSignsCombine` is set at start and the desk measures as they do.
public enum TextWidth {
    /// The signs mlterm combines onto the letter before them while glibc's stock wcwidth gives
    /// each a column: visarga, the spacing vowel signs and their kin (U+0903, 093B, 093E–0940,
    /// 0949–094C, 094E–094F). The thana locale gives these no column.
    public static let mltermCombinedSigns: [ClosedRange<UInt32>] = [
        0x0903...0x0903, 0x093B...0x093B, 0x093E...0x0940, 0x0949...0x094C, 0x094E...0x094F,
    ]

    /// True when the running locale gives `mltermCombinedSigns` no column (the thana locale that
    /// `terminal-setup` writes); set once at start, before anything is measured or drawn
    /// (`CursesTerminal.prepareLocale`), and only read after that.
    nonisolated(unsafe) public static var spacingSignsCombine = false

    public static func of(_ scalar: Unicode.Scalar) -> Int {
        let v = scalar.value
        if v == 0 { return 0 }
        if spacingSignsCombine, (0x0903...0x094F).contains(v), mltermCombinedSigns.contains(where: { $0.contains(v) }) { return 0 }
        if v < 0x20 || (0x7F..<0xA0).contains(v) { return 0 }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return v == 0x00AD ? 1 : 0
        default: break
        }
        if (0x1160...0x11FF).contains(v) { return 0 }
        if isWide(v) || (v >= 0x2300 && scalar.properties.isEmojiPresentation) { return 2 }
        return 1
    }

    public static func of(_ character: Character) -> Int {
        character.unicodeScalars.reduce(0) { $0 + of($1) }
    }

    public static func of(_ text: some StringProtocol) -> Int {
        text.unicodeScalars.reduce(0) { $0 + of($1) }
    }

    /// The longest prefix of whole Characters that fits in `width` columns.
    public static func prefix(_ text: String, fitting width: Int) -> String {
        guard width > 0 else { return "" }
        var used = 0
        var out = ""
        for ch in text {
            let w = of(ch)
            if used + w > width { break }
            used += w
            out.append(ch)
        }
        return out
    }

    /// Cuts to `width` columns, ending with "…" when something was cut; never splits a cluster.
    public static func truncate(_ text: String, to width: Int) -> String {
        guard width > 0 else { return "" }
        if of(text) <= width { return text }
        return prefix(text, fitting: width - 1) + "…"
    }

    /// Lines of at most `width` columns, broken at spaces; a word longer than a line is broken
    /// between whole Characters. Nothing is cut and no line is empty unless the text is.
    public static func wrap(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [text] }
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: true).map(String.init) {
            var word = word
            let candidate = line.isEmpty ? word : line + " " + word
            if of(candidate) <= width {
                line = candidate
                continue
            }
            if !line.isEmpty { lines.append(line) }
            line = ""
            while of(word) > width {
                let head = prefix(word, fitting: width)
                lines.append(head)
                word = String(word.dropFirst(head.count))
            }
            line = word
        }
        if !line.isEmpty || lines.isEmpty { lines.append(line) }
        return lines
    }

    /// Truncated and padded with spaces to exactly `width` columns.
    public static func fit(_ text: String, to width: Int, alignRight: Bool = false) -> String {
        let cut = truncate(text, to: width)
        let pad = String(repeating: " ", count: max(0, width - of(cut)))
        return alignRight ? pad + cut : cut + pad
    }

    private static func isWide(_ v: UInt32) -> Bool {
        switch v {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
             0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
             0xFFE0...0xFFE6, 0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x2FFFD, 0x30000...0x3FFFD:
            return true
        default:
            return false
        }
    }
}
