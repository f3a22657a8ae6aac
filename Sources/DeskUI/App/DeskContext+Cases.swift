import DeskModel
import Foundation

/// The cases as the screens ask for them: what she may see, saves with their audit lines, and
/// the review worked out from them (kept in `reviewCache`).
extension DeskContext {
    /// What the review cache's values depend on: the cases, the day, who is signed in.
    var reviewKey: ReviewCache.Key { ReviewCache.Key(changes: generation, day: today, user: user?.id) }

    /// Whole records of the cases the logged-in user may see (every one decoded: not for screens).
    public var visibleCases: [CaseRecord] {
        guard let user else { return [] }
        return cases.filter { Self.sees(user, $0.stationID, transferTo: $0.transfers.last.flatMap { $0.state == .pending ? $0.to : nil }) }
    }

    /// She sees a case of her station, and one a transfer (made with its woman's sharing consent)
    /// waits to be answered at her station.
    static func sees(_ user: User, _ stationID: String, transferTo: String?) -> Bool {
        Access.allows(user, .viewCases, stationID: stationID) || transferTo.map { Access.allows(user, .viewCases, stationID: $0) } == true
    }

    /// The listings of the cases the logged-in user may see: what the screens list.
    public var visibleListings: [CaseListing] {
        guard let user else { return [] }
        let all = listings
        return reviewCache.value(ReviewCache.visibleListings, reviewKey) {
            // `sees`, asked once per station (a station's every case is hers or none is).
            var allowed: [String: Bool] = [:]
            func may(_ station: String) -> Bool {
                if let known = allowed[station] { return known }
                let may = Access.allows(user, .viewCases, stationID: station)
                allowed[station] = may
                return may
            }
            return Self.keeping(all) { may($0.stationID) || $0.transferTo.map(may) == true }
        }
    }

    /// The listings `keep` holds for: the same array when it holds for all (a desk officer's are
    /// all hers), no listing copied; each copy of a listing counts a reference in its box, a miss
    /// of the cache per case.
    static func keeping(_ listings: [CaseListing], _ keep: (CaseListing) -> Bool) -> [CaseListing] {
        listings.allSatisfy(keep) ? listings : listings.filter(keep)
    }

    /// A station's queue as she may see it (its cases and those being transferred to it), ready
    /// for search as you type; made once per change of the cases.
    public func queueTable(_ stationID: String) -> QueueTable {
        let visible = visibleListings
        return reviewCache.value(ReviewCache.Slot<QueueTable>("queue." + stationID), reviewKey) {
            // A listing carries its name keys (the table keeps the closure: nothing of the desk in it).
            QueueTable(Self.keeping(visible) { $0.stationID == stationID || $0.transferTo == stationID }, nameKeys: { $0.nameKeys })
        }
    }

    /// The ids of the cases she may see (the bench and tests pick cases by them).
    public var visibleCaseIDs: [UUID] { visibleListings.map(\.id) }

    /// Every case's review summary, by case.
    public var summaries: [UUID: CaseSummary] {
        // Before her stations' listings are read, from the index (the overview on a large store
        // opens at once), with the listings read so far on top (they are as fresh as a save).
        let partial = repository.loadedStations.map { !Set(userStations.map(\.id)).isSubset(of: $0) } ?? false
        if !casesLoaded || partial, let index = repository.reviewIndex(stations: herStations) {
            let read = casesLoaded ? listings : []
            return reviewCache.value(ReviewCache.summaries, reviewKey) {
                // Shared with the repository's copy until a listing is laid on top.
                var all = index
                for l in read { all[l.id] = l.summary }
                return all
            }
        }
        let all = listings
        return reviewCache.value(ReviewCache.summaries, reviewKey) {
            Dictionary(all.map { ($0.id, $0.summary) }, uniquingKeysWith: { _, b in b })
        }
    }

    /// Cases with a directive past its day and not done.
    public var lateDirectiveCases: Set<UUID> {
        Set(directives.filter { $0.value.contains { $0.state(today: today) == .late } }.keys)
    }

    /// A case's summary and review flags today.
    public func review<C: ListedCase>(_ r: C) -> (CaseSummary, Set<ReviewFlag>) {
        // A listing is as fresh as the lists (her stations' queue); anything else from the summaries.
        let s = (r as? CaseListing)?.summary ?? summaries[r.id] ?? r.listedSummary
        let late = directives(for: r.id).contains { $0.state(today: today) == .late }
        return (s, s.flags(today: today, now: clock.now(), settings: settings, lateDirective: late))
    }

    /// The overview rows of the stations she oversees, worst first.
    public var overview: [StationOverview] { overviewTally.rows }

    /// What her overview counts: the rows, new cases by month, closures waiting for approval. Before
    /// her stations' listings are all read, counted straight from the index's lines (no summary kept:
    /// a district opens at once), with the listings read so far counted instead of their lines.
    public var overviewTally: OverviewTally {
        let stations = userStations.map(\.id)
        // Made only when a count is made (the overview asks at every key; the late directives are a pass).
        func start() -> OverviewTally {
            OverviewTally(stationIDs: stations, today: today, settings: settings, lateDirectives: lateDirectiveCases)
        }
        let partial = repository.loadedStations.map { !Set(stations).isSubset(of: $0) } ?? false
        if !casesLoaded || partial {
            let read = casesLoaded ? listings : []
            let folded = reviewCache.value(ReviewCache.overviewFolded, reviewKey) { () -> OverviewTally? in
                guard var tally = repository.reviewFold(stations: herStations, skipping: Set(read.map(\.id)), from: start())
                else { return nil }
                for l in read { tally.add(l.summary) }
                return tally
            }
            if let folded { return folded }
        }
        let all = summaries
        return reviewCache.value(ReviewCache.overviewTally, reviewKey) {
            var tally = start()
            // Her stations' rows only (the tally skips any other): the summaries are not copied.
            for s in all.values { tally.add(s) }
            return tally
        }
    }

    public func saveSettings(_ new: ReviewSettings) throws {
        try store.saveSettings(new)
        log(.settingsChanged, detail: "noContactDays \(new.noContactDays) · cwcReportHours \(new.cwcReportHours) · title \(new.supervisorTitle.rawValue)")
        settings = new
        repository.noteChange()
    }

    /// The next case number at a station this year, taken for good in the store.
    public func claimNumber(stationID: String) throws -> CaseNumber {
        let code = directory.station(stationID)?.code ?? stationID
        // Another machine of the station numbering with this machine's letter: no number taken.
        do { try store.checkLetterBeforeNumbering(stationID: stationID) } catch let clash as LetterClash {
            say(.sync_letterClash, .error, clash.otherMachine, clash.letter.isEmpty ? "—" : clash.letter, clash.station.uppercased())
            throw clash
        }
        return try store.claim(CaseNumber.next(stationCode: code, year: today.year, existing: listings.map(\.number)))
    }

    // MARK: Saving (one path)

    /// Saves a case: a new one, an edit of its intake, or a change to its care (`what` changed).
    /// One file, one audit line. When another terminal saved the case in between, its version is
    /// taken in (the screens show it), she is told who changed what, and the error is thrown:
    /// nothing is overwritten, and the screen keeps her form to look at and save again.
    public func save(_ record: CaseRecord, _ change: CaseRepository.Change) throws {
        let mine = repository.inMemory(record.id)
        do {
            let saved = try repository.save(record, change, now: clock.now())
            var detail = saved.number.description + " r\(saved.revision)"
            if case .care(let what) = change { detail += " · " + what }
            log(change == .new ? .caseCreated : .caseUpdated, caseID: saved.id, detail: detail)
        } catch SaveConflict.stale(let onDisk) {
            let by = onDisk.events.last.map { userName($0.by) } ?? "?"
            let parts = mine.map { Self.changedParts(from: $0, to: onDisk).map { t(.dynamic("conflict.part." + $0)) } } ?? []
            say(.conflict_saved, .error, by, CaseDetailScreen.stamp(onDisk.updatedAt),
                parts.isEmpty ? t(.conflict_part_other) : parts.joined(separator: ", "))
            log(.caseUpdated, caseID: record.id, detail: record.number.description + " · conflict refused")
            throw SaveConflict.stale(onDisk: onDisk)
        }
    }

    /// The intake screen's save (new, or an edit): `save(_:_:)`.
    public func save(_ record: CaseRecord, isNew: Bool) throws { try save(record, isNew ? .new : .edit) }

    /// The care screens' save: `save(_:_:)` with what changed.
    public func saveChange(_ record: CaseRecord, what: String) throws { try save(record, .care(what)) }

    /// The parts of a case that differ between two versions, by the names of its tabs and sections.
    static func changedParts(from a: CaseRecord, to b: CaseRecord) -> [String] {
        var out: [String] = []
        if a.identity != b.identity { out.append("identity") }
        if a.incident != b.incident || a.risk != b.risk || a.arrival != b.arrival { out.append("incident") }
        if a.legal != b.legal || a.needs != b.needs || a.consent != b.consent { out.append("intake") }
        if a.status != b.status { out.append("status") }
        if a.sessions != b.sessions || a.screenings != b.screenings || a.alerts != b.alerts { out.append("counselling") }
        if a.plan != b.plan { out.append("plan") }
        if a.prosecution != b.prosecution { out.append("legal") }
        if a.events.count != b.events.count, out.isEmpty { out.append("timeline") }
        return out
    }
}
