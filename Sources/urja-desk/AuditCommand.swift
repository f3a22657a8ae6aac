import ArgumentParser
import DeskModel
import DeskUI
import Foundation

/// `urja-desk audit`: the audit trail as the audit screen shows it, every machine's log held here
/// merged by time (a tab-separated line each: when, machine, who, what, case, detail), then each
/// log's chain as checked on its own. Exit 3 when a chain is cut or altered. Changes nothing but
/// its own audit line.
struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit", abstract: "Print the audit trail of every machine held here, merged by time, and check each log's chain.")

    @OptionGroup var storeOption: StoreOption
    @Option(help: "Only the last N lines.") var last: Int?

    func run() throws {
        let s = try CLI.resources().strings
        let session = storeOption.signIn(s, via: "audit")
        session.require(.readAudit)
        let trail = AuditTrail.read(session.store)
        let numbers = Dictionary(ListIndex(store: session.store).open(setAside: false).listings.map { ($0.id, $0.number.description) },
                                 uniquingKeysWith: { a, _ in a })
        let f = ISO8601DateFormatter()
        let lines = last.map { Array(trail.lines.suffix(max(0, $0))) } ?? trail.lines
        for line in lines {
            let e = line.entry
            print([f.string(from: e.at), line.machine.isEmpty ? "-" : line.machine, e.user.isEmpty ? "-" : e.user, e.kind.rawValue,
                   e.caseID.flatMap { numbers[$0] } ?? "-", e.detail].joined(separator: "\t"))
        }
        var broken = false
        for chain in trail.chains {
            let whose = chain.station.map { s.text(.audit_cliStationLog, .en, chain.machine, $0) } ?? s.text(.audit_cliOwnLog, .en)
            switch chain.problem {
            case .broken(let n)?: broken = true; print(s.text(.audit_cliBroken, .en, whose, n))
            case .cut(let n)?: broken = true; print(s.text(.audit_cliCut, .en, whose, n))
            case nil where chain.unreadable: broken = true; print(s.text(.audit_cliBroken, .en, whose, 0))
            case nil: print(s.text(.audit_cliWhole, .en, whose, chain.lines))
            }
        }
        if broken { CLI.exit(Failure(s.text(.audit_chainBroken, .en), code: 3)) }
    }
}
