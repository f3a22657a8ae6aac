/// An in-memory surface: a grid of cells that tests read back as text.
public final class GridSurface: Surface {
    struct Cell: Equatable {
        var text: String = " "
        var style: Style = .normal
        /// The right-hand part of a cluster wider than one column.
        var isContinuation = false
    }

    public private(set) var size: TermSize
    private var cells: [[Cell]]
    public private(set) var cursor: (row: Int, col: Int)?
    /// How many cells of text were cut at the right edge since the last `clear()`: text that a
    /// screen drew past the width (the terminal cuts it the same way, so it would be lost there).
    public private(set) var cutCells = 0
    /// The rows that were cut since the last `clear()`, with the text that did not fit.
    public private(set) var cuts: [(row: Int, lost: String)] = []

    public init(rows: Int, cols: Int) {
        size = TermSize(rows: rows, cols: cols)
        cells = Array(repeating: Array(repeating: Cell(), count: cols), count: rows)
    }

    public func resize(rows: Int, cols: Int) {
        size = TermSize(rows: rows, cols: cols)
        cells = Array(repeating: Array(repeating: Cell(), count: cols), count: rows)
    }

    public func clear() {
        for r in cells.indices { for c in cells[r].indices { cells[r][c] = Cell() } }
        cutCells = 0
        cuts = []
    }

    public func put(_ text: String, row: Int, col: Int, style: Style) {
        guard row >= 0, row < size.rows else { return }
        var c = col
        for (i, ch) in zip(text.indices, text) {
            var w = TextWidth.of(ch)
            if w == 0 { w = 1 }  // a stray mark still takes its cell, as the terminal shows it
            guard c >= 0, c + w <= size.cols else {
                // Spaces padding a row past the edge lose nothing; any other text does.
                var lost = Substring(text[i...])
                while lost.last == " " { lost.removeLast() }
                if !lost.isEmpty {
                    cutCells += TextWidth.of(lost)
                    cuts.append((row, String(lost)))
                }
                break
            }
            release(row: row, col: c, width: w)
            cells[row][c] = Cell(text: String(ch), style: style)
            for k in 1..<w { cells[row][c + k] = Cell(text: "", style: style, isContinuation: true) }
            c += w
        }
    }

    /// Blanks any cluster that the new one overlaps, so that no half-cluster is left behind.
    private func release(row: Int, col: Int, width: Int) {
        var start = col
        while start > 0, cells[row][start].isContinuation { start -= 1 }
        var end = col + width
        while end < size.cols, cells[row][end].isContinuation { end += 1 }
        for k in start..<end { cells[row][k] = Cell(text: " ", style: cells[row][k].style) }
    }

    public func setCursor(row: Int, col: Int) { cursor = (row, col) }
    public func hideCursor() { cursor = nil }

    /// One row as text, trailing spaces removed.
    public func line(_ row: Int) -> String {
        guard row >= 0, row < size.rows else { return "" }
        var out = ""
        for cell in cells[row] where !cell.isContinuation { out += cell.text }
        while out.hasSuffix(" ") { out.removeLast() }
        return out
    }

    /// The whole screen as text, one line per row.
    public var snapshot: String {
        (0..<size.rows).map(line).joined(separator: "\n")
    }

    public func style(row: Int, col: Int) -> Style {
        cells[row][col].style
    }

}
