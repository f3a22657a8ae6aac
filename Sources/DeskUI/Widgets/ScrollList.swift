/// Selection and scrolling of a list, as a value.
public struct ScrollList: Equatable, Sendable {
    public var selected: Int = 0
    public var top: Int = 0

    public init(selected: Int = 0) {
        self.selected = selected
    }

    /// Moves the selection for an action; returns false if the action is not a movement.
    public mutating func apply(_ action: Action, count: Int, page: Int) -> Bool {
        switch action {
        case .up: selected -= 1
        case .down: selected += 1
        case .pageUp: selected -= max(1, page - 1)
        case .pageDown: selected += max(1, page - 1)
        case .first: selected = 0
        case .last: selected = count - 1
        default: return false
        }
        clamp(count: count)
        return true
    }

    public mutating func clamp(count: Int) {
        selected = max(0, min(selected, count - 1))
    }

    /// Scrolls so that the selection is within `height` rows; returns the visible index range.
    public mutating func window(count: Int, height: Int) -> Range<Int> {
        clamp(count: count)
        guard height > 0, count > 0 else { return 0..<0 }
        if selected < top { top = selected }
        if selected >= top + height { top = selected - height + 1 }
        top = max(0, min(top, max(0, count - height)))
        return top..<min(count, top + height)
    }
}
