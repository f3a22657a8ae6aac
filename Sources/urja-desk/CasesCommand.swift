import ArgumentParser
import DeskModel
import DeskUI
import Foundation

struct Cases: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cases", abstract: "List cases without the screens. Names and phones masked unless --reveal.")

    enum Format: String, ExpressibleByArgument, CaseIterable { case table, csv, json }

    @OptionGroup var storeOption: StoreOption
    @Option(help: "Only this station (its id, e.g. VJN).") var station: String?
    @Option(help: "Only cases whose name (any script or common spelling), phone or case number matches.") var search: String?
    @Option(help: "table, csv or json.") var format: Format = .table
    @Flag(help: "Show names and phone numbers. Needs --reason; recorded in the audit log.") var reveal = false
    @Option(help: "Why the identities are needed (with --reveal).") var reason: String?
    @Option(help: "Language of labels: en or hi.") var lang: String = "en"

    func run() throws {
        let res = try CLI.resources()
        let s = res.strings
        let language = Language(rawValue: lang) ?? .en
        CLI.requireReason(reveal, reason, s)
        let session = storeOption.signIn(s, via: "cases")
        let store = session.store
        let directory: Directory
        do { directory = try store.loadDirectory() } catch { CLI.exit(CLI.fail(error, s)) }
        session.require(.viewCases)
        // A list of identities is for the roles that see them at the desk; an SP reveals one
        // case at a time with a reason (case show --reveal), as on screen.
        if reveal { session.require(.revealIdentity) }
        CLI.checkStations(station.map { [$0] } ?? [], in: directory, s)
        session.requireStations(station.map { [$0] } ?? [])
        // The listings, from the list index checked against the case files (no record decoded
        // unless the index does not hold it as it is).
        let load = ListIndex(store: store).open(setAside: false)
        for damaged in load.damaged {
            FileHandle.standardError.write(Data((s.text(.cli_skippedDamaged, .en, damaged.path, damaged.reason) + "\n").utf8))
        }
        // Only the cases she may see (her stations).
        let visible = load.listings.filter { session.sees($0.stationID) }
        let rows = CaseQuery(search: search ?? "", stationID: station, sort: .number).apply(to: visible)
        // Every export is on record before it is printed: what, how many, and (sealed) why.
        session.audit(reveal ? .revealIdentity : .export, detail: "cases \(format.rawValue) \(rows.count)" + (reveal ? " --reveal" : ""),
                      note: reveal ? reason : nil)
        let table = CaseTable(strings: session.strings, language: language, directory: directory, reveal: reveal)
        switch format {
        case .table: print(table.text(rows), terminator: "")
        case .csv: print(table.csv(rows), terminator: "")
        case .json: print(table.json(rows))
        }
    }
}
