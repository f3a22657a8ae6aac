import Foundation

/// The one way in, for the desk and for every command: the name's lockout, her secret checked,
/// and in an encrypted store her own copy of the data key unwrapped (nobody signs in on a key
/// someone else left open), the directory checked against its sealed digest, and one audit line
/// either way. Nothing the person typed as a name is written anywhere unless it is a user's id.
public enum SignIn {
    public enum Outcome: Equatable, Sendable {
        case accepted(User)
        /// Wrong name or secret; `triesLeft` before the name is locked, when few remain.
        case refused(triesLeft: Int?)
        /// Too many wrong tries: this many seconds before the next.
        case locked(seconds: Int)
        /// Her PIN is right, but no copy of the store's key was ever made for her.
        case noKey
        /// directory.plist is not what someone holding the key last saved: nothing is opened.
        case directoryAltered
        /// The wrong-PIN count or the audit line cannot be written (disk full, read-only):
        /// refused, so that nothing goes uncounted or unrecorded.
        case cannotRecord
        /// The store's key is being changed (a rotation began and has not finished): only the
        /// admin running `rotate-key` again signs in.
        case keyBeingChanged
    }

    /// Wrong tries at names that are nobody's share one count, kept under this name, so that
    /// what was typed (often a PIN in the wrong field) is never written to a file name.
    public static let unknownName = "-unknown-"

    /// What a sign-in gives: the outcome; on `.accepted` the store holding the data key (an
    /// encrypted store) and checked against its directory; and whether the audit log had been cut
    /// short of its sealed head (the sign-in's own line then records the cut in the log, for good).
    public struct Result: Sendable {
        public var outcome: Outcome
        public var store: CaseStore?
        public var auditCut = false
    }

    /// Signs `name` in with `secret`. `via` says where from ("desk", "cli cases", …) in the audit line.
    public static func attempt(_ store: CaseStore, name: String, secret: String, now: Date, via: String) -> Result {
        let base = store.locked()
        if base.rotationUnfinished, via != "cli rotate-key" { return Result(outcome: .keyBeingChanged) }
        let typed = name.trimmingCharacters(in: .whitespaces).lowercased()
        let directory = try? base.loadDirectory()
        let user = directory?.user(typed)
        let bucket = user?.id ?? unknownName
        let guardRail = LoginGuard(store: base)
        // One attempt at a name at a time, across every desk and command on this store.
        return guardRail.serialized(for: bucket) {
            check(base, user: user, directory: directory, bucket: bucket, secret: secret, now: now, via: via)
        } ?? Result(outcome: .cannotRecord)
    }

    private static func check(_ base: CaseStore, user: User?, directory: Directory?, bucket: String, secret: String,
                              now: Date, via: String) -> Result {
        let audit = AuditLog(store: base)
        let guardRail = LoginGuard(store: base)
        if let wait = guardRail.waitRemaining(for: bucket, now: now) {
            return Result(outcome: .locked(seconds: Int(wait.rounded(.up))))
        }

        func failed(_ why: String) -> Outcome {
            do { try audit.append(AuditEntry(at: now, user: user?.id ?? "", kind: .loginFailed, detail: via + " · " + why)) } catch {}
            let state: LoginGuard.State
            do { state = try guardRail.recordFailure(for: bucket, now: now) } catch { return .cannotRecord }
            if let until = state.lockedUntil { return .locked(seconds: Int(until.timeIntervalSince(now).rounded(.up))) }
            let left = LoginGuard.freeTries - state.failures
            return .refused(triesLeft: left <= 2 ? left : nil)
        }

        guard let user else {
            // Costs what a real check costs: no quick answer tells a stranger which names exist.
            PinHash.spend(secret, rounds: directory?.users.first?.pin.rounds ?? PinHash.defaultRounds)
            return Result(outcome: failed("unknown name"))
        }
        var opened = base
        if base.meta.encrypted {
            guard let ring = base.loadKeyRing() else { return Result(outcome: failed("no key ring")) }
            do {
                // A copy from before copies were bound to their holder opens only with her own
                // PIN in the directory too, and is then rewrapped bound to her.
                if ring.isUnbound(user: user.id), !user.pin.matches(secret) { return Result(outcome: failed("wrong secret")) }
                let key = try ring.unlock(user: user.id, secret: secret)
                opened = base.unlocked(with: key)
                if ring.isUnbound(user: user.id) {
                    var bound = ring
                    if (try? bound.rewrap(user: user.id, key: key, newSecret: secret, rounds: ring.users[user.id]?.rounds ?? PinHash.defaultRounds)) != nil {
                        try? base.saveKeyRing(bound)
                    }
                }
            } catch KeyRing.Problem.noKeyForUser {
                guard user.pin.matches(secret) else { return Result(outcome: failed("wrong secret")) }
                try? audit.append(AuditEntry(at: now, user: user.id, kind: .loginFailed, detail: via + " · no key copy"))
                return Result(outcome: .noKey)
            } catch {
                return Result(outcome: failed("wrong secret"))
            }
            // Half-way through a key rotation the digest may already be under the new key.
            let intact = opened.directoryIntact
                || (base.rotationUnfinished && opened.rotationNewKey().map { opened.locked().unlocked(with: $0).directoryIntact } == true)
            guard intact else {
                try? audit.append(AuditEntry(at: now, user: user.id, kind: .loginFailed, detail: via + " · directory altered"))
                return Result(outcome: .directoryAltered)
            }
            // A store of an older format is brought up to date with the key just opened (after the
            // check: an upgrade must never seal over a directory someone changed).
            if let upgraded = try? opened.upgradedIfNeeded() { opened = upgraded }
            // Her copies of the keys of the stations she works at, made the first time she signs in
            // after a station got its own key (what a thana PC's store is made of).
            try? opened.giveStationCopies(to: user, secret: secret)
        } else if !user.pin.matches(secret) {
            return Result(outcome: failed("wrong secret"))
        }
        let cut = !AuditLog(store: opened).headHolds()
        do {
            try guardRail.recordSuccess(for: bucket)
            try AuditLog(store: opened).append(AuditEntry(at: now, user: user.id, kind: .login, detail: via))
        } catch {
            return Result(outcome: .cannotRecord)
        }
        // The user as the checked directory has her (role and stations come from there).
        let checked = (try? opened.loadDirectory())?.user(user.id) ?? user
        return Result(outcome: .accepted(checked), store: opened, auditCut: cut)
    }
}
