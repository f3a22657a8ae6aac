import ArgumentParser
import DeskModel
import DeskUI
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
    @Option(help: "Only this station, for its thana PC: its cases and folder, sealed with its own key, and the copies of that key its users hold (no other key of the district).")
    var station: String?

    func run() throws {
        let res = try CLI.resources()
        let s = res.strings
        // With --user: her PIN on the first line (she must hold the backup right), then the passphrase.
        let session = storeOption.signIn(s, via: "backup")
        session.require(.backupRestore)
        let store = session.store
        let passphrase = readPassphrase()
        do {
            guard passphrase.count >= Backup.shortestPassphrase else { throw Backup.Problem.passphraseTooShort }
            if let station {
                session.audit(.export, detail: "backup station " + station)
                try backUpStation(station, store, passphrase, s)
                return
            }
            session.audit(.export, detail: "backup")
            let made = try Backup.make(store, passphrase: passphrase, now: CLI.clock.now())
            try DurableFile.write(made.data, to: URL(fileURLWithPath: to))
            print(s.text(.cli_backupMade, .en, made.files, to))
        } catch Backup.Problem.passphraseTooShort {
            CLI.exit(Failure(s.text(.cli_passphraseTooShort, .en, Backup.shortestPassphrase), code: 64))
        } catch {
            CLI.exit(Failure(s.text(.cli_writeFailed, .en, to), code: 2))
        }
    }
}

extension BackupCommand {
    /// The station's own store, made in a folder beside the backup file, written as a backup, removed.
    func backUpStation(_ station: String, _ store: CaseStore, _ passphrase: String, _ s: Strings) throws {
        let target = URL(fileURLWithPath: to)
        let work = target.deletingLastPathComponent().appendingPathComponent(".\(target.lastPathComponent).\(getpid()).station")
        defer { try? FileManager.default.removeItem(at: work) }
        let made: (store: CaseStore, recovery: String)
        do {
            made = try store.makeStationStore(station, at: work, now: CLI.clock.now())
        } catch CaseStore.StationStoreProblem.noStationKey {
            CLI.exit(Failure(s.text(.cli_noStationKey, .en, station), code: 64))
        }
        let backup = try Backup.make(made.store, passphrase: passphrase, now: CLI.clock.now())
        try DurableFile.write(backup.data, to: target)
        print(s.text(.cli_stationBackupMade, .en, station, backup.files, to, made.recovery))
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
            CLI.exit(Failure(s.text(.cli_backupUnreadable, .en, from), code: 2))
        }
        let passphrase = readPassphrase()
        do {
            let opened = try Backup.open(data, passphrase: passphrase)
            // An encrypted backup is opened with a user's own key (--user, her PIN on the second
            // line), checked as verify would, record by record, before it takes the store's place.
            let pin = storeOption.user != nil ? (readLine(strippingNewline: true) ?? "") : ""
            var actor = ""
            let aside = try Backup.restore(opened.files, to: storeOption.url, replace: replace, now: CLI.clock.now()) { fresh in
                let restored = try CaseStore.open(at: fresh)
                var checkable = restored
                if let name = storeOption.user {
                    let result = SignIn.attempt(restored, name: name, secret: pin, now: CLI.clock.now(), via: "cli restore")
                    guard case .accepted(let user) = result.outcome, let store = result.store else { throw CLI.refusal(result.outcome, s) }
                    guard Access.allows(user, .backupRestore) else {
                        throw Failure(s.text(.cli_notAllowed, .en, user.id, s.text(.dynamic("role." + user.role.rawValue), .en)), code: 77)
                    }
                    actor = user.id
                    checkable = store
                } else if restored.meta.encrypted {
                    throw Failure(s.text(.cli_encryptedNeedsUser, .en), code: 2)
                }
                let report = StoreCheck.run(checkable)
                guard report.isClean else { throw Backup.Problem.damagedInside("\(report.problems)") }
                try AuditLog(store: checkable).append(AuditEntry(at: CLI.clock.now(), user: actor, kind: .restored,
                                                                 detail: "from backup of \(Day(opened.createdAt))"))
            }
            print(s.text(.cli_restored, .en, opened.cases, storeOption.url.path))
            if let aside {
                print(s.text(.cli_restoredAside, .en, aside.path))
                // The store replaced says so too, and a backup older than it is pointed out.
                if let old = try? CaseStore.open(at: aside) {
                    let log = AuditLog(store: old)
                    let last = log.entries().last?.at
                    try? log.append(AuditEntry(at: CLI.clock.now(), user: actor, kind: .restored, detail: "replaced by backup of \(Day(opened.createdAt))"))
                    if let last, last > opened.createdAt {
                        FileHandle.standardError.write(Data((s.text(.cli_restoreOlder, .en, CLI.stamp(opened.createdAt), CLI.stamp(last), aside.path) + "\n").utf8))
                    }
                }
            }
        } catch let failure as Failure {
            CLI.exit(failure)
        } catch let problem as Backup.Problem {
            let line: String
            switch problem {
            case .notABackup: line = s.text(.cli_notABackup, .en, from)
            case .cannotOpen: line = s.text(.cli_backupCannotOpen, .en)
            case .damagedInside(let what): line = s.text(.cli_backupDamaged, .en, what)
            case .targetExists(let path): line = s.text(.cli_restoreTargetExists, .en, path)
            case .passphraseTooShort: line = s.text(.cli_passphraseTooShort, .en, Backup.shortestPassphrase)
            case .writeFailed(let path): line = s.text(.cli_writeFailed, .en, path)
            }
            CLI.exit(Failure(line, code: problem == .targetExists(storeOption.url.path) ? 64 : 3))
        }
    }
}
