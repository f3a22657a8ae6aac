import DeskModel
import Foundation

/// The cases of the store as the desk holds them: every case's listing (from the list index),
/// the whole records opened, the files that could not be read, and a count of changes.
///
/// Reads (`listings`, `listing`, `record`, `cases`, `damaged`, `reviewIndex`) fill memory and never
/// write: a damaged file is reported where it lies and a stale index is left as it is. The disk is
/// changed at two named steps only: `open()` (the lists read, checked against the case files,
/// damaged files set aside, both indexes mended) and `save` (one case written; what an earlier read
/// found to mend is mended then).
public final class CaseRepository {
    public private(set) var store: CaseStore
    /// When a damaged file is set aside (its new name carries the moment).
    let clock: DeskClock
    /// Goes up with every change the screens must see (a save, a case read anew, the lists read).
    public internal(set) var changes = 0

    struct Lists {
        var listings: [CaseListing]
        /// Where each case is in `listings`.
        var position: [UUID: Int]
        var damaged: [DamagedFile]
        /// Read by `open()`: checked, set aside and mended. Else read only.
        var mended: Bool
        /// A read-only read found something `open()` would mend.
        var stale: Bool
    }
    var lists: Lists?
    /// The stations whose lists are read (nil: every station's).
    public private(set) var loadedStations: Set<String>?
    /// The check of the lists against the case files, running beside the desk after a quick open.
    var checking: Checking?
    /// Cases saved or read anew since that check began: what it found of them is older.
    var touchedSinceCheck: Set<UUID> = []
    /// Whole records read since the key was opened (a case opened, or saved), by case.
    var opened: [UUID: CaseRecord] = [:]
    /// The stamp of each opened case's file as read (or as this desk last wrote it).
    private var stamps: [UUID: ListIndex.Stamp] = [:]
    /// Every whole record, once something asked for all of them (the command line, the tests).
    private var whole: [CaseRecord]?
    /// The review index as read for the overview, until the listings are read.
    var indexSummaries: [UUID: CaseSummary]?
    var indexSummariesRead = false
    private var indexStations: Set<String>?
    /// Name keys by case, for search across scripts; worked out once per revision of a case.
    private var nameKeyCache: [UUID: (revision: Int, keys: [String])] = [:]

    /// `changesFrom`: the count of the repository this one replaces, so that it never goes back.
    public init(store: CaseStore, clock: DeskClock = SystemClock(), changesFrom: Int = 0) {
        self.store = store
        self.clock = clock
        changes = changesFrom
    }

    /// The same key, a fresh handle on it (a sign-in to a store whose key was already open).
    func replaceStore(_ newStore: CaseStore) { store = newStore }

    /// Something besides a case changed (directives, settings, the key): screens recompute.
    func noteChange() { changes += 1 }

    public var isLoaded: Bool { whole != nil || lists != nil }

    // MARK: The two steps that write

    /// Reads every case's listing from the list index, checked against the case files; sets aside
    /// the files that cannot be read; writes the list index anew when it did not hold the files as
    /// they are, and the review index when it disagrees with the listings. Once per key.
    public func open() {
        guard !store.isLocked else { return }
        settle()
        guard lists?.mended != true || loadedStations != nil else { return }
        let read = ListIndex(store: store).open(setAside: true, clock: clock)
        install(read, mended: true)
        loadedStations = nil
        // Every summary checked against the lists (an older sealed line put back opens like a current one).
        let thorough = read.decoded > 0 || !read.damaged.isEmpty || read.stale
            || !SummaryIndex(store: store).agrees(with: read.listings, stations: nil)
        if let review = Self.reviewRebuild(store, listings: { read.listings }, files: read.listings.count, thorough: thorough) {
            try? SummaryIndex(store: store).rebuild(from: review)
        }
    }

    /// The desk's open: the lists of these stations drawn from the index at once, and the check
    /// against the case files (with its mending, as `open()` does) run beside her on the other
    /// core; what it finds is taken in by `takeInCheck` (the desk asks between keys) or `settle`.
    /// Stations already read are not read again; with nil, `open()`.
    public func open(stations: Set<String>?) {
        guard let stations else { return open() }
        guard !store.isLocked else { return }
        // A check still running (another station opened a moment ago) is taken in first: its
        // findings are never dropped, and two checks never set aside the same file.
        settle()
        let missing = lists == nil ? stations : loadedStations.map { stations.subtracting($0) } ?? []
        guard !missing.isEmpty else { return }
        let index = ListIndex(store: store)
        let loaded = index.load(stations: missing)
        if var current = lists {
            let have = Set(current.listings.map(\.id))
            current.listings += loaded.listings.filter { !have.contains($0.id) }
            current.position = Self.positions(current.listings)
            lists = current
            changes += 1
        } else {
            install(ListIndex.Opened(listings: loaded.listings, damaged: [], decoded: 0, rewritten: false), mended: false)
        }
        loadedStations = (loadedStations ?? []).union(missing)
        let all = loadedStations ?? stations
        // Her listings' cases, stations and revisions, taken here: the check beside her touches
        // none of her listings (two threads counting references to the same listings slowed both).
        let store = self.store, clock = self.clock, unreadable = loaded.unreadable, hers = (lists?.listings ?? []).map(ListIndex.Revision.init)
        let job = Checking()
        checking = job
        touchedSinceCheck = []
        job.start {
            let checked = ListIndex(store: store).check(stations: all, unreadable: unreadable, setAside: true, clock: clock)
            // The review index holds every station: worked out from every line when anything was
            // found, and written by the desk's own thread when it takes the check in (where its
            // saves append: none can fall between the reading and the renaming).
            // When the check found her lists right, her stations' summaries (what her overview
            // reads) are checked against them: an older sealed line or block put back in the review
            // index opens like a current one, and the quick check counts lines only.
            let thorough = !checked.changed.isEmpty || !checked.damaged.isEmpty
                || !SummaryIndex(store: store).agrees(with: hers, stations: all)
            let review = Self.reviewRebuild(store, listings: { ListIndex(store: store).open(setAside: false, mend: false).listings },
                                            files: checked.files, thorough: thorough)
            return Checking.Outcome(checked: checked, reviewRebuild: review)
        }
    }

    /// Waits for the check, then takes it in.
    public func settle() {
        waitForCheck()
        takeInCheck()
    }

    /// Waits for the check to finish (the desk takes it in at its next tick).
    public func waitForCheck() { checking?.wait() }

    /// A check is running beside the desk.
    public var isChecking: Bool { checking != nil }

    /// What happened to a save: a new case, an edit of the intake, or a change to its care.
    public enum Change: Equatable, Sendable {
        case new
        case edit
        /// The counselling log, plan, legal track or status: what changed, for the audit line.
        case care(String)
    }

    /// Saves a case durably (a change over the revision it was read at, bumped, stamped now) and
    /// keeps every copy in memory in step. When another terminal saved the case in between, its
    /// version is taken in and `SaveConflict.stale` thrown: nothing is overwritten.
    @discardableResult
    public func save(_ record: CaseRecord, _ change: Change, now: Date) throws -> CaseRecord {
        touchedSinceCheck.insert(record.id)
        var record = record
        let base = record.revision
        if change != .new {
            record.revision += 1
            record.updatedAt = now
        }
        let listing: CaseListing?
        do {
            // Back as soon as the file is durable; its index lines go in on the other core.
            let saved = try store.saveListing(record, base: change == .new ? nil : base, readStamp: stamps[record.id], linesIn: false)
            stamps[record.id] = saved.stamp
            listing = saved.listing
        } catch SaveConflict.stale(let onDisk) {
            stamps[record.id] = nil
            keep(onDisk)
            changes += 1
            throw SaveConflict.stale(onDisk: onDisk)
        }
        // The lists not read yet, or a read before this save found a damaged file or a stale
        // index: read and mended now.
        if lists == nil || lists?.stale == true { loadedStations == nil ? open() : settle() }
        keep(record, listing: listing)
        changes += 1
        return record
    }

    /// Cases another machine's changes were written to (a take-in while the desk runs): the lists
    /// and any copy in memory show them as they now are.
    func tookIn(_ records: [CaseRecord]) {
        guard !records.isEmpty else { return }
        for r in records {
            touchedSinceCheck.insert(r.id)
            keep(r)
        }
        indexSummaries = nil
        indexSummariesRead = false
        changes += 1
    }

    // MARK: Reads (memory only)

    /// Every case's listing: what the queue, its search, the duplicate check, the caseload and the
    /// menu's counts need. Whole records are decoded only when a case is opened (`record`).
    public var listings: [CaseListing] { readLists().listings }

    /// The case files that could not be read (set aside if `open()` read them).
    public var damaged: [DamagedFile] { readLists().damaged }

    /// A case's listing (no record decoded).
    public func listing(_ id: UUID) -> CaseListing? {
        let l = readLists()
        guard let i = l.position[id], l.listings.indices.contains(i) else { return nil }
        return l.listings[i]
    }

    /// Every whole record, decoded: for the command line and the tests, never for a screen that
    /// lists cases (on a large store this is what takes seconds).
    public var cases: [CaseRecord] {
        if let whole { return whole }
        guard !store.isLocked else { return [] }
        _ = readLists()
        let load = store.loadCases(setAside: false)
        whole = load.cases
        for d in load.damaged where !(lists?.damaged.contains { $0.path == d.path } ?? false) { lists?.damaged.append(d) }
        changes += 1
        return load.cases
    }

    /// A whole case as it is in memory (opened or saved here), without reading a file.
    public func inMemory(_ id: UUID) -> CaseRecord? { opened[id] ?? whole?.first { $0.id == id } }

    /// A whole case, with its history: decoded from its file the first time it is opened, then
    /// kept (a save over it is checked against the revision read then).
    public func record(_ id: UUID) -> CaseRecord? {
        if let whole { return whole.first { $0.id == id } }
        if let r = opened[id] { return r }
        guard listing(id) != nil, let (r, stamp) = store.reloadStamped(id) else { return nil }
        opened[id] = r
        stamps[id] = stamp
        // Another terminal saved it since the lists were read: the list shows it as it now is.
        if let i = lists?.position[id], lists?.listings[i].revision != r.revision {
            touchedSinceCheck.insert(id)
            lists?.listings[i] = CaseListing(r)
            changes += 1
        }
        return r
    }

    /// The review index, read when the overview needs it before the listings are read.
    public var reviewIndex: [CaseSummary]? { reviewIndex(stations: nil).map { Array($0.values) } }

    /// The review index of these stations only (their blocks opened, no other), or of all with
    /// nil, by case.
    public func reviewIndex(stations: Set<String>?) -> [UUID: CaseSummary]? {
        if !indexSummariesRead || indexStations != stations, !store.isLocked {
            indexSummaries = SummaryIndex(store: store).latest(stations: stations)?.byID
            indexSummariesRead = true
            indexStations = stations
        }
        return indexSummaries
    }

    /// A count over the review index's cases of these stations (every one with nil), no summary
    /// kept (`SummaryIndex.fold`); nil while the store is locked or when there is no index.
    public func reviewFold<Tally: SummaryTally>(stations: Set<String>?, skipping: Set<UUID>, from start: Tally) -> Tally? {
        guard !store.isLocked else { return nil }
        return SummaryIndex(store: store).fold(stations: stations, skipping: skipping, from: start)
    }

    /// Her name as keys for matching any spelling in either script.
    public func nameKeys<C: ListedCase>(_ r: C) -> [String] {
        if let listing = r as? CaseListing { return listing.nameKeys }
        if let cached = nameKeyCache[r.id], cached.revision == r.revision { return cached.keys }
        let keys = NameKey.words(r.listedName)
        nameKeyCache[r.id] = (r.revision, keys)
        return keys
    }

    // MARK: Inside

    /// The lists as read so far, else read now without writing anything.
    private func readLists() -> Lists {
        if let lists { return lists }
        guard !store.isLocked else { return Lists(listings: [], position: [:], damaged: [], mended: false, stale: false) }
        install(ListIndex(store: store).open(setAside: false, mend: false), mended: false)
        return lists ?? Lists(listings: [], position: [:], damaged: [], mended: false, stale: false)
    }

    static func positions(_ listings: [CaseListing]) -> [UUID: Int] {
        Dictionary(listings.enumerated().map { ($0.element.id, $0.offset) }, uniquingKeysWith: { a, _ in a })
    }

    func install(_ read: ListIndex.Opened, mended: Bool) {
        let position = Self.positions(read.listings)
        lists = Lists(listings: read.listings, position: position, damaged: read.damaged, mended: mended,
                      stale: !mended && (read.stale || !read.damaged.isEmpty))
        indexSummaries = nil
        changes += 1
    }

    /// Keeps every copy of a case in memory in step with the one just saved (or found on disk).
    /// `listing`: the record's listing if one was made already (by the save, for its index line).
    private func keep(_ record: CaseRecord, listing: CaseListing? = nil) {
        if let i = whole?.firstIndex(where: { $0.id == record.id }) { whole?[i] = record } else { whole?.append(record) }
        opened[record.id] = record
        _ = readLists()
        if let i = lists?.position[record.id] {
            lists?.listings[i] = listing ?? CaseListing(record)
        } else if let count = lists?.listings.count {
            lists?.position[record.id] = count
            lists?.listings.append(listing ?? CaseListing(record))
        }
    }
}
