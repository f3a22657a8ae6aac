import DeskModel
import Foundation

/// Reports on screen: a period (month or quarter, ← → to move) and a scope (all her stations or
/// one, F5), the printable page and its charts below; F10 writes the page, CSV and SVG to files.
final class ReportScreen: Screen {
    enum Kind: String { case month, quarter, custom }
    var kind = Kind.month
    /// The days of a custom period, once given.
    var custom: ReportPeriod?
    var prompt: Prompt?
    var year: Int
    /// Month 1–12, or quarter 1–4.
    var index: Int
    /// 0: all her stations; otherwise one of them.
    var scope = 0
    /// The page's lines shown below the heading: the body's top is moved by the keys and kept
    /// inside the page as it is laid out.
    var scroll = Viewport()
    /// End was pressed: show the last lines, however many rows the screen has.
    var pinnedToEnd = false

    init(ctx: DeskContext) {
        year = ctx.today.year
        index = ctx.today.month
    }

    var keyContexts: [KeyContext] { [.report] }
    var handledActions: Set<Action> { Action.moving.union([.back, .prevPeriod, .nextPeriod, .periodKind, .scope, .save]) }
    var overlay: Overlay? { prompt }
    func title(_ ctx: DeskContext) -> String { ctx.t(.reportScreen_title) }

    var period: ReportPeriod? {
        switch kind {
        case .month: return .month(year, index)
        case .quarter: return .quarter(year, index)
        case .custom: return custom
        }
    }

    /// What a report can cover: all her stations, each range of several, each station.
    func scopes(_ ctx: DeskContext) -> [(name: String, ids: [String])] {
        let stations = ctx.userStations
        // One station: her station is the whole report (no "all 1 stations" beside it).
        if stations.count == 1 { return stations.map { ($0.name(ctx.language), [$0.id]) } }
        var out = [(ctx.t(.reportScreen_allStations, stations.count), stations.map(\.id))]
        let ranges = Dictionary(grouping: stations, by: \.range)
        if ranges.count > 1 {
            for range in ranges.keys.sorted() {
                guard let group = ranges[range], group.count > 1 else { continue }
                out.append((ctx.t(.reportScreen_range, range, group.count), group.map(\.id)))
            }
        }
        out += stations.map { ($0.name(ctx.language), [$0.id]) }
        return out
    }

    func stationIDs(_ ctx: DeskContext) -> [String] {
        let all = scopes(ctx)
        return all[scope % all.count].ids
    }

    func periodName(_ ctx: DeskContext) -> String {
        switch kind {
        case .month: return ctx.t(.reportScreen_month, String(format: "%02d-%04d", index, year))
        case .quarter: return ctx.t(.reportScreen_quarter, index, year)
        case .custom: return custom.map { ctx.t(.reportScreen_custom, $0.description) } ?? ""
        }
    }

    func scopeName(_ ctx: DeskContext) -> String {
        let all = scopes(ctx)
        return all[scope % all.count].name
    }

    func report(_ ctx: DeskContext) -> Report? {
        guard let p = period else { return nil }
        return Report.make(Array(ctx.summaries.values), period: p, stationIDs: stationIDs(ctx), today: ctx.today,
                           events: ctx.events)
    }

    private var linesCache: (key: String, lines: [String])?

    /// The page and its charts, made again only when the period, scope, language, width or cases change.
    func lines(_ ctx: DeskContext, width: Int) -> [String] {
        let key = "\(ctx.generation) \(ctx.eventGeneration) \(period.map(\.description) ?? "") \(stationIDs(ctx)) \(ctx.language) \(width)"
        if let c = linesCache, c.key == key { return c.lines }
        let made = makeLines(ctx, width: width)
        linesCache = (key, made)
        return made
    }

    private func makeLines(_ ctx: DeskContext, width: Int) -> [String] {
        guard let r = report(ctx) else { return [] }
        let page = ReportText(strings: ctx.strings, language: ctx.language, directory: ctx.directory).text(r)
        var out = page.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let charts = ReportCharts(strings: ctx.strings, language: ctx.language, directory: ctx.directory)
            .all(Array(ctx.summaries.values), stationIDs: stationIDs(ctx), period: r.period, last: r.period.end, events: ctx.events)
        for chart in charts {
            out.append("")
            out += ReportCharts.lines(chart, width: width)
        }
        return out
    }

    func handle(_ input: Input, ctx: DeskContext) -> Transition {
        if var p = prompt {
            switch p.handle(input) {
            case .open: prompt = p
            case .cancelled: prompt = nil
            case .submitted:
                // Custom days: both real, the first not after the second, none after today.
                guard let from = Day.parse(p.values[0]), let to = Day.parse(p.values[1]), from <= to, to <= ctx.today else {
                    ctx.say(.reportScreen_badDays, .error)
                    prompt = p
                    return .stay
                }
                custom = ReportPeriod(start: from, end: to)
                kind = .custom
                prompt = nil
                scroll = Viewport()
            }
            return .stay
        }
        switch input {
        case .action(.back): return .pop
        case .action(.prevPeriod) where kind != .custom: step(-1, ctx: ctx)
        case .action(.nextPeriod) where kind != .custom: step(1, ctx: ctx)
        case .action(.periodKind):
            switch kind {
            case .month: kind = .quarter; index = (index - 1) / 3 + 1
            case .quarter:
                let start = ReportPeriod.month(ctx.today.year, ctx.today.month)?.start ?? ctx.today
                prompt = Prompt(.reportDays, titleKey: .reportScreen_daysPrompt, hintKey: .reportScreen_daysHint,
                                fields: [(.reportScreen_from, start.description, 10), (.reportScreen_to, ctx.today.description, 10)])
                kind = .month
                index = ctx.today.month
                year = ctx.today.year
            case .custom: kind = .month; index = ctx.today.month; year = ctx.today.year
            }
            scroll = Viewport()
        case .action(.scope):
            scope = (scope + 1) % scopes(ctx).count
            scroll = Viewport()
        case .action(.save):
            export(ctx)
        case .action(.returns):
            return .push(ReturnsScreen(ctx: ctx, year: kind == .month ? year : nil, month: kind == .month ? index : nil))
        case .action(let a):
            if !scroll.laidOut { scroll.fit(count: lines(ctx, width: 78).count, height: 20) }
            pinnedToEnd = a == .last
            _ = scroll.scroll(a)
        case .text: break
        }
        return .stay
    }

    /// Moves a month or quarter; never past the one holding today (a month still to come has nothing to report).
    private func step(_ by: Int, ctx: DeskContext) {
        let span = kind == .month ? 12 : 4
        var i = index - 1 + by
        let newYear = year + (i < 0 ? -1 : i >= span ? 1 : 0)
        i = (i + span) % span
        let current = kind == .month ? ctx.today.month : (ctx.today.month - 1) / 3 + 1
        if (newYear, i + 1) > (ctx.today.year, current) {
            ctx.say(.reportScreen_noFuture, .warning)
            return
        }
        year = newYear
        index = i + 1
        scroll = Viewport()
    }

    /// Writes the page, its CSV and its charts as SVG beside the store, and records the export.
    private func export(_ ctx: DeskContext) {
        guard let r = report(ctx) else { return }
        let folder = ctx.store.root.appendingPathComponent("exports", isDirectory: true)
        let ids = stationIDs(ctx)
        let name = "report-\(r.period.start)-\(r.period.end)-\(ids.count == ctx.userStations.count ? "all" : ids.joined(separator: "+"))"
        let page = ReportText(strings: ctx.strings, language: ctx.language, directory: ctx.directory).text(r)
        let charts = ReportCharts(strings: ctx.strings, language: ctx.language, directory: ctx.directory)
            .all(Array(ctx.summaries.values), stationIDs: stationIDs(ctx), period: r.period, last: r.period.end, events: ctx.events)
        // On record first: an export that cannot be audited is not made.
        guard ctx.log(.export, detail: "report \(r.period.start)..\(r.period.end) \(ids.joined(separator: " "))") else {
            ctx.say(.audit_cannotWrite, .error)
            return
        }
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o700])
            try DurableFile.write(Data(page.utf8), to: folder.appendingPathComponent(name + ".txt"))
            try DurableFile.write(Data(ReportText.csv(r).utf8), to: folder.appendingPathComponent(name + ".csv"))
            try DurableFile.write(Data(ReportCharts.svgDocument(charts).utf8), to: folder.appendingPathComponent(name + ".svg"))
            ctx.say(.reportScreen_exported, .ok, folder.lastPathComponent + "/" + name)
        } catch {
            ctx.say(.reportScreen_exportFailed, .error)
        }
    }

    func layout(in area: Rect, ctx: DeskContext) {
        // Below the heading and its rule.
        let height = area.rows - 2
        scroll.fit(count: lines(ctx, width: min(area.cols - 2, 100)).count, height: height)
        if pinnedToEnd { scroll.top = scroll.maxTop }
        if var p = prompt {
            p.layout(in: area, ctx: ctx)
            prompt = p
        }
    }

    func draw(on s: Surface, in area: Rect, ctx: DeskContext) {
        var row = area.top
        s.text(" " + ctx.t(.reportScreen_heading, periodName(ctx), scopeName(ctx)), row: row, col: 0, width: area.cols - 1,
               style: .label)
        row += 1
        s.rule(row: row)
        row += 1
        let height = area.bottom - row
        let all = lines(ctx, width: min(area.cols - 2, 100))
        for line in all.dropFirst(scroll.top).prefix(height) {
            let style: Style = line.hasPrefix(" ") || line.isEmpty ? .normal : .label
            s.text(" " + line, row: row, col: 0, width: area.cols - 1, style: style)
            row += 1
        }
        if all.count > height {
            let more = ctx.t(.detail_scrollHint, min(all.count, scroll.top + height), all.count)
            s.text(more, row: area.top, col: area.cols - TextWidth.of(more) - 1, style: .dim)
        }
        prompt?.draw(on: s, in: area, ctx: ctx)
    }
}
