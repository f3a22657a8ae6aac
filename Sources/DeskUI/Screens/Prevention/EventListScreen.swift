import Foundation
import DeskModel

/// The awareness events register of her stations, newest first: one line an event (day, place,
/// audience, people reached), the month's totals above. `n` (or F7) enters a new one; Enter opens
/// one to correct it (for those who keep the register).
final class EventListScreen: Screen {
    var list = ScrollList()
    var keyContexts: [KeyContext] { [.events] }
    var handledActions: Set<Action> { Action.moving.union([.back, .newCase, .select]) }

    /// The rows that fit below the summary and the column heads, settled before drawing.
    func layout(in area: Rect, ctx: DeskContext) {
        list.layout(count: ctx.visibleEvents.count, height: max(1, area.rows - 3))
    }
    func title(_ ctx: DeskContext) -> String { ctx.t(.events_title) }

    func handle(_ input: Input, ctx: DeskContext) -> Transition {
        let rows = ctx.visibleEvents
        switch input {
        case .action(.back): return .pop
        case .action(.newCase):
            guard Access.allows(ctx.user, .recordEvents), !ctx.blankEventForm().stationIDs.isEmptyOrNil else {
                ctx.say(.events_notAllowed, .warning)
                return .stay
            }
            return .push(EntryScreen(form: ctx.blankEventForm(), ctx: ctx))
        case .action(.select):
            guard rows.indices.contains(list.selected) else { return .stay }
            let e = rows[list.selected]
            guard Access.allows(ctx.user, .recordEvents, stationID: e.stationID) else {
                ctx.say(.events_notAllowed, .warning)
                return .stay
            }
            return .push(EntryScreen(form: ctx.eventForm(e), ctx: ctx))
        case .action(let a):
            _ = list.apply(a, count: rows.count, page: 10)
        case .text: break
        }
        return .stay
    }

    func draw(on s: Surface, in area: Rect, ctx: DeskContext) {
        let rows = ctx.visibleEvents
        var row = area.top
        let month = ReportPeriod.month(ctx.today.year, ctx.today.month)
        let c = ctx.eventCount(period: month, stationIDs: ctx.userStations.map(\.id))
        s.text(" " + ctx.t(.events_summary, c.events, c.reached, c.women, c.men, c.children), row: row, col: 0,
               width: area.cols - 1, style: .label)
        row += 1
        let stationWidth = ctx.userStations.count > 1 ? 14 : 0
        let dayCol = 1, stationCol = 13, placeCol = 13 + stationWidth
        let reachedWidth = 8
        let audienceWidth = 16
        let placeWidth = max(8, area.cols - placeCol - audienceWidth - reachedWidth - 3)
        let audienceCol = placeCol + placeWidth + 1
        let reachedCol = area.cols - reachedWidth - 1
        s.text(ctx.t(.events_col_day), row: row, col: dayCol, width: 11, style: .label)
        if stationWidth > 0 { s.text(ctx.t(.events_col_station), row: row, col: stationCol, width: stationWidth - 1, style: .label) }
        s.text(ctx.t(.events_col_place), row: row, col: placeCol, width: placeWidth, style: .label)
        s.text(ctx.t(.events_col_audience), row: row, col: audienceCol, width: audienceWidth, style: .label)
        s.text(ctx.t(.events_col_reached), row: row, col: reachedCol, width: reachedWidth, style: .label, alignRight: true)
        row += 1
        s.rule(row: row)
        row += 1
        if rows.isEmpty {
            s.text(" " + ctx.t(.events_empty), row: row + 1, col: 1, width: area.cols - 2, style: .dim)
            return
        }
        for i in list.visible where rows.indices.contains(i) {
            let e = rows[i]
            let selected = i == list.selected
            if selected { s.fill(row: row, style: .selected) }
            let style: Style = selected ? .selected : .normal
            s.text(e.day.description, row: row, col: dayCol, width: 11, style: style)
            if stationWidth > 0 { s.text(ctx.stationName(e.stationID), row: row, col: stationCol, width: stationWidth - 1, style: style) }
            s.text(ctx.label(e.placeKind) + ": " + e.place, row: row, col: placeCol, width: placeWidth, style: style)
            s.text(ctx.label(e.audience), row: row, col: audienceCol, width: audienceWidth, style: style)
            s.text(String(e.reached), row: row, col: reachedCol, width: reachedWidth, style: style, alignRight: true)
            row += 1
        }
    }
}

extension Optional where Wrapped: Collection {
    var isEmptyOrNil: Bool { self?.isEmpty ?? true }
}

extension EventListScreen {
    /// The main menu's line for the register (a letter, so that the numbers of the others stay).
    static func menuItem(_ ctx: DeskContext) -> MenuItem {
        let month = ReportPeriod.month(ctx.today.year, ctx.today.month)
        let c = ctx.eventCount(period: month, stationIDs: ctx.userStations.map(\.id))
        return MenuItem(label: ctx.t(.menu_events), detail: ctx.t(.menu_eventsCount, c.events, c.reached), letter: "a") {
            .push(EventListScreen())
        }
    }
}
