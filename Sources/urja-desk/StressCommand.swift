import ArgumentParser
import DemoData
import DeskModel
import DeskUI
import Foundation

/// For the crash and two-terminal tests only: saves remarks into random cases of a store as fast
/// as it can, each over the revision it read, printing "ack CASE TOKEN" once a save is durable.
/// Like a desk that keeps a case open, it reads a case once and saves over that copy again and
/// again (it does not read the file anew before every save), so another process's save in the
/// meantime makes its copy stale: that conflict is counted, and the save retried on the fresh copy.
struct StressSave: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stress-save", abstract: "Save remarks in a loop (tests of crash safety and concurrent terminals).",
        shouldDisplay: false)

    @OptionGroup var storeOption: StoreOption
    @Option(help: "Name of this writer, in its tokens.") var worker: String = "w"
    @Option(help: "Seed of the random choice of cases.") var seed: UInt64 = 1
    @Option(help: "Saves to make; 0 for until killed.") var saves: Int = 0
    @Option(help: "Use only the first N cases (by number).") var cases: Int = 0

    func run() throws {
        // A sealed store is opened like any command opens it: --user and her PIN on standard input.
        // Signed in, it may add remarks only where she may (her stations), as herself; the worker's
        // name goes only into the remark and the draft (both sealed), never into the clear log.
        let session = storeOption.signIn(try CLI.resources().strings, via: "stress-save")
        let store = session.store
        let author = session.user?.id ?? worker
        var ids = store.loadCases(setAside: false).cases.filter { r in session.user.map { Access.allows($0, .addRemark, stationID: r.stationID) } ?? true }
            .sorted { $0.number < $1.number }.map(\.id)
        if cases > 0 { ids = Array(ids.prefix(cases)) }
        guard !ids.isEmpty else { throw Failure("no cases") }
        let audit = AuditLog(store: store)
        var rng = SeededRandom(seed: seed)
        var done = 0, conflicts = 0
        // The copies it holds, as read or as it last saved them.
        var held: [UUID: CaseRecord] = [:]
        // Written straight to the descriptor: an acknowledgement is out the moment the save is.
        func say(_ line: String) { FileHandle.standardOutput.write(Data((line + "\n").utf8)) }
        while saves == 0 || done < saves {
            let id = ids[Int(rng.next() % UInt64(ids.count))]
            let token = "\(worker)-\(done)"
            while true {
                guard var record = held[id] ?? store.reload(id) else { throw Failure("case \(id) unreadable") }
                let base = record.revision
                try? record.addRemark("stress \(token)", by: author, at: CLI.clock.now())
                record.revision += 1
                do {
                    try store.save(record, base: base)
                    held[id] = record
                    break
                } catch SaveConflict.stale {
                    // Another process saved it since: read it again and save on that.
                    conflicts += 1
                    held[id] = nil
                }
            }
            // A draft and an audit line too, as the desk writes them.
            var draft = IntakeForm(stationID: "S", startedAt: CLI.clock.now())
            draft.values["name"] = token
            try store.saveDraft(draft, userID: author)
            let saved = held[id]
            try audit.append(AuditEntry(at: CLI.clock.now(), user: author, kind: .caseUpdated, caseID: id,
                                        detail: "\(saved?.number.description ?? "") r\(saved?.revision ?? 0)", note: audit.sealNote(token)))
            say("ack \(id.uuidString) \(token)")
            done += 1
        }
        say("done saves=\(done) conflicts=\(conflicts)")
    }
}
