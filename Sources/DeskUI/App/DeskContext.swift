import DeskModel
import Foundation

/// What the screens share, behind one `ctx`. It holds little itself (the clock, the key table,
/// the language, the message line, directives, settings and drafts) and hands the rest to parts
/// with one job each:
///
/// - `words`: the strings in her language and the directory's names (`t`, `label`, `userName` …);
/// - `session`: who is signed in and the store as her key opened it (`SignIn` does the checks);
/// - `repository`: the cases, read without writing; `open()` and `save` are the steps that write;
/// - `reviewCache`: what the review works out, kept per (change count, day, user).
///
/// Calls go one way: screens → ctx → parts → DeskModel. The parts never call the ctx or a screen.
public final class DeskContext {
    public private(set) var session: Session
    public private(set) var repository: CaseRepository
    public let reviewCache = ReviewCache()
    public private(set) var directory: Directory
    public let clock: DeskClock
    /// The strings with the store's supervising officer's title put in (SP or DCP: a setting).
    public private(set) var strings: Strings
    /// The strings as loaded, before the title.
    let baseStrings: Strings
    public let keymap: Keymap
    public let help: [Language: String]
    public var language: Language
    /// Roman letters typed into text fields become Devanagari (Ctrl-T), remembered per user.
    public var transliterating = false
    /// Directives by case, loaded with the cases.
    public internal(set) var directives: [UUID: [Directive]]
    /// The review thresholds of this store (an admin changes them).
    public internal(set) var settings: ReviewSettings {
        didSet { if settings.supervisorTitle != oldValue.supervisorTitle { strings = baseStrings.withSupervisor(settings.supervisorTitle) } }
    }
    /// Drafts by user, read from disk once, then kept in step with every write.
    var drafts: [String: IntakeForm?] = [:]
    /// The line above the key bar: an error, a warning or a confirmation. Cleared at the next key.
    public var message: (text: String, style: Style)?
    /// The awareness events register, read when first needed (DeskContext+Events.swift).
    let eventBook = EventBook()
    /// Replication while the desk runs (TakeInWhileRunning.swift): at most this often, and when last.
    public var takeInEvery: TimeInterval = 10
    var lastTakeIn: Date?
    /// The supervisor's check beside her is still to start (at the desk's first pause).
    var reviewCheckPending = false
    var takeInProblemsSeen: Set<String> = []

    public init(store: CaseStore, clock: DeskClock, strings: Strings, keymap: Keymap, help: [Language: String],
                language: Language = .en) throws {
        self.session = Session(store: store)
        self.repository = CaseRepository(store: store, clock: clock)
        self.directory = try store.loadDirectory()
        // An encrypted store opens empty: its records are read once a PIN unwraps the key.
        self.directives = store.isLocked ? [:] : store.loadDirectives()
        self.settings = store.loadSettings()
        self.clock = clock
        self.baseStrings = strings
        self.strings = strings.withSupervisor(settings.supervisorTitle)
        self.keymap = keymap
        self.help = help
        self.language = language
        // A plain store's key is open already: its lists are read, checked and mended now.
        repository.open()
    }

    // MARK: Parts, as the screens call them

    public var store: CaseStore { session.store }
    public var user: User? { session.user }

    /// For a command that signed in through `SignIn` already: the desk's parts work as hers.
    public func adopt(_ signedIn: Session) {
        session = signedIn
        repository = CaseRepository(store: signedIn.store, clock: clock, changesFrom: repository.changes + 1)
        if let checked = try? store.loadDirectory() { directory = checked }
        directives = store.loadDirectives()
        reviewCache.clear()
    }
    public var auditCutAtSignIn: Bool { session.auditCutAtSignIn }
    public var words: Words { Words(strings: strings, language: language, directory: directory) }
    /// Goes up with every saved change to a case, so that screens know when to recompute.
    public var generation: Int { repository.changes }
    public var listings: [CaseListing] { repository.listings }
    public var cases: [CaseRecord] { repository.cases }
    public var damaged: [DamagedFile] { repository.damaged }
    public var casesLoaded: Bool { repository.isLoaded }
    public func listing(_ id: UUID) -> CaseListing? { repository.listing(id) }
    public func record(_ id: UUID) -> CaseRecord? { repository.record(id) }
    public func nameKeys<C: ListedCase>(_ r: C) -> [String] { repository.nameKeys(r) }

    public func t(_ key: StringKey) -> String { strings.text(key, language) }
    public func t(_ key: StringKey, _ args: CustomStringConvertible...) -> String { strings.text(key, language, arguments: args) }
    public func label<C: Choice>(_ choice: C) -> String { t(.dynamic(choice.labelKey)) }
    public var partners: [Partner] { directory.partners }
    public func partnerName(_ id: String) -> String { words.partnerName(id) }
    public func stationName(_ id: String) -> String { words.stationName(id) }
    public func userName(_ id: String) -> String { words.userName(id) }

    /// An action's name as a context calls it ("action.list.select" = Open), else its general name.
    public func actionLabel(_ action: Action, in context: KeyContext) -> String {
        let specific = StringKey.dynamic("action.\(context.rawValue).\(action.rawValue)")
        return strings.has(specific, language) ? t(specific) : t(.dynamic("action." + action.rawValue))
    }

    public func say(_ key: StringKey, _ style: Style = .ok, _ args: CustomStringConvertible...) {
        message = (strings.text(key, language, arguments: args), style)
    }

    public var today: Day { Day(clock.now()) }

    // MARK: Signing in and out

    public typealias PINCheck = SignIn.Outcome

    /// Signs her in (`Session`); then her records are read: the lists opened at once, except an
    /// SP's, whose overview reads the review index (her lists are read when a queue needs them).
    public func signIn(name: String, pin: String) -> PINCheck {
        let outcome = session.signIn(name: name, pin: pin, now: clock.now())
        guard case .accepted(let user) = outcome else { return outcome }
        if repository.store.isLocked {
            repository = CaseRepository(store: store, clock: clock, changesFrom: repository.changes)
        } else {
            repository.replaceStore(store)
        }
        // Replication: what the other machines of the district sent, before her lists are read
        // (nothing to do without sync/).
        store.takeInReplicas()
        if let checked = try? store.loadDirectory() { directory = checked }
        directives = store.loadDirectives()
        settings = store.loadSettings()
        repository.noteChange()
        // The supervisor's overview is drawn first; the check of what it reads starts at the desk's
        // first pause after (`startPendingReviewCheck`), not against her first screen.
        reviewCheckPending = user.role == .sp
        if user.role != .sp { repository.open(stations: herStations) }
        return outcome
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
        session.update(updated)
        return .success(updated)
    }

    /// Logout, quit: one audit line, then the key and everything read with it leave memory.
    public func signOut() {
        if let user { log(.logout, user: user.id) }
        session.end()
        forgetRecords()
    }

    /// The idle lock: she stays the one who may come back, but the key and every record read
    /// with it are dropped until her PIN unwraps her copy again.
    public func lockForIdle() {
        session.lock()
        forgetRecords()
    }

    /// Drops every record, summary and draft read with the key.
    private func forgetRecords() {
        // A check running beside her holds the key too: it ends before the records are forgotten.
        repository.waitForCheck()
        repository = CaseRepository(store: store, clock: clock, changesFrom: repository.changes + 1)
        reviewCache.clear()
        directives = [:]
        drafts = [:]
        eventBook.forget()
    }

    /// Says why a PIN was refused, in her language.
    public func sayRefusal(_ check: PINCheck) {
        switch check {
        case .accepted: break
        case .noKey: say(.login_noKey, .error)
        case .directoryAltered: say(.login_directoryAltered, .error)
        case .cannotRecord: say(.login_cannotRecord, .error)
        case .keyBeingChanged: say(.login_keyBeingChanged, .error)
        case .refused(let left?): say(.login_wrongTriesLeft, .error, left)
        case .refused(nil): say(.login_wrong, .error)
        case .locked(let seconds):
            let wait = seconds < 120 ? t(.time_seconds, seconds) : t(.time_minutes, (seconds + 59) / 60)
            say(.login_locked, .error, wait)
        }
    }

    /// Switches हिन्दी → Hinglish → English, remembered for the logged-in user.
    public func toggleLanguage() {
        language = language.next
        savePrefs()
    }

    /// Switches Roman-to-Devanagari typing on or off, remembered for the logged-in user.
    public func toggleTransliteration() {
        transliterating.toggle()
        savePrefs()
        say(transliterating ? .translit_on : .translit_off, .ok)
    }

    private func savePrefs() {
        if let user { try? store.savePrefs(UserPrefs(language: language, transliterate: transliterating), userID: user.id) }
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

    /// Starts the supervisor's check beside her (`CaseRepository.checkReview`) if it is pending.
    func startPendingReviewCheck() {
        guard reviewCheckPending, user != nil else { return }
        reviewCheckPending = false
        repository.checkReview(stations: herStations)
    }

    /// Stations the user works at or oversees, in the directory's order.
    /// The stations whose lists her screens read (nil: every station, read and checked at once).
    var herStations: Set<String>? {
        let mine = Set(userStations.map(\.id))
        return mine.count == directory.stations.count ? nil : mine
    }

    public var userStations: [Station] {
        guard let user else { return [] }
        return directory.stations.filter { user.canSee(stationID: $0.id) }
    }
}
