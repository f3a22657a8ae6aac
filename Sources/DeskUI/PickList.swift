/// A pop-up list of options for a choice field.
struct PickList {
    var options: [String]
    var labels: [String]
    var list: ScrollList

    init(options: [String], labels: [String], current: String) {
        self.options = options
        self.labels = labels
        list = ScrollList(selected: options.firstIndex(of: current) ?? 0)
    }

    var chosen: String? { options.indices.contains(list.selected) ? options[list.selected] : nil }

    enum Outcome: Equatable {
        /// Still open.
        case open
        case picked(String)
        case cancelled
    }

    /// Moves with the list keys, picks with Enter, cancels with Esc.
    mutating func handle(_ input: Input) -> Outcome {
        switch input {
        case .action(.select): return chosen.map { .picked($0) } ?? .cancelled
        case .action(.back): return .cancelled
        case .action(let a):
            _ = list.apply(a, count: options.count, page: 8)
            return .open
        case .text:
            return .open
        }
    }

    /// Draws a framed box with its top-left corner near (row, col), kept inside `area`.
    mutating func draw(on s: Surface, row: Int, col: Int, area: Rect) {
        let inner = min(area.cols - 4, max(16, labels.map { TextWidth.of($0) }.max() ?? 10) + 4)
        let height = min(labels.count, area.rows - 2)
        let top = max(area.top, min(row, area.bottom - height - 2))
        let left = max(area.left, min(col, area.left + area.cols - inner - 2))
        s.put("┌" + String(repeating: "─", count: inner) + "┐", row: top, col: left, style: .selected)
        let range = list.window(count: labels.count, height: height)
        for (i, index) in range.enumerated() {
            let selected = index == list.selected
            s.put("│", row: top + 1 + i, col: left, style: .selected)
            s.text((selected ? " ▶ " : "   ") + labels[index], row: top + 1 + i, col: left + 1, width: inner,
                   style: selected ? .fieldFocus : .field)
            s.put("│", row: top + 1 + i, col: left + inner + 1, style: .selected)
        }
        s.put("└" + String(repeating: "─", count: inner) + "┘", row: top + 1 + height, col: left, style: .selected)
    }
}
