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
    public internal(set) var sealer: Sealer?
    /// The paths a save names, made once (a save builds no URL).
    let casesPath: String, locksPath: String, machinePath: String

    init(root: URL, meta: StoreMeta, sealer: Sealer? = nil) {
        self.root = root
        self.meta = meta
        self.sealer = sealer
        casesPath = root.appendingPathComponent("cases", isDirectory: true).path
        locksPath = root.appendingPathComponent("locks", isDirectory: true).path
        machinePath = root.appendingPathComponent("machine.plist").path
    }

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
        // A path with no ".", ".." or empty part is already standard: the part after the root's,
        // without standardizing both (which cost more than opening the file; verify asks 100,000 times).
        let rootPath = root.path, path = url.path
        if CaseStore.isStandard(rootPath), CaseStore.isStandard(path), path.utf8.count > rootPath.utf8.count + 1,
           path.utf8.starts(with: rootPath.utf8), path.utf8.dropFirst(rootPath.utf8.count).first == UInt8(ascii: "/") {
            return String(decoding: path.utf8.dropFirst(rootPath.utf8.count + 1), as: UTF8.self)
        }
        return standardBinding(for: url)
    }

    /// An absolute path of parts that are none of "", "." and "..", not ending in "/".
    static func isStandard(_ path: String) -> Bool {
        let utf8 = path.utf8
        guard utf8.first == UInt8(ascii: "/"), utf8.count > 1 else { return false }
        var partLength = 0, dots = 0
        for b in utf8.dropFirst() {
            if b == UInt8(ascii: "/") {
                if partLength == 0 || partLength == dots && dots <= 2 { return false }
                partLength = 0
                dots = 0
            } else {
                partLength += 1
                if b == UInt8(ascii: ".") { dots += 1 }
            }
        }
        return partLength > 0 && !(partLength == dots && dots <= 2)
    }

    /// `binding(for:)` from the standardized paths.
    func standardBinding(for url: URL) -> String {
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
        let data = try storedBytes(at: url)
        // Case records, the bulk of what is read, through the faster reader (Foundation's decoder
        // whenever it refuses anything).
        if T.self == CaseRecord.self { return try BinaryPlistDecoder.decode(T.self, from: data) }
        return try PropertyListDecoder().decode(T.self, from: data)
    }

    /// A stored file's bytes as written: opened with the data key when the store is encrypted.
    func storedBytes(at url: URL) throws -> Data {
        // Read with one open, fstat, read and close (Data(contentsOf:) stats the file several
        // times); if that fails, Data's own read says why, as it always did.
        let data = try StoreFS.readWhole(url.path).map { Data($0) } ?? Data(contentsOf: url)
        // A case file is never one of the plain ones (which are checked through URLs that each
        // stat the disk: three per case file read).
        if meta.encrypted, url.path.hasPrefix(root.path + "/cases/") || !isPlain(url) {
            guard let sealer else { throw Sealer.Problem.cannotOpen }
            return try sealer.open(data, binding: binding(for: url))
        }
        return data
    }

    private struct VersionProbe: Decodable { var formatVersion: Int }

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

    func read<T: Decodable>(_ type: T.Type, from url: URL) -> T? {
        try? decodeStored(type, from: url)
    }

    /// Writes a value sealed with the data key (the store must hold it when encrypted).
    func writeSealed<T: Encodable>(_ value: T, to url: URL) throws { try write(value, to: url) }

    func write<T: Encodable>(_ value: T, to url: URL) throws {
        let encoder = PropertyListEncoder()
        encoder.outputFormat = .binary
        do {
            // Case records, the bulk of what is written, through the faster writer (Foundation's
            // encoder whenever it refuses anything).
            var data = T.self == CaseRecord.self ? try BinaryPlistEncoder.encode(value) : try encoder.encode(value)
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
