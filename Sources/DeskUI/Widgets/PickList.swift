/// A pop-up list of options for a choice field. With `marked` it picks several (the FIR's sections):
/// Space marks or unmarks the option under the bar, Enter takes the marked ones (comma separated, in
/// list order; the one under the bar when none is marked); Space on the empty option clears the marks.
struct PickList {
    var options: [String]
    var labels: [String]
    var list: ScrollList
    /// The options marked, when several may be picked; nil for a list that picks one.
    var marked: Set<String>?
    /// A line above the options saying how to pick several.
    var hint = ""

    init(options: [String], labels: [String], current: String) {
        self.options = options
        self.labels = labels
        list = ScrollList(selected: options.firstIndex(of: current) ?? 0)
    }

    /// A list that picks several; `current` is the comma-separated value as it stands.
    init(several options: [String], labels: [String], current: String, hint: String) {
        let picked = Set(current.split(separator: ",").map(String.init))
        self.init(options: options, labels: labels, current: options.first { picked.contains($0) } ?? "")
        marked = picked.intersection(options)
        self.hint = hint
    }

    var chosen: String? { options.indices.contains(list.selected) ? options[list.selected] : nil }

    /// The marked options as a field value: comma separated, in list order.
    var markedValue: String { options.filter { marked?.contains($0) == true }.joined(separator: ",") }

    /// What a pick list acts on (moving is the shared `navigate` context's).
    static let handledActions = Action.moving.union([.select, .back])
    static let keyContexts: [KeyContext] = [.picker]

    enum Outcome: Equatable {
        /// Still open.
        case open
        case picked(String)
        case cancelled
    }

    /// Moves with the list keys, picks with Enter, cancels with Esc.
    mutating func handle(_ input: Input) -> Outcome {
        if var set = marked {
            switch input {
            case .text(" "):
                if let c = chosen {
                    if c.isEmpty { set = [] } else if set.contains(c) { set.remove(c) } else { set.insert(c) }
                }
                marked = set
                return .open
            case .action(.select):
                if set.isEmpty, let c = chosen { return .picked(c) }
                return .picked(markedValue)
            default: break
            }
        }
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

    /// Rows of options the box has room for in `area`.
    func height(in area: Rect) -> Int { min(labels.count, area.rows - 2 - (marked != nil ? 1 : 0)) }

    /// Sizes the list for `area` and scrolls it to the option under the bar (before drawing).
    mutating func layout(in area: Rect) {
        list.layout(count: labels.count, height: height(in: area))
    }

    /// Draws a framed box with its top-left corner near (row, col), kept inside `area`.
    func draw(on s: Surface, row: Int, col: Int, area: Rect) {
        let several = marked != nil
        let (marks, options) = (marked, self.options)
        let mark = { (i: Int) -> String in
            guard let set = marks, !options[i].isEmpty else { return "" }
            return set.contains(options[i]) ? "[x] " : "[ ] "
        }
        let widest = max(16, labels.map { TextWidth.of($0) }.max() ?? 10) + (several ? 4 : 0)
        let inner = min(area.cols - 4, max(widest, several ? TextWidth.of(hint) : 0) + 4)
        let height = height(in: area)
        var top0 = max(area.top, min(row, area.bottom - height - 2 - (several ? 1 : 0)))
        if several {
            // The hint takes the box's first line.
            let left = max(area.left, min(col, area.left + area.cols - inner - 2))
            s.put("┌" + String(repeating: "─", count: inner) + "┐", row: top0, col: left, style: .selected)
            s.put("│", row: top0 + 1, col: left, style: .selected)
            s.text(" " + hint, row: top0 + 1, col: left + 1, width: inner, style: .selected)
            s.put("│", row: top0 + 1, col: left + inner + 1, style: .selected)
            top0 += 1
        }
        let top = several ? top0 : max(area.top, min(row, area.bottom - height - 2))
        let left = max(area.left, min(col, area.left + area.cols - inner - 2))
        if !several { s.put("┌" + String(repeating: "─", count: inner) + "┐", row: top, col: left, style: .selected) }
        let range = list.visible
        for (i, index) in range.enumerated() {
            let selected = index == list.selected
            s.put("│", row: top + 1 + i, col: left, style: .selected)
            s.text((selected ? " ▶ " : "   ") + mark(index) + labels[index], row: top + 1 + i, col: left + 1, width: inner,
                   style: selected ? .fieldFocus : .field)
            s.put("│", row: top + 1 + i, col: left + inner + 1, style: .selected)
        }
        s.put("└" + String(repeating: "─", count: inner) + "┘", row: top + 1 + height, col: left, style: .selected)
    }
}
