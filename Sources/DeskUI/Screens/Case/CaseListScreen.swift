import DeskModel

/// The station queue: every case of a station, searchable as you type, filtered by status, sorted.
/// Names are masked here.
final class CaseListScreen: Screen, GuardsTypeAhead, OffersActions {
    let stationID: String
    var query: CaseQuery
    var searchField = LineEditor("", maxLength: 40)
    var searching = false
    var list = ScrollList()
    private var cachedRows = QueueRows()
    private var cachedKey: (CaseQuery, Int)?

    init(stationID: String, sort: CaseSort = .newest) {
        self.stationID = stationID
        query = CaseQuery(stationID: stationID, sort: sort)
    }

    var keyContexts: [KeyContext] { searching ? [.search, .edit] : [.list] }
    var handledActions: Set<Action> {
        searching ? Action.editing.union([.select, .down, .back])
            : Action.moving.union([.search, .filterStatus, .sortNext, .filterFlag, .newCase, .select, .back])
    }

    func layout(in area: Rect, ctx: DeskContext) {
        // Under the filter line, the column heads and their rule.
        list.layout(count: rows(ctx).count, height: area.rows - 3)
        _ = searchField.layout(width: TextFieldView.filterWidth)
    }
    var acceptsText: Bool { searching }

    func title(_ ctx: DeskContext) -> String { ctx.t(.list_title, ctx.stationName(stationID)) }

    func offers(_ action: Action, ctx: DeskContext) -> Bool {
        switch action {
        case .newCase: return Access.allows(ctx.user, .newIntake, stationID: stationID)
        case .search: return false  // typing searches: the filter line says so
        default: return true
        }
    }

    func looksLikeSecret(adding scalar: Unicode.Scalar) -> Bool {
        let typed = Digits.toASCII(searchField.text + String(scalar))
        return typed.allSatisfy { $0.isASCII && $0.isNumber }
    }

    func rows(_ ctx: DeskContext) -> QueueRows {
        if let key = cachedKey, key.0 == query, key.1 == ctx.generation { return cachedRows }
        let table = ctx.queueTable(stationID)
        cachedRows = QueueRows(table: table, positions: table.select(query, review: ctx.review))
        cachedKey = (query, ctx.generation)
        return cachedRows
    }

    func handle(_ input: Input, ctx: DeskContext) -> Transition {
        let all = rows(ctx)
        if searching {
            switch input {
            case .action(.select):
                // Enter opens the best match, as a search box in any good list does.
                searching = false
                guard all.indices.contains(list.selected) else { return .stay }
                return .push(CaseDetailScreen(caseID: all[list.selected].id))
            case .action(.down), .action(.nextField):
                searching = false
            case .action(.back):
                searching = false
                searchField.clear()
                query.search = ""
                list = ScrollList()
            default:
                if TextFieldView.edit(&searchField, input, transliterate: ctx.transliterating) {
                    query.search = searchField.text
                    list = ScrollList()
                }
            }
            return .stay
        }
        switch input {
        case .action(.search):
            searching = true
        case .action(.filterStatus):
            query.status = CaseQuery.nextStatus(after: query.status)
            list = ScrollList()
        case .action(.sortNext):
            query.sort = query.sort.next
        case .action(.filterFlag):
            query.flag = CaseQuery.nextFlag(after: query.flag)
            list = ScrollList()
        case .action(.newCase):
            guard Access.allows(ctx.user, .newIntake, stationID: stationID) else {
                ctx.say(.list_intakeDeskOnly, .warning)
                return .stay
            }
            return .push(IntakeScreen(ctx: ctx, stationID: stationID))
        case .action(.select):
            guard all.indices.contains(list.selected) else { return .stay }
            return .push(CaseDetailScreen(caseID: all[list.selected].id))
        case .action(.back):
            return .pop
        case .action(let a):
            _ = list.apply(a, count: all.count, page: 10)
        case .text(let scalar):
            // Typing straight into the queue starts a search with that letter.
            searching = true
            _ = TextFieldView.edit(&searchField, .text(scalar), transliterate: ctx.transliterating)
            query.search = searchField.text
            list = ScrollList()
        }
        return .stay
    }

    func draw(on s: Surface, in area: Rect, ctx: DeskContext) {
        let all = rows(ctx)
        var row = area.top
        // Search, filter and sort line.
        var status = query.status.map { ctx.label($0) } ?? ctx.t(.list_allStatuses)
        if let flag = query.flag { status += " · " + ctx.t(.dynamic("flag." + flag.rawValue)) }
        TextFieldView.filterBar(searchField, on: s, row: row, width: area.cols, label: ctx.t(.list_search),
                                placeholder: ctx.t(.list_searchHint), focused: searching,
                                info: ctx.t(.list_filterInfo, status, ctx.t(.dynamic("sort." + query.sort.rawValue)), all.count),
                                infoStyle: .dim)
        if !searching { s.hideCursor() }
        row += 1
        // Columns.
        let wide = area.cols >= 110
        // The case number whole, however long (a station with 10,000 cases a year has five digits).
        let numberWidth = list.visible.reduce(17) { max($0, TextWidth.of(all[$1].number.description)) }
        let cols = columns(wide: wide, total: area.cols, numberWidth: numberWidth)
        // Those who review see what each case needs where the desk sees its category.
        let reviewing = Access.allows(ctx.user, .reviewStations)
        let headers = [StringKey.list_colNumber, .list_colName, .list_colAge, reviewing ? .list_colNeeds : .list_colCategory, .list_colRisk,
                       .list_colStatus, .list_colTracks, .list_colReported] + (wide ? [StringKey.list_colArrival] : [])
        var col = 1
        for (i, key) in headers.enumerated() {
            s.text(ctx.t(key), row: row, col: col, width: cols[i], style: .label)
            col += cols[i] + 1
        }
        row += 1
        s.rule(row: row)
        row += 1
        if all.isEmpty {
            let filtered = !query.search.isEmpty || query.status != nil || query.flag != nil
            let key = !query.search.isEmpty ? StringKey.list_noMatch : filtered ? .list_noMatchFilter : .list_empty
            s.text("  " + ctx.t(key), row: row, col: 0,
                   width: area.cols, style: .dim)
            return
        }
        for i in list.visible {
            let r = all[i]
            let selected = i == list.selected
            let base: Style = selected ? .selected : .normal
            let age = r.age.map { String($0) + (r.isMinor ? "!" : "") } ?? "?"
            let values: [(String, Style)] = [
                (r.number.description, base),
                (Mask.name(r.name), base),
                (age, selected ? base : r.isMinor ? .warning : base),
                reviewing ? needs(r, ctx: ctx, selected: selected) : category(r, ctx: ctx, selected: selected),
                r.hasOpenAlert ? (ctx.t(.list_alert), selected ? base : .high)
                    : (ctx.label(r.riskLevel), selected ? base : r.riskLevel == .high ? .high : base),
                (Self.short(r.status, ctx), base),
                (Self.marks(r.listedSummary.tracks, ctx), selected ? base : .dim),
                (wide ? Day(r.reportedAt).description : Self.shortDay(Day(r.reportedAt)), base),
            ] + (wide ? [(ctx.label(r.arrival), base)] : [])
            if selected { s.fill(row: row, style: .selected) }
            var col = 1
            for (j, v) in values.enumerated() {
                s.text(v.0, row: row, col: col, width: cols[j], style: v.1, alignRight: j == 2)
                col += cols[j] + 1
            }
            row += 1
        }
    }

    /// The desk sees an SP's open directive where the category is: it is what she must do first.
    private func category(_ r: CaseListing, ctx: DeskContext, selected: Bool) -> (String, Style) {
        let open = ctx.directives(for: r.id).filter { $0.doneAt == nil }
        guard !open.isEmpty else { return (Self.short(r.category, ctx), selected ? .selected : .normal) }
        let late = open.contains { $0.state(today: ctx.today) == .late }
        return (ctx.t(late ? .list_directiveLate : .list_directive), selected ? .selected : late ? .error : .warning)
    }

    /// A category or status as the queue's narrow column shows it: a deliberate short form
    /// ("Domestic", "Rehab.", listed in the help) rather than a name cut in the middle.
    static func short<C: Choice>(_ value: C, _ ctx: DeskContext) -> String {
        let key = StringKey.dynamic("list.short." + value.labelKey.dropFirst("choice.".count))
        return ctx.strings.has(key, ctx.language) ? ctx.t(key) : ctx.label(value)
    }

    /// The most urgent of a case's review flags, and how many more it has.
    private func needs(_ r: CaseListing, ctx: DeskContext, selected: Bool) -> (String, Style) {
        let flags = ctx.review(r).1
        guard let first = ReviewFlag.allCases.first(where: flags.contains) else { return ("—", selected ? .selected : .dim) }
        let text = ctx.t(.dynamic("flag.short." + first.rawValue)) + (flags.count > 1 ? " +\(flags.count - 1)" : "")
        return (text, selected ? .selected : first == .alert ? .high : .warning)
    }

    /// The tracks a case is on, one mark each in a fixed place (counselling, rehabilitation,
    /// legal; "·" where she is not on it): "C·L", "प·क".
    static func marks(_ tracks: [CaseTrack], _ ctx: DeskContext) -> String {
        CaseTrack.allCases.map { tracks.contains($0) ? ctx.t(.dynamic("list.track." + $0.rawValue)) : "·" }.joined()
    }

    /// "12-11-26": the day with its year's last two digits, where 80 columns leave no room for more.
    static func shortDay(_ d: Day) -> String { String(d.description.prefix(6)) + String(format: "%02d", d.year % 100) }

    private func columns(wide: Bool, total: Int, numberWidth: Int = 17) -> [Int] {
        // number, name, age, category, risk, status, tracks, reported, [arrival]
        var c = wide ? [17, 12, 3, 13, 6, 12, 3, 10, 16] : [17, 12, 3, 13, 6, 10, 3, 8]
        // A longer number takes its room from the category, then the name (never below 8).
        let extra = max(0, numberWidth - c[0])
        c[0] += extra
        let fromCategory = min(extra, c[3] - 8)
        c[3] -= fromCategory
        c[1] -= min(extra - fromCategory, c[1] - 8)
        let used = c.reduce(0, +) + c.count + 1
        c[3] += max(0, total - used) / 2
        c[1] += max(0, total - used) - max(0, total - used) / 2
        return c
    }
}
