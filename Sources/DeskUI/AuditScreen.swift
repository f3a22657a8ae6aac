import DeskModel
import Foundation

/// The audit log for an SP or admin: newest first, narrowed as you type by user, case number,
/// date (DD-MM-YYYY) or what was done.
final class AuditScreen: Screen {
    var filter = LineEditor("", maxLength: 40)
    var list = ScrollList()
    private var entries: [AuditEntry] = []
    private var chainOK = true

    init(ctx: DeskContext) {
        reload(ctx)
    }

    private func reload(_ ctx: DeskContext) {
        do {
            entries = try AuditLog(store: ctx.store).readChain().reversed()
            chainOK = true
        } catch {
            entries = AuditLog(store: ctx.store).entries().reversed()
            chainOK = false
        }
    }

    var keyContexts: [KeyContext] { [.search, .edit] }
    var acceptsText: Bool { true }
    func title(_ ctx: DeskContext) -> String { ctx.t("audit.title") }

    func row(_ e: AuditEntry, ctx: DeskContext) -> [String] {
        let number = e.caseID.flatMap { ctx.listing($0)?.number.description } ?? ""
        let note = AuditLog(store: ctx.store).openNote(e).map { " · " + $0 } ?? ""
        return [CaseDetailScreen.stamp(e.at), e.user.isEmpty ? "—" : e.user, ctx.t("audit.kind." + e.kind.rawValue), number,
                e.detail + note]
    }

    func shown(_ ctx: DeskContext) -> [[String]] {
        let needle = Digits.toASCII(filter.text).lowercased().trimmingCharacters(in: .whitespaces)
        let rows = entries.map { row($0, ctx: ctx) }
        guard !needle.isEmpty else { return rows }
        return rows.filter { r in r.prefix(4).contains { $0.lowercased().contains(needle) } }
    }

    func handle(_ input: Input, ctx: DeskContext) -> Transition {
        switch input {
        case .action(.back):
            if filter.text.isEmpty { return .pop }
            filter.clear()
            list = ScrollList()
        case .action(let a) where [.up, .down, .pageUp, .pageDown].contains(a):
            _ = list.apply(a, count: shown(ctx).count, page: 10)
        default:
            if TextFieldView.edit(&filter, input) { list = ScrollList() }
        }
        return .stay
    }

    func draw(on s: Surface, in area: Rect, ctx: DeskContext) {
        let rows = shown(ctx)
        var r = area.top
        TextFieldView.filterBar(&filter, on: s, row: r, width: area.cols, label: ctx.t("audit.filter"),
                                placeholder: ctx.t("audit.filterHint"), focused: true,
                                info: chainOK ? ctx.t("audit.count", rows.count) : ctx.t("audit.chainBroken"),
                                infoStyle: chainOK ? .dim : .error)
        r += 1
        let widths = [16, 10, 22, 17, max(4, area.cols - 16 - 10 - 22 - 17 - 6)]
        var col = 1
        for (i, key) in ["audit.colWhen", "audit.colWho", "audit.colWhat", "audit.colCase", "audit.colDetail"].enumerated() {
            s.text(ctx.t(key), row: r, col: col, width: widths[i], style: .label)
            col += widths[i] + 1
        }
        r += 1
        s.rule(row: r)
        r += 1
        for i in list.window(count: rows.count, height: area.bottom - r) {
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
