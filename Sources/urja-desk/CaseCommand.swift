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
        let ctx: DeskContext
        do {
            let store = storeOption.open(s)
            ctx = try DeskContext(store: store, clock: SystemClock(), strings: s, keymap: res.keymap, help: res.help,
                                  language: Language(rawValue: lang) ?? .en)
        } catch { CLI.exit(CLI.fail(error, s)) }
        let wanted = Digits.toASCII(number).uppercased().trimmingCharacters(in: .whitespaces)
        // With --user, only a case she may see.
        let person = storeOption.person(ctx.store)
        guard let record = ctx.cases.first(where: { r in r.number.description == wanted
            && (person.map { Access.allows($0, .viewCases, stationID: r.stationID) } ?? true) }) else {
            CLI.exit(Failure(s.text("cli.noSuchCase", .en, number), code: 3))
        }
        let who = ProcessInfo.processInfo.environment["USER"] ?? "cli"
        ctx.log(.export, caseID: record.id, detail: "case show \(record.number)" + (reveal ? " --reveal · \(reason ?? "")" : ""),
                user: who)
        switch format {
        case .text: print(CaseReport.text(record, ctx: ctx, reveal: reveal), terminator: "")
        case .json: print(CaseExport(record, reveal: reveal, today: ctx.today).json())
        }
    }
}
