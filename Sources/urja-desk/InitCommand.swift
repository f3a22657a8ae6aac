import ArgumentParser
import DeskModel
import Foundation

/// A new, empty, encrypted store for a district: stations, partners and users from seeds/. The
/// admin's passphrase (standard input) wraps the data key for her; the recovery code is printed
/// once. Other users get their copy with `set-pin --recovery` (or from the admin, later).
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Make a new encrypted store from seeds/: the admin's PIN or passphrase on standard input; prints the recovery code once.")

    @OptionGroup var storeOption: StoreOption
    @Option(help: "The admin user of seeds/users.json whose PIN or passphrase opens the store first.") var admin: String = "admin"

    func run() throws {
        let res = try CLI.resources()
        let s = res.strings
        let directory = try SeedDirectory.load()
        guard let user = directory.user(admin), user.role == .admin else {
            CLI.exit(Failure(s.text("cli.initNeedsAdmin", .en, admin), code: 64))
        }
        guard let secret = readLine(strippingNewline: true), user.pin.matches(secret) else {
            CLI.exit(Failure(s.text("cli.keyRefused", .en), code: 2))
        }
        do {
            let made = try CaseStore.createEncrypted(at: storeOption.url, directory: directory, secrets: [user.id: secret],
                                                     clock: SystemClock())
            try? AuditLog(store: made.store).append(AuditEntry(at: Date(), user: user.id, kind: .settingsChanged, detail: "store made"))
            print(s.text("cli.initMade", .en, storeOption.url.path))
            print(s.text("cli.recoveryCode", .en, made.recovery))
        } catch {
            CLI.exit(CLI.fail(error, s))
        }
    }
}
