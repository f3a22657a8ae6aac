import ArgumentParser
import DeskModel
import DeskUI
import Foundation

/// `urja-desk returns`: the month's returns in the district's layout (one row per station), or
/// the figures since the desk began. Counted cases only, no identity.
struct ReturnsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "returns",
        abstract: "The returns to the district: one row per station for a month, or --since-start. Counted cases only, no identity.")

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, csv }

    @OptionGroup var storeOption: StoreOption
    @Option(help: "A month, e.g. 2026-11.") var month: String?
    @Flag(help: "Everything since the desk began, instead of a month.") var sinceStart = false
    @Option(help: "text or csv.") var format: Format = .text
    @Option(help: "Language of the text: en or hi.") var lang: String = "en"

    func run() throws {
        let res = try CLI.resources()
        let s = res.strings
        let period: ReportPeriod?
        if sinceStart {
            period = nil
        } else {
            guard let m = month, let p = ReportPeriod.parse(m), p.start.day == 1, p.end.month == p.start.month else {
                CLI.exit(Failure(s.text(.cli_badMonth, .en), code: 64))
            }
            period = p
        }
        let session = storeOption.signIn(s, via: "returns")
        session.require(.makeReports)
        let store = session.store
        let directory: Directory
        do { directory = try store.loadDirectory() } catch { CLI.exit(CLI.fail(error, s)) }
        let stations = directory.stations.map(\.id).filter(session.sees)
        let returns = Returns.make(ReviewData.summaries(store), events: store.loadEvents(),
                                   papers: Returns.PaperGiven.from(AuditLog(store: store).entries()), partners: directory.partners,
                                   stationIDs: stations, period: period, today: Day(Date()))
        session.audit(.export, detail: "returns \(period.map { "\($0.start)..\($0.end)" } ?? "since start") \(format.rawValue)")
        switch format {
        case .text:
            print(ReturnsText(strings: session.strings, language: Language(rawValue: lang) ?? .en, directory: directory).text(returns, stationIDs: stations),
                  terminator: "")
        case .csv: print(ReturnsText.csv(returns), terminator: "")
        }
    }
}
