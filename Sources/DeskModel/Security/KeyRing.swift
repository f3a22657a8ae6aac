import Crypto
import Foundation

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
