import DeskModel
import Foundation

/// Everything the screens share: the store and its records in memory, the clock, the strings,
/// the key table, who is logged in and in which language, and the message line.
public final class DeskContext {
    public let store: CaseStore
    public private(set) var directory: Directory
    public private(set) var cases: [CaseRecord]
    public private(set) var damaged: [DamagedFile]
    public let clock: DeskClock
    public let strings: Strings
    public let keymap: Keymap
    public let help: [Language: String]
    public var user: User?
    public var language: Language
    /// The line above the key bar: an error, a warning or a confirmation. Cleared at the next key.
    public var message: (text: String, style: Style)?
    let audit: AuditLog

    public init(store: CaseStore, clock: DeskClock, strings: Strings, keymap: Keymap, help: [Language: String],
                language: Language = .en) throws {
        self.store = store
        self.directory = try store.loadDirectory()
        let load = store.loadCases(setAside: true)
        self.cases = load.cases
        self.damaged = load.damaged
        self.clock = clock
        self.strings = strings
        self.keymap = keymap
        self.help = help
        self.language = language
        self.audit = AuditLog(store: store)
    }

    /// The text of a key in the current language.
    public func t(_ key: String) -> String { strings.text(key, language) }
    public func t(_ key: String, _ args: CustomStringConvertible...) -> String {
        var out = strings.text(key, language)
        for (i, arg) in args.enumerated() { out = out.replacingOccurrences(of: "{\(i)}", with: arg.description) }
        return out
    }

    /// An action's name as a context calls it ("action.list.select" = Open), else its general name.
    public func actionLabel(_ action: Action, in context: KeyContext) -> String {
        let specific = "action.\(context.rawValue).\(action.rawValue)"
        return strings.has(specific, language) ? t(specific) : t("action." + action.rawValue)
    }

    public func label<C: Choice>(_ choice: C) -> String { t(choice.labelKey) }

    public func say(_ key: String, _ style: Style = .ok, _ args: CustomStringConvertible...) {
        var out = strings.text(key, language)
        for (i, arg) in args.enumerated() { out = out.replacingOccurrences(of: "{\(i)}", with: arg.description) }
        message = (out, style)
    }

    public var today: Day { Day(clock.now()) }

    // MARK: Records

    /// Cases the logged-in user may see.
    public var visibleCases: [CaseRecord] {
        guard let user else { return [] }
        return cases.filter { user.canSee(stationID: $0.stationID) }
    }

    public func record(_ id: UUID) -> CaseRecord? { cases.first { $0.id == id } }

    /// The next case number at a station this year.
    public func nextNumber(stationID: String) -> CaseNumber {
        let code = directory.station(stationID)?.code ?? stationID
        return CaseNumber.next(stationCode: code, year: today.year, existing: cases.map(\.number))
    }

    /// Saves a case durably, then updates the in-memory list.
    public func save(_ record: CaseRecord, isNew: Bool) throws {
        var record = record
        if !isNew {
            record.revision += 1
            record.updatedAt = clock.now()
        }
        try store.save(record)
        if let i = cases.firstIndex(where: { $0.id == record.id }) { cases[i] = record } else { cases.append(record) }
        log(isNew ? .caseCreated : .caseUpdated, caseID: record.id, detail: record.number.description)
    }

    public func log(_ kind: AuditEntry.Kind, caseID: UUID? = nil, detail: String = "", user: String? = nil) {
        try? audit.append(AuditEntry(at: clock.now(), user: user ?? self.user?.id ?? "", kind: kind, caseID: caseID,
                                     detail: detail))
    }

    /// Stations the user works at or oversees, in the directory's order.
    public var userStations: [Station] {
        guard let user else { return [] }
        return directory.stations.filter { user.canSee(stationID: $0.id) }
    }

    public func stationName(_ id: String) -> String { directory.station(id)?.name(language) ?? id }

    public func userName(_ id: String) -> String { directory.user(id)?.name(language) ?? id }
}
