import DeskModel

/// Help: the intro text of Resources/help, then every key of the screen it was opened from,
/// generated from the key table.
final class HelpScreen: Screen {
    let contexts: [KeyContext]
    /// The lines shown; the page stops at the last line.
    var view = Viewport()
    /// Columns as last laid out: the guide's lines wrap to them, nothing is cut.
    var width = 80

    init(contexts: [KeyContext]) {
        self.contexts = contexts
    }

    var keyContexts: [KeyContext] { [.help] }
    var handledActions: Set<Action> { Action.moving.union([.back, .help]) }
    func title(_ ctx: DeskContext) -> String { ctx.t(.help_title) }

    func lines(_ ctx: DeskContext) -> [(String, Style)] {
        // The keys of the screen she came from first, then those that work everywhere, then the guide.
        var out: [(String, Style)] = []
        let all = contexts + [.global]
        for (i, context) in all.enumerated() {
            let items = ctx.keymap.helpItems(for: context, shadowedBy: Array(all[..<i]))
            guard !items.isEmpty else { continue }
            if !out.isEmpty { out.append(("", .normal)) }
            out.append((ctx.t(.dynamic("keys." + context.rawValue)), .label))
            for item in items {
                out.append(("  " + TextWidth.fit(item.keys, to: 22) + " " + ctx.actionLabel(item.action, in: context), .normal))
            }
        }
        out.append(("", .normal))
        for line in (ctx.help[ctx.language] ?? "").split(separator: "\n", omittingEmptySubsequences: false) {
            out.append((String(line), .normal))
        }
        // Long lines go on over the next, under their own indent.
        return out.flatMap { line, style -> [(String, Style)] in
            guard TextWidth.of(line) > width - 2 else { return [(line, style)] }
            let indent = String(line.prefix { $0 == " " })
            return TextWidth.wrap(String(line.dropFirst(indent.count)), width: max(10, width - 2 - indent.count - 2))
                .enumerated().map { (($0.offset == 0 ? indent : indent + "  ") + $0.element, style) }
        }
    }

    func layout(in area: Rect, ctx: DeskContext) {
        width = area.cols
        view.fit(count: lines(ctx).count, height: area.rows)
    }

    func draw(on s: Surface, in area: Rect, ctx: DeskContext) {
        let all = lines(ctx)
        for (i, line) in all.dropFirst(view.top).prefix(area.rows).enumerated() {
            s.text(" " + line.0, row: area.top + i, col: 0, width: area.cols, style: line.1)
        }
    }

    func handle(_ input: Input, ctx: DeskContext) -> Transition {
        guard case .action(let a) = input else { return .stay }
        switch a {
        case .back, .help: return .pop
        default:
            if !view.laidOut { view.fit(count: lines(ctx).count, height: 20) }
            _ = view.scroll(a)
            return .stay
        }
    }
}
