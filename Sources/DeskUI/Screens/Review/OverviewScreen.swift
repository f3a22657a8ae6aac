import DeskModel

/// The SP's district overview: one row per station she oversees, worst first, with what needs her
/// eye and a bar that makes the worst stand out. Enter opens a station's queue in urgency order.
final class OverviewScreen: Screen {
    var list = ScrollList()
    var keyContexts: [KeyContext] { [.overview] }
    /// Esc logs out here; m goes to the menu.
    var handledActions: Set<Action> { Action.moving.union([.select, .openReport, .menu, .logout]) }
    func title(_ ctx: DeskContext) -> String { ctx.t(.overview_title) }

    static let columns: [String] = ["open", "new"] + ReviewFlag.allCases.map(\.rawValue)

    /// A station's queue, worst first. Her overview was drawn from the review index: the lists are
    /// opened now (that station's lines read, and checked against the case files beside her).
    private func openQueue(_ stationID: String, _ ctx: DeskContext) -> Transition {
        ctx.repository.open(stations: [stationID])
        return .push(CaseListScreen(stationID: stationID, sort: .urgency))
    }

    func handle(_ input: Input, ctx: DeskContext) -> Transition {
        let rows = ctx.overview
        switch input {
        case .action(.select):
            guard rows.indices.contains(list.selected) else { return .stay }
            return openQueue(rows[list.selected].stationID, ctx)
        case .action(.openReport):
            return .push(ReportScreen(ctx: ctx))
        case .action(.returns):
            return .push(ReturnsScreen(ctx: ctx))
        // Her first screen after login, as the menu is the desk officer's: Esc logs out (asking
        // first), the same way out for every role; m goes to the menu beneath.
        case .action(.back), .action(.menu):
            return .pop
        case .action(.logout):
            return .logout
        case .action(let a):
            _ = list.apply(a, count: rows.count, page: 10)
        case .text(let s):
            if let n = Int(Digits.toASCII(String(s))), rows.indices.contains(n - 1) {
                return openQueue(rows[n - 1].stationID, ctx)
            }
        }
        return .stay
    }

    func draw(on s: Surface, in area: Rect, ctx: DeskContext) {
        let rows = ctx.overview
        var row = area.top
        let open = rows.reduce(0) { $0 + $1.open }
        s.text(" " + ctx.t(.overview_summary, rows.count, open, ctx.settings.noContactDays),
               row: row, col: 0, width: area.cols - 1, style: .label)
        row += 1
        let nameWidth = area.cols >= 110 ? 24 : 15
        let cell = area.cols >= 110 ? 9 : 6
        let barCol = 1 + nameWidth + cell * Self.columns.count + 1
        let barWidth = max(3, area.cols - barCol - 2)
        s.text(ctx.t(.overview_station), row: row, col: 1, width: nameWidth, style: .label)
        for (i, key) in Self.columns.enumerated() {
            // One blank kept before each heading: a long one is cut, never run into the next.
            s.text(ctx.t(.dynamic("overview.col." + key)), row: row, col: 2 + nameWidth + i * cell, width: cell - 1, style: .label,
                   alignRight: true)
        }
        s.text(ctx.t(.overview_attention), row: row, col: barCol + 1, width: barWidth, style: .label)
        row += 1
        s.rule(row: row)
        row += 1
        let worst = max(1, rows.map(\.attention).max() ?? 1)
        for (i, r) in rows.enumerated() where row < area.bottom {
            let selected = i == list.selected
            if selected { s.fill(row: row, style: .selected) }
            let name = (i < 9 ? "\(i + 1) " : "  ") + ctx.stationName(r.stationID)
            s.text(name, row: row, col: 1, width: nameWidth, style: selected ? .selected : .normal)
            let values = [r.open, r.newThisMonth] + ReviewFlag.allCases.map { r.count($0) }
            for (j, v) in values.enumerated() {
                var style: Style = .normal
                if j >= 2 { style = v == 0 ? .dim : (ReviewFlag.allCases[j - 2] == .alert ? .high : .warning) }
                s.text(String(v), row: row, col: 1 + nameWidth + j * cell, width: cell, style: selected ? .selected : style,
                       alignRight: true)
            }
            let filled = r.attention == 0 ? 0 : max(1, r.attention * barWidth / worst)
            s.text(String(repeating: "█", count: filled), row: row, col: barCol + 1, width: barWidth,
                   style: selected ? .selected : r.attention * 2 >= worst ? .high : .warning)
            row += 1
        }
        row = drawFreshness(on: s, row: row, in: area, rows: rows, ctx: ctx)
        if row < area.bottom, let approvals = closuresToApprove(ctx), !approvals.isEmpty {
            s.text(" " + ctx.t(.overview_closuresToApprove, approvals.count, approvals.prefix(3).joined(separator: ", ")),
                   row: row, col: 0, width: area.cols - 1, style: .warning)
            row += 1
        }
        row += 1
        for key in [StringKey.overview_legend1, .overview_legend2, .overview_legend3] where row < area.bottom {
            s.text(" " + ctx.t(key, ctx.settings.noContactDays), row: row, col: 0, width: area.cols - 1, style: .dim)
            row += 1
        }
        // New cases by month, where there is room.
        row += 1
        let chart = ChartData(title: ctx.t(.chart_trend), partNames: [],
                              bars: ctx.overviewTally.months.bars)
        if row + 1 < area.bottom {
            let spark = Self.sparkline(chart.bars.map(\.total))
            s.text(" " + chart.title + "  " + spark + "  " + ctx.t(.overview_trendRange, chart.bars.first?.label ?? "",
                                                                      chart.bars.last?.label ?? "", chart.bars.last?.total ?? 0),
                   row: row, col: 0, width: area.cols - 1, style: .label)
        }
        // Prevention: this month's awareness events at her stations.
        row += 1
        if row < area.bottom {
            let c = ctx.eventCount(period: ReportPeriod.month(ctx.today.year, ctx.today.month), stationIDs: rows.map(\.stationID))
            s.text(" " + ctx.t(.overview_events, c.events, c.reached, c.women, c.men, c.children), row: row, col: 0,
                   width: area.cols - 1, style: .label)
        }
    }

    /// ▁▂▃▄▅▆▇█ for a series, scaled to its largest value.
    static func sparkline(_ values: [Int]) -> String {
        let ticks: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]
        let top = max(1, values.max() ?? 1)
        return String(values.map { ticks[min(7, $0 * 7 / top)] })
    }

    /// The case numbers whose closure waits for her approval (high risk, a child), when she may approve.
    func closuresToApprove(_ ctx: DeskContext) -> [String]? {
        guard Access.allows(ctx.user, .approveClosure) else { return nil }
        return ctx.overviewTally.closureRequests.filter { Access.allows(ctx.user, .approveClosure, stationID: $0.stationID) }
            .map(\.number).sorted()
    }
}
