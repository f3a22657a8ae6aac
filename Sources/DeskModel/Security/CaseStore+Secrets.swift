import Crypto
import Foundation

/// Changing a user's secret: checked against the secret policy, her copy of the key rewrapped,
/// her hash in the directory.
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
            try giveStationCopies(to: directory.users[i], secret: newSecret, replace: true, rounds: rounds)
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
        try revokeStationCopies(userID: userID)
    }
}
