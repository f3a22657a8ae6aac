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

        var isBlank: Bool { text == " " }
        /// mlterm's "variable width" characters: Indic scripts, U+0900–0D7F.
        var isShaped: Bool { text.unicodeScalars.first.map { (0x0900...0x0D7F).contains($0.value) } ?? false }
    }

    /// The order to write a row's cells in (indices into `cells`, as many as there are cells): the
    /// same order, with blanks left out of gaps or repeated in them. `pixels` is how wide mlterm
    /// draws a run of shaped cells' text (one word: runs end at a space); `cell` the width of a cell in pixels.
    static func plan(_ cells: [Cell], cell: Int, pixels: (String) -> Int) -> [Int] {
        guard cells.contains(where: \.isShaped) else { return Array(cells.indices) }
        // Blank cells at the end of the row: room for blanks added earlier.
        var trailing = 0
        while trailing < cells.count, cells[cells.count - 1 - trailing].isBlank { trailing += 1 }
        let end = cells.count - trailing
        var out: [Int] = []
        out.reserveCapacity(cells.count)
        // The last gap before text: blanks added earlier can also come out of it (only the text
        // after it then keeps its shift), when the row has too few blanks at its end.
        var lastGap = end
        var k = end - 1
        while k > 0, !(cells[k].isBlank && cells[k - 1].isBlank) { k -= 1 }
        if k > 0 {
            lastGap = k
            while lastGap > 0, cells[lastGap - 1].isBlank { lastGap -= 1 }
        }
        var lastGapLength = 0
        while lastGap + lastGapLength < end, cells[lastGap + lastGapLength].isBlank { lastGapLength += 1 }
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
        var over = 0  // pixels the next cell would be drawn right of its column
        var net = 0  // blanks added so far, less those left out
        var blank = end < cells.count ? end : nil  // a blank to repeat at the end
        var i = 0
        while i < end {
            if cells[i].isShaped {
                var j = i
                while j < end, cells[j].isShaped { j += 1 }
                over += overshoot(i..<j)
                out.append(contentsOf: i..<j)
                i = j
            } else if cells[i].isBlank, i + 1 < end, cells[i + 1].isBlank, over != 0 || (i == lastGap && trailing == 0) {
                var j = i
                while j < end, cells[j].isBlank { j += 1 }
                let gap = j - i
                // Text after the last gap that runs to the row's end is placed by its end (it is
                // right-aligned, and must not run off the screen): its own overshoot counts too.
                var target = over
                var round = target > 0 ? cell / 2 : -cell / 2  // whole cells, rounded
                if i == lastGap, trailing == 0 {
                    target += overshoot(j..<end)
                    round = target > 0 ? cell - 1 : 0  // rounded up: not a pixel past the edge
                }
                let shift = (target + round) / cell
                let kept = max(1, gap - shift)
                var take = kept - gap  // > 0: blanks added, < 0: left out
                if i == lastGap {
                    take = max(min(take, trailing - net), 1 - gap)  // what was added comes off here
                } else if take > 0 {
                    take = max(0, min(take, trailing + max(0, lastGapLength - 1) - net))
                }
                net += take
                blank = blank ?? i
                let written = gap + take
                for k in 0..<written { out.append(i + min(k, gap - 1)) }
                over += take * cell
                i = j
            } else {
                out.append(i)
                i += 1
            }
        }
        // The row keeps its length: the blanks left out go at its end, the ones added come off it.
        out.append(contentsOf: end..<cells.count)
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
            var cells: [ShapedColumns.Cell] = []
            cells.reserveCapacity(cols)
            var anyShaped = false
            for c in 0..<cols {
                var attr: attr_t = 0
                var pair: Int16 = 0
                _ = getcchar(&raw[c], &chars, &attr, &pair, nil)
                let scalars = chars.prefix { $0 != 0 }.compactMap { Unicode.Scalar(UInt32(bitPattern: $0)) }
                if let v = scalars.first?.value, (0x0900...0x0D7F).contains(v) { anyShaped = true }
                cells.append(ShapedColumns.Cell(text: String(String.UnicodeScalarView(scalars))))
            }
            guard anyShaped else { continue }
            let plan = ShapedColumns.plan(cells, cell: ShapedAdvances.cellPixels) { shaper.pixels($0) }
            guard plan != Array(0..<cols) else { continue }
            var row = plan.map { raw[$0] }
            row.append(cchar_t())
            _ = mvwadd_wchnstr(window, Int32(r), 0, &row, Int32(cols))
            if r == cursorRow {
                for (new, old) in plan.enumerated() where moved[old] == nil { moved[old] = new }
            }
        }
        return moved
    }
}
