import ArgumentParser
import DeskModel
import DeskUI
import Foundation

/// `urja-desk paper KIND CASE-NO`: one paper of a case as a self-contained HTML page, written to
/// standard output (a pipe: nothing on the disk), or opened in the browser, or sent to the printer.
struct PaperCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "paper",
        abstract: "Print a paper of a case (slip, referral, dv-notice, relief-certificate, counselling-summary) as HTML, Hindi first.")

    enum Kind: String, ExpressibleByArgument, CaseIterable {
        case slip, referral, dvNotice = "dv-notice", reliefCertificate = "relief-certificate",
             counsellingSummary = "counselling-summary"

        var paper: PaperKind {
            switch self {
            case .slip: return .slip
            case .referral: return .referral
            case .dvNotice: return .dvNotice
            case .reliefCertificate: return .reliefCertificate
            case .counsellingSummary: return .counsellingSummary
            }
        }
    }

    @Argument(help: "slip, referral, dv-notice, relief-certificate or counselling-summary.") var kind: Kind
    @Argument(help: "The case number, e.g. IND-VJN-2026-0042.") var number: String
    @OptionGroup var storeOption: StoreOption
    @Option(help: "Language of the paper: hi (the default) or en.") var lang: String = "hi"
    @Flag(help: "The slip in discreet wording: no name, no word of police or case.") var discreet = false
    @Flag(help: "The counselling summary with the session notes (only when she agreed).") var withNotes = false
    @Flag(help: "Open the paper in the system's browser instead of writing it to standard output.") var open = false
    @Flag(help: "Send the paper to the printer (headless chromium, then lp) instead.") var print = false

    func run() throws {
        let res = try CLI.resources()
        let s = res.strings
        let session = storeOption.signIn(s, via: "paper")
        // A paper names her and is signed: it needs a person.
        guard session.user != nil else { CLI.exit(Failure(s.text(.cli_needsUser, .en), code: 77)) }
        session.require(.printPapers)
        let ctx: DeskContext
        do {
            ctx = try DeskContext(store: session.store, clock: SystemClock(), strings: s, keymap: res.keymap, help: res.help)
        } catch { CLI.exit(CLI.fail(error, s)) }
        if let user = session.user { ctx.adopt(Session(signedIn: user, store: session.store)) }
        let wanted = Digits.toASCII(number).uppercased().trimmingCharacters(in: .whitespaces)
        guard let listed = ctx.listings.first(where: { $0.number.description == wanted && session.sees($0.stationID) }) else {
            CLI.exit(Failure(s.text(.cli_noSuchCase, .en, number), code: 3))
        }
        let options = PaperOptions(language: Language(rawValue: lang) ?? .hi, discreet: discreet, notesAgreed: withNotes)
        let way: PaperOutput.Way = print ? .printer : .browser
        if !open && !print {
            ctx.routePapers { html, _ in FileHandle.standardOutput.write(Data(html.utf8)) }
        }
        if let problem = ctx.printPaper(kind.paper, caseID: listed.id, options: options, way: way) {
            CLI.exit(Failure(s.text(problem, .en), code: problem == StringKey.paper_refused_notAllowed || problem == .paper_refused_counsellorsOnly ? 77 : 65))
        }
    }
}
