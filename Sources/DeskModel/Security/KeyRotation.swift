import Crypto
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A new data key for the store: every sealed file resealed under it, crash-safely and resumably.
/// The new key is wrapped for the admin only, under her passphrase, and for a new recovery code;
/// every other user is given her copy again (`grant`): whoever may have kept a copy of the old key
/// opens nothing written from now on. The old keys are kept, sealed under the new one, only to
/// read the notes of audit lines written before (the log is never rewritten).
///
/// While it runs, `keys.next.plist` holds the new key ring, the new key sealed under the old one,
/// and the recovery code sealed likewise; a file already resealed opens with the new key and is
/// skipped, so running it again after a crash goes on where it stopped. Sign-in refuses everyone
/// but the admin running it again until it is done; it needs every desk closed (it takes the
/// store's lock alone).
public struct KeyRotation: Codable, Sendable {
    public var ring: KeyRing
    /// The new key and the recovery code sealed under the old key; the recovery code also under
    /// the new one (for a rotation that stopped just after the new ring took the old one's place).
    var newKey: Data
    var recovery: Data
    var recoveryUnderNew: Data

    static let fileName = "keys.next.plist"
    static let retiredName = "keys.retired"

    public enum Problem: Error, Equatable {
        /// A desk or another command has the store open.
        case storeInUse
        /// The store's key is not open.
        case locked
    }
}

extension CaseStore {
    var rotationURL: URL { root.appendingPathComponent(KeyRotation.fileName) }
    var retiredKeysURL: URL { root.appendingPathComponent(KeyRotation.retiredName) }

    /// True while a key rotation has begun and not finished.
    public var rotationUnfinished: Bool { FileManager.default.fileExists(atPath: rotationURL.path) }

    /// During a rotation, with the old key open: the new key (files already resealed open with it).
    func rotationNewKey() -> SymmetricKey? {
        guard let sealer, let data = try? Data(contentsOf: rotationURL),
              let begun = try? PropertyListDecoder().decode(KeyRotation.self, from: data),
              let raw = try? sealer.open(begun.newKey, binding: KeyRotation.fileName + "#key") else { return nil }
        return SymmetricKey(data: raw)
    }

    /// Keys the store was sealed with before its last rotations (to read old audit notes).
    func retiredKeys() -> [Data] { (try? decodeStored([Data].self, from: retiredKeysURL)) ?? [] }

    /// Rotates the data key (see `KeyRotation`). `adminID` and `secret` wrap the new key for the
    /// admin. Returns the store with the new key and the new recovery code, to be shown once.
    public func rotateKey(adminID: String, secret: String, rounds: Int = PinHash.defaultRounds) throws -> (store: CaseStore, recovery: String) {
        guard meta.encrypted, let old = sealer else { throw KeyRotation.Problem.locked }
        guard let lock = StoreLock.exclusive(self) else { throw KeyRotation.Problem.storeInUse }
        defer { lock.release() }
        let plist = PropertyListEncoder()
        plist.outputFormat = .binary
        // Begun before? Go on with the same new key.
        var rotation: KeyRotation
        var recovery: String
        if let data = try? Data(contentsOf: rotationURL), let begun = try? PropertyListDecoder().decode(KeyRotation.self, from: data) {
            rotation = begun
            if (try? old.open(begun.newKey, binding: KeyRotation.fileName + "#key")) == nil,
               let plain = try? old.open(begun.recoveryUnderNew, binding: KeyRotation.fileName + "#recovery") {
                // It stopped after the new ring was in place: the key open now is the new one; only
                // the last step is left.
                try DurableFile.remove(rotationURL)
                return (self, String(decoding: plain, as: UTF8.self))
            }
            recovery = String(decoding: try old.open(begun.recovery, binding: KeyRotation.fileName + "#recovery"), as: UTF8.self)
        } else {
            let made = try KeyRing.create(secrets: [adminID: secret], rounds: rounds)
            recovery = made.recovery
            let raw = made.key.withUnsafeBytes { Data($0) }
            rotation = KeyRotation(ring: made.ring, newKey: try old.seal(raw, binding: KeyRotation.fileName + "#key"),
                                   recovery: try old.seal(Data(recovery.utf8), binding: KeyRotation.fileName + "#recovery"),
                                   recoveryUnderNew: try Sealer(key: made.key).seal(Data(recovery.utf8), binding: KeyRotation.fileName + "#recovery"))
            try DurableFile.write(try plist.encode(rotation), to: rotationURL)
        }
        let newKey = SymmetricKey(data: try old.open(rotation.newKey, binding: KeyRotation.fileName + "#key"))
        var rotated = locked().unlocked(with: newKey)
        guard let fresh = rotated.sealer else { throw KeyRotation.Problem.locked }
        // The old key joins the retired ones, sealed under the new key.
        var retired = retiredKeys()
        if retired.isEmpty, let again = try? rotated.decodeStored([Data].self, from: retiredKeysURL) { retired = again }
        if !retired.contains(old.raw) { retired.append(old.raw) }
        // Every sealed file: skipped when it already opens with the new key.
        for url in sealedFiles() {
            guard let data = try? Data(contentsOf: url) else { continue }
            let place = binding(for: url)
            if (try? fresh.open(data, binding: place)) != nil { continue }
            guard let plain = try? old.open(data, binding: place) else { continue }   // damaged: left for verify
            try DurableFile.write(try fresh.seal(plain, binding: place), to: url)
        }
        try rotated.writeSealed(retired, to: retiredKeysURL)
        // Each station keeps its own key; its escrow is sealed again under the store's new one.
        try resealStationEscrows(from: old, to: fresh)
        // The index is derived: made again with the new key when the desk next opens.
        try? DurableFile.remove(root.appendingPathComponent("index.tsv"))
        // The new ring takes the old one's place in one rename; then the rotation is over.
        try rotated.saveKeyRing(rotation.ring)
        try DurableFile.remove(rotationURL)
        rotated = rotated.locked().unlocked(with: newKey)
        return (rotated, recovery)
    }
}

/// The store's lock: every desk and command holds it shared while it runs; a key rotation takes
/// it alone, so that nothing writes under the old key while files are resealed.
public final class StoreLock: @unchecked Sendable {
    let fd: Int32

    init(fd: Int32) { self.fd = fd }

    static func path(_ store: CaseStore) -> String { store.root.appendingPathComponent("locks/store.lock").path }

    static func open(_ store: CaseStore) -> Int32? {
        try? DurableFile.makeFolder(store.locksDir)
        let fd = Glibc.open(path(store), O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        return fd >= 0 ? fd : nil
    }

    /// Held (shared) for as long as this process runs, or until released.
    public static func shared(_ store: CaseStore) -> StoreLock? {
        guard let fd = open(store) else { return nil }
        guard flock(fd, LOCK_SH | LOCK_NB) == 0 else { close(fd); return nil }
        return StoreLock(fd: fd)
    }

    /// Alone, or nil when anyone else holds it.
    static func exclusive(_ store: CaseStore) -> StoreLock? {
        guard let fd = open(store) else { return nil }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else { close(fd); return nil }
        return StoreLock(fd: fd)
    }

    public func release() {
        flock(fd, LOCK_UN)
        close(fd)
    }
}
