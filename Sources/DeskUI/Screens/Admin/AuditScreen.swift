import DeskModel
import Foundation

/// The audit log for an SP or admin: newest first, narrowed as you type by user, case number,
/// date (DD-MM-YYYY) or what was done. With replication, every machine's log held here read as one
/// (`AuditTrail`): a line's machine shows when it is opened; a broken chain on any machine says so.
final class AuditScreen: Screen {
    var filter = LineEditor("", maxLength: 40)
    var list = ScrollList()
    private var lines: [AuditTrail.Line] = []
    private var chainOK = true
    /// The row opened with Enter (its place among the rows shown): every field whole, wrapped.
    var opened: Int?

    init(ctx: DeskContext) {
        reload(ctx)
    }

    private func reload(_ ctx: DeskContext) {
        let trail = AuditTrail.read(ctx.store)
        lines = trail.lines.reversed()
        chainOK = trail.intact
    }

    /// Its own context (Enter opens, Esc clears the filter or goes back) falls back to the shared
    /// moving keys: ↑ ↓ PgUp PgDn Home End move in the log, Ctrl-A / Ctrl-E in the filter.
    var keyContexts: [KeyContext] { opened != nil ? [.help] : [.audit, .edit] }
    var handledActions: Set<Action> { opened != nil ? [.back] : Action.moving.union(Action.editing).union([.select, .back]) }
    var acceptsText: Bool { opened == nil }
    func title(_ ctx: DeskContext) -> String { ctx.t(.audit_title) }

    func row(_ line: AuditTrail.Line, ctx: DeskContext) -> [String] {
        let e = line.entry
        let number = e.caseID.flatMap { ctx.listing($0)?.number.description } ?? ""
        let note = line.log.openNote(e).map { " · " + $0 } ?? ""
        return [CaseDetailScreen.stamp(e.at), e.user.isEmpty ? "—" : e.user, ctx.t(.dynamic("audit.kind." + e.kind.rawValue)), number,
                e.detail + note]
    }

    func shown(_ ctx: DeskContext) -> [[String]] { shownEntries(ctx).map(\.row) }

    func shownEntries(_ ctx: DeskContext) -> [(entry: AuditTrail.Line, row: [String])] {
        let needle = Digits.toASCII(filter.text).lowercased().trimmingCharacters(in: .whitespaces)
        let rows = lines.map { ($0, row($0, ctx: ctx)) }
        guard !needle.isEmpty else { return rows }
        return rows.filter { r in r.1.prefix(4).contains { $0.lowercased().contains(needle) } }
    }

    /// One entry whole: label and value, the value wrapped over as many lines as it needs.
    func openedLines(_ line: AuditTrail.Line, width: Int, ctx: DeskContext) -> [(String, String)] {
        let e = line.entry
        let number = e.caseID.flatMap { ctx.record($0)?.number.description } ?? "—"
        let who = e.user.isEmpty ? "—" : e.user + " · " + ctx.userName(e.user)
        var fields = [(StringKey.audit_colWhen, CaseDetailScreen.stamp(e.at)), (.audit_colWho, who),
                      (.audit_colWhat, ctx.t(.dynamic("audit.kind." + e.kind.rawValue))), (.audit_colCase, number),
                      (.audit_colDetail, e.detail.isEmpty ? "—" : e.detail)]
        if let note = line.log.openNote(e) { fields.append((StringKey.audit_colNote, note)) }
        if !line.isLocal { fields.append((StringKey.audit_colMachine, line.machine)) }
        let labelWidth = 18
        var out: [(String, String)] = []
        for (key, value) in fields {
            for (i, line) in TextWidth.wrap(value, width: max(10, width - labelWidth - 4)).enumerated() {
                out.append((i == 0 ? ctx.t(key) : "", line))
            }
        }
        return out
    }

    func handle(_ input: Input, ctx: DeskContext) -> Transition {
        if opened != nil {
            if case .action(let a) = input, [.back, .select].contains(a) { opened = nil }
            return .stay
        }
        switch input {
        case .action(.select):
            if !shown(ctx).isEmpty { opened = list.selected }
        case .action(.back):
            if filter.text.isEmpty { return .pop }
            filter.clear()
            list = ScrollList()
        case .action(let a) where Action.moving.contains(a):
            _ = list.apply(a, count: shown(ctx).count, page: max(2, list.view.height))
        default:
            if TextFieldView.edit(&filter, input) { list = ScrollList() }
        }
        return .stay
    }

    func layout(in area: Rect, ctx: DeskContext) {
        // Under the filter line, the column heads and their rule.
        if opened == nil { list.layout(count: shownEntries(ctx).count, height: area.rows - 3) }
        _ = filter.layout(width: TextFieldView.filterWidth)
    }

    func draw(on s: Surface, in area: Rect, ctx: DeskContext) {
        let all = shownEntries(ctx)
        if let i = opened, all.indices.contains(i) {
            var r = area.top
            s.text(" " + ctx.t(.audit_openTitle, i + 1, all.count), row: r, col: 0, width: area.cols - 1, style: .label)
            r += 1
            s.rule(row: r)
            r += 1
            for (label, value) in openedLines(all[i].entry, width: area.cols, ctx: ctx) where r < area.bottom {
                s.text("   " + label, row: r, col: 0, width: 20, style: .dim)
                s.text(value, row: r, col: 21, width: area.cols - 22)
                r += 1
            }
            return
        }
        let rows = all.map(\.row)
        var r = area.top
        TextFieldView.filterBar(filter, on: s, row: r, width: area.cols, label: ctx.t(.audit_filter),
                                placeholder: ctx.t(.audit_filterHint), focused: true,
                                info: chainOK ? ctx.t(.audit_count, rows.count) : ctx.t(.audit_chainBroken),
                                infoStyle: chainOK ? .dim : .error)
        r += 1
        let widths = [16, 10, 22, 17, max(4, area.cols - 16 - 10 - 22 - 17 - 6)]
        var col = 1
        for (i, key) in [StringKey.audit_colWhen, .audit_colWho, .audit_colWhat, .audit_colCase, .audit_colDetail].enumerated() {
            s.text(ctx.t(key), row: r, col: col, width: widths[i], style: .label)
            col += widths[i] + 1
        }
        r += 1
        s.rule(row: r)
        r += 1
        for i in list.visible {
            let style: Style = i == list.selected ? .selected : .normal
            if i == list.selected { s.fill(row: r, style: .selected) }
            col = 1
            for (j, value) in rows[i].enumerated() {
                s.text(value, row: r, col: col, width: widths[j], style: style)
                col += widths[j] + 1
            }
            r += 1
        }
    }
}
