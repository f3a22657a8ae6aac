import Crypto
import Foundation
import SystemPackage
#if canImport(Glibc)
import Glibc
#endif

/// The store: a folder of binary property lists, one file per case. Every file and folder in it:
///
///     store.plist        format version, encrypted or not, demo or not
///     directory.plist    stations, partners, users (PINs as salted hashes)
///     directory.digest   the directory's digest sealed with the key (encrypted store)
///     keys.plist         the data key, one wrapped copy per user (encrypted store)
///     keys.next.plist    the next key ring while `rotate-key` runs
///     settings.plist     the review thresholds an admin sets
///     cases/<uuid>.plist one case each: saving a case writes that file and nothing else
///     list.idx           the list index: a line per saved case for the lists (derived, mended at open)
///     index.tsv          the review index: a summary line per saved case (derived, mended at open)
///     audit.log          the audit trail, one line per entry, chained; audit.head its sealed head
///     drafts/<user>.plist the intake a user has not finished; drafts/<user>.<kind>.<case>.<item>.plist
///                        her unfinished session, step or legal form
///     prefs/<user>.plist  her language and typing
///     damaged/           record files that could not be read, set aside
///     directives/<uuid>.plist an SP's directives on that case, with the desk's replies
///     events/<uuid>.plist an awareness event (Prevention), one file each (EventStore.swift)
///     locks/<user>.plist  wrong PINs in a row, and until when the name is locked; locks/*.lock
///                        the locks a save, a directive, a sign-in and the whole store are taken under
///     numbers/<case no.> empty files: each case number taken, so that two desks never share one
///     exports/           reports an SP exported from the desk
///     .<name>.<pid>.<n>.tmp a write in progress (`DurableFile`); one left by a crash is swept
///
/// File names carry no name or phone number.
public struct CaseStore: Sendable {
    public let root: URL
    public let meta: StoreMeta
    /// Set once the data key is unwrapped (an encrypted store); nil for a plain store.
    public private(set) var sealer: Sealer?

    var casesDir: URL { root.appendingPathComponent("cases", isDirectory: true) }
    var draftsDir: URL { root.appendingPathComponent("drafts", isDirectory: true) }
    var prefsDir: URL { root.appendingPathComponent("prefs", isDirectory: true) }
    var damagedDir: URL { root.appendingPathComponent("damaged", isDirectory: true) }
    var numbersDir: URL { root.appendingPathComponent("numbers", isDirectory: true) }
    var metaURL: URL { root.appendingPathComponent("store.plist") }
    var directoryURL: URL { root.appendingPathComponent("directory.plist") }

    // MARK: Opening and creating

    /// Opens an existing store. Refuses a store of an unknown format version without touching it.
    public static func open(at root: URL) throws -> CaseStore {
        let metaURL = root.appendingPathComponent("store.plist")
        guard FileManager.default.fileExists(atPath: metaURL.path) else { throw StoreError.notAStore(path: root.path) }
        guard let data = try? Data(contentsOf: metaURL) else { throw StoreError.damagedMeta(path: metaURL.path) }
        let version: Int
        do {
            version = try PropertyListDecoder().decode(VersionProbe.self, from: data).formatVersion
        } catch {
            throw StoreError.damagedMeta(path: metaURL.path)
        }
        guard StoreMeta.readableVersions.contains(version) else {
            throw StoreError.unsupportedVersion(found: version, supported: StoreMeta.currentVersion)
        }
        guard let meta = try? PropertyListDecoder().decode(StoreMeta.self, from: data) else {
            throw StoreError.damagedMeta(path: metaURL.path)
        }
        // Never a downgrade: a store that holds wrapped keys or a sealed digest is encrypted,
        // whatever store.plist says (flipped, new records would be written in the clear).
        let fm = FileManager.default
        if !meta.encrypted, fm.fileExists(atPath: root.appendingPathComponent("keys.plist").path)
            || fm.fileExists(atPath: root.appendingPathComponent("directory.digest").path) {
            throw StoreError.damagedMeta(path: metaURL.path)
        }
        return CaseStore(root: root, meta: meta)
    }

    /// Makes a new store in an empty (or missing) folder.
    public static func create(at root: URL, directory: Directory, clock: DeskClock, demo: Bool = false) throws -> CaseStore {
        let fm = FileManager.default
        if fm.fileExists(atPath: root.appendingPathComponent("store.plist").path) {
            throw StoreError.notEmpty(path: root.path)
        }
        let store = CaseStore(root: root, meta: StoreMeta(createdAt: clock.now(), demo: demo))
        do {
            for dir in [root, store.casesDir, store.draftsDir, store.prefsDir] { try DurableFile.makeFolder(dir) }
        } catch {
            throw StoreError.cannotCreate(path: root.path)
        }
        try store.saveDirectory(directory)
        try store.write(store.meta, to: store.metaURL)
        return store
    }

    /// Makes a new encrypted store: a data key wrapped for each user's secret and for a recovery
    /// code, returned once to be written down.
    public static func createEncrypted(at root: URL, directory: Directory, secrets: [String: String],
                                       clock: DeskClock, rounds: Int = PinHash.defaultRounds,
                                       demo: Bool = false) throws -> (store: CaseStore, recovery: String) {
        let fm = FileManager.default
        if fm.fileExists(atPath: root.appendingPathComponent("store.plist").path) { throw StoreError.notEmpty(path: root.path) }
        let made = try KeyRing.create(secrets: secrets, rounds: rounds)
        var store = CaseStore(root: root, meta: StoreMeta(createdAt: clock.now(), encrypted: true, demo: demo))
        do {
            for dir in [root, store.casesDir, store.draftsDir, store.prefsDir] { try DurableFile.makeFolder(dir) }
        } catch {
            throw StoreError.cannotCreate(path: root.path)
        }
        try store.saveDirectory(directory)
        try store.write(made.ring, to: store.keysURL)
        try store.write(store.meta, to: store.metaURL)
        store.sealer = Sealer(key: made.key)
        try store.sealDirectoryDigest()
        return (store, made.recovery)
    }

    var keysURL: URL { root.appendingPathComponent("keys.plist") }

    public func loadKeyRing() -> KeyRing? { read(KeyRing.self, from: keysURL) }

    public func saveKeyRing(_ ring: KeyRing) throws { try write(ring, to: keysURL) }

    /// The same store with its data key: sealed files can now be read and written.
    public func unlocked(with key: SymmetricKey) -> CaseStore {
        var copy = self
        var sealer = Sealer(key: key)
        sealer.acceptsUnbound = meta.formatVersion < StoreMeta.boundVersion
        copy.sealer = sealer
        return copy
    }

    /// Where a file is kept, as its seal is bound to: the path inside the store.
    public func binding(for url: URL) -> String {
        let base = root.standardizedFileURL.path + "/"
        let path = url.standardizedFileURL.path
        return path.hasPrefix(base) ? String(path.dropFirst(base.count)) : url.lastPathComponent
    }

    /// The same store without its key: what is left after a logout.
    public func locked() -> CaseStore {
        var copy = self
        copy.sealer = nil
        return copy
    }

    /// True when this store's files are sealed and its key is not yet unwrapped.
    public var isLocked: Bool { meta.encrypted && sealer == nil }

    /// Files kept in the clear: what is needed before anyone has logged in (the store's format,
    /// the directory of users and stations, wrong-PIN counts, the wrapped keys). None names a woman.
    func isPlain(_ url: URL) -> Bool {
        url == metaURL || url == directoryURL || url == keysURL || url.path.hasPrefix(locksDir.path)
    }

    /// A stored value read back: opened with the data key when the store is encrypted.
    public func decodeStored<T: Decodable>(_ type: T.Type, from url: URL) throws -> T {
        var data = try Data(contentsOf: url)
        if meta.encrypted, !isPlain(url) {
            guard let sealer else { throw Sealer.Problem.cannotOpen }
            data = try sealer.open(data, binding: binding(for: url))
        }
        return try PropertyListDecoder().decode(T.self, from: data)
    }

    private struct VersionProbe: Decodable { var formatVersion: Int }

    // MARK: Directory

    public func loadDirectory() throws -> Directory {
        guard let data = try? Data(contentsOf: directoryURL),
              let dir = try? PropertyListDecoder().decode(Directory.self, from: data) else {
            throw StoreError.damagedMeta(path: directoryURL.path)
        }
        return dir
    }

    public func saveDirectory(_ directory: Directory) throws {
        try write(directory, to: directoryURL)
        try sealDirectoryDigest()
    }

    /// The directory and store.plist must be readable before anyone logs in, so they stay in the
    /// clear; their SHA-256s are kept sealed beside them, so that an encrypted store notices any
    /// change to either (a user made SP, a store said to be plain). An older digest of the
    /// directory alone (32 bytes) is still accepted for the directory.
    var directoryDigestURL: URL { root.appendingPathComponent("directory.digest") }

    func sealDirectoryDigest(pendingMeta: Data? = nil) throws {
        guard meta.encrypted, sealer != nil, let data = try? Data(contentsOf: directoryURL) else { return }
        var digest = Data(SHA256.hash(data: data))
        if let metaData = try? Data(contentsOf: metaURL) { digest.append(Data(SHA256.hash(data: metaData))) }
        // While store.plist is being replaced (an upgrade), the one to come is good too.
        if let pendingMeta { digest.append(Data(SHA256.hash(data: pendingMeta))) }
        try write(digest, to: directoryDigestURL)
    }

    /// True when the directory (and store.plist) are as last saved by someone holding the key.
    public var directoryIntact: Bool {
        guard meta.encrypted else { return true }
        guard let data = try? Data(contentsOf: directoryURL), let digest = try? decodeStored(Data.self, from: directoryDigestURL),
              [32, 64, 96].contains(digest.count), digest.prefix(32) == Data(SHA256.hash(data: data)) else { return false }
        guard digest.count > 32 else { return true }
        guard let metaData = try? Data(contentsOf: metaURL) else { return false }
        let hash = Data(SHA256.hash(data: metaData))
        return stride(from: 32, to: digest.count, by: 32).contains { digest.subdata(in: $0..<($0 + 32)) == hash }
    }

    /// A store of an older format brought to this one, with its key, crash-safely: every sealed
    /// file resealed in place bound to its path (one rename each; files done already are skipped,
    /// so a crash only means the next sign-in goes on), the derived index dropped to be rebuilt,
    /// then store.plist says the new version. Returns the store as it now is.
    public func upgradedIfNeeded() throws -> CaseStore {
        guard meta.encrypted, meta.formatVersion < StoreMeta.boundVersion, let sealer else { return self }
        for url in sealedFiles() {
            guard let data = try? Data(contentsOf: url), data.prefix(Sealer.unboundMagic.count) == Sealer.unboundMagic,
                  let plain = try? sealer.open(data, binding: binding(for: url)) else { continue }
            try DurableFile.write(try sealer.seal(plain, binding: binding(for: url)), to: url)
        }
        try? FileManager.default.removeItem(at: root.appendingPathComponent("index.tsv"))
        var newMeta = meta
        newMeta.formatVersion = StoreMeta.boundVersion  // 3 comes when a station is shared (StationSharing)
        let encoder = PropertyListEncoder()
        encoder.outputFormat = .binary
        let metaData = try encoder.encode(newMeta)
        try sealDirectoryDigest(pendingMeta: metaData)
        try DurableFile.write(metaData, to: metaURL)
        var upgraded = CaseStore(root: root, meta: newMeta)
        var bound = sealer
        bound.acceptsUnbound = false
        upgraded.sealer = bound
        try upgraded.sealDirectoryDigest()
        return upgraded
    }

    /// Every file of the store kept sealed (records, drafts, preferences, directives, settings,
    /// the directory's digest, the audit head); not the audit log, the index, exports or damaged/.
    func sealedFiles() -> [URL] {
        let fm = FileManager.default
        var out: [URL] = []
        for dir in [casesDir, draftsDir, prefsDir, directivesDir, eventsDir] {
            for name in ((try? fm.contentsOfDirectory(atPath: dir.path)) ?? []).sorted() where name.hasSuffix(".plist") && !name.hasPrefix(".") {
                out.append(dir.appendingPathComponent(name))
            }
        }
        for name in ["settings.plist", "directory.digest", "audit.head"] {
            let url = root.appendingPathComponent(name)
            if fm.fileExists(atPath: url.path) { out.append(url) }
        }
        return out
    }

    // MARK: Cases

    public struct Load: Sendable {
        public var cases: [CaseRecord]
        public var damaged: [DamagedFile]

        public init(cases: [CaseRecord], damaged: [DamagedFile]) {
            self.cases = cases
            self.damaged = damaged
        }
    }

    /// Reads every case. A file that cannot be read is reported, and moved to damaged/ when
    /// `setAside` is true; the others load as usual.
    public func loadCases(setAside: Bool, clock: DeskClock = SystemClock()) -> Load {
        // Without its key an encrypted store's files cannot be read: that is not damage.
        guard !isLocked else { return Load(cases: [], damaged: []) }
        let urls = caseFiles()
        // Decoding is most of the cost of opening a store: spread it over the cores.
        var results = [Result<CaseRecord, Error>](repeating: .failure(CaseFileProblem.notRead), count: urls.count)
        results.withUnsafeMutableBufferPointer { buffer in
            nonisolated(unsafe) let slots = buffer
            DispatchQueue.concurrentPerform(iterations: urls.count) { i in
                slots[i] = Result { try self.readCase(at: urls[i]) }
            }
        }
        var load = Load(cases: [], damaged: [])
        load.cases.reserveCapacity(urls.count)
        for (url, result) in zip(urls, results) {
            switch result {
            case .success(let record):
                load.cases.append(record)
            case .failure(let error):
                load.damaged.append(reportDamaged(url, error: error, setAside: setAside, clock: clock))
            }
        }
        return load
    }

    /// A case file that could not be read: reported, and moved to damaged/ when `setAside`.
    func reportDamaged(_ url: URL, error: Error, setAside: Bool, clock: DeskClock = SystemClock()) -> DamagedFile {
        var damaged = DamagedFile(path: url.path, reason: CaseStore.describe(error))
        // A sealed record in a store that says it is plain means store.plist is wrong, not
        // the record: it is reported and left where it is.
        let sealedInPlain = !meta.encrypted
            && ((try? FileHandle(forReadingFrom: url).readData(ofLength: Sealer.magic.count)).map(Sealer.isSealed) ?? false)
        if sealedInPlain { damaged.reason = "sealed, but store.plist says the store is not encrypted" }
        if setAside, !sealedInPlain { damaged.movedTo = self.setAside(url, now: clock.now()) }
        return damaged
    }

    func readCase(at url: URL) throws -> CaseRecord {
        let record = try decodeStored(CaseRecord.self, from: url)
        guard url.deletingPathExtension().lastPathComponent == record.id.uuidString else {
            throw CaseFileProblem.nameMismatch
        }
        return record
    }

    enum CaseFileProblem: Error { case nameMismatch, notRead }

    static func describe(_ error: Error) -> String {
        switch error {
        case CaseFileProblem.nameMismatch: return "file name does not match the case inside"
        case Sealer.Problem.cannotOpen: return "cannot be opened with the store's key (altered or damaged)"
        case Sealer.Problem.notSealed: return "not sealed, in an encrypted store"
        case DecodingError.dataCorrupted: return "not a readable property list"
        case DecodingError.keyNotFound(let key, _): return "missing field \(key.stringValue)"
        case DecodingError.typeMismatch(_, let ctx), DecodingError.valueNotFound(_, let ctx):
            return "wrong value at \(ctx.codingPath.map(\.stringValue).joined(separator: "."))"
        default: return "unreadable (\(type(of: error)))"
        }
    }

    func caseFiles() -> [URL] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: casesDir.path)) ?? []
        return names.filter { $0.hasSuffix(".plist") && !$0.hasPrefix(".") }.sorted()
            .map { casesDir.appendingPathComponent($0) }
    }

    public func caseURL(_ id: UUID) -> URL { casesDir.appendingPathComponent(id.uuidString + ".plist") }

    /// Writes one case, atomically and durably, then appends its summary to the review index and
    /// its listing to the list index.
    /// With `base`, the save goes through only if the case on disk is still at that revision:
    /// another terminal's save in between is a `SaveConflict`, never silently overwritten. The
    /// check and the write happen under one lock per case, so two terminals cannot interleave them.
    /// With replication, this machine's copy in the station folder is written first (`replicated`).
    public func save(_ record: CaseRecord, base: Int? = nil) throws {
        let url = caseURL(record.id)
        let written: CaseRecord
        if let base {
            try ensure(locksDir)
            let lockPath = locksDir.appendingPathComponent("case-" + record.id.uuidString + ".lock").path
            let fd = Glibc.open(lockPath, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
            guard fd >= 0 else { throw StoreError.writeFailed(path: lockPath) }
            defer { close(fd) }
            guard flock(fd, LOCK_EX) == 0 else { throw StoreError.writeFailed(path: lockPath) }
            defer { flock(fd, LOCK_UN) }
            if let onDisk = try? readCase(at: url), onDisk.revision != base {
                throw SaveConflict.stale(onDisk: onDisk)
            }
            written = try replicated(record)
            try write(written, to: url)
        } else {
            written = try replicated(record)
            try write(written, to: url)
        }
        // The indexes are derived: if a line is lost, the next open mends it.
        try? SummaryIndex(store: self).append(CaseSummary(written))
        try? ListIndex(store: self).append(written)
    }

    /// The case as it is on disk now (after another terminal's save).
    public func reload(_ id: UUID) -> CaseRecord? { try? readCase(at: caseURL(id)) }

    /// Takes a case number for good. Two desks on one store may both think a number is next:
    /// each number is an empty file made with O_EXCL, so only one of them gets it and the
    /// other is given the following one.
    public func claim(_ proposed: CaseNumber) throws -> CaseNumber {
        try ensure(numbersDir)
        var number = proposed
        // Replicated: each machine taking numbers at a station has its own letter (none for the station's own PC).
        if let suffix = loadMachine()?.numberSuffix { number.suffix = suffix }
        for _ in 0..<10_000 {
            let path = numbersDir.appendingPathComponent(number.description).path
            do {
                let fd = try StoreFS.createExclusive(path)
                try? fd.close()
                try DurableFile.syncFolder(numbersDir.path)
                return number
            } catch Errno.fileExists {
                number.sequence += 1
            } catch {
                throw StoreError.writeFailed(path: path)
            }
        }
        throw StoreError.writeFailed(path: numbersDir.path)
    }

    private func setAside(_ url: URL, now: Date) -> String? {
        let fm = FileManager.default
        if !fm.fileExists(atPath: damagedDir.path) { try? DurableFile.makeFolder(damagedDir) }
        let stamp = Int(now.timeIntervalSince1970)
        let target = damagedDir.appendingPathComponent("\(stamp)-\(url.lastPathComponent)")
        do {
            try DurableFile.move(url, to: target)
            return target.path
        } catch {
            return nil
        }
    }

    // MARK: Drafts and preferences

    public func loadDraft(userID: String) -> IntakeForm? {
        read(IntakeForm.self, from: draftURL(userID))
    }

    public func saveDraft(_ form: IntakeForm, userID: String) throws {
        try ensure(draftsDir)
        try write(form, to: draftURL(userID))
    }

    public func deleteDraft(userID: String) {
        try? DurableFile.remove(draftURL(userID))
    }

    /// An unfinished session, questionnaire, step or legal update: one per user, case, form and item.
    public func loadEntryDraft(userID: String, kind: EntryKind, caseID: UUID, itemID: UUID?) -> EntryForm? {
        read(EntryForm.self, from: entryDraftURL(userID, kind, caseID, itemID))
    }

    public func saveEntryDraft(_ form: EntryForm, userID: String) throws {
        try ensure(draftsDir)
        try write(form, to: entryDraftURL(userID, form.kind, form.caseID, form.itemID))
    }

    public func deleteEntryDraft(userID: String, kind: EntryKind, caseID: UUID, itemID: UUID?) {
        try? DurableFile.remove(entryDraftURL(userID, kind, caseID, itemID))
    }

    func entryDraftURL(_ userID: String, _ kind: EntryKind, _ caseID: UUID, _ itemID: UUID?) -> URL {
        draftsDir.appendingPathComponent(
            "\(fileKey(userID)).\(kind.rawValue).\(caseID.uuidString).\(itemID?.uuidString ?? "new").plist")
    }

    public func loadPrefs(userID: String) -> UserPrefs? {
        read(UserPrefs.self, from: prefsDir.appendingPathComponent(fileKey(userID) + ".plist"))
    }

    public func savePrefs(_ prefs: UserPrefs, userID: String) throws {
        try ensure(prefsDir)
        try write(prefs, to: prefsDir.appendingPathComponent(fileKey(userID) + ".plist"))
    }

    // MARK: Review settings

    var settingsURL: URL { root.appendingPathComponent("settings.plist") }

    /// The review thresholds; the standard ones until an admin changes them.
    public func loadSettings() -> ReviewSettings {
        read(ReviewSettings.self, from: settingsURL) ?? .standard
    }

    public func saveSettings(_ settings: ReviewSettings) throws {
        try write(settings, to: settingsURL)
    }

    // MARK: Directives

    var directivesDir: URL { root.appendingPathComponent("directives", isDirectory: true) }

    /// Every case's directives. Kept beside the case, not in it, so that an SP's directive and
    /// a desk's edit of the case never write the same file.
    public func loadDirectives() -> [UUID: [Directive]] {
        var out: [UUID: [Directive]] = [:]
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directivesDir.path)) ?? []
        for name in names where name.hasSuffix(".plist") && !name.hasPrefix(".") {
            guard let id = UUID(uuidString: String(name.dropLast(6))),
                  let list = read([Directive].self, from: directivesDir.appendingPathComponent(name)) else { continue }
            out[id] = list
        }
        return out
    }

    public func saveDirectives(_ list: [Directive], caseID: UUID) throws {
        try ensure(directivesDir)
        try write(list, to: directivesDir.appendingPathComponent(caseID.uuidString + ".plist"))
    }

    /// Changes a case's directives as they are on disk now, under a lock per case: two terminals
    /// (two SPs giving directives, an SP and the desk answering) each add to what the other saved,
    /// never over it. Returns the list as saved.
    @discardableResult
    public func updateDirectives(caseID: UUID, _ change: (inout [Directive]) throws -> Void) throws -> [Directive] {
        try ensure(locksDir)
        let lockPath = locksDir.appendingPathComponent("directives-" + caseID.uuidString + ".lock").path
        let fd = Glibc.open(lockPath, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw StoreError.writeFailed(path: lockPath) }
        defer { close(fd) }
        guard flock(fd, LOCK_EX) == 0 else { throw StoreError.writeFailed(path: lockPath) }
        defer { flock(fd, LOCK_UN) }
        var list = read([Directive].self, from: directivesDir.appendingPathComponent(caseID.uuidString + ".plist")) ?? []
        try change(&list)
        try saveDirectives(list, caseID: caseID)
        try replicateDirectives(list, caseID: caseID)
        return list
    }

    // MARK: Wrong PINs

    var locksDir: URL { root.appendingPathComponent("locks", isDirectory: true) }

    func loadLoginState(_ name: String) -> LoginGuard.State? {
        read(LoginGuard.State.self, from: locksDir.appendingPathComponent(fileKey(name) + ".plist"))
    }

    func saveLoginState(_ state: LoginGuard.State, _ name: String) throws {
        try ensure(locksDir)
        try write(state, to: locksDir.appendingPathComponent(fileKey(name) + ".plist"))
    }

    /// A descriptor of the lock file that serializes sign-in attempts at one name.
    func loginLock(_ name: String) -> Int32? {
        guard (try? ensure(locksDir)) != nil else { return nil }
        let fd = Glibc.open(locksDir.appendingPathComponent("signin-" + fileKey(name) + ".lock").path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        return fd >= 0 ? fd : nil
    }

    func hasLoginState(_ name: String) -> Bool {
        FileManager.default.fileExists(atPath: locksDir.appendingPathComponent(fileKey(name) + ".plist").path)
    }

    func clearLoginState(_ name: String) throws {
        let url = locksDir.appendingPathComponent(fileKey(name) + ".plist")
        guard FileManager.default.fileExists(atPath: url.path) else { return }
        do { try DurableFile.remove(url) } catch { throw StoreError.writeFailed(path: url.path) }
    }

    func draftURL(_ userID: String) -> URL { draftsDir.appendingPathComponent(fileKey(userID) + ".plist") }

    /// Login names are letters and digits; anything else is dropped so that a name cannot climb out of the folder.
    func fileKey(_ userID: String) -> String {
        let key = String(userID.lowercased().unicodeScalars.filter { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-" || $0 == "_") }
            .map(Character.init))
        return key.isEmpty ? "_" : key
    }

    // MARK: Plumbing

    func ensure(_ dir: URL) throws {
        if !FileManager.default.fileExists(atPath: dir.path) {
            do { try DurableFile.makeFolder(dir) } catch { throw StoreError.cannotCreate(path: dir.path) }
        }
    }

    /// The folders where the store writes through temporary files.
    var writtenFolders: [URL] { [root, casesDir, draftsDir, prefsDir, directivesDir, eventsDir, locksDir] }

    /// Temporary files left by saves that never finished (see `DurableFile.leftovers`).
    public func leftoverTemporaries() -> [URL] { writtenFolders.flatMap(DurableFile.leftovers) }

    /// Removes them (when the desk or a command that writes opens the store; `verify` only
    /// reports them). Returns how many went.
    @discardableResult
    public func sweepTemporaries() -> Int {
        var removed = 0
        for url in leftoverTemporaries() where (try? StoreFS.unlink(url.path)) != nil { removed += 1 }
        if removed > 0 { for dir in writtenFolders { try? DurableFile.syncFolder(dir.path) } }
        return removed
    }

    private func read<T: Decodable>(_ type: T.Type, from url: URL) -> T? {
        try? decodeStored(type, from: url)
    }

    /// Writes a value sealed with the data key (the store must hold it when encrypted).
    func writeSealed<T: Encodable>(_ value: T, to url: URL) throws { try write(value, to: url) }

    private func write<T: Encodable>(_ value: T, to url: URL) throws {
        let encoder = PropertyListEncoder()
        encoder.outputFormat = .binary
        do {
            var data = try encoder.encode(value)
            if meta.encrypted, !isPlain(url) {
                guard let sealer else { throw StoreError.writeFailed(path: url.path) }
                data = try sealer.seal(data, binding: binding(for: url))
            }
            try DurableFile.write(data, to: url)
        } catch {
            throw StoreError.writeFailed(path: url.path)
        }
    }
}

/// Where the store lives: `--store DIR`, else `$URJA_DESK_HOME`, else the XDG data folder.
public enum StoreLocation {
    public static func resolve(flag: String?, environment: [String: String]) -> URL {
        if let flag, !flag.isEmpty { return URL(fileURLWithPath: flag, isDirectory: true) }
        if let home = environment["URJA_DESK_HOME"], !home.isEmpty { return URL(fileURLWithPath: home, isDirectory: true) }
        if let xdg = environment["XDG_DATA_HOME"], !xdg.isEmpty {
            return URL(fileURLWithPath: xdg, isDirectory: true).appendingPathComponent("urja-desk", isDirectory: true)
        }
        let home = environment["HOME"] ?? NSHomeDirectory()
        return URL(fileURLWithPath: home, isDirectory: true)
            .appendingPathComponent(".local/share/urja-desk", isDirectory: true)
    }
}
