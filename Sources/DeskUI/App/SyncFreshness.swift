import DeskModel
import Foundation

/// Replication as the screens show it: when each station's data last arrived, stale after the
/// setting in sync.plist (24 hours unless set), and the last sync in the top bar. Nothing at all
/// on a store that is not replicated.
extension DeskContext {
    /// Station id → when a file of another machine's last arrived; nil when the store is not replicated.
    var arrivals: [String: Date]? {
        guard store.loadMachine() != nil else { return nil }
        return store.loadLedger().lastArrival
    }

    var staleAfter: TimeInterval { Double(SyncSettings.load(from: store)?.staleAfterHours ?? 24) * 3600 }

    /// "synced 29-11 10:32" for the top bar (nil without replication).
    var lastSyncText: String? {
        guard let arrivals else { return nil }
        guard let last = arrivals.values.max() else { return t(.sync_topNever) }
        return t(.sync_top, Self.shortStamp(last))
    }

    static func shortStamp(_ date: Date) -> String {
        let c = DeskCalendar.calendar.dateComponents([.day, .month, .hour, .minute], from: date)
        return String(format: "%02d-%02d %02d:%02d", c.day ?? 0, c.month ?? 0, c.hour ?? 0, c.minute ?? 0)
    }
}

extension OverviewScreen {
    /// Under the stations' rows: when each one's data last arrived, STALE past the setting.
    func drawFreshness(on s: Surface, row start: Int, in area: Rect, rows: [StationOverview], ctx: DeskContext) -> Int {
        guard let arrivals = ctx.arrivals else { return start }
        var row = start
        guard row < area.bottom else { return row }
        s.text(" " + ctx.t(.overview_freshness), row: row, col: 0, width: area.cols - 1, style: .label)
        row += 1
        let now = ctx.clock.now()
        for r in rows where row < area.bottom {
            let name = ctx.stationName(r.stationID)
            let line: String, style: Style
            if let held = ctx.store.loadMachine()?.stations, !held.contains(r.stationID) {
                line = ctx.t(.overview_freshNotShared, name)
                style = .dim
            } else if let at = arrivals[r.stationID] {
                let stale = now.timeIntervalSince(at) > ctx.staleAfter
                line = ctx.t(stale ? .overview_freshStale : .overview_fresh, name, DeskContext.shortStamp(at))
                style = stale ? .warning : .normal
            } else {
                line = ctx.t(.overview_freshNever, name)
                style = .warning
            }
            s.text("   " + line, row: row, col: 0, width: area.cols - 1, style: style)
            row += 1
        }
        return row
    }
}
