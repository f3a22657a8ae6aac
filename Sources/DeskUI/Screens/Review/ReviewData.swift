import DeskModel
import Foundation

/// Where the review's figures come from: the index, or the cases themselves when there is none.
public enum ReviewData {
    public static func summaries(_ store: CaseStore) -> [CaseSummary] {
        let index = SummaryIndex(store: store)
        if let loaded = index.load() { return loaded.summaries }
        let cases = store.loadCases(setAside: false).cases
        let summaries = cases.map(CaseSummary.init)
        try? index.rebuild(from: summaries)
        return summaries
    }
}
