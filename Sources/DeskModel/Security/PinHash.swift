import Crypto
import _CryptoExtras
import Foundation

/// A PIN kept only as a salted PBKDF2-HMAC-SHA256 hash.
public struct PinHash: Codable, Hashable, Sendable {
    public var salt: Data
    public var hash: Data
    public var rounds: Int

    /// OWASP's floor for PBKDF2-HMAC-SHA256 is 600,000; swift-crypto refuses fewer than 210,000 in its checked call.
    public static let defaultRounds = 600_000

    public init(salt: Data, hash: Data, rounds: Int) {
        self.salt = salt
        self.hash = hash
        self.rounds = rounds
    }

    /// Hashes a new PIN with a fresh random salt.
    public static func make(pin: String, rounds: Int = PinHash.defaultRounds) throws -> PinHash {
        var salt = Data(count: 16)
        for i in salt.indices { salt[i] = UInt8.random(in: 0...255) }
        return PinHash(salt: salt, hash: try derive(pin: pin, salt: salt, rounds: rounds), rounds: rounds)
    }

    public func matches(_ pin: String) -> Bool {
        guard let candidate = try? PinHash.derive(pin: pin, salt: salt, rounds: rounds) else { return false }
        // Constant-time comparison.
        guard candidate.count == hash.count else { return false }
        var diff: UInt8 = 0
        for (a, b) in zip(candidate, hash) { diff |= a ^ b }
        return diff == 0
    }

    /// Does the work of one check and throws the result away: a name that is nobody's costs
    /// the same time as a real one.
    public static func spend(_ pin: String, rounds: Int) {
        _ = try? derive(pin: pin, salt: Data(count: 16), rounds: rounds)
    }

    static func derive(pin: String, salt: Data, rounds: Int) throws -> Data {
        let key = try KDF.Insecure.PBKDF2.deriveKey(
            from: Data(Digits.toASCII(pin).utf8), salt: salt, using: .sha256,
            outputByteCount: 32, unsafeUncheckedRounds: max(rounds, 1))
        return key.withUnsafeBytes { Data($0) }
    }
}
