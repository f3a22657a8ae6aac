import ArgumentParser
import DeskModel
import DeskUI
import Foundation

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "The initiative's figures for a period: women identified, counselled, linked to SHGs; referrals; legal. Counted cases only, no identity.")

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, csv, json, svg }

    @OptionGroup var storeOption: StoreOption
    @Option(help: "A month (2026-10), a quarter (2026-Q3) or days (01-10-2026..15-11-2026).") var period: String
    @Option(help: "A station id (repeat for several); all stations when left out.") var station: [String] = []
    @Option(help: "text (a printable page), csv, json, or svg (the charts).") var format: Format = .text
    @Option(help: "Language of the text and charts: en or hi.") var lang: String = "en"

    func run() throws {
        let res = try CLI.resources()
        let s = res.strings
        let language = Language(rawValue: lang) ?? .en
        guard let p = ReportPeriod.parse(period) else { CLI.exit(Failure(s.text(.cli_badPeriod, .en), code: 64)) }
        let session = storeOption.signIn(s, via: "report")
        session.require(.makeReports)
        let store = session.store
        let directory: Directory
        do { directory = try store.loadDirectory() } catch { CLI.exit(CLI.fail(error, s)) }
        CLI.checkStations(station, in: directory, s)
        session.requireStations(station)
        // Her stations (and no others) unless --station narrows them.
        let hers = directory.stations.map(\.id).filter(session.sees)
        let stations = station.isEmpty ? hers : station.filter(hers.contains)
        let today = Day(CLI.clock.now())
        let events = store.loadEvents()
        let report = ReviewData.report(store, period: p, stationIDs: stations, today: today, events: events)
        session.audit(.export, detail: "report \(period) \(stations.joined(separator: " ")) \(format.rawValue)")
        switch format {
        case .text: print(ReportText(strings: session.strings, language: language, directory: directory).text(report), terminator: "")
        case .csv: print(ReportText.csv(report), terminator: "")
        case .json: print(ReportText.json(report), terminator: "")
        case .svg:
            let charts = ReportCharts(strings: session.strings, language: language, directory: directory)
                .all(ReviewData.summaries(store), stationIDs: stations, period: p, last: p.end, events: events)
            print(ReportCharts.svgDocument(charts), terminator: "")
        }
    }
}
