/// The one way a part of a screen scrolls: which of `count` lines show in `height` rows, from
/// `top`. Keys move it in `handle`, `layout` sizes it and keeps a line in view; `draw` only reads it.
struct Viewport: Equatable, Sendable {
    var top = 0
    /// Rows and lines as last laid out.
    var height = 0
    var count = 0

    init(top: Int = 0) {
        self.top = top
    }

    var maxTop: Int { max(0, count - height) }
    var laidOut: Bool { height > 0 }
    /// The lines that show.
    var visible: Range<Int> { height > 0 && count > 0 ? top..<min(count, top + height) : 0..<0 }

    /// Sets the size and keeps the top inside it.
    mutating func fit(count: Int, height: Int) {
        self.count = count
        self.height = max(0, height)
        top = max(0, min(top, maxTop))
    }

    /// Scrolls the least so that `line` and the `after` lines below it show; scrolling up to it,
    /// the `above` lines over it show too (a group's heading).
    mutating func reveal(_ line: Int, after: Int = 0, above: Int = 0) {
        if line < top { top = max(0, line - above) }
        if line + 1 + after > top + height { top = min(line + 1 + after, count) - height }
        top = max(0, min(top, maxTop))
    }

    /// Moves the page for a key: a line, a page (`page` lines, a page less one by default), to the
    /// first or the last. False for any other action.
    mutating func scroll(_ action: Action, page: Int? = nil) -> Bool {
        let step = page ?? max(1, height - 1)
        switch action {
        case .up: top -= 1
        case .down: top += 1
        case .pageUp: top -= step
        case .pageDown: top += step
        case .first: top = 0
        case .last: top = laidOut ? maxTop : Int.max / 2
        default: return false
        }
        // Before the first layout the end is not known: `fit` keeps it inside then.
        top = max(0, laidOut ? min(top, maxTop) : top)
        return true
    }
}
