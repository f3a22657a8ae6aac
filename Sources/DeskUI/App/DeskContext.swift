import DeskModel
import Foundation

/// Everything the screens share: the store and its records in memory, the clock, the strings,
/// the key table, who is logged in and in which language, and the message line.
public final class DeskContext {
    public private(set) var store: CaseStore
    public private(set) var directory: Directory
    /// Every case's listing (what the queue, its search, the duplicate check, the caseload and the
    /// menu's counts need), read from the list index the first time anything needs them and checked
    /// against the case files (`ListIndex.open`); whole records are decoded only when a case is opened
    /// (`record`). The SP's overview is drawn from the review index before that.
    public var listings: [CaseListing] {
        loadListingsIfNeeded()
        return loadedListings ?? []
    }
    /// Every whole record, decoded: for the command line and the tests, never for a screen that
    /// lists cases (on a large store this is what took seconds).
    public private(set) var cases: [CaseRecord] {
        get { loadIfNeeded(); return loadedCases ?? [] }
        set { loadedCases = newValue }
    }
    /// The case files that could not be read, set aside when the lists were opened.
    public private(set) var damaged: [DamagedFile] {
        get { loadListingsIfNeeded(); return loadedDamaged }
        set { loadedDamaged = newValue }
    }
    private var loadedListings: [CaseListing]?
    /// Where each case is in `loadedListings`.
    private var listingPosition: [UUID: Int] = [:]
    /// Whole records read since the key was opened (a case opened, or saved), by case.
    private var openedRecords: [UUID: CaseRecord] = [:]
    private var loadedCases: [CaseRecord]?
    private var loadedDamaged: [DamagedFile] = []
    /// The review index as read for the overview, until the listings are read.
    private var indexSummaries: [CaseSummary]?
    private var indexSummariesRead = false
    public var casesLoaded: Bool { loadedCases != nil || loadedListings != nil }
    public let clock: DeskClock
    public let strings: Strings
    public let keymap: Keymap
    public let help: [Language: String]
    public var user: User?
    public var language: Language
    /// Roman letters typed into text fields become Devanagari (Ctrl-T), remembered per user.
    public var transliterating = false
    /// Goes up with every saved change to a case, so that screens know when to recompute.
    public private(set) var generation = 0
    /// Directives by case, loaded with the cases.
    public private(set) var directives: [UUID: [Directive]]
    /// The review thresholds of this store (an admin changes them).
    public private(set) var settings: ReviewSettings
    /// Summaries of the cases for the review, recomputed when a case changes.
    private var summaryCache: (generation: Int, byID: [UUID: CaseSummary])?
    /// Name keys by case, for search across scripts; worked out once per revision of a case.
    private var nameKeyCache: [UUID: (revision: Int, keys: [String])] = [:]
    /// Drafts by user, read from disk once, then kept in step with every write.
    private var drafts: [String: IntakeForm?] = [:]
    /// The line above the key bar: an error, a warning or a confirmation. Cleared at the next key.
    public var message: (text: String, style: Style)?

    public init(store: CaseStore, clock: DeskClock, strings: Strings, keymap: Keymap, help: [Language: String],
                language: Language = .en) throws {
        self.store = store
        self.directory = try store.loadDirectory()
        // An encrypted store opens empty: its records are read once a PIN unwraps the key. The
        // cases themselves are read when first needed; the review index now.
        self.directives = store.isLocked ? [:] : store.loadDirectives()
        self.settings = store.loadSettings()
        self.clock = clock
        self.strings = strings
        self.keymap = keymap
        self.help = help
        self.language = language
    }

    /// Reads every case's listing (once) from the list index, which is checked against the case
    /// files and mended; then the review index is checked against the listings.
    private func loadListingsIfNeeded() {
        guard loadedListings == nil, !store.isLocked else { return }
        let opened = ListIndex(store: store).open(setAside: true)
        loadedListings = opened.listings
        listingPosition = Dictionary(opened.listings.enumerated().map { ($0.element.id, $0.offset) }, uniquingKeysWith: { a, _ in a })
        loadedDamaged = opened.damaged
        indexSummaries = nil
        generation += 1
        mendIndex(thorough: opened.decoded > 0 || !opened.damaged.isEmpty || opened.rewritten)
    }

    /// Decodes every whole record (once): the command line and the tests.
    private func loadIfNeeded() {
        guard loadedCases == nil, !store.isLocked else { return }
        loadListingsIfNeeded()
        let load = store.loadCases(setAside: true)
        loadedCases = load.cases
        for d in load.damaged where !loadedDamaged.contains(where: { $0.path == d.path }) { loadedDamaged.append(d) }
        generation += 1
    }

    /// The review index, read when the overview needs it before the listings are read.
    private var reviewIndex: [CaseSummary]? {
        if !indexSummariesRead, !store.isLocked {
            indexSummaries = SummaryIndex(store: store).load()?.summaries
            indexSummariesRead = true
        }
        return indexSummaries
    }

    /// Signs her in through the one sign-in path: in an encrypted store her own copy of the data
    /// key is unwrapped (never a key left open by someone before her); then her records are read.
    public func signIn(name: String, pin: String) -> PINCheck {
        let result = SignIn.attempt(store, name: name, secret: pin, now: clock.now(), via: "desk")
        guard case .accepted(let user) = result.outcome, let opened = result.store else { return result.outcome }
        auditCutAtSignIn = result.auditCut
        store = opened
        if let checked = try? opened.loadDirectory() { directory = checked }
        directives = store.loadDirectives()
        settings = store.loadSettings()
        indexSummaries = nil
        indexSummariesRead = false
        generation += 1
        self.user = user
        return result.outcome
    }

    /// Sets her own secret (a first PIN from the admin is replaced): checked as a secret that
    /// guards the key, her copy of the key rewrapped, her hash in the directory, one audit line.
    public func setOwnSecret(_ secret: String) -> Result<User, CaseStore.PINChangeProblem> {
        guard let user else { return .failure(.unknownUser) }
        // Her own: not the first PIN the admin gave (whoever saw the slip would still have it).
        if user.pin.matches(secret) { return .failure(.same) }
        do {
            try store.checkNewSecret(secret, userID: user.id)
            try store.setSecret(userID: user.id, newSecret: secret, mustChange: false)
        } catch let problem as CaseStore.PINChangeProblem {
            return .failure(problem)
        } catch {
            return .failure(.locked)
        }
        log(.keyChanged, detail: "own pin changed")
        if let fresh = try? store.loadDirectory() { directory = fresh }
        let updated = directory.user(user.id) ?? user
        self.user = updated
        return .success(updated)
    }

    /// The audit log was found cut short of its sealed head at the last sign-in (it is recorded).
    public private(set) var auditCutAtSignIn = false

    /// Logout, quit: one audit line, then the key and everything read with it leave memory.
    public func signOut() {
        if let user { log(.logout, user: user.id) }
        user = nil
        forgetRecords()
    }

    /// The idle lock: she stays the one who may come back, but the key and every record read
    /// with it are dropped until her PIN unwraps her copy again.
    public func lockForIdle() {
        forgetRecords()
    }

    /// Drops the data key and every record, summary and draft read with it.
    private func forgetRecords() {
        store = store.locked()
        loadedCases = nil
        loadedListings = nil
        listingPosition = [:]
        openedRecords = [:]
        loadedDamaged = []
        indexSummaries = nil
        indexSummariesRead = false
        directives = [:]
        summaryCache = nil
        nameKeyCache = [:]
        overviewCache = nil
        visibleCache = nil
        drafts = [:]
        generation += 1
    }

    /// The text of a key in the current language.
    public func t(_ key: String) -> String { strings.text(key, language) }
    public func t(_ key: String, _ args: CustomStringConvertible...) -> String {
        strings.text(key, language, arguments: args)
    }

    /// An action's name as a context calls it ("action.list.select" = Open), else its general name.
    public func actionLabel(_ action: Action, in context: KeyContext) -> String {
        let specific = "action.\(context.rawValue).\(action.rawValue)"
        return strings.has(specific, language) ? t(specific) : t("action." + action.rawValue)
    }

    public func label<C: Choice>(_ choice: C) -> String { t(choice.labelKey) }

    public func say(_ key: String, _ style: Style = .ok, _ args: CustomStringConvertible...) {
        message = (strings.text(key, language, arguments: args), style)
    }

    public var today: Day { Day(clock.now()) }

    /// Switches हिन्दी → Hinglish → English, remembered for the logged-in user.
    public func toggleLanguage() {
        language = language.next
        savePrefs()
    }

    /// Switches Roman-to-Devanagari typing on or off, remembered for the logged-in user.
    public func toggleTransliteration() {
        transliterating.toggle()
        savePrefs()
        say(transliterating ? "translit.on" : "translit.off", .ok)
    }

    private func savePrefs() {
        if let user { try? store.savePrefs(UserPrefs(language: language, transliterate: transliterating), userID: user.id) }
    }

    // MARK: Records

    /// Whole records of the cases the logged-in user may see (every one decoded: not for screens).
    public var visibleCases: [CaseRecord] {
        guard let user else { return [] }
        return cases.filter { Access.allows(user, .viewCases, stationID: $0.stationID) }
    }

    /// The listings of the cases the logged-in user may see: what the screens list.
    public var visibleListings: [CaseListing] {
        guard let user else { return [] }
        let all = listings
        let key = "\(generation) \(user.id)"
        if let c = visibleCache, c.key == key { return c.rows }
        let rows = all.filter { Access.allows(user, .viewCases, stationID: $0.stationID) }
        visibleCache = (key, rows)
        return rows
    }
    /// Worked out once per change and user: the menu, the queue and the directives ask at every key.
    private var visibleCache: (key: String, rows: [CaseListing])?

    /// The ids of the cases she may see (the bench and tests pick cases by them).
    public var visibleCaseIDs: [UUID] { visibleListings.map(\.id) }

    /// A case's listing (no record decoded).
    public func listing(_ id: UUID) -> CaseListing? {
        loadListingsIfNeeded()
        guard let i = listingPosition[id], let all = loadedListings, all.indices.contains(i) else { return nil }
        return all[i]
    }

    /// A whole case, with its history: decoded from its file the first time it is opened, then
    /// kept (a save over it is checked against the revision read then).
    public func record(_ id: UUID) -> CaseRecord? {
        if let loadedCases { return loadedCases.first { $0.id == id } }
        if let r = openedRecords[id] { return r }
        guard listing(id) != nil, let r = store.reload(id) else { return nil }
        openedRecords[id] = r
        // Another terminal saved it since the lists were read: the list shows it as it now is.
        if let i = listingPosition[id], loadedListings?[i].revision != r.revision {
            loadedListings?[i] = CaseListing(r)
            generation += 1
        }
        return r
    }

    /// Keeps every copy of a case in memory in step with the one just saved (or found on disk).
    private func keep(_ record: CaseRecord) {
        if loadedCases != nil {
            if let i = loadedCases?.firstIndex(where: { $0.id == record.id }) { loadedCases?[i] = record } else { loadedCases?.append(record) }
        }
        openedRecords[record.id] = record
        loadListingsIfNeeded()
        if let i = listingPosition[record.id] {
            loadedListings?[i] = CaseListing(record)
        } else if loadedListings != nil {
            listingPosition[record.id] = loadedListings?.count
            loadedListings?.append(CaseListing(record))
        }
    }

    /// Every case's review summary, by case.
    public var summaries: [UUID: CaseSummary] {
        if let c = summaryCache, c.generation == generation { return c.byID }
        // Before the listings are read, from the index (the overview on a large store opens at once).
        if !casesLoaded, let index = reviewIndex {
            let byID = Dictionary(index.map { ($0.id, $0) }, uniquingKeysWith: { _, b in b })
            summaryCache = (generation, byID)
            return byID
        }
        let byID = Dictionary(listings.map { ($0.id, $0.summary) }, uniquingKeysWith: { _, b in b })
        summaryCache = (generation, byID)
        return byID
    }

    /// Cases with a directive past its day and not done.
    public var lateDirectiveCases: Set<UUID> {
        Set(directives.filter { $0.value.contains { $0.state(today: today) == .late } }.keys)
    }

    /// A case's summary and review flags today.
    public func review<C: ListedCase>(_ r: C) -> (CaseSummary, Set<ReviewFlag>) {
        let s = summaries[r.id] ?? r.listedSummary
        let late = directives(for: r.id).contains { $0.state(today: today) == .late }
        return (s, s.flags(today: today, now: clock.now(), settings: settings, lateDirective: late))
    }

    /// The overview rows of the stations she oversees, worst first.
    /// Worked out once per change, day and user: the menu and the overview ask for it at every key.
    public var overview: [StationOverview] {
        let key = "\(generation) \(today) \(user?.id ?? "")"
        if let c = overviewCache, c.key == key { return c.rows }
        let stations = userStations.map(\.id)
        let visible = Set(stations)
        let rows = StationOverview.rows(stationIDs: stations, summaries: summaries.values.filter { visible.contains($0.stationID) },
                                        today: today, now: clock.now(), settings: settings, lateDirectives: lateDirectiveCases)
        overviewCache = (key, rows)
        return rows
    }
    private var overviewCache: (key: String, rows: [StationOverview])?

    public func saveSettings(_ new: ReviewSettings) throws {
        try store.saveSettings(new)
        log(.settingsChanged, detail: "noContactDays \(new.noContactDays) · cwcReportHours \(new.cwcReportHours)")
        settings = new
        generation += 1
    }

    /// Checks the review index against the listings, and writes it anew when they differ (a
    /// crash between a save and its index line) or when it has grown long with old lines. When the
    /// list index held every case file as it is (nothing decoded), a save's review line was written
    /// before its list line: then only the index's line count is checked, without opening a line.
    func mendIndex(thorough: Bool) {
        let index = SummaryIndex(store: store)
        let all = loadedListings ?? []
        if !thorough, let data = try? Data(contentsOf: index.url) {
            let lines = data.reduce(0) { $0 + ($1 == 10 ? 1 : 0) }
            if lines >= all.count, lines <= 2 * all.count + 64 { return }
        }
        let revisions = Dictionary(all.map { ($0.id, $0.revision) }, uniquingKeysWith: { a, _ in a })
        if let loaded = index.load(), loaded.summaries.count == all.count,
           loaded.summaries.allSatisfy({ revisions[$0.id] == $0.revision }), loaded.lines <= 2 * all.count + 64 { return }
        try? index.rebuild(from: all.map(\.summary))
    }

    /// Her name as keys for matching any spelling in either script.
    public func nameKeys<C: ListedCase>(_ r: C) -> [String] {
        if let cached = nameKeyCache[r.id], cached.revision == r.revision { return cached.keys }
        let keys = NameKey.words(r.listedName)
        nameKeyCache[r.id] = (r.revision, keys)
        return keys
    }

    /// The next case number at a station this year, taken for good in the store.
    public func claimNumber(stationID: String) throws -> CaseNumber {
        let code = directory.station(stationID)?.code ?? stationID
        return try store.claim(CaseNumber.next(stationCode: code, year: today.year, existing: listings.map(\.number)))
    }

    /// Saves a case durably, then updates the in-memory list.
    public func save(_ record: CaseRecord, isNew: Bool) throws {
        var record = record
        let base = record.revision
        if !isNew {
            record.revision += 1
            record.updatedAt = clock.now()
        }
        try saveChecked(record, base: isNew ? nil : base)
        keep(record)
        generation += 1
        log(isNew ? .caseCreated : .caseUpdated, caseID: record.id, detail: record.number.description + " r\(record.revision)")
    }

    /// Saves a change to the counselling log, plan, legal track or status: one file, one audit line.
    public func saveChange(_ record: CaseRecord, what: String) throws {
        var record = record
        let base = record.revision
        record.revision += 1
        record.updatedAt = clock.now()
        try saveChecked(record, base: base)
        keep(record)
        generation += 1
        log(.caseUpdated, caseID: record.id, detail: record.number.description + " r\(record.revision) · " + what)
    }

    /// Saves over `base`; when another terminal saved the case in between, takes in its version
    /// (so that the screens show it), says who changed what, and throws: nothing is overwritten,
    /// and the screen keeps her form to look at and save again.
    private func saveChecked(_ record: CaseRecord, base: Int?) throws {
        do {
            try store.save(record, base: base)
        } catch SaveConflict.stale(let onDisk) {
            let mine = self.record(record.id)
            keep(onDisk)
            generation += 1
            let by = onDisk.events.last.map { userName($0.by) } ?? "?"
            let parts = mine.map { Self.changedParts(from: $0, to: onDisk).map { t("conflict.part." + $0) } } ?? []
            say("conflict.saved", .error, by, CaseDetailScreen.stamp(onDisk.updatedAt),
                parts.isEmpty ? t("conflict.part.other") : parts.joined(separator: ", "))
            log(.caseUpdated, caseID: record.id, detail: record.number.description + " · conflict refused")
            throw SaveConflict.stale(onDisk: onDisk)
        }
    }

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

    /// Partners a step can be referred to, in the directory's order.
    public var partners: [Partner] { directory.partners }

    public func partnerName(_ id: String) -> String {
        guard let p = directory.partners.first(where: { $0.id == id }) else { return id }
        return language == .hi ? p.nameHi : p.nameEn
    }

    // MARK: Entry drafts

    public func entryDraft(_ kind: EntryKind, caseID: UUID, itemID: UUID?) -> EntryForm? {
        guard let id = user?.id else { return nil }
        return store.loadEntryDraft(userID: id, kind: kind, caseID: caseID, itemID: itemID)
    }

    public func keepEntryDraft(_ form: EntryForm) throws {
        guard let id = user?.id else { return }
        try store.saveEntryDraft(form, userID: id)
    }

    public func dropEntryDraft(_ form: EntryForm) {
        guard let id = user?.id else { return }
        store.deleteEntryDraft(userID: id, kind: form.kind, caseID: form.caseID, itemID: form.itemID)
    }

    // MARK: Directives

    public func directives(for caseID: UUID) -> [Directive] { directives[caseID] ?? [] }

    /// Directives on the cases the user may see, newest first.
    public var visibleDirectives: [Directive] {
        let ids = Set(visibleListings.map(\.id))
        return directives.filter { ids.contains($0.key) }.flatMap(\.value).sorted { $0.at > $1.at }
    }

    /// Adds a directive to the case's list as it is on disk now (another SP's are kept).
    public func addDirective(_ d: Directive) throws {
        directives[d.caseID] = try store.updateDirectives(caseID: d.caseID) { $0.append(d) }
        generation += 1
        log(.directiveGiven, caseID: d.caseID, detail: String(d.id.uuidString.prefix(8)), note: d.text)
    }

    /// The desk has seen the case's directives.
    public func markDirectivesRead(caseID: UUID) {
        guard let user, Access.allows(user, .answerDirective),
              directives(for: caseID).contains(where: { $0.readAt == nil }) else { return }
        let now = clock.now()
        if let list = try? store.updateDirectives(caseID: caseID, { list in
            for i in list.indices { list[i].markRead(by: user.id, at: now) }
        }) { directives[caseID] = list }
    }

    public func answerDirective(_ id: UUID, caseID: UUID, reply: String) throws {
        guard let user else { return }
        let now = clock.now()
        var answered: String?
        directives[caseID] = try store.updateDirectives(caseID: caseID) { list in
            guard let i = list.firstIndex(where: { $0.id == id }) else { return }
            try list[i].markDone(reply: reply, by: user.id, at: now)
            answered = list[i].reply
        }
        generation += 1
        if let answered { log(.directiveDone, caseID: caseID, detail: String(id.uuidString.prefix(8)), note: answered) }
    }

    // MARK: PINs

    public typealias PINCheck = SignIn.Outcome

    /// Says why a PIN was refused, in her language.
    public func sayRefusal(_ check: PINCheck) {
        switch check {
        case .accepted: break
        case .noKey: say("login.noKey", .error)
        case .directoryAltered: say("login.directoryAltered", .error)
        case .cannotRecord: say("login.cannotRecord", .error)
        case .keyBeingChanged: say("login.keyBeingChanged", .error)
        case .refused(let left?): say("login.wrongTriesLeft", .error, left)
        case .refused(nil): say("login.wrong", .error)
        case .locked(let seconds):
            let wait = seconds < 120 ? t("time.seconds", seconds) : t("time.minutes", (seconds + 59) / 60)
            say("login.locked", .error, wait)
        }
    }

    // MARK: Drafts

    /// The logged-in user's unfinished intake, if any.
    public var draft: IntakeForm? {
        guard let id = user?.id else { return nil }
        if let cached = drafts[id] { return cached }
        let loaded = store.loadDraft(userID: id)
        drafts[id] = .some(loaded)
        return loaded
    }

    public func keepDraft(_ form: IntakeForm) throws {
        guard let id = user?.id else { return }
        try store.saveDraft(form, userID: id)
        drafts[id] = .some(form)
    }

    public func dropDraft() {
        guard let id = user?.id else { return }
        store.deleteDraft(userID: id)
        drafts[id] = .some(nil)
    }

    /// Writes an audit line; `note` (a reason, a directive's words) is sealed with the key. False
    /// when the line could not be written: a reveal or an export must then not happen.
    @discardableResult
    public func log(_ kind: AuditEntry.Kind, caseID: UUID? = nil, detail: String = "", note: String? = nil,
                    user: String? = nil) -> Bool {
        let log = AuditLog(store: store)
        let entry = AuditEntry(at: clock.now(), user: user ?? self.user?.id ?? "", kind: kind, caseID: caseID,
                               detail: detail, note: note.flatMap(log.sealNote))
        do { try log.append(entry) } catch { return false }
        return true
    }

    /// Stations the user works at or oversees, in the directory's order.
    public var userStations: [Station] {
        guard let user else { return [] }
        return directory.stations.filter { user.canSee(stationID: $0.id) }
    }

    public func stationName(_ id: String) -> String { directory.station(id)?.name(language) ?? id }

    public func userName(_ id: String) -> String { directory.user(id)?.name(language) ?? id }
}
