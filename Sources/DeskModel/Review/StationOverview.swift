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
        var tally = Tally(stationIDs: stationIDs, today: today, settings: settings, lateDirectives: lateDirectives)
        for s in summaries { tally.add(s) }
        return tally.rows
    }

    /// The rows counted one case at a time (`SummaryIndex.fold` counts parts of the index on
    /// each core and merges them).
    public struct Tally: Sendable {
        let position: [String: Int]
        let today: Day
        let settings: ReviewSettings
        let lateDirectives: Set<UUID>
        var open: [Int]
        var newThisMonth: [Int]
        /// Per station, a count per flag (in `ReviewFlag.allCases` order).
        var flagged: [Int]

        public init(stationIDs: [String], today: Day, settings: ReviewSettings, lateDirectives: Set<UUID> = []) {
            var position: [String: Int] = [:]
            for (i, id) in stationIDs.enumerated() where position[id] == nil { position[id] = i }
            self.position = position
            self.today = today
            self.settings = settings
            self.lateDirectives = lateDirectives
            open = Array(repeating: 0, count: stationIDs.count)
            newThisMonth = open
            flagged = Array(repeating: 0, count: stationIDs.count * ReviewFlag.allCases.count)
        }

        public mutating func add(_ s: CaseSummary) {
            guard let i = position[s.stationID] else { return }
            let reported = s.reportedDay
            if reported.year == today.year, reported.month == today.month { newThisMonth[i] += 1 }
            guard s.status != .closed else { return }
            open[i] += 1
            let bits = s.flagBits(today: today, settings: settings,
                                  lateDirective: !lateDirectives.isEmpty && lateDirectives.contains(s.id))
            guard bits != 0 else { return }
            for (f, flag) in ReviewFlag.allCases.enumerated() where bits & flag.bit != 0 { flagged[i * ReviewFlag.allCases.count + f] += 1 }
        }

        public mutating func merge(_ other: Tally) {
            for i in open.indices {
                open[i] += other.open[i]
                newThisMonth[i] += other.newThisMonth[i]
            }
            for i in flagged.indices { flagged[i] += other.flagged[i] }
        }

        /// The stations' rows, the worst first (then in the order given).
        public var rows: [StationOverview] {
            let flags = ReviewFlag.allCases
            var out: [StationOverview] = []
            for (id, i) in position.sorted(by: { $0.value < $1.value }) {
                var row = StationOverview(stationID: id, open: open[i], newThisMonth: newThisMonth[i])
                for (f, flag) in flags.enumerated() where flagged[i * flags.count + f] > 0 { row.counts[flag] = flagged[i * flags.count + f] }
                out.append(row)
            }
            return out.sorted { ($1.attention, position[$0.stationID] ?? 0) < ($0.attention, position[$1.stationID] ?? 0) }
        }
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
