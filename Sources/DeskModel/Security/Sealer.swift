import Crypto
import Foundation

/// Seals and opens files with the store's data key (AES-256-GCM). A sealed file starts with
/// "USL2", then the nonce, the ciphertext and the tag, and is bound to its place: the path it is
/// kept at (which names the record: `cases/<id>.plist`) is authenticated with it, so a flipped
/// byte, a file moved to another name, or one record's file put in another's place fails to open.
/// Files of a store made before that ("USL1", unbound) open only until the store is upgraded.
public struct Sealer: Sendable {
    public static let magic = Data("USL2".utf8)
    public static let unboundMagic = Data("USL1".utf8)
    let raw: Data
    var key: SymmetricKey { SymmetricKey(data: raw) }
    /// A store of format version 1 still holds unbound files; once upgraded, none is accepted.
    public var acceptsUnbound = false

    public init(key: SymmetricKey) {
        raw = key.withUnsafeBytes { Data($0) }
    }

    public enum Problem: Error, Equatable {
        case notSealed
        /// Altered, damaged, sealed with another key, or kept at another place than it was sealed for.
        case cannotOpen
    }

    /// True when `data` is sealed (bound or not) by a store's key.
    public static func isSealed(_ data: Data) -> Bool {
        let head = data.prefix(magic.count)
        return head == magic || head == unboundMagic
    }

    public func seal(_ plain: Data, binding: String) throws -> Data {
        guard let combined = try AES.GCM.seal(plain, using: key, authenticating: Data(binding.utf8)).combined else {
            throw Problem.cannotOpen
        }
        return Sealer.magic + combined
    }

    /// As a store of format version 1 sealed (no binding): kept for the upgrade's tests.
    func sealUnbound(_ plain: Data) throws -> Data {
        guard let combined = try AES.GCM.seal(plain, using: key).combined else { throw Problem.cannotOpen }
        return Sealer.unboundMagic + combined
    }

    public func open(_ sealed: Data, binding: String) throws -> Data {
        guard sealed.count > Sealer.magic.count + 28, Sealer.isSealed(sealed) else { throw Problem.notSealed }
        let bound = sealed.prefix(Sealer.magic.count) == Sealer.magic
        guard bound || acceptsUnbound else { throw Problem.cannotOpen }
        do {
            let box = try AES.GCM.SealedBox(combined: sealed.dropFirst(Sealer.magic.count))
            return bound ? try AES.GCM.open(box, using: key, authenticating: Data(binding.utf8)) : try AES.GCM.open(box, using: key)
        } catch {
            throw Problem.cannotOpen
        }
    }
}

/// The store's data key, wrapped once for each user with a key derived from her PIN or passphrase
/// (PBKDF2-HMAC-SHA256, 600,000 rounds), and once with a recovery key shown when the store is
/// made. Logging in unwraps it; changing a PIN rewraps only that user's copy. keys.plist holds
/// only wrapped keys.
public struct KeyRing: Codable, Equatable, Sendable {
    public struct Wrapped: Codable, Equatable, Sendable {
        public var salt: Data
        public var rounds: Int
        public var box: Data
        /// Whose copy this is, authenticated with it: copied under another user's name it does
        /// not open. Nil in rings made before (such a copy is rewrapped bound at its next sign-in).
        public var holder: String?
    }

    public var users: [String: Wrapped]
    public var recovery: Wrapped

    public enum Problem: Error, Equatable {
        case noKeyForUser
        case wrongSecret
    }

    static func wrap(_ dataKey: SymmetricKey, secret: String, rounds: Int, holder: String) throws -> Wrapped {
        var salt = Data(count: 16)
        for i in salt.indices { salt[i] = UInt8.random(in: 0...255) }
        let kek = SymmetricKey(data: try PinHash.derive(pin: secret, salt: salt, rounds: rounds))
        let raw = dataKey.withUnsafeBytes { Data($0) }
        guard let box = try AES.GCM.seal(raw, using: kek, authenticating: Data(("urja-key:" + holder).utf8)).combined else {
            throw Problem.wrongSecret
        }
        return Wrapped(salt: salt, rounds: rounds, box: box, holder: holder)
    }

    /// Opens a copy kept under `holder`'s name: a bound copy only for that holder.
    static func unwrap(_ w: Wrapped, secret: String, holder: String) throws -> SymmetricKey {
        let kek = SymmetricKey(data: try PinHash.derive(pin: secret, salt: w.salt, rounds: w.rounds))
        do {
            let box = try AES.GCM.SealedBox(combined: w.box)
            if w.holder != nil {
                return SymmetricKey(data: try AES.GCM.open(box, using: kek, authenticating: Data(("urja-key:" + holder).utf8)))
            }
            return SymmetricKey(data: try AES.GCM.open(box, using: kek))
        } catch {
            throw Problem.wrongSecret
        }
    }

    /// A new data key, wrapped for each user's secret and for a new recovery key (returned once, to show).
    public static func create(secrets: [String: String], rounds: Int = PinHash.defaultRounds) throws -> (ring: KeyRing, key: SymmetricKey, recovery: String) {
        let key = SymmetricKey(size: .bits256)
        let recovery = recoveryCode()
        var users: [String: Wrapped] = [:]
        for (user, secret) in secrets { users[user.lowercased()] = try wrap(key, secret: secret, rounds: rounds, holder: user.lowercased()) }
        return (KeyRing(users: users, recovery: try wrap(key, secret: normalised(recovery), rounds: rounds, holder: "-recovery-")), key, recovery)
    }

    public func unlock(user: String, secret: String) throws -> SymmetricKey {
        guard let w = users[user.lowercased()] else { throw Problem.noKeyForUser }
        return try KeyRing.unwrap(w, secret: secret, holder: user.lowercased())
    }

    /// True when this user's copy was made before copies were bound to their holder.
    public func isUnbound(user: String) -> Bool { users[user.lowercased()].map { $0.holder == nil } ?? false }

    public func unlock(recovery code: String) throws -> SymmetricKey {
        try KeyRing.unwrap(recovery, secret: KeyRing.normalised(code), holder: "-recovery-")
    }

    /// A user's copy wrapped anew under her new secret; the other users' copies are untouched.
    public mutating func rewrap(user: String, key: SymmetricKey, newSecret: String, rounds: Int = PinHash.defaultRounds) throws {
        users[user.lowercased()] = try KeyRing.wrap(key, secret: newSecret, rounds: rounds, holder: user.lowercased())
    }

    /// A recovery code as typed: case, spaces and dashes do not matter.
    static func normalised(_ code: String) -> String { code.uppercased().filter { $0.isLetter || $0.isNumber } }

    /// 24 letters and digits in groups of four, easy to write on paper and type back.
    static func recoveryCode() -> String {
        let alphabet = Array("ABCDEFGHJKLMNPQRSTUVWXYZ23456789")
        let chars = (0..<24).map { _ in alphabet[Int.random(in: 0..<alphabet.count)] }
        return stride(from: 0, to: 24, by: 4).map { String(chars[$0..<$0 + 4]) }.joined(separator: "-")
    }
}

extension CaseStore {
    public enum PINChangeProblem: Error, Equatable {
        case unknownUser
        /// The current PIN (or the recovery code) is not right.
        case refused
        case tooShort
        /// The new secret would guard the key poorly (SecretPolicy).
        case weak(SecretPolicy.Problem)
        /// The store's key is not open: someone holding it must sign in first.
        case locked
        /// The new secret is the one she has now (a first PIN from the admin must be replaced).
        case same
    }

    /// In an encrypted store a secret wraps the key of every record: at least this long.
    public static let shortestKeySecret = SecretPolicy.shortest

    /// Checks a new secret for this store: a passphrase by the policy when it guards a key, a
    /// PIN of 4 or more in a plain store.
    public func checkNewSecret(_ secret: String, userID: String) throws {
        if meta.encrypted {
            if let problem = SecretPolicy.check(secret, userID: userID) {
                throw problem == .tooShort ? PINChangeProblem.tooShort : PINChangeProblem.weak(problem)
            }
        } else if Digits.toASCII(secret).count < 4 {
            throw PINChangeProblem.tooShort
        }
    }

    /// Changes a user's PIN: her sign-in hash, and in an encrypted store her copy of the data key
    /// (rewrapped; nobody else's copy changes). `current` is her PIN, or with `usingRecovery` the
    /// store's recovery code (the admin's own reset). keys.plist is written first, in one rename:
    /// sign-in unwraps her copy, so from that moment the new secret works and the old does not,
    /// even if the directory's hash is not yet rewritten (a crash in between locks nobody out).
    public func changePIN(userID: String, current: String, usingRecovery: Bool, newPIN: String,
                          rounds: Int = PinHash.defaultRounds) throws {
        try checkNewSecret(newPIN, userID: userID)
        let directory = try loadDirectory()
        guard let user = directory.user(userID) else { throw PINChangeProblem.unknownUser }
        var writer = self
        if meta.encrypted {
            guard let ring = loadKeyRing(),
                  let key = try? (usingRecovery ? ring.unlock(recovery: current) : ring.unlock(user: user.id, secret: current))
            else { throw PINChangeProblem.refused }
            writer = unlocked(with: key)
        } else if usingRecovery || !user.pin.matches(current) {
            throw PINChangeProblem.refused
        }
        try writer.setSecret(userID: user.id, newSecret: newPIN, mustChange: false, rounds: rounds)
    }

    /// Sets a user's secret with the key open: her copy of the key wrapped anew (made, for a user
    /// who had none), then her hash in the directory. `mustChange` marks a first PIN given by the admin.
    public func setSecret(userID: String, newSecret: String, mustChange: Bool, rounds: Int = PinHash.defaultRounds) throws {
        var directory = try loadDirectory()
        guard let i = directory.users.firstIndex(where: { $0.id == userID.lowercased() }) else { throw PINChangeProblem.unknownUser }
        if meta.encrypted {
            guard let sealer, var ring = loadKeyRing() else { throw PINChangeProblem.locked }
            try ring.rewrap(user: directory.users[i].id, key: sealer.key, newSecret: newSecret, rounds: rounds)
            try saveKeyRing(ring)
        }
        directory.users[i].pin = try PinHash.make(pin: newSecret, rounds: rounds)
        directory.users[i].mustChangePIN = mustChange
        try saveDirectory(directory)
    }

    /// Takes a user's copy of the key away: her PIN no longer opens anything. (What she may have
    /// copied while signed in is dealt with by rotating the key.)
    public func revokeKey(userID: String) throws {
        guard meta.encrypted else { return }
        guard sealer != nil, var ring = loadKeyRing() else { throw PINChangeProblem.locked }
        guard ring.users.removeValue(forKey: userID.lowercased()) != nil else { throw PINChangeProblem.unknownUser }
        try saveKeyRing(ring)
    }
}
