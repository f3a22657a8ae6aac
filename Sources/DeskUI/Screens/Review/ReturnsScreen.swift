import DeskModel
import Foundation

/// The returns the district sends upward: one row per station she oversees for a month (← →),
/// or since the desk began (F4); F10 writes them (text and CSV) beside the store, on record.
final class ReturnsScreen: Screen {
    var year: Int
    var month: Int
    var sinceStart = false
    var scroll = ScrollList()
    var height = 20
    var lineCount = 0

    init(ctx: DeskContext, year: Int? = nil, month: Int? = nil) {
        self.year = year ?? ctx.today.year
        self.month = month ?? ctx.today.month
    }

    var keyContexts: [KeyContext] { [.returns] }
    var handledActions: Set<Action> { Action.moving.union([.back, .prevPeriod, .nextPeriod, .periodKind, .save]) }

    /// The page's lines and how many fit, settled before drawing.
    func layout(in area: Rect, ctx: DeskContext) {
        let text = ReturnsText(strings: ctx.strings, language: ctx.language, directory: ctx.directory)
        lineCount = text.lines(current(ctx)).count
        height = max(1, area.rows - 2)
        scroll.selected = max(0, min(scroll.selected, max(0, lineCount - height)))
    }
    func title(_ ctx: DeskContext) -> String { ctx.t(.returns_screenTitle) }

    func returns(_ ctx: DeskContext) -> Returns {
        let papers = Returns.PaperGiven.from(AuditLog(store: ctx.store).entries())
        return Returns.make(Array(ctx.summaries.values), events: ctx.events, papers: papers, partners: ctx.partners,
                            stationIDs: ctx.userStations.map(\.id), period: sinceStart ? nil : .month(year, month), today: ctx.today)
    }

    private var cachedReturns: (key: String, returns: Returns)?

    func current(_ ctx: DeskContext) -> Returns {
        let key = "\(ctx.generation) \(ctx.eventGeneration) \(sinceStart) \(year) \(month) \(ctx.user?.id ?? "")"
        if let c = cachedReturns, c.key == key { return c.returns }
        let r = returns(ctx)
        cachedReturns = (key, r)
        return r
    }

    func handle(_ input: Input, ctx: DeskContext) -> Transition {
        switch input {
        case .action(.back): return .pop
        case .action(.prevPeriod) where !sinceStart: step(-1, ctx)
        case .action(.nextPeriod) where !sinceStart: step(1, ctx)
        case .action(.periodKind):
            sinceStart.toggle()
            scroll = ScrollList()
        case .action(.save): export(ctx)
        case .action(let a):
            let last = max(0, lineCount - height)
            switch a {
            case .down: scroll.selected = min(scroll.selected + 1, last)
            case .up: scroll.selected = max(0, scroll.selected - 1)
            case .pageDown, .last: scroll.selected = a == .last ? last : min(scroll.selected + height - 1, last)
            case .pageUp, .first: scroll.selected = a == .first ? 0 : max(0, scroll.selected - height + 1)
            default: break
            }
        case .text: break
        }
        return .stay
    }

    private func step(_ by: Int, _ ctx: DeskContext) {
        var m = year * 12 + month - 1 + by
        if m > ctx.today.year * 12 + ctx.today.month - 1 {
            ctx.say(.reportScreen_noFuture, .warning)
            m -= by
        }
        year = m / 12
        month = m % 12 + 1
        scroll = ScrollList()
    }

    private func export(_ ctx: DeskContext) {
        let r = current(ctx)
        let ids = ctx.userStations.map(\.id)
        let name = "returns-" + (r.period.map { String(format: "%04d-%02d", $0.start.year, $0.start.month) } ?? "since-start-\(ctx.today)")
        guard ctx.log(.export, detail: "returns \(r.period.map { "\($0.start)..\($0.end)" } ?? "since start") \(ids.joined(separator: " "))") else {
            ctx.say(.audit_cannotWrite, .error)
            return
        }
        let folder = ctx.store.root.appendingPathComponent("exports", isDirectory: true)
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            let text = ReturnsText(strings: ctx.strings, language: ctx.language, directory: ctx.directory).text(r, stationIDs: ids)
            try DurableFile.write(Data(text.utf8), to: folder.appendingPathComponent(name + ".txt"))
            try DurableFile.write(Data(ReturnsText.csv(r).utf8), to: folder.appendingPathComponent(name + ".csv"))
            ctx.say(.returns_exported, .ok, folder.lastPathComponent + "/" + name)
        } catch {
            ctx.say(.reportScreen_exportFailed, .error)
        }
    }

    func draw(on s: Surface, in area: Rect, ctx: DeskContext) {
        let r = current(ctx)
        let text = ReturnsText(strings: ctx.strings, language: ctx.language, directory: ctx.directory)
        var row = area.top
        s.text(" " + text.heading(r), row: row, col: 0, width: area.cols - 1, style: .label)
        row += 1
        s.rule(row: row)
        row += 1
        let all = text.lines(r)
        for (i, line) in all.enumerated().dropFirst(scroll.selected).prefix(height) {
            let style: Style = i == 0 || line.hasPrefix(ctx.t(.returns_station)) ? .label : .normal
            s.text(" " + line, row: row, col: 0, width: area.cols - 1, style: style)
            row += 1
        }
        if all.count > height {
            let more = ctx.t(.detail_scrollHint, min(all.count, scroll.selected + height), all.count)
            s.text(more, row: area.top, col: area.cols - TextWidth.of(more) - 1, style: .dim)
        }
    }
}
