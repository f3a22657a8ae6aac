import ArgumentParser
import DeskModel
import Foundation

/// Changes a user's PIN (or passphrase): her sign-in hash and her copy of the store's key,
/// nobody else's. With --recovery the first line is the store's recovery code instead of her
/// current PIN, for a forgotten PIN or a new user.
struct SetPIN: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "set-pin",
        abstract: "Change a user's PIN: current PIN (or, with --recovery, the recovery code) and new PIN on standard input.")

    @OptionGroup var storeOption: StoreOption
    @Flag(help: "The first line is the store's recovery code, not her current PIN.") var recovery = false

    func run() throws {
        let res = try CLI.resources()
        let s = res.strings
        let store: CaseStore
        do { store = try CaseStore.open(at: storeOption.url) } catch { CLI.exit(CLI.fail(error, s)) }
        guard let name = storeOption.user, let secret = readLine(strippingNewline: true),
              let newPIN = readLine(strippingNewline: true) else {
            CLI.exit(Failure(s.text("cli.setPinUsage", .en), code: 64))
        }
        let audit = AuditLog(store: store)
        do {
            try store.changePIN(userID: name, current: secret, usingRecovery: recovery, newPIN: newPIN)
            try? audit.append(AuditEntry(at: Date(), user: name.lowercased(), kind: .settingsChanged,
                                         detail: "pin changed" + (recovery ? " with the recovery code" : "")))
            print(s.text("cli.pinChanged", .en, name.lowercased()))
        } catch CaseStore.PINChangeProblem.tooShort {
            CLI.exit(Failure(s.text("cli.pinTooShort", .en), code: 64))
        } catch let problem as CaseStore.PINChangeProblem {
            try? audit.append(AuditEntry(at: Date(), user: "", kind: .loginFailed, detail: "set-pin \(name.lowercased()) \(problem)"))
            CLI.exit(Failure(s.text("cli.keyRefused", .en), code: 2))
        } catch {
            CLI.exit(CLI.fail(error, s))
        }
    }
}
