import DeskModel
import DeskUI
import Foundation

/// Who runs a command: signed in through the same path as the desk (lockout, her own copy of
/// the key, the directory checked, an audit line), and asked the same rights table.
struct SignedIn {
    let store: CaseStore
    /// Nil only on a plain store (tests and benchmarks) opened without --user: nobody is signed
    /// in, so nothing that needs a person (a reveal, a backup) is allowed.
    let user: User?
    let strings: Strings

    /// The store's lock, held shared until the command ends.
    nonisolated(unsafe) static var storeLock: StoreLock?

    /// The audit log's name for whoever runs the command.
    var actor: String { user?.id ?? "" }

    /// Rights that need a person even on a plain store: what shows who a woman is, and the keys.
    static let needPerson: Set<Right> = [.revealIdentity, .revealWithReason, .readNotes, .manageKeys]

    /// Ends the command unless she has `right` (at `stationID` when given). On a plain store opened
    /// without --user only what needs no person goes through.
    func require(_ right: Right, stationID: String? = nil) {
        guard let user else {
            guard SignedIn.needPerson.contains(right) else { return }
            CLI.exit(Failure(strings.text(.cli_needsUser, .en), code: 77))
        }
        guard Access.allows(user, right, stationID: stationID) else {
            CLI.exit(Failure(strings.text(.cli_notAllowed, .en, user.id, strings.text(.dynamic("role." + user.role.rawValue), .en)), code: 77))
        }
    }

    /// The admin, signed in with the right to manage keys, and the user her command is for.
    static func admin(_ option: StoreOption, _ strings: Strings, via: String, target: String) -> (SignedIn, User) {
        let session = option.signIn(strings, via: via)
        session.require(.manageKeys)
        guard let person = (try? session.store.loadDirectory())?.user(target) else {
            CLI.exit(Failure(strings.text(.cli_unknownUser, .en, target), code: 64))
        }
        return (session, person)
    }

    /// Ends the command (77) when she names a station that is not hers (an SHO asking for another
    /// station's cases or report): refused, not an empty answer.
    func requireStations(_ ids: [String]) {
        guard let user else { return }
        for id in ids where !sees(id) {
            CLI.exit(Failure(strings.text(.cli_notYourStation, .en, user.id, id), code: 77))
        }
    }

    /// Whether she may see a station's cases (everyone, when nobody is signed in on a plain store).
    func sees(_ stationID: String) -> Bool {
        user.map { Access.allows($0, .viewCases, stationID: stationID) } ?? true
    }

    /// Writes the audit line first; when it cannot be written, nothing is printed.
    func audit(_ kind: AuditEntry.Kind, caseID: UUID? = nil, detail: String, note: String? = nil) {
        let log = AuditLog(store: store)
        do {
            try log.append(AuditEntry(at: CLI.clock.now(), user: actor, kind: kind, caseID: caseID, detail: detail,
                                      note: note.flatMap(log.sealNote)))
        } catch {
            CLI.exit(Failure(strings.text(.cli_auditFailed, .en), code: 2))
        }
    }
}

extension StoreOption {
    /// Opens the store and signs in with --user and the secret on the first line of standard
    /// input. An encrypted store needs --user; a plain one without it opens with nobody signed in.
    func signIn(_ strings: Strings, via: String) -> SignedIn {
        let store: CaseStore
        do { store = try CaseStore.open(at: url) } catch { CLI.exit(CLI.fail(error, strings)) }
        // Held while the command runs: a key rotation waits for every desk and command to finish.
        if via != "rotate-key" { SignedIn.storeLock = StoreLock.shared(store) }
        // verify changes nothing; any other command sweeps what a killed save left behind.
        if via != "verify" { store.sweepTemporaries() }
        guard let name = user else {
            if store.meta.encrypted { CLI.exit(Failure(strings.text(.cli_encryptedNeedsUser, .en), code: 2)) }
            return SignedIn(store: store, user: nil, strings: strings)
        }
        let secret = readLine(strippingNewline: true) ?? ""
        let result = SignIn.attempt(store, name: name, secret: secret, now: CLI.clock.now(), via: "cli " + via)
        guard case .accepted(let person) = result.outcome, let opened = result.store else {
            CLI.exit(CLI.refusal(result.outcome, strings))
        }
        if result.auditCut { FileHandle.standardError.write(Data((strings.text(.cli_auditCut, .en) + "\n").utf8)) }
        if person.mustChangePIN, via != "set-pin" {
            CLI.exit(Failure(strings.text(.cli_mustChangePIN, .en, person.id), code: 77))
        }
        return SignedIn(store: opened, user: person, strings: strings.withSupervisor(opened.loadSettings().supervisorTitle))
    }
}

extension CLI {
    /// One line for a refused sign-in, and its exit status (2: the store stays closed).
    static func refusal(_ outcome: SignIn.Outcome, _ s: Strings) -> Failure {
        switch outcome {
        case .locked(let seconds): return Failure(s.text(.cli_locked, .en, seconds), code: 2)
        case .noKey: return Failure(s.text(.cli_noKeyCopy, .en), code: 2)
        case .directoryAltered: return Failure(s.text(.cli_directoryAltered, .en), code: 2)
        case .cannotRecord: return Failure(s.text(.cli_cannotRecord, .en), code: 2)
        case .keyBeingChanged: return Failure(s.text(.cli_keyBeingChanged, .en), code: 2)
        case .refused, .accepted: return Failure(s.text(.cli_keyRefused, .en), code: 2)
        }
    }
}
