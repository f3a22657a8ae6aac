import ArgumentParser
import DeskModel
import DeskUI
import Foundation

/// Changes her own PIN (or passphrase): her sign-in hash and her copy of the store's key, nobody
/// else's. She signs in with the current one first, through the same path as the desk (lockout,
/// audit). With --recovery the first line is the store's recovery code: for the admin's own
/// passphrase only; other users get a first PIN from the admin (`grant`).
struct SetPIN: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "set-pin",
        abstract: "Change your PIN: current PIN (or, for the admin, with --recovery, the recovery code) and new PIN on standard input.")

    @OptionGroup var storeOption: StoreOption
    @Flag(help: "The first line is the store's recovery code (the admin's own passphrase only).") var recovery = false

    func run() throws {
        let res = try CLI.resources()
        let s = res.strings
        let store: CaseStore
        do { store = try CaseStore.open(at: storeOption.url) } catch { CLI.exit(CLI.fail(error, s)) }
        guard let name = storeOption.user, let secret = readLine(strippingNewline: true),
              let newPIN = readLine(strippingNewline: true) else {
            CLI.exit(Failure(s.text(.cli_setPinUsage, .en), code: 64))
        }
        let audit = AuditLog(store: store)
        do {
            if recovery {
                try recover(store, name: name, code: secret, newPIN: newPIN, s)
            } else {
                // Signed in with her current PIN: counted, locked out and audited like any sign-in.
                let result = SignIn.attempt(store, name: name, secret: secret, now: CLI.clock.now(), via: "cli set-pin")
                guard case .accepted(let user) = result.outcome, let opened = result.store else {
                    CLI.exit(CLI.refusal(result.outcome, s))
                }
                guard Digits.toASCII(newPIN) != Digits.toASCII(secret) else { throw CaseStore.PINChangeProblem.same }
                try opened.checkNewSecret(newPIN, userID: user.id)
                try opened.setSecret(userID: user.id, newSecret: newPIN, mustChange: false)
                try? AuditLog(store: opened).append(AuditEntry(at: CLI.clock.now(), user: user.id, kind: .keyChanged,
                                                               detail: "own pin changed"))
            }
            print(s.text(.cli_pinChanged, .en, name.lowercased()))
        } catch CaseStore.PINChangeProblem.tooShort {
            CLI.exit(Failure(s.text(store.meta.encrypted ? .cli_secretTooShort : .cli_pinTooShort, .en, SecretPolicy.shortest), code: 64))
        } catch CaseStore.PINChangeProblem.weak(let problem) {
            CLI.exit(Failure(s.text(.cli_secretWeak, .en, s.text(.dynamic("secret." + problem.rawValue), .en)), code: 64))
        } catch CaseStore.PINChangeProblem.same {
            CLI.exit(Failure(s.text(.cli_secretSame, .en), code: 64))
        } catch let problem as CaseStore.PINChangeProblem {
            try? audit.append(AuditEntry(at: CLI.clock.now(), user: "", kind: .loginFailed, detail: "cli set-pin \(problem)"))
            CLI.exit(Failure(s.text(.cli_keyRefused, .en), code: 2))
        } catch {
            CLI.exit(CLI.fail(error, s))
        }
    }

    /// The recovery code resets the admin's own passphrase; wrong codes count like wrong PINs.
    private func recover(_ store: CaseStore, name: String, code: String, newPIN: String, _ s: Strings) throws {
        guard let user = (try? store.loadDirectory())?.user(name), user.role == .admin else {
            CLI.exit(Failure(s.text(.cli_recoveryAdminOnly, .en), code: 77))
        }
        let guardRail = LoginGuard(store: store)
        let bucket = "-recovery-"
        if let wait = guardRail.waitRemaining(for: bucket, now: CLI.clock.now()) {
            CLI.exit(CLI.refusal(.locked(seconds: Int(wait.rounded(.up))), s))
        }
        do {
            try store.changePIN(userID: user.id, current: code, usingRecovery: true, newPIN: newPIN)
        } catch CaseStore.PINChangeProblem.refused {
            do { try guardRail.recordFailure(for: bucket, now: CLI.clock.now()) } catch { CLI.exit(CLI.refusal(.cannotRecord, s)) }
            try? AuditLog(store: store).append(AuditEntry(at: CLI.clock.now(), user: "", kind: .loginFailed, detail: "cli recovery code refused"))
            CLI.exit(Failure(s.text(.cli_keyRefused, .en), code: 2))
        }
        try? guardRail.recordSuccess(for: bucket)
        try AuditLog(store: store).append(AuditEntry(at: CLI.clock.now(), user: "", kind: .recoveryUsed, detail: "for " + user.id))
    }
}

/// The admin, signed in, gives a user her copy of the store's key under a first PIN that she
/// must change at her first sign-in; or takes a copy back.
struct GrantCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "grant",
        abstract: "Give a user her copy of the key: your passphrase, then her first PIN, on standard input (she changes it at first sign-in).")

    @OptionGroup var storeOption: StoreOption
    @Option(name: .customLong("for"), help: "The user who gets a copy of the key.") var target: String

    func run() throws {
        let res = try CLI.resources()
        let s = res.strings
        let (session, person) = SignedIn.admin(storeOption, s, via: "grant", target: target)
        guard let first = readLine(strippingNewline: true), !first.isEmpty else { CLI.exit(Failure(s.text(.cli_grantUsage, .en), code: 64)) }
        do {
            try session.store.checkNewSecret(first, userID: person.id)
            session.audit(.keyChanged, detail: "grant \(person.id)")
            try session.store.setSecret(userID: person.id, newSecret: first, mustChange: true)
            print(s.text(.cli_granted, .en, person.id))
        } catch CaseStore.PINChangeProblem.tooShort {
            CLI.exit(Failure(s.text(.cli_secretTooShort, .en, SecretPolicy.shortest), code: 64))
        } catch CaseStore.PINChangeProblem.weak(let problem) {
            CLI.exit(Failure(s.text(.cli_secretWeak, .en, s.text(.dynamic("secret." + problem.rawValue), .en)), code: 64))
        } catch {
            CLI.exit(CLI.fail(error, s))
        }
    }
}

struct RevokeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "revoke", abstract: "Take a user's copy of the store's key back: her PIN opens nothing more (your passphrase on standard input).")

    @OptionGroup var storeOption: StoreOption
    @Option(name: .customLong("for"), help: "The user whose copy of the key is taken back.") var target: String

    func run() throws {
        let res = try CLI.resources()
        let s = res.strings
        let (session, person) = SignedIn.admin(storeOption, s, via: "revoke", target: target)
        guard person.id != session.actor else { CLI.exit(Failure(s.text(.cli_unknownUser, .en, target), code: 64)) }
        do {
            session.audit(.keyChanged, detail: "revoke \(person.id)")
            try session.store.revokeKey(userID: person.id)
            print(s.text(.cli_revoked, .en, person.id))
            print(s.text(.cli_revokedRotate, .en))
        } catch {
            CLI.exit(Failure(s.text(.cli_noKeyCopyFor, .en, person.id), code: 64))
        }
    }
}

/// The admin changes the store's data key: every sealed file resealed under a new one (resumable
/// after a crash: run it again), the new key wrapped for her alone and a new recovery code printed.
struct RotateKeyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rotate-key",
        abstract: "Change the store's data key (every desk closed): your passphrase on standard input; then give each user her copy again (grant).")

    @OptionGroup var storeOption: StoreOption

    func run() throws {
        let res = try CLI.resources()
        let s = res.strings
        let store: CaseStore
        do { store = try CaseStore.open(at: storeOption.url) } catch { CLI.exit(CLI.fail(error, s)) }
        guard let name = storeOption.user else { CLI.exit(Failure(s.text(.cli_needsUser, .en), code: 64)) }
        let secret = readLine(strippingNewline: true) ?? ""
        let result = SignIn.attempt(store, name: name, secret: secret, now: CLI.clock.now(), via: "cli rotate-key")
        guard case .accepted(let user) = result.outcome, let opened = result.store else { CLI.exit(CLI.refusal(result.outcome, s)) }
        guard Access.allows(user, .manageKeys) else {
            CLI.exit(Failure(s.text(.cli_notAllowed, .en, user.id, s.text(.dynamic("role." + user.role.rawValue), .en)), code: 77))
        }
        do {
            try AuditLog(store: opened).append(AuditEntry(at: CLI.clock.now(), user: user.id, kind: .keyChanged, detail: "rotate-key begun"))
            let done = try opened.rotateKey(adminID: user.id, secret: secret)
            try AuditLog(store: done.store).append(AuditEntry(at: CLI.clock.now(), user: user.id, kind: .keyChanged, detail: "rotate-key done"))
            print(s.text(.cli_rotated, .en))
            print(s.text(.cli_recoveryCode, .en, done.recovery))
        } catch KeyRotation.Problem.storeInUse {
            CLI.exit(Failure(s.text(.cli_storeInUse, .en), code: 2))
        } catch {
            CLI.exit(CLI.fail(error, s))
        }
    }
}
