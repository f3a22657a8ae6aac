import ArgumentParser
import DeskModel
import Foundation

/// A new, empty, encrypted store for a district: stations, partners and users from seeds/. The
/// admin chooses her passphrase now (standard input; 8 or more, not an obvious one): it wraps the
/// data key for her; the recovery code is printed once and stays with her. Every other user gets
/// her copy from the admin (`grant`).
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Make a new encrypted store from seeds/: the admin's new passphrase on standard input; prints the recovery code once.")

    @OptionGroup var storeOption: StoreOption
    @Option(help: "The admin user of seeds/users.json who holds the store's key first.") var admin: String = "admin"

    func run() throws {
        let res = try CLI.resources()
        let s = res.strings
        var directory = try SeedDirectory.load()
        guard let i = directory.users.firstIndex(where: { $0.id == admin.lowercased() }), directory.users[i].role == .admin else {
            CLI.exit(Failure(s.text(.cli_initNeedsAdmin, .en, admin), code: 64))
        }
        let id = directory.users[i].id
        guard let secret = readLine(strippingNewline: true), !secret.isEmpty else {
            CLI.exit(Failure(s.text(.cli_secretTooShort, .en, SecretPolicy.shortest), code: 64))
        }
        if let problem = SecretPolicy.check(secret, userID: id) {
            CLI.exit(Failure(problem == .tooShort ? s.text(.cli_secretTooShort, .en, SecretPolicy.shortest)
                             : s.text(.cli_secretWeak, .en, s.text(.dynamic("secret." + problem.rawValue), .en)), code: 64))
        }
        do {
            directory.users[i].pin = try PinHash.make(pin: secret)
            let made = try CaseStore.createEncrypted(at: storeOption.url, directory: directory, secrets: [id: secret],
                                                     clock: CLI.clock)
            try AuditLog(store: made.store).append(AuditEntry(at: CLI.clock.now(), user: id, kind: .keyChanged, detail: "store made"))
            print(s.text(.cli_initMade, .en, storeOption.url.path))
            print(s.text(.cli_recoveryCode, .en, made.recovery))
        } catch {
            CLI.exit(CLI.fail(error, s))
        }
    }
}
