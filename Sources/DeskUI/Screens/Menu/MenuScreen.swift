import DeskModel

/// One line of a menu: its text and what choosing it does.
struct MenuItem {
    var label: String
    var detail: String = ""
    var style: Style = .normal
    /// A letter instead of a number, for an item that comes and goes (a draft, directives), so
    /// that the numbers of the others never move.
    var letter: Character? = nil
    var choose: () -> Transition
}

/// A menu of numbered choices: arrows and Enter, or the item's number (or letter). The numbers
/// go to the items that are always there, in order; an item that comes and goes has a letter.
class MenuScreen: Screen {
    var list = ScrollList()
    var keyContexts: [KeyContext] { [.menu] }
    var handledActions: Set<Action> { Action.moving.union([.select, .back]) }
    func title(_ ctx: DeskContext) -> String { "" }
    func heading(_ ctx: DeskContext) -> String { "" }
    func items(_ ctx: DeskContext) -> [MenuItem] { [] }

    /// What is typed to choose each item: "1"…"9", its letter, or nothing.
    static func shortcuts(_ items: [MenuItem]) -> [String?] {
        var n = 0
        return items.map { item in
            if let letter = item.letter { return String(letter) }
            n += 1
            return n <= 9 ? String(n) : nil
        }
    }

    func layout(in area: Rect, ctx: DeskContext) {
        list.layout(count: items(ctx).count, height: area.bottom - area.top - 1 - (heading(ctx).isEmpty ? 0 : 2))
    }

    func draw(on s: Surface, in area: Rect, ctx: DeskContext) {
        let all = items(ctx)
        var row = area.top + 1
        let heading = heading(ctx)
        if !heading.isEmpty {
            s.text(" " + heading, row: row, col: 1, width: area.cols - 2, style: .label)
            row += 2
        }
        let range = list.visible
        let keys = Self.shortcuts(all)
        for i in range {
            let item = all[i]
            let marker = i == list.selected ? "▶ " : "  "
            let number = keys[i].map { $0 + ". " } ?? "   "
            let style: Style = i == list.selected ? .selected : item.style
            let labelWidth = min(44, area.cols - 8)
            s.text(marker + number + item.label, row: row, col: 2, width: labelWidth, style: style)
            if !item.detail.isEmpty {
                s.text(item.detail, row: row, col: 2 + labelWidth + 1, width: area.cols - labelWidth - 4, style: .dim)
            }
            row += 1
        }
    }

    func handle(_ input: Input, ctx: DeskContext) -> Transition {
        let all = items(ctx)
        switch input {
        case .action(.select):
            guard all.indices.contains(list.selected) else { return .stay }
            return all[list.selected].choose()
        case .action(.back):
            return .pop
        case .action(.logout):
            return .logout
        case .action(let a):
            _ = list.apply(a, count: all.count, page: 10)
            return .stay
        case .text(let scalar):
            let typed = Digits.toASCII(String(scalar)).lowercased()
            if let i = Self.shortcuts(all).firstIndex(where: { $0 == typed }) {
                list.selected = i
                return all[i].choose()
            }
            return .stay
        }
    }
}

/// The first screen after login: what this role does at the desk.
final class MainMenuScreen: MenuScreen {
    override func title(_ ctx: DeskContext) -> String { ctx.t(.menu_title) }
    override var keyContexts: [KeyContext] { [.mainMenu, .menu] }
    /// Esc logs out here (there is nothing to go back to).
    override var handledActions: Set<Action> { Action.moving.union([.select, .logout]) }

    override func heading(_ ctx: DeskContext) -> String {
        guard let user = ctx.user else { return "" }
        let stations = ctx.userStations
        let place = stations.count == 1 ? stations[0].name(ctx.language) : ctx.t(.menu_allStations, stations.count)
        return ctx.t(.menu_welcome, user.name(ctx.language), place)
    }

    override func items(_ ctx: DeskContext) -> [MenuItem] {
        guard let user = ctx.user else { return [] }
        var items: [MenuItem] = []
        let stations = ctx.userStations
        let home = stations.first?.id
        if Access.allows(user, .newIntake), let home {
            if let draft = ctx.draft {
                items.append(MenuItem(label: ctx.t(.menu_resumeIntake),
                                      detail: ctx.t(.menu_draftStarted, Day(draft.startedAt).description),
                                      style: .warning) { .push(IntakeScreen(ctx: ctx, stationID: draft.stationID)) })
                items.append(MenuItem(label: ctx.t(.menu_discardDraft), letter: "x") {
                    .ask(.confirm_discardDraft, [], yes: {
                        ctx.dropDraft()
                        ctx.say(.menu_draftDiscarded, .ok)
                        return .stay
                    })
                })
            } else {
                items.append(MenuItem(label: ctx.t(.menu_newIntake)) { .push(IntakeScreen(ctx: ctx, stationID: home)) })
            }
        }
        if Access.allows(user, .counsel) {
            let load = Caseload.buckets(ctx.visibleListings, today: ctx.today)
            let alerts = load.first { $0.0 == .alert }?.1.count ?? 0
            let waiting = load.filter { $0.0.isToSee }.map(\.1.count).reduce(0, +)
            items.append(MenuItem(label: ctx.t(.menu_caseload), detail: ctx.t(.menu_caseloadCount, waiting, alerts),
                                  style: alerts > 0 ? .high : .normal) { .push(CaseloadScreen()) })
        }
        if Access.allows(user, .reviewStations) {
            let rows = ctx.overview
            let alerts = rows.reduce(0) { $0 + $1.count(.alert) }
            items.append(MenuItem(label: ctx.t(.menu_overview), detail: ctx.t(.menu_overviewCount, rows.count, alerts),
                                  style: alerts > 0 ? .high : .normal) { .push(OverviewScreen()) })
        }
        if Access.allows(user, .viewCases) { items.append(queueItem(ctx, stations)) }
        if let incoming = IncomingTransfersScreen.menuItem(ctx) { items.append(incoming) }
        if Access.allows(user, .recordEvents) || Access.allows(user, .reviewStations) { items.append(EventListScreen.menuItem(ctx)) }
        if Access.allows(user, .checkStore) {
            items.append(MenuItem(label: ctx.t(.menu_checkStore)) {
                let report = StoreCheck.run(ctx.store)
                if report.isClean {
                    ctx.say(.menu_storeClean, .ok, report.casesRead)
                } else {
                    ctx.say(.menu_storeProblems, .error, report.problems.count, report.casesRead)
                }
                return .stay
            })
        }
        if Access.allows(user, .giveDirective) || Access.allows(user, .answerDirective) {
            let all = ctx.visibleDirectives
            if !all.isEmpty {
                let unread = all.filter { $0.state(today: ctx.today) == .unread }.count
                let late = all.filter { $0.state(today: ctx.today) == .late }.count
                items.append(MenuItem(label: ctx.t(.menu_directives), detail: ctx.t(.menu_directivesCount, unread, late),
                                      style: unread + late > 0 ? .warning : .normal, letter: "d") { .push(DirectivesScreen()) })
            }
        }
        if Access.allows(user, .readAudit) {
            items.append(MenuItem(label: ctx.t(.menu_audit)) { .push(AuditScreen(ctx: ctx)) })
        }
        if Access.allows(user, .makeReports) {
            items.append(MenuItem(label: ctx.t(.menu_reports)) { .push(ReportScreen(ctx: ctx)) })
        }
        if Access.allows(user, .changeSettings) {
            items.append(MenuItem(label: ctx.t(.menu_settings),
                                  detail: ctx.t(.menu_settingsNow, ctx.settings.noContactDays, ctx.settings.cwcReportHours)) {
                .push(SettingsScreen(ctx: ctx))
            })
        }
        items.append(MenuItem(label: ctx.t(.menu_language), detail: ctx.t(.app_otherLanguageName)) {
            ctx.toggleLanguage()
            return .stay
        })
        items.append(MenuItem(label: ctx.t(.menu_logout)) { .logout })
        items.append(MenuItem(label: ctx.t(.menu_quit)) { .quit })
        return items
    }

    private func queueItem(_ ctx: DeskContext, _ stations: [Station]) -> MenuItem {
        if stations.count == 1 {
            let open = ctx.visibleListings.reduce(0) { $0 + ($1.status != .closed ? 1 : 0) }
            return MenuItem(label: ctx.t(.menu_queue), detail: ctx.t(.menu_openCount, open)) {
                .push(CaseListScreen(stationID: stations[0].id))
            }
        }
        return MenuItem(label: ctx.t(.menu_stationQueues), detail: ctx.t(.menu_stationCount, stations.count)) {
            .push(StationPickerScreen())
        }
    }
}

/// For those who oversee several stations: pick one to open its queue.
final class StationPickerScreen: MenuScreen {
    override func title(_ ctx: DeskContext) -> String { ctx.t(.stations_title) }
    override func heading(_ ctx: DeskContext) -> String { ctx.t(.stations_heading) }

    override func items(_ ctx: DeskContext) -> [MenuItem] {
        ctx.userStations.map { station in
            let cases = ctx.listings.filter { $0.stationID == station.id && $0.status != .closed }
            let high = cases.filter { $0.riskLevel == .high }.count
            return MenuItem(label: station.name(ctx.language) + " (" + station.code + ")",
                            detail: ctx.t(.stations_counts, cases.count, high)) {
                .push(CaseListScreen(stationID: station.id, sort: Access.allows(ctx.user, .reviewStations) ? .urgency : .newest))
            }
        }
    }
}

/// Every directive on the cases she may see, newest first; choosing one opens its case.
final class DirectivesScreen: MenuScreen {
    override func title(_ ctx: DeskContext) -> String { ctx.t(.directives_title) }
    override func heading(_ ctx: DeskContext) -> String { ctx.visibleDirectives.isEmpty ? ctx.t(.directives_empty) : "" }

    override func items(_ ctx: DeskContext) -> [MenuItem] {
        ctx.visibleDirectives.map { d in
            let state = d.state(today: ctx.today)
            let number = ctx.listing(d.caseID)?.number.description ?? ""
            return MenuItem(label: "[\(ctx.t(.dynamic("directive.state." + state.rawValue)))] \(number) · \(d.due)", detail: d.text,
                            style: state == .late ? .error : state == .unread ? .warning : .normal) {
                .push(CaseDetailScreen(caseID: d.caseID))
            }
        }
    }
}

/// Cases other stations handed to hers, waiting for her desk's answer (accept or decline, on the
/// case's Legal tab); the menu says how many there are.
final class IncomingTransfersScreen: MenuScreen {
    override func title(_ ctx: DeskContext) -> String { ctx.t(.transfers_title) }
    override func heading(_ ctx: DeskContext) -> String { Self.waiting(ctx).isEmpty ? ctx.t(.transfers_empty) : ctx.t(.transfers_heading) }

    /// Pending transfers to a station where she may answer them (edit cases there).
    static func waiting(_ ctx: DeskContext) -> [CaseListing] {
        ctx.visibleListings.filter { r in
            guard let to = r.transferTo, r.status != .closed else { return false }
            return Access.allows(ctx.user, .editCase, stationID: to)
        }
    }

    /// The menu's line, only while some wait.
    static func menuItem(_ ctx: DeskContext) -> MenuItem? {
        let n = waiting(ctx).count
        guard n > 0 else { return nil }
        return MenuItem(label: ctx.t(.menu_transfers), detail: ctx.t(.menu_transfersCount, n), style: .warning, letter: "t") {
            .push(IncomingTransfersScreen())
        }
    }

    override func items(_ ctx: DeskContext) -> [MenuItem] {
        Self.waiting(ctx).map { r in
            MenuItem(label: r.number.description + " · " + ctx.stationName(r.stationID), detail: CaseListScreen.short(r.category, ctx)) {
                .push(CaseDetailScreen(caseID: r.id, tab: .legal))
            }
        }
    }
}
