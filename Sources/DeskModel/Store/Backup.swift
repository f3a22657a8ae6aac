import Crypto
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// One encrypted file holding a whole store: AES-GCM under a key derived from a passphrase
/// (PBKDF2-HMAC-SHA256, 600,000 rounds). Made while the store is in use (each case file is read
/// whole, the audit log under its lock); restored only after the whole backup has been opened and
/// checked, into a fresh folder that then takes the store's place.
public enum Backup {
    public static let magic = Data("URJABAK1".utf8)
    public static let shortestPassphrase = 10

    public enum Problem: Error, Equatable {
        case passphraseTooShort
        case notABackup
        /// Wrong passphrase, or the file was altered: GCM cannot tell which, and neither do we.
        case cannotOpen
        case damagedInside(String)
        case targetExists(String)
        case writeFailed(String)
    }

    struct Archive: Codable {
        var formatVersion: Int
        var createdAt: Date
        var files: [String: Data]
    }

    /// Folders and files of a store that a backup holds (the index is rebuilt, damaged/ and
    /// exports/ are left out).
    static let folders = ["cases", "directives", "events", "drafts", "prefs", "locks", "numbers"]
    static let files = ["store.plist", "directory.plist", "directory.digest", "settings.plist", "keys.plist", "station-keys.plist"]

    public static func make(_ store: CaseStore, passphrase: String, rounds: Int = PinHash.defaultRounds, now: Date) throws -> (data: Data, files: Int) {
        guard passphrase.count >= shortestPassphrase else { throw Problem.passphraseTooShort }
        let fm = FileManager.default
        var files: [String: Data] = [:]
        // The audit log first: a save that lands while the cases are copied then shows in the
        // backup as a newer file than its audit line says, never as an older one (which a check
        // of the restored store rightly calls a case put back).
        files["audit.log"] = readUnderLock(AuditLog(store: store).url)
        for name in Self.files {
            if let d = try? Data(contentsOf: store.root.appendingPathComponent(name)) { files[name] = d }
        }
        for folder in folders {
            let dir = store.root.appendingPathComponent(folder)
            for name in (try? fm.contentsOfDirectory(atPath: dir.path)) ?? [] where !name.hasPrefix(".") {
                // A case being saved now is either its old or its new file, whole: saves rename.
                if let d = try? Data(contentsOf: dir.appendingPathComponent(name)) { files[folder + "/" + name] = d }
            }
        }
        let plain = try PropertyListEncoder().encode(Archive(formatVersion: 1, createdAt: now, files: files))
        var salt = Data(count: 16)
        for i in salt.indices { salt[i] = UInt8.random(in: 0...255) }
        let key = SymmetricKey(data: try PinHash.derive(pin: passphrase, salt: salt, rounds: rounds))
        guard let sealed = try AES.GCM.seal(plain, using: key).combined else { throw Problem.writeFailed("seal") }
        var out = magic
        out.append(salt)
        var r = UInt32(rounds).bigEndian
        out.append(Data(bytes: &r, count: 4))
        out.append(sealed)
        return (out, files.count)
    }

    /// The audit log as it stands between two appends.
    static func readUnderLock(_ url: URL) -> Data? {
        let fd = Glibc.open(url.path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        flock(fd, LOCK_SH)
        defer { flock(fd, LOCK_UN) }
        return try? Data(contentsOf: url)
    }

    /// Opens and checks a whole backup: every case reads, the directory reads, the store's
    /// version is one this program knows, the audit chain holds. Nothing is written.
    public static func open(_ data: Data, passphrase: String) throws -> (files: [String: Data], cases: Int, createdAt: Date) {
        guard data.count > magic.count + 20, data.prefix(magic.count) == magic else { throw Problem.notABackup }
        let salt = data.subdata(in: magic.count..<(magic.count + 16))
        let roundsBytes = data.subdata(in: (magic.count + 16)..<(magic.count + 20))
        let rounds = Int(roundsBytes.reduce(UInt32(0)) { $0 << 8 | UInt32($1) })
        guard (1...10_000_000).contains(rounds) else { throw Problem.notABackup }
        let key = SymmetricKey(data: try PinHash.derive(pin: passphrase, salt: salt, rounds: rounds))
        let plain: Data
        do {
            plain = try AES.GCM.open(AES.GCM.SealedBox(combined: data.subdata(in: (magic.count + 20)..<data.count)), using: key)
        } catch {
            throw Problem.cannotOpen
        }
        guard let archive = try? PropertyListDecoder().decode(Archive.self, from: plain) else { throw Problem.damagedInside("archive") }
        for (path, _) in archive.files where path.contains("..") || path.hasPrefix("/") { throw Problem.damagedInside(path) }
        guard let metaData = archive.files["store.plist"],
              let meta = try? PropertyListDecoder().decode(StoreMeta.self, from: metaData) else {
            throw Problem.damagedInside("store.plist")
        }
        guard let dir = archive.files["directory.plist"], (try? PropertyListDecoder().decode(Directory.self, from: dir)) != nil else {
            throw Problem.damagedInside("directory.plist")
        }
        var cases = 0
        for (path, d) in archive.files where path.hasPrefix("cases/") {
            // An encrypted store's cases stay sealed: they must at least be sealed files (their
            // key is opened only by a user's PIN at the desk, and checked then).
            let ok = meta.encrypted ? Sealer.isSealed(d)
                : (try? PropertyListDecoder().decode(CaseRecord.self, from: d)) != nil
            guard ok else { throw Problem.damagedInside(path) }
            cases += 1
        }
        if meta.encrypted, archive.files["keys.plist"] == nil { throw Problem.damagedInside("keys.plist") }
        return (archive.files, cases, archive.createdAt)
    }

    /// Restores into `root`: written into a new folder beside it first, checked, then renamed into
    /// place. An existing store there is kept, renamed aside, only when `replace` is given.
    /// `check` sees the restored folder before it takes the store's place (an encrypted one is
    /// opened there with a user's key and checked record by record); it throws to refuse.
    public static func restore(_ files: [String: Data], to root: URL, replace: Bool, now: Date,
                               check: (URL) throws -> Void = { _ in }) throws -> URL? {
        let fm = FileManager.default
        let exists = fm.fileExists(atPath: root.appendingPathComponent("store.plist").path)
        if exists, !replace { throw Problem.targetExists(root.path) }
        if !exists, let inside = try? fm.contentsOfDirectory(atPath: root.path), !inside.isEmpty {
            throw Problem.targetExists(root.path)
        }
        let parent = root.deletingLastPathComponent()
        let stamp = Int(now.timeIntervalSince1970)
        let fresh = parent.appendingPathComponent("." + root.lastPathComponent + ".restoring-\(stamp)")
        do {
            try fm.createDirectory(at: fresh, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            for (path, data) in files {
                let url = fresh.appendingPathComponent(path)
                try fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true,
                                       attributes: [.posixPermissions: 0o700])
                try DurableFile.write(data, to: url)
            }
            // The restored store must check clean before it takes the old one's place (an
            // encrypted one was checked sealed, file by file, when the backup was opened).
            let restored = try CaseStore.open(at: fresh)
            if !restored.meta.encrypted {
                let report = StoreCheck.run(restored)
                guard report.isClean else { throw Problem.damagedInside("\(report.problems)") }
            }
            try check(fresh)
        } catch {
            try? fm.removeItem(at: fresh)
            if error is Problem { throw error }
            if error is StoreError { throw Problem.writeFailed(fresh.path) }
            throw error
        }
        var aside: URL?
        if exists || fm.fileExists(atPath: root.path) {
            let old = parent.appendingPathComponent(root.lastPathComponent + ".before-restore-\(stamp)")
            do { try fm.moveItem(at: root, to: old) } catch { throw Problem.writeFailed(root.path) }
            aside = exists ? old : nil
            if !exists { try? fm.removeItem(at: old) }
        }
        do { try fm.moveItem(at: fresh, to: root) } catch { throw Problem.writeFailed(root.path) }
        try? DurableFile.syncFolder(parent.path)
        return aside
    }
}
