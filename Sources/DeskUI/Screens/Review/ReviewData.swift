import DeskModel
import Foundation

/// Where the command line's review figures come from: the review index, checked first as a desk
/// checks it (the lists against the case files, the index against the lists, written anew when
/// they differ: a block dropped from its table or an older one put back is not reported from).
public enum ReviewData {
    public static func summaries(_ store: CaseStore) -> [CaseSummary] {
        let repository = CaseRepository(store: store)
        repository.open()
        if let loaded = SummaryIndex(store: store).load() { return loaded.summaries }
        return repository.listings.map(\.summary)
    }

    /// A report counted straight from the checked index's lines of these stations (no summary kept).
    public static func report(_ store: CaseStore, period: ReportPeriod, stationIDs: [String], today: Day,
                              events: [AwarenessEvent]) -> Report {
        let repository = CaseRepository(store: store)
        repository.open()
        let start = Report.Tally(period: period, stationIDs: stationIDs, today: today, events: events)
        if let folded = SummaryIndex(store: store).fold(stations: Set(stationIDs), from: start) { return folded.report }
        var tally = start
        for l in repository.listings { tally.add(l.summary) }
        return tally.report
    }
}
