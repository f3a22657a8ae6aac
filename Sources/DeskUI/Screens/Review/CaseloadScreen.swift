import DeskModel

/// A counsellor's caseload, most urgent first: open self-harm alerts, overdue, due today, waiting
/// for a first session, then sessions ahead and cases with no next session set. Names are masked here; Enter opens the case at its counselling tab.
final class CaseloadScreen: Screen {
    enum Row {
        case header(Caseload.Bucket, Int)
        case item(CaseListing, Caseload.Bucket)
        case none
        case gap
    }

    var selected = 0
    /// The lines shown under the summary.
    var view = Viewport()

    var keyContexts: [KeyContext] { [.caseload] }
    /// Esc logs out here; m goes to the menu.
    var handledActions: Set<Action> { Action.moving.union([.select, .menu, .logout]) }
    func title(_ ctx: DeskContext) -> String { ctx.t(.caseload_title) }

    func rows(_ ctx: DeskContext) -> [Row] {
        let visible = ctx.visibleListings
        let today = ctx.today
        let buckets = ctx.reviewCache.value(ReviewCache.caseload, ctx.reviewKey) { Caseload.buckets(visible, today: today) }
        var out: [Row] = []
        for (bucket, cases) in buckets {
            if !out.isEmpty { out.append(.gap) }
            out.append(.header(bucket, cases.count))
            out += cases.isEmpty ? [.none] : cases.map { .item($0, bucket) }
        }
        return out
    }

    private func itemIndices(_ rows: [Row]) -> [Int] {
        rows.indices.filter { if case .item = rows[$0] { return true } else { return false } }
    }

    func handle(_ input: Input, ctx: DeskContext) -> Transition {
        let all = rows(ctx)
        let items = itemIndices(all)
        switch input {
        // Her first screen after login, as the menu is the desk officer's: Esc logs out (asking
        // first), the same way out for every role; m goes to the menu beneath.
        case .action(.back), .action(.menu):
            return .pop
        case .action(.logout):
            return .logout
        case .action(.select):
            guard items.indices.contains(selected), case .item(let r, _) = all[items[selected]] else { return .stay }
            return .push(CaseDetailScreen(caseID: r.id, tab: .counselling))
        case .action(let a):
            var list = ScrollList(selected: selected)
            _ = list.apply(a, count: items.count, page: 10)
            selected = list.selected
        case .text:
            break
        }
        return .stay
    }

    func layout(in area: Rect, ctx: DeskContext) {
        let all = rows(ctx)
        let items = itemIndices(all)
        selected = max(0, min(selected, items.count - 1))
        // Under the summary and its rule; scrolling up, the group's heading shows with its first case.
        view.fit(count: all.count, height: area.rows - 2)
        view.reveal(items.isEmpty ? 0 : items[selected], above: 1)
    }

    func draw(on s: Surface, in area: Rect, ctx: DeskContext) {
        let all = rows(ctx)
        let items = itemIndices(all)
        var row = area.top
        var counts: [Caseload.Bucket: Int] = [:]
        for line in all { if case .header(let b, let n) = line { counts[b] = n } }
        let alerts = counts[.alert] ?? 0
        s.text(" " + ctx.t(.caseload_summary, counts[.firstSession] ?? 0, counts[.dueToday] ?? 0, counts[.overdue] ?? 0, alerts,
                           counts[.upcoming] ?? 0), row: row, col: 0,
               width: area.cols - 1, style: alerts > 0 ? .high : .label)
        row += 1
        s.rule(row: row)
        row += 1
        for (i, line) in all.enumerated().dropFirst(view.top).prefix(view.height) {
            switch line {
            case .gap: break
            case .none:
                s.text("    " + ctx.t(.caseload_none), row: row, col: 0, width: area.cols, style: .dim)
            case .header(let bucket, let count):
                s.text(" " + ctx.t(.dynamic("caseload." + bucket.rawValue), count), row: row, col: 0, width: area.cols - 1,
                       style: bucket == .alert && count > 0 ? .high : .label)
            case .item(let r, let bucket):
                let isSelected = !items.isEmpty && i == items[selected]
                if isSelected { s.fill(row: row, style: .selected) }
                let base: Style = isSelected ? .selected : .normal
                let age = r.age.map { String($0) + (r.isMinor ? "!" : "") } ?? "?"
                s.text((isSelected ? " ▶ " : "   ") + r.number.description, row: row, col: 0, width: 21, style: base)
                s.text(Mask.name(r.name), row: row, col: 21, width: 12, style: base)
                s.text(age, row: row, col: 34, width: 3, style: isSelected ? base : r.isMinor ? .warning : base, alignRight: true)
                s.text(ctx.label(r.riskLevel), row: row, col: 38, width: 7,
                       style: isSelected ? base : r.riskLevel == .high ? .high : base)
                s.text(note(r, bucket, ctx), row: row, col: 46, width: area.cols - 47, style: isSelected ? base : .dim)
            }
            row += 1
        }
    }

    private func note(_ r: CaseListing, _ bucket: Caseload.Bucket, _ ctx: DeskContext) -> String {
        let today = ctx.today
        switch bucket {
        case .firstSession:
            return ctx.t(.caseload_waitingDays, today.days(since: Day(r.reportedAt)))
        case .dueToday:
            return ctx.t(.caseload_sessionsHeld, r.summary.sessionDays.count)
        case .overdue:
            if case .overdue(let since) = r.sessionDue(today: today) {
                return ctx.t(.caseload_overdueDays, today.days(since: since), since.description)
            }
            return ""
        case .upcoming:
            if case .scheduled(let next) = r.sessionDue(today: today) {
                return ctx.t(.caseload_upcomingOn, next.description, next.days(since: today))
            }
            return ""
        case .noNextSession:
            return ctx.t(.caseload_lastContact, r.lastContact.description)
        case .alert:
            return ctx.t(.caseload_alertSince, r.openAlertRaisedAt.map { CaseDetailScreen.stamp($0) } ?? "")
        }
    }
}
