import Crypto
import Foundation

/// Seals and opens files with the store's data key (AES-256-GCM). A sealed file starts with
/// "USL1", then the nonce, the ciphertext and the tag: a flipped byte anywhere fails to open.
public struct Sealer: Sendable {
    public static let magic = Data("USL1".utf8)
    let raw: Data
    var key: SymmetricKey { SymmetricKey(data: raw) }

    public init(key: SymmetricKey) {
        raw = key.withUnsafeBytes { Data($0) }
    }

    public enum Problem: Error, Equatable {
        case notSealed
        /// Altered, damaged, or sealed with another key.
        case cannotOpen
    }

    public func seal(_ plain: Data) throws -> Data {
        guard let combined = try AES.GCM.seal(plain, using: key).combined else { throw Problem.cannotOpen }
        return Sealer.magic + combined
    }

    public func open(_ sealed: Data) throws -> Data {
        guard sealed.count > Sealer.magic.count + 28, sealed.prefix(Sealer.magic.count) == Sealer.magic else {
            throw Problem.notSealed
        }
        do {
            return try AES.GCM.open(AES.GCM.SealedBox(combined: sealed.dropFirst(Sealer.magic.count)), using: key)
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
    }

    public var users: [String: Wrapped]
    public var recovery: Wrapped

    public enum Problem: Error, Equatable {
        case noKeyForUser
        case wrongSecret
    }

    static func wrap(_ dataKey: SymmetricKey, secret: String, rounds: Int) throws -> Wrapped {
        var salt = Data(count: 16)
        for i in salt.indices { salt[i] = UInt8.random(in: 0...255) }
        let kek = SymmetricKey(data: try PinHash.derive(pin: secret, salt: salt, rounds: rounds))
        let raw = dataKey.withUnsafeBytes { Data($0) }
        guard let box = try AES.GCM.seal(raw, using: kek).combined else { throw Problem.wrongSecret }
        return Wrapped(salt: salt, rounds: rounds, box: box)
    }

    static func unwrap(_ w: Wrapped, secret: String) throws -> SymmetricKey {
        let kek = SymmetricKey(data: try PinHash.derive(pin: secret, salt: w.salt, rounds: w.rounds))
        do {
            return SymmetricKey(data: try AES.GCM.open(AES.GCM.SealedBox(combined: w.box), using: kek))
        } catch {
            throw Problem.wrongSecret
        }
    }

    /// A new data key, wrapped for each user's secret and for a new recovery key (returned once, to show).
    public static func create(secrets: [String: String], rounds: Int = PinHash.defaultRounds) throws -> (ring: KeyRing, key: SymmetricKey, recovery: String) {
        let key = SymmetricKey(size: .bits256)
        let recovery = recoveryCode()
        var users: [String: Wrapped] = [:]
        for (user, secret) in secrets { users[user.lowercased()] = try wrap(key, secret: secret, rounds: rounds) }
        return (KeyRing(users: users, recovery: try wrap(key, secret: normalised(recovery), rounds: rounds)), key, recovery)
    }

    public func unlock(user: String, secret: String) throws -> SymmetricKey {
        guard let w = users[user.lowercased()] else { throw Problem.noKeyForUser }
        return try KeyRing.unwrap(w, secret: secret)
    }

    public func unlock(recovery code: String) throws -> SymmetricKey {
        try KeyRing.unwrap(recovery, secret: KeyRing.normalised(code))
    }

    /// A user's copy wrapped anew under her new secret; the other users' copies are untouched.
    public mutating func rewrap(user: String, key: SymmetricKey, newSecret: String, rounds: Int = PinHash.defaultRounds) throws {
        users[user.lowercased()] = try KeyRing.wrap(key, secret: newSecret, rounds: rounds)
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
    }

    /// Changes a user's PIN: her sign-in hash, and in an encrypted store her copy of the data key
    /// (rewrapped; nobody else's copy changes). `current` is her PIN, or with `usingRecovery`
    /// the store's recovery code (a forgotten PIN, or a user added after the store was made).
    /// In an encrypted store the secret guards the key of every record against a stolen disk, where
    /// a 4-digit PIN falls to trying all 10,000 in about an hour: a passphrase of 8 or more is asked.
    public static let shortestKeySecret = 8

    public func changePIN(userID: String, current: String, usingRecovery: Bool, newPIN: String,
                          rounds: Int = PinHash.defaultRounds) throws {
        guard Digits.toASCII(newPIN).count >= (meta.encrypted ? CaseStore.shortestKeySecret : 4) else {
            throw PINChangeProblem.tooShort
        }
        var directory = try loadDirectory()
        guard let i = directory.users.firstIndex(where: { $0.id == userID.lowercased() }) else { throw PINChangeProblem.unknownUser }
        let user = directory.users[i]
        var writer = self
        if meta.encrypted {
            guard var ring = loadKeyRing(),
                  let key = try? (usingRecovery ? ring.unlock(recovery: current) : ring.unlock(user: user.id, secret: current))
            else { throw PINChangeProblem.refused }
            try ring.rewrap(user: user.id, key: key, newSecret: newPIN, rounds: rounds)
            try saveKeyRing(ring)
            // With the key, so that the directory's sealed digest follows the change.
            writer = unlocked(with: key)
        } else if usingRecovery || !user.pin.matches(current) {
            throw PINChangeProblem.refused
        }
        directory.users[i].pin = try PinHash.make(pin: newPIN, rounds: rounds)
        try writer.saveDirectory(directory)
    }
}
