import CNcurses
import TerminalKit
import Foundation

/// The one place that speaks ncurses: a Surface over the terminal, and key input.
/// ncurses is not thread-safe; use one terminal from one thread.
public final class CursesTerminal: Surface {
    private let screen: OpaquePointer
    let window: UnsafeMutablePointer<WINDOW>
    private var attrs: [Style: (attr: attr_t, pair: Int16)] = [:]
    public let usesColour: Bool
    private let inputFD: Int32
    /// Readable input that gave no key, in a row: the mark of an input at its end.
    private var emptyReads = 0

    /// Starts curses on the given terminal. `input`/`output` are open C streams; nil means the
    /// process's own terminal. `colour` false forces the monochrome theme.
    public init?(termType: String? = nil, output: UnsafeMutablePointer<FILE>? = nil,
                 input: UnsafeMutablePointer<FILE>? = nil, colour: Bool = true) {
        CursesTerminal.prepareLocale()
        let inputFile = input ?? urja_stdin()
        inputFD = fileno(inputFile)
        guard let scr = newterm(termType, output ?? urja_stdout(), inputFile) else { return nil }
        screen = scr
        set_term(scr)
        guard let win = urja_stdscr() else { return nil }
        window = win
        raw()
        noecho()
        nonl()
        keypad(win, true)
        set_escdelay(25)
        var colourOK = false
        if colour, has_colors() {
            start_color()
            use_default_colors()
            colourOK = true
        }
        usesColour = colourOK
        let mlterm = ProcessInfo.processInfo.environment["URJA_TERMINAL"] == "mlterm"
        padsSpacingMarks = mlterm && !TextWidth.spacingSignsCombine
        shaper = mlterm && TextWidth.spacingSignsCombine ? ShapedAdvances() : nil
        setUpStyles()
    }

    deinit {
        endwin()
        delscreen(screen)
    }

    /// Puts bytes back in front of the keys still to be read, in order (what she typed before
    /// curses started). As many as curses keeps for this (a name and a PIN fit many times over).
    public func giveBack(_ bytes: [UInt8]) {
        for b in bytes.prefix(64).reversed() { _ = ungetch(Int32(b)) }
    }

    /// Leaves curses mode, restoring the terminal. The screen is blanked first: on a terminal with
    /// no alternate screen (the Linux console) whatever was last shown would otherwise stay.
    public func end() {
        werase(window)
        wrefresh(window)
        endwin()
    }

    private func setUpStyles() {
        let bold = urja_a_bold(), rev = urja_a_reverse(), under = urja_a_underline(), dim = urja_a_dim()
        let plain = urja_a_normal()
        // (foreground, background, attribute with colour, attribute without colour)
        let table: [Style: (Int16, Int16, attr_t, attr_t)] = [
            .normal: (-1, -1, plain, plain),
            .title: (Int16(COLOR_WHITE), Int16(COLOR_BLUE), bold, rev | bold),
            .bar: (Int16(COLOR_BLACK), Int16(COLOR_CYAN), plain, rev),
            .barKey: (Int16(COLOR_WHITE), Int16(COLOR_BLACK), bold, bold),
            .label: (Int16(COLOR_CYAN), -1, bold, bold),
            .field: (-1, -1, under, under),
            .fieldFocus: (Int16(COLOR_BLACK), Int16(COLOR_YELLOW), plain, rev | under),
            .selected: (Int16(COLOR_BLACK), Int16(COLOR_WHITE), plain, rev),
            .error: (Int16(COLOR_RED), -1, bold, bold | under),
            .warning: (Int16(COLOR_YELLOW), -1, bold, bold),
            .ok: (Int16(COLOR_GREEN), -1, plain, plain),
            .dim: (-1, -1, dim, dim),
            .high: (Int16(COLOR_RED), -1, bold, bold | rev),
        ]
        for style in Style.allCases {
            guard let spec = table[style] else { continue }
            if usesColour {
                let pair = Int16(style.rawValue + 1)
                init_pair(pair, spec.0, spec.1)
                attrs[style] = (spec.2, pair)
            } else {
                attrs[style] = (spec.3, 0)
            }
        }
    }

    // MARK: Surface

    public var size: TermSize { TermSize(rows: Int(urja_getmaxy(window)), cols: Int(urja_getmaxx(window))) }

    public func clear() { werase(window) }

    public func put(_ text: String, row: Int, col: Int, style: Style) {
        let fitted = TextWidth.prefix(text, fitting: max(0, size.cols - col))
        guard !fitted.isEmpty, row >= 0, row < size.rows, col >= 0 else { return }
        let a = attrs[style] ?? (urja_a_normal(), 0)
        wattr_set(window, a.attr, a.pair, nil)
        let sent = padsSpacingMarks && SpacingMarkPads.owes(fitted, width: Self.systemWidth)
            ? SpacingMarkPads.padded(fitted, width: Self.systemWidth, blankAfter: blankCells(row: row, from: col + TextWidth.of(fitted)))
            : fitted
        var wide: [wchar_t] = sent.unicodeScalars.map { wchar_t(bitPattern: $0.value) }
        wide.append(0)
        _ = mvwaddnwstr(window, Int32(row), Int32(col), &wide, Int32(wide.count - 1))
        wattr_set(window, urja_a_normal(), 0, nil)
    }

    /// Pads after Devanagari's spacing vowel signs for mlterm, which gives them no column (see
    /// `SpacingMarkPads`): the fall-back when the desk runs with URJA_TERMINAL=mlterm but without
    /// the thana locale (no package locales when `terminal-setup` ran). In the thana locale curses
    /// and tmux give these signs no column either (`TextWidth.spacingSignsCombine`) and this is off.
    public var padsSpacingMarks = false

    /// How many cells from `from` on the row hold a plain blank (up to 8): room for pads.
    private func blankCells(row: Int, from: Int) -> Int {
        var n = 0
        while n < 8, from + n < size.cols, cellText(row: row, col: from + n) == " " { n += 1 }
        return n
    }

    /// Moves blanks after Hindi so that text after it starts at its column in mlterm, which draws
    /// Devanagari at the font's widths (`ShapedColumns`). On in the thana set-up (URJA_TERMINAL=mlterm
    /// and the thana locale) when HarfBuzz and Noto Sans Devanagari are there.
    public var alignsShapedText: Bool {
        get { shaper != nil }
        set { shaper = newValue ? (shaper ?? ShapedAdvances()) : nil }
    }
    private var shaper: ShapedAdvances?

    private var cursorAt: (Int, Int)?
    public func setCursor(row: Int, col: Int) { cursorAt = (row, col) }
    public func hideCursor() { cursorAt = nil }

    /// Lines holding Devanagari are sent whole when they change (see `ShownRow`); false gives
    /// curses' plain update of changed cells (the bench measures both).
    public var wholeLines = true
    /// What the terminal shows, row by row, since the last `present()`.
    private var shown: [ShownRow] = []

    /// Shows what was drawn since the last call.
    public func present() {
        var cursor = cursorAt
        if let shaper {
            let moved = alignShapedRows(shaper, cols: size.cols, cursorRow: cursor?.0)
            if let (r, c) = cursor, let to = moved[c] { cursor = (r, to) }
        }
        let now = (0..<size.rows).map { ShownRow.read(window, row: $0, cols: size.cols) }
        if wholeLines {
            if now.count != shown.count || now.first?.cells.count != shown.first?.cells.count {
                clearok(urja_curscr(), true)  // a new size (or the first frame): all afresh, as at a start
            } else {
                blankComplexRows(now: now, shown: shown, cols: size.cols)
            }
        }
        shown = now
        if let (r, c) = cursor {
            curs_set(1)
            wmove(window, Int32(r), Int32(c))
        } else {
            curs_set(0)
        }
        wrefresh(window)
    }

    /// Makes the terminal a given size (headless tests).
    public func resize(rows: Int, cols: Int) {
        resizeterm(Int32(rows), Int32(cols))
    }

    // MARK: Input

    public enum Event: Equatable {
        case key(Key)
        /// Nothing was typed within the time asked.
        case timeout
        /// The terminal has gone (closed window, lost connection).
        case closed
    }

    /// Waits up to `timeoutMs` for a key. ncurses answers a time-out and a closed terminal
    /// alike, so the input is polled first to tell them apart.
    public func readKey(timeoutMs: Int32) -> Event {
        // Anything ncurses has already buffered (the rest of an escape sequence) comes first.
        if let key = nextKey(waitMs: 0) {
            emptyReads = 0
            return .key(key)
        }
        var fds = pollfd(fd: inputFD, events: Int16(POLLIN), revents: 0)
        let ready = poll(&fds, 1, timeoutMs)
        if ready == 0 { return .timeout }
        if ready < 0 { return errno == EINTR ? .timeout : .closed }
        if fds.revents & Int16(POLLIN) == 0 { return .closed }
        if let key = nextKey(waitMs: 50) {
            emptyReads = 0
            return .key(key)
        }
        // Readable yet no key: end of input, unless it was only part of a sequence.
        emptyReads += 1
        if fds.revents & Int16(POLLHUP | POLLERR | POLLNVAL) != 0 || emptyReads >= 3 { return .closed }
        return .timeout
    }

    private func nextKey(waitMs: Int32) -> Key? {
        wtimeout(window, waitMs)
        var ch: wint_t = 0
        let rc = wget_wch(window, &ch)
        if rc == KEY_CODE_YES { return Self.functionKey(Int32(ch)) ?? .resize }
        guard rc == OK else { return nil }
        return Self.characterKey(UInt32(ch))
    }

    static func characterKey(_ v: UInt32) -> Key? {
        switch v {
        case 9: return .tab
        case 10, 13: return .enter
        case 27: return .escape
        case 8, 127: return .backspace
        case 1...26:
            guard let s = Unicode.Scalar(v + 96) else { return nil }
            return .ctrl(Character(s))
        default:
            guard let s = Unicode.Scalar(v) else { return nil }
            return .char(s)
        }
    }

    static func functionKey(_ code: Int32) -> Key? {
        switch code {
        case KEY_UP: return .up
        case KEY_DOWN: return .down
        case KEY_LEFT: return .left
        case KEY_RIGHT: return .right
        case KEY_HOME: return .home
        case KEY_END: return .end
        case KEY_NPAGE: return .pageDown
        case KEY_PPAGE: return .pageUp
        case KEY_BACKSPACE: return .backspace
        case KEY_DC: return .delete
        case KEY_BTAB: return .backTab
        case KEY_ENTER: return .enter
        case KEY_RESIZE: return .resize
        default:
            for n in 1...12 where code == urja_key_f(Int32(n)) { return .function(n) }
            return nil
        }
    }

    /// What is in a cell, for headless tests: the characters of the cell's cluster.
    public func cellText(row: Int, col: Int) -> String {
        var cell = cchar_t()
        guard mvwin_wch(window, Int32(row), Int32(col), &cell) == OK else { return "" }
        var chars = [wchar_t](repeating: 0, count: 8)
        var attr: attr_t = 0
        var pair: Int16 = 0
        guard getcchar(&cell, &chars, &attr, &pair, nil) == OK else { return "" }
        let scalars = chars.prefix { $0 != 0 }.compactMap { Unicode.Scalar(UInt32(bitPattern: $0)) }
        return String(String.UnicodeScalarView(scalars))
    }

    /// Wide characters need a UTF-8 locale before curses starts; the machines here may only have C.UTF-8.
    /// Then the desk measures Devanagari's spacing signs as the locale does: no column in the thana
    /// locale `terminal-setup` writes for mlterm (see `TextWidth.spacingSignsCombine`).
    public static func prepareLocale() {
        setlocale(LC_ALL, "")
        let current = setlocale(LC_CTYPE, nil).map { String(cString: $0) } ?? "C"
        if !current.uppercased().contains("UTF-8") && !current.uppercased().contains("UTF8") {
            setlocale(LC_ALL, "C.UTF-8")
        }
        TextWidth.spacingSignsCombine = wcwidth(wchar_t(0x093F)) == 0 && wcwidth(wchar_t(0x0915)) == 1
    }

    /// The width glibc gives a scalar: the tests compare the layer's own table with it.
    public static func systemWidth(_ scalar: Unicode.Scalar) -> Int {
        Int(wcwidth(wchar_t(bitPattern: scalar.value)))
    }
}
