import CNcurses

/// Text after Hindi at its column in mlterm. mlterm draws a run of Devanagari at the font's own
/// advances (`ShapedAdvances`), so everything after it on the line sits as many pixels on as the
/// run is wider than its cells (about half a cell for each spacing vowel sign). The desk cannot
/// move the pixels, but it can move the cells: in a gap of blanks after such text it leaves out
/// as many blanks as the text overshot by whole cells (or adds some when it fell short), and puts
/// them back at the end of the line. Each column of the desk's then starts within half a cell of
/// where it should, and curses, tmux and mlterm still count the same cells (a blank is a blank).
/// A gap keeps at least one blank, and a gap is only moved where text follows it.
enum ShapedColumns {
    struct Cell: Equatable {
        /// The cell's characters (a letter and the marks on it).
        var text: String
        /// Its attributes and colours: a gap is a run of blanks of one style, so the end of a
        /// highlight or of a field's underline is an edge to be put in place like text.
        var style = 0

        var isBlank: Bool { text == " " }
        /// mlterm's "variable width" characters: Indic scripts, U+0900–0D7F.
        var isShaped: Bool { text.unicodeScalars.first.map { (0x0900...0x0D7F).contains($0.value) } ?? false }
    }

    /// The order to write a row's cells in (indices into `cells`, as many as there are cells): the
    /// same order, with blanks left out of gaps or repeated in them. `pixels` is how wide mlterm
    /// draws a run of shaped cells' text (one word: runs end at a space); `cell` the width of a
    /// cell in pixels.
    static func plan(_ cells: [Cell], cell: Int, pixels: (String) -> Int) -> [Int] {
        guard cells.contains(where: \.isShaped) else { return Array(cells.indices) }
        // Blanks of one style at the end of the row: room for blanks added earlier.
        var end = cells.count
        while end > 0, cells[end - 1].isBlank, cells[end - 1].style == cells[cells.count - 1].style { end -= 1 }
        let trailing = cells.count - end
        // The gaps: runs of at least two blanks of one style, before the trailing blanks.
        var gaps: [Range<Int>] = []
        var k = 0
        while k < end {
            var j = k
            while j < end, cells[j].isBlank, cells[j].style == cells[k].style { j += 1 }
            if j - k >= 2 { gaps.append(k..<j) }
            k = max(j, k + 1)
        }
        // Blanks added earlier can also come out of the last gap (only what follows it then keeps
        // its shift) when the row has too few blanks at its end.
        let lastGap = gaps.last ?? end..<end
        /// Pixels the shaped runs in `range` are drawn wider than their cells.
        func overshoot(_ range: Range<Int>) -> Int {
            var total = 0
            var k = range.lowerBound
            while k < range.upperBound {
                guard cells[k].isShaped else { k += 1; continue }
                var run = ""
                let start = k
                while k < range.upperBound, cells[k].isShaped { run += cells[k].text; k += 1 }
                total += pixels(run) - (k - start) * cell
            }
            return total
        }
        var out: [Int] = []
        out.reserveCapacity(cells.count)
        var over = 0  // pixels the next cell would be drawn right of its column
        var net = 0  // blanks added so far, less those left out
        var blank = end < cells.count ? end : nil  // a blank to repeat at the end
        var from = 0
        for gap in gaps {
            over += overshoot(from..<gap.lowerBound)
            out.append(contentsOf: from..<gap.lowerBound)
            from = gap.upperBound
            // What follows the last gap and runs to the row's end is placed by its end (it is
            // right-aligned, and must not run off the screen): its own overshoot counts too.
            var target = over
            var round = target > 0 ? cell / 2 : -cell / 2  // whole cells, rounded
            if gap == lastGap, trailing == 0 {
                target += overshoot(gap.upperBound..<end)
                round = target > 0 ? cell - 1 : 0  // rounded up: not a pixel past the edge
            }
            let shift = (target + round) / cell
            var take = max(1, gap.count - shift) - gap.count  // > 0: blanks added, < 0: left out
            if gap == lastGap {
                take = max(min(take, trailing - net), 1 - gap.count)  // what was added comes off here
            } else if take > 0 {
                take = max(0, min(take, trailing + lastGap.count - 1 - net))
            }
            net += take
            over += take * cell
            blank = blank ?? gap.lowerBound
            // Left out from the gap's start, or added there.
            if take > 0 { out.append(contentsOf: repeatElement(gap.lowerBound, count: take)) }
            out.append(contentsOf: (gap.lowerBound + max(0, -take))..<gap.upperBound)
        }
        out.append(contentsOf: from..<cells.count)
        // The row keeps its length: the blanks left out go at its end, the ones added come off it.
        if let blank, out.count < cells.count { out.append(contentsOf: repeatElement(blank, count: cells.count - out.count)) }
        return Array(out.prefix(cells.count))
    }
}

extension CursesTerminal {
    /// Moves the blanks of each row holding shaped text (see `ShapedColumns`); returns for the
    /// cursor's row where each old column went.
    func alignShapedRows(_ shaper: ShapedAdvances, cols: Int, cursorRow: Int?) -> [Int: Int] {
        var moved: [Int: Int] = [:]
        let rows = Int(urja_getmaxy(window))
        var raw = [cchar_t](repeating: cchar_t(), count: cols + 1)
        var chars = [wchar_t](repeating: 0, count: 8)
        for r in 0..<rows {
            _ = mvwin_wchnstr(window, Int32(r), 0, &raw, Int32(cols))
            // Rows without Indic text (most) are left at once.
            guard raw.prefix(cols).contains(where: { (0x0900...0x0D7F).contains(UInt32(bitPattern: $0.chars.0)) }) else { continue }
            var cells: [ShapedColumns.Cell] = []
            cells.reserveCapacity(cols)
            var anyShaped = false
            for c in 0..<cols {
                var attr: attr_t = 0
                var pair: Int16 = 0
                _ = getcchar(&raw[c], &chars, &attr, &pair, nil)
                let scalars = chars.prefix { $0 != 0 }.compactMap { Unicode.Scalar(UInt32(bitPattern: $0)) }
                if let v = scalars.first?.value, (0x0900...0x0D7F).contains(v) { anyShaped = true }
                cells.append(ShapedColumns.Cell(text: String(String.UnicodeScalarView(scalars)), style: Int(attr) &* 1_000 &+ Int(pair)))
            }
            guard anyShaped else { continue }
            let plan = ShapedColumns.plan(cells, cell: ShapedAdvances.cellPixels) { shaper.pixels($0) }
            guard plan != Array(0..<cols) else { continue }
            var row = plan.map { raw[$0] }
            row.append(cchar_t())
            _ = mvwadd_wchnstr(window, Int32(r), 0, &row, Int32(cols))
            if r == cursorRow {
                for (new, old) in plan.enumerated() where moved[old] == nil { moved[old] = new }
                // A blank left out: the cursor goes just after what came before it.
                for old in 1..<cols where moved[old] == nil { moved[old] = (moved[old - 1] ?? old - 1) + 1 }
            }
        }
        return moved
    }
}
