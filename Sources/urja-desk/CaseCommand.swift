import ArgumentParser
import DeskModel
import DeskUI
import Foundation

struct CaseGroup: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "case", abstract: "One case at a time.", subcommands: [CaseShow.self])
}

struct CaseShow: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Print one case with its sessions, plan and legal track. Identity and session notes masked unless --reveal.")

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @Argument(help: "The case number, e.g. IND-VJN-2026-0042 (Devanagari digits are fine).") var number: String
    @OptionGroup var storeOption: StoreOption
    @Option(help: "text or json.") var format: Format = .text
    @Flag(help: "Show identity and session notes. Needs --reason; recorded in the audit log.") var reveal = false
    @Option(help: "Why the identity is needed (with --reveal).") var reason: String?
    @Option(help: "Language of labels: en or hi.") var lang: String = "en"

    func run() throws {
        let res = try CLI.resources()
        let s = res.strings
        CLI.requireReason(reveal, reason, s)
        let session = storeOption.signIn(s, via: "case show")
        session.require(.viewCases)
        let directory: Directory
        do { directory = try session.store.loadDirectory() } catch { CLI.exit(CLI.fail(error, s)) }
        let wanted = Digits.toASCII(number).uppercased().trimmingCharacters(in: .whitespaces)
        // Read only: the lists and the one record, nothing set aside or rewritten. Only a case she may see.
        let cases = CaseRepository(store: session.store)
        guard let listed = cases.listings.first(where: { $0.number.description == wanted && session.sees($0.stationID) }),
              let record = cases.record(listed.id) else {
            CLI.exit(Failure(s.text(.cli_noSuchCase, .en, number), code: 3))
        }
        // What a reveal shows her, as on the case screen: identity, and notes only with that right.
        var shows = (identity: false, notes: false)
        if reveal {
            guard session.user != nil else { CLI.exit(Failure(s.text(.cli_needsUser, .en), code: 77)) }
            guard let allowed = Access.reveal(session.user, stationID: record.stationID, reasonGiven: true) else {
                session.require(.revealIdentity, stationID: record.stationID)
                return
            }
            shows = allowed
        }
        session.audit(reveal ? .revealIdentity : .export, caseID: record.id,
                      detail: "case show \(record.number)" + (shows.identity ? " --reveal" : "") + (shows.notes ? " notes" : ""),
                      note: reveal ? reason : nil)
        let clock = CLI.clock
        switch format {
        case .text:
            let words = Words(strings: session.strings, language: Language(rawValue: lang) ?? .en, directory: directory)
            let directives = session.store.loadDirectives()[record.id] ?? []
            print(CaseReport.text(record, words: words, clock: clock, directives: directives, reveal: shows.identity,
                                  notes: shows.notes), terminator: "")
        case .json: print(CaseExport(record, reveal: shows.identity, notes: shows.notes, today: Day(clock.now())).json())
        }
    }
}
