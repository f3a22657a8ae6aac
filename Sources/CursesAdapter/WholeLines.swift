import CNcurses

/// Lines holding Indic text are sent whole. Terminals do not agree on how many cells a shaped
/// Devanagari cluster takes (mlterm gives a spacing vowel sign such as ा no cell of its own,
/// glibc's wcwidth, curses and tmux give it one), so curses' usual update of only the changed
/// cells lands them beside where it meant and leaves old text it believes is blank: "23 खुले
/// open", "Quit uit". A line that changed and holds (or held) such text is first blanked on the
/// terminal and then drawn onto the blank line, which is exactly how it is drawn on a fresh
/// screen: whatever the terminal's widths, the picture is the same however the screen was reached.
/// A new size repaints the whole screen, as at a start.
struct ShownRow: Equatable {
    /// The row's cells as curses holds them (character, attributes, colour), byte for byte.
    var cells: [UInt8]
    /// Holds a character whose width terminals may disagree on.
    var complex: Bool

    static func read(_ window: UnsafeMutablePointer<WINDOW>, row: Int, cols: Int) -> ShownRow {
        var buffer = [cchar_t](repeating: cchar_t(), count: cols + 1)
        _ = mvwin_wchnstr(window, Int32(row), 0, &buffer, Int32(cols))
        var complex = false
        for cell in buffer where !complex {
            let chars = [cell.chars.0, cell.chars.1, cell.chars.2, cell.chars.3, cell.chars.4]
            complex = chars.contains { isComplex(UInt32(bitPattern: $0)) }
        }
        let bytes = buffer.withUnsafeBytes { [UInt8]($0) }
        return ShownRow(cells: bytes, complex: complex)
    }

    /// Scripts that shape (U+0900–U+0DFF: Devanagari to Sinhala), combining marks, joiners.
    static func isComplex(_ v: UInt32) -> Bool {
        (0x0900..<0x0E00).contains(v) || (0x0300..<0x0370).contains(v) || v == 0x200C || v == 0x200D
            || (0x1CD0..<0x1D00).contains(v) || (0xA8E0..<0xA900).contains(v)
    }
}

extension CursesTerminal {
    /// Blanks on the terminal the rows that changed since the last frame and hold complex text
    /// (now or before), so that the refresh after this draws them onto blank lines. Returns the
    /// rows it blanked.
    @discardableResult
    func blankComplexRows(now: [ShownRow], shown: [ShownRow], cols: Int) -> [Int] {
        let rows = now.indices.filter { $0 < shown.count && now[$0] != shown[$0] && (now[$0].complex || shown[$0].complex) }
        guard !rows.isEmpty, let saved = dupwin(window) else { return [] }
        defer { delwin(saved) }
        for r in rows {
            wmove(window, Int32(r), 0)
            wclrtoeol(window)
        }
        wnoutrefresh(window)
        doupdate()
        for r in rows {
            copywin(saved, window, Int32(r), 0, Int32(r), 0, Int32(r), Int32(cols - 1), 0)
        }
        return rows
    }
}
