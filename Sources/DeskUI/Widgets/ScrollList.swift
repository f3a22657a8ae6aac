/// Selection and scrolling of a list, as a value: the selection moves with the keys, the
/// viewport follows it when the list is laid out.
public struct ScrollList: Equatable, Sendable {
    public var selected: Int = 0
    var view = Viewport()

    public init(selected: Int = 0) {
        self.selected = selected
    }

    /// The first row shown.
    public var top: Int { view.top }

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

    /// Sizes the list for `height` rows and scrolls so that the selection shows (before drawing).
    public mutating func layout(count: Int, height: Int) {
        clamp(count: count)
        view.fit(count: count, height: height)
        view.reveal(selected)
    }

    /// The index range shown, as last laid out.
    public var visible: Range<Int> { view.visible }
}
