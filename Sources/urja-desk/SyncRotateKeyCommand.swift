import ArgumentParser
import DeskModel
import DeskUI
import Foundation

/// `urja-desk sync rotate-key --station X`: a new key for one station (after a user who worked
/// there is revoked). This machine's files in the station's folder are sealed again under it
/// (resumable: run it again after a crash); copies are made again only for users who still work
/// there, at their next sign-in, and for the admin now.
struct SyncRotateKey: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rotate-key",
        abstract: "Give a station a new data key (every desk closed; admin passphrase on standard input); then remake its thana PCs' stores (backup --station).")

    @OptionGroup var storeOption: StoreOption
    @Option(name: .customLong("station"), help: "The station whose key changes.") var station: String

    func run() throws {
        let s = try CLI.resources().strings
        let store: CaseStore
        do { store = try CaseStore.open(at: storeOption.url) } catch { CLI.exit(CLI.fail(error, s)) }
        guard let name = storeOption.user else { CLI.exit(Failure(s.text(.cli_needsUser, .en), code: 64)) }
        let secret = readLine(strippingNewline: true) ?? ""
        let result = SignIn.attempt(store, name: name, secret: secret, now: CLI.clock.now(), via: "cli sync rotate-key")
        guard case .accepted(let user) = result.outcome, let opened = result.store else { CLI.exit(CLI.refusal(result.outcome, s)) }
        guard Access.allows(user, .manageKeys) else {
            CLI.exit(Failure(s.text(.cli_notAllowed, .en, user.id, s.text(.dynamic("role." + user.role.rawValue), .en)), code: 77))
        }
        guard opened.stationKey(station) != nil else { CLI.exit(Failure(s.text(.sync_noStationKey, .en, station), code: 64)) }
        do {
            let report = try opened.rotateStationKey(station, admin: (user, secret))
            try AuditLog(store: opened).append(AuditEntry(at: CLI.clock.now(), user: user.id, kind: .keyChanged,
                                                          detail: "sync rotate-key \(station) resealed \(report.resealed)"))
            print(s.text(.sync_stationRotated, .en, station, report.resealed + report.alreadyDone))
            for place in report.unreadable { print(s.text(.sync_stationRotateUnreadable, .en, place)) }
        } catch KeyRotation.Problem.storeInUse {
            CLI.exit(Failure(s.text(.cli_storeInUse, .en), code: 2))
        } catch {
            CLI.exit(CLI.fail(error, s))
        }
    }
}
