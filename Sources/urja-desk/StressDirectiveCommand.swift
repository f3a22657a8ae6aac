import ArgumentParser
import DeskModel
import DeskUI
import Foundation

/// For the two-terminal test of directives only: gives directives on the first few cases of a
/// store as fast as it can, printing "ack ID" once each is saved.
struct StressDirective: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stress-directive", abstract: "Give directives in a loop (test of two terminals).", shouldDisplay: false)

    @OptionGroup var storeOption: StoreOption
    @Option(help: "Name of this writer.") var worker: String = "w"
    @Option(help: "Directives to give.") var count: Int = 50
    @Option(help: "Use only the first N cases (by number).") var cases: Int = 3

    func run() throws {
        // Signed in as the desk is (a sealed store needs it), with the right to give directives.
        let session = storeOption.signIn(try CLI.resources().strings, via: "stress-directive")
        session.require(.giveDirective)
        let store = session.store
        let ids = Array(store.loadCases(setAside: false).cases.filter { r in session.user.map { u in Access.allows(u, .giveDirective, stationID: r.stationID) } ?? true }
            .sorted { $0.number < $1.number }.map(\.id).prefix(cases))
        guard !ids.isEmpty else { throw Failure("no cases") }
        let clock = CLI.clock
        for i in 0..<count {
            let caseID = ids[i % ids.count]
            guard case .success(let d) = Directive.make(caseID: caseID, text: "directive \(worker)-\(i)", due: Day(CLI.clock.now()).adding(days: 3).description,
                                                        by: session.user?.id ?? worker, clock: clock) else { throw Failure("bad directive") }
            try store.updateDirectives(caseID: caseID) { $0.append(d) }
            FileHandle.standardOutput.write(Data("ack \(d.id.uuidString)\n".utf8))
        }
    }
}
