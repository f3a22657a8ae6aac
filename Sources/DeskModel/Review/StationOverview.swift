import Foundation

/// One row of the SP's district overview: where women are being failed, station by station.
public struct StationOverview: Equatable, Sendable {
    public var stationID: String
    public var open = 0
    public var newThisMonth = 0
    public var counts: [ReviewFlag: Int] = [:]

    public func count(_ flag: ReviewFlag) -> Int { counts[flag] ?? 0 }

    /// How much needs the SP's eye: alerts and minors weigh most, then women out of touch.
    public var attention: Int {
        let w: [ReviewFlag: Int] = [.alert: 5, .minorPending: 4, .noContact: 3, .overdue: 2, .legalPassed: 2, .referralWaiting: 1]
        return counts.reduce(0) { $0 + (w[$1.key] ?? 0) * $1.value }
    }

    /// The stations' rows, the worst first (then in the order given).
    public static func rows<S: Sequence>(stationIDs: [String], summaries: S, today: Day, now: Date,
                                         settings: ReviewSettings, lateDirectives: Set<UUID> = []) -> [StationOverview]
        where S.Element == CaseSummary {
        var rows = Dictionary(uniqueKeysWithValues: stationIDs.map { ($0, StationOverview(stationID: $0)) })
        for s in summaries {
            guard var row = rows[s.stationID] else { continue }
            if s.reportedDay.year == today.year, s.reportedDay.month == today.month { row.newThisMonth += 1 }
            if s.status != .closed {
                row.open += 1
                for f in s.flags(today: today, now: now, settings: settings, lateDirective: lateDirectives.contains(s.id)) {
                    row.counts[f, default: 0] += 1
                }
            }
            rows[s.stationID] = row
        }
        let order = Dictionary(uniqueKeysWithValues: stationIDs.enumerated().map { ($1, $0) })
        return rows.values.sorted { ($1.attention, order[$0.stationID] ?? 0) < ($0.attention, order[$1.stationID] ?? 0) }
    }
}

/// The order of a station's queue for review, a stated rule: open self-harm alerts, then minors,
/// then anything overdue (a session, a step, a follow-up, a legal deadline, a high-risk woman out
/// of touch), then the rest; within each, higher risk first, then the one waiting longest.
/// Closed cases come last.
public enum Urgency {
    public static func tier(_ s: CaseSummary, flags: Set<ReviewFlag>) -> Int {
        if s.status == .closed { return 9 }
        if flags.contains(.alert) { return 0 }
        if s.isMinor { return 1 }
        if !flags.isDisjoint(with: [.overdue, .noContact, .legalPassed, .minorPending]) { return 2 }
        return 3
    }

    public static func precedes(_ a: (CaseSummary, Set<ReviewFlag>), _ b: (CaseSummary, Set<ReviewFlag>)) -> Bool {
        let ka = (tier(a.0, flags: a.1), -rank(a.0.risk), a.0.reportedAt.timeIntervalSince1970)
        let kb = (tier(b.0, flags: b.1), -rank(b.0.risk), b.0.reportedAt.timeIntervalSince1970)
        if ka != kb { return ka < kb }
        return a.0.number < b.0.number
    }

    static func rank(_ r: RiskLevel) -> Int { r.rank }
}
