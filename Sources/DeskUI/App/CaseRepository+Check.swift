import DeskModel
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The check beside her: the supervisor's, the review index's rebuild, and the thread it runs on.
extension CaseRepository {
    /// Takes in what the check found, if it has finished: true when the lists changed (the screen
    /// is drawn again).
    @discardableResult
    public func takeInCheck() -> Bool {
        guard let job = checking, let outcome = job.result else { return false }
        checking = nil
        let checked = outcome.checked
        if var summaries = outcome.reviewRebuild {
            // Saved since the check read them: as they are now.
            for (i, s) in summaries.enumerated() where touchedSinceCheck.contains(s.id) {
                if let p = lists?.position[s.id], let l = lists?.listings[p] { summaries[i] = l.summary }
            }
            try? SummaryIndex(store: store).rebuild(from: summaries)
            // An overview read before the index was written reads it anew.
            indexSummaries = nil
            indexSummariesRead = false
            changes += 1
        }
        guard var current = lists else { return outcome.reviewRebuild != nil }
        let changed = checked.changed.filter { !touchedSinceCheck.contains($0.key) }
        current.damaged = checked.damaged
        current.mended = true
        current.stale = false
        lists = current
        guard !changed.isEmpty || !checked.damaged.isEmpty else { return false }
        current.listings = ListIndex.apply(changed, to: current.listings)
        current.position = Self.positions(current.listings)
        lists = current
        for (id, l) in changed where l == nil { opened[id] = nil }
        indexSummaries = nil
        indexSummariesRead = false
        changes += 1
        return true
    }

    /// The supervisor's sign-in: her screens read the review index, not the lists, so no list is
    /// drawn for her; but the same check runs beside her: the list index of her stations against
    /// the case files (mended), and the review index her overview reads against it (written anew
    /// by `takeInCheck` when it disagrees: a block dropped from its table, an older one put back).
    public func checkReview(stations: Set<String>?) {
        guard !store.isLocked, checking == nil, lists == nil else { return }
        let store = self.store, clock = self.clock
        let job = Checking()
        checking = job
        touchedSinceCheck = []
        job.start {
            let index = ListIndex(store: store)
            let checked = index.check(stations: stations, setAside: true, clock: clock)
            // Her stations' cases by id, station and revision only (a district's listings are
            // not held for this), with what the check found taken in.
            var hers = index.loadRevisions(stations: stations).revisions.filter { checked.changed[$0.id] == nil }
            for case let l? in checked.changed.values { hers.append(ListIndex.Revision(l)) }
            let thorough = !checked.changed.isEmpty || !checked.damaged.isEmpty
                || !SummaryIndex(store: store).agrees(with: hers, stations: stations)
            let review = Self.reviewRebuild(store, listings: { ListIndex(store: store).open(setAside: false, mend: false).listings },
                                            files: checked.files, thorough: thorough)
            return Checking.Outcome(checked: checked, reviewRebuild: review)
        }
    }

    /// Checks the review index against the listings, and gives it anew when they differ (a
    /// crash between a save and its index line), when it is not in blocks, or when its tail has
    /// grown long. When the list index held every case file as it is (nothing decoded), a save's
    /// review line was written before its list line: then the index is only checked to be whole
    /// (`SummaryIndex.quickCheck`), without a line decoded.
    static func reviewRebuild(_ store: CaseStore, listings: () -> [CaseListing], files: Int, thorough: Bool) -> [CaseSummary]? {
        let index = SummaryIndex(store: store)
        // Blocks with a short tail after them: the saves since appended their lines.
        if !thorough, index.quickCheck(files: files) { return nil }
        let all = listings()
        let revisions = Dictionary(all.map { ($0.id, $0.revision) }, uniquingKeysWith: { a, _ in a })
        // Each case once in the blocks (a block listed twice would count its cases twice where the
        // overview counts from the lines), at the revision of its listing.
        if let loaded = index.fold(stations: nil, from: RevisionTally()), !loaded.repeated, loaded.revisions.count == all.count,
           loaded.revisions.allSatisfy({ revisions[$0.key] == $0.value }), index.quickCheck(files: all.count) { return nil }
        return all.map(\.summary)
    }
}

/// A piece of work run once beside the desk, its result read when done.
final class Checking: @unchecked Sendable {
    struct Outcome: Sendable {
        var checked: ListIndex.Checked
        /// The review index to write, when it disagreed with the lists.
        var reviewRebuild: [CaseSummary]?
    }

    private let lock = NSCondition()
    private var value: Outcome?

    func start(_ work: @escaping @Sendable () -> Outcome) {
        Thread.detachNewThread { [self] in
            // On one core: the other is hers (her queue is drawn and her keys answered meanwhile),
            // and behind her when the machine is busy: a lower priority (on Linux, "0" is the calling
            // thread only, not the desk).
            #if canImport(Glibc)
            _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, 10)
            #endif
            let result = Cores.$one.withValue(true) { work() }
            lock.lock()
            value = result
            lock.broadcast()
            lock.unlock()
        }
    }

    var result: Outcome? {
        lock.lock()
        defer { lock.unlock() }
        return value
    }

    func wait() {
        lock.lock()
        while value == nil { lock.wait() }
        lock.unlock()
    }
}
