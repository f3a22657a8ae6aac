import ArgumentParser
import DeskModel
import Foundation

/// Reads the passphrase: the first line of standard input (so that it never shows in a process list).
func readPassphrase() -> String {
    readLine(strippingNewline: true) ?? ""
}

struct BackupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Write the whole store as one encrypted file (passphrase on standard input), while it is in use.")

    @OptionGroup var storeOption: StoreOption
    @Option(help: "The backup file to write.") var to: String

    func run() throws {
        let res = try CLI.resources()
        let s = res.strings
        let store: CaseStore
        do { store = try CaseStore.open(at: storeOption.url) } catch { CLI.exit(CLI.fail(error, s)) }
        let passphrase = readPassphrase()
        do {
            let made = try Backup.make(store, passphrase: passphrase, now: Date())
            try DurableFile.write(made.data, to: URL(fileURLWithPath: to))
            try? AuditLog(store: store).append(AuditEntry(at: Date(), user: ProcessInfo.processInfo.environment["USER"] ?? "cli",
                                                          kind: .export, detail: "backup \(made.files) files"))
            print(s.text("cli.backupMade", .en, made.files, to))
        } catch Backup.Problem.passphraseTooShort {
            CLI.exit(Failure(s.text("cli.passphraseTooShort", .en, Backup.shortestPassphrase), code: 64))
        } catch {
            CLI.exit(Failure(s.text("cli.writeFailed", .en, to), code: 2))
        }
    }
}

struct RestoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore",
        abstract: "Check a whole backup, then restore it into a store folder (passphrase on standard input).")

    @Option(help: "The backup file.") var from: String
    @OptionGroup var storeOption: StoreOption
    @Flag(help: "Replace a store already there (it is kept aside, renamed).") var replace = false

    func run() throws {
        let res = try CLI.resources()
        let s = res.strings
        guard let data = try? Data(contentsOf: URL(fileURLWithPath: from)) else {
            CLI.exit(Failure(s.text("cli.backupUnreadable", .en, from), code: 2))
        }
        let passphrase = readPassphrase()
        do {
            let opened = try Backup.open(data, passphrase: passphrase)
            let aside = try Backup.restore(opened.files, to: storeOption.url, replace: replace, now: Date())
            print(s.text("cli.restored", .en, opened.cases, storeOption.url.path))
            if let aside { print(s.text("cli.restoredAside", .en, aside.path)) }
        } catch let problem as Backup.Problem {
            let line: String
            switch problem {
            case .notABackup: line = s.text("cli.notABackup", .en, from)
            case .cannotOpen: line = s.text("cli.backupCannotOpen", .en)
            case .damagedInside(let what): line = s.text("cli.backupDamaged", .en, what)
            case .targetExists(let path): line = s.text("cli.restoreTargetExists", .en, path)
            case .passphraseTooShort: line = s.text("cli.passphraseTooShort", .en, Backup.shortestPassphrase)
            case .writeFailed(let path): line = s.text("cli.writeFailed", .en, path)
            }
            CLI.exit(Failure(line, code: problem == .targetExists(storeOption.url.path) ? 64 : 3))
        }
    }
}
