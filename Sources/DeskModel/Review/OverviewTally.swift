import Foundation

/// Everything the SP's overview counts, in one pass over her stations' cases: the stations' rows,
/// new cases by month for the trend, and the closures waiting for approval. Counted from the review
/// index without keeping a summary (`SummaryIndex.fold`), so a district of 50,000 cases opens at once.
public struct OverviewTally: SummaryTally {
    /// A case whose closure waits for approval (high risk, a child).
    public struct ClosureRequest: Equatable, Sendable {
        public var stationID: String
        public var number: String
    }

    public var stations: StationOverview.Tally
    public var months: ChartData.NewByMonth
    public var closureRequests: [ClosureRequest] = []

    public init(stationIDs: [String], today: Day, settings: ReviewSettings, lateDirectives: Set<UUID> = [], months: Int = 12) {
        stations = StationOverview.Tally(stationIDs: stationIDs, today: today, settings: settings, lateDirectives: lateDirectives)
        self.months = ChartData.NewByMonth(stationIDs: Set(stationIDs), last: today, months: months)
    }

    public mutating func add(_ s: CaseSummary) {
        stations.add(s)
        months.add(s)
        if s.paths.closureRequested { closureRequests.append(ClosureRequest(stationID: s.stationID, number: s.number)) }
    }

    public mutating func merge(_ other: OverviewTally) {
        stations.merge(other.stations)
        months.merge(other.months)
        closureRequests += other.closureRequests
    }

    public var rows: [StationOverview] { stations.rows }
}
