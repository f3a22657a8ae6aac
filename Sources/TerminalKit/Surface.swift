/// The size of a screen in character cells.
public struct TermSize: Equatable, Sendable {
    public var rows: Int
    public var cols: Int
    public init(rows: Int, cols: Int) {
        self.rows = rows
        self.cols = cols
    }
    public static let minimum = TermSize(rows: 24, cols: 80)
    public var isLargeEnough: Bool { rows >= TermSize.minimum.rows && cols >= TermSize.minimum.cols }
}

/// What screens draw on: the curses adapter in the app, a `GridSurface` in tests.
public protocol Surface: AnyObject {
    var size: TermSize { get }
    /// Blanks the whole surface.
    func clear()
    /// Puts text at a cell. The caller has made it fit; the surface clips at the right edge by cluster.
    func put(_ text: String, row: Int, col: Int, style: Style)
    /// Where the blinking cursor should stand, or nil to hide it.
    func setCursor(row: Int, col: Int)
    func hideCursor()
}

extension Surface {
    /// Text cut and padded to exactly `width` columns.
    public func text(_ text: String, row: Int, col: Int, width: Int, style: Style = .normal, alignRight: Bool = false) {
        guard width > 0 else { return }
        put(TextWidth.fit(text, to: width, alignRight: alignRight), row: row, col: col, style: style)
    }

    /// Text cut at the surface's right edge.
    public func text(_ text: String, row: Int, col: Int, style: Style = .normal) {
        put(TextWidth.truncate(text, to: size.cols - col), row: row, col: col, style: style)
    }

    public func fill(row: Int, col: Int = 0, width: Int? = nil, style: Style) {
        let w = width ?? (size.cols - col)
        guard w > 0 else { return }
        put(String(repeating: " ", count: w), row: row, col: col, style: style)
    }

    /// A horizontal rule.
    public func rule(row: Int, col: Int = 0, width: Int? = nil, style: Style = .dim) {
        let w = width ?? (size.cols - col)
        guard w > 0 else { return }
        put(String(repeating: "─", count: w), row: row, col: col, style: style)
    }
}
