import ArgumentParser
import DeskModel
import DeskUI
import Foundation

@main
struct UrjaDesk: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "urja-desk",
        abstract: "Urja Desk: case work for Mahila Urja Desks (intake, queue, counselling, review).",
        subcommands: [OpenDesk.self, InitCommand.self, Demo.self, Cases.self, CaseGroup.self, ReportCommand.self, ReturnsCommand.self, PaperCommand.self, Verify.self, AuditCommand.self, BackupCommand.self, RestoreCommand.self, SetPIN.self, GrantCommand.self, RevokeCommand.self, RotateKeyCommand.self, HashPIN.self, SyncCommand.self, TerminalSetup.self, StressSave.self, StressDirective.self],
        defaultSubcommand: OpenDesk.self)

    /// Like ArgumentParser's own main, except that a mistake on the command line is one line on
    /// stderr (with where to find help), not a screenful of usage.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            let code = exitCode(for: error)
            let message = fullMessage(for: error)
            if code == .success {
                if !message.isEmpty { print(message) }
                Foundation.exit(0)
            }
            let first = message.split(separator: "\n").first.map(String.init) ?? "\(error)"
            let line = first.hasPrefix("Error: ") ? String(first.dropFirst(7)) : first
            FileHandle.standardError.write(Data("urja-desk: \(line) (see urja-desk --help)\n".utf8))
            Foundation.exit(code.rawValue == 1 ? 1 : 64)
        }
    }
}

/// Options every command shares.
struct StoreOption: ParsableArguments {
    @Option(name: .long, help: "The store folder (else $URJA_DESK_HOME, else the XDG data folder).")
    var store: String?

    @Option(name: .long, help: "For an encrypted store: your user name; your PIN is read from standard input.")
    var user: String?

    var url: URL { StoreLocation.resolve(flag: store, environment: ProcessInfo.processInfo.environment) }
}

/// A failure that ends the command with one line on stderr and a non-zero status.
struct Failure: Error, CustomStringConvertible {
    let description: String
    let code: Int32
    init(_ description: String, code: Int32 = 1) {
        self.description = description
        self.code = code
    }
}

enum CLI {
    /// Every command's "now": the one clock, as the desk's (never `CLI.clock.now()` directly).
    static let clock: DeskClock = SystemClock()

    /// Loads resources or fails with one line.
    static func resources() throws -> DeskResources {
        do { return try DeskResources.load() } catch { throw Failure("urja-desk: cannot load Resources (\(error))") }
    }

    static func fail(_ error: Error, _ strings: Strings) -> Failure {
        if let f = error as? Failure { return f }
        if let e = error as? StoreError { return Failure(message(e, strings), code: 2) }
        return Failure("urja-desk: \(error)")
    }

    static func message(_ error: StoreError, _ s: Strings) -> String {
        switch error {
        case .notAStore(let path): return s.text(.cli_notAStore, .en, path)
        case .unsupportedVersion(let found, let supported): return s.text(.cli_unsupportedVersion, .en, found, supported)
        case .damagedMeta(let path): return s.text(.cli_damagedMeta, .en, path)
        case .cannotCreate(let path): return s.text(.cli_cannotCreate, .en, path)
        case .writeFailed(let path): return s.text(.cli_writeFailed, .en, path)
        case .notEmpty(let path): return s.text(.cli_notEmpty, .en, path)
        }
    }

    /// Identities leave the store only with a reason of a few words (it goes in the audit log).
    static func requireReason(_ reveal: Bool, _ reason: String?, _ strings: Strings) {
        if reveal, (reason ?? "").trimmingCharacters(in: .whitespaces).count < Access.shortestReason {
            exit(Failure(strings.text(.cli_revealNeedsReason, .en), code: 64))
        }
    }

    /// Refuses a station id the directory does not know, naming the ones it does.
    static func checkStations(_ ids: [String], in directory: Directory, _ strings: Strings) {
        for id in ids where directory.station(id) == nil {
            exit(Failure(strings.text(.cli_unknownStation, .en, id, directory.stations.map(\.id).joined(separator: ", ")), code: 64))
        }
    }

    /// A moment as the desk writes it (DD-MM-YYYY HH:MM, local time).
    static func stamp(_ date: Date) -> String {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.dateFormat = "dd-MM-yyyy HH:mm"
        return f.string(from: date)
    }

    static func exit(_ failure: Failure) -> Never {
        FileHandle.standardError.write(Data((failure.description + "\n").utf8))
        Foundation.exit(failure.code)
    }
}
