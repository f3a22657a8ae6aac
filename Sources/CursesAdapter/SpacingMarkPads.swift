import Foundation

/// (The fall-back: the thana locale that `terminal-setup` builds makes them unneeded, see
/// `TextWidth.spacingSignsCombine`; these serve URJA_TERMINAL=mlterm without it.)
/// Pads for mlterm, which gives Devanagari's spacing vowel signs (ा ि ी ो ौ ः) no column of their
/// own (its Unicode table calls every sign U+093E–094F "combining"), while glibc's wcwidth, curses,
/// tmux and the desk give each a column. Behind tmux, which sends a line as a stream, mlterm's
/// cursor lags one column for each such sign: text after Hindi lands left of its column, a bar
/// holding Hindi ends early, the "हिं" badge at its end is cut off.
///
/// The pad is a ZERO WIDTH SPACE (U+200B): no column for glibc, curses and tmux (it rides in the
/// cell before it), a blank column in mlterm. One pad for each such sign in a text, each on a space
/// (a cell both sides agree on, where the blank it adds in mlterm only widens a gap), never on a
/// Devanagari cell: tmux rewrites a
/// cell that gains a zero-width character by stepping back one column, and in mlterm that step
/// lands on the consonant before a vowel sign and wipes it. The first agreeable cells after the
/// word take its pads; what a text cannot place after its words goes on blank cells after the
/// text, then on spaces before the words. Then both sides of tmux count the same columns at the end of every text the desk draws.
public enum SpacingMarkPads {
    public static let pad: Unicode.Scalar = "\u{200B}"

    /// Signs mlterm combines (its Unicode property table) that glibc's wcwidth gives a column.
    public static func isCombinedByMLterm(_ v: UInt32) -> Bool {
        (0x08E3...0x0903).contains(v) || (0x093A...0x093C).contains(v) || (0x093E...0x094F).contains(v)
            || (0x0951...0x0957).contains(v) || (0x0962...0x0963).contains(v)
    }

    /// Whether a text holds a sign mlterm gives no column (and so needs pads).
    public static func owes(_ text: String, width: (Unicode.Scalar) -> Int) -> Bool {
        text.unicodeScalars.contains { isCombinedByMLterm($0.value) && width($0) > 0 }
    }

    /// The text with its pads; a text without such signs comes back as it was. `width` is the
    /// column count curses gives a scalar (glibc's wcwidth); `blankAfter` is how many blank cells
    /// follow the text on the screen: pads the text's own spaces after its words cannot take go
    /// there (as spaces carrying a pad) before any goes on a space before the words.
    public static func padded(_ text: String, width: (Unicode.Scalar) -> Int, blankAfter: Int = 0) -> String {
        let scalars = Array(text.unicodeScalars)
        guard owes(text, width: width) else { return text }
        // Cells as curses makes them: a scalar with a column, and the zero-width ones riding on it.
        var cells: [[Unicode.Scalar]] = []
        for s in scalars {
            if width(s) == 0, !cells.isEmpty { cells[cells.count - 1].append(s) } else { cells.append([s]) }
        }
        func agreeable(_ cell: [Unicode.Scalar]) -> Bool { cell == [" "] }
        var owed = 0
        var padded = Set<Int>()
        for i in cells.indices {
            owed += cells[i].filter { isCombinedByMLterm($0.value) && width($0) > 0 }.count
            if owed > 0, agreeable(cells[i]) {
                cells[i].append(pad)
                padded.insert(i)
                owed -= 1
            }
        }
        let trailing = min(owed, max(0, blankAfter))
        owed -= trailing
        var i = cells.count - 1
        cells.append(contentsOf: repeatElement([" ", pad], count: trailing))
        while owed > 0, i >= 0 {
            if !padded.contains(i), agreeable(cells[i]) {
                cells[i].append(pad)
                owed -= 1
            }
            i -= 1
        }
        return String(String.UnicodeScalarView(cells.joined()))
    }
}
