@testable import DeskUI
import DemoData
import DeskModel
import Foundation
import TerminalKit
import XCTest

/// Someone at the thana PC without the key copies an older sealed line of the review index to its
/// end (or puts back an older block): every line still opens, the list index is untouched, so the
/// quick check alone would pass. A desk's check must still find that the summaries of her stations
/// are not the records', and write the index anew.
final class ReviewIndexReplayTests: XCTestCase {
    var root: URL!

    override func tearDown() {
        if let root { try? FileManager.default.removeItem(at: root) }
    }

    func testAnOlderReviewLinePutBackAtTheEndIsFoundByHerDesk() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("urja-replay-\(UUID().uuidString)")
        let store = try DemoStore.createEncrypted(at: root, directory: Harness.directory(), count: 30, seed: 5, clock: testClock,
                                                  rounds: 1000).store
        CaseRepository(store: store).open()
        let index = SummaryIndex(store: store)
        var r = try XCTUnwrap(store.loadCases(setAside: false).cases.first { $0.stationID == "VJN" })
        let before = try Data(contentsOf: index.url)
        r.revision += 1
        try store.save(r, base: r.revision - 1)
        let afterFirst = try Data(contentsOf: index.url)
        let older = afterFirst[before.count...]
        XCTAssertEqual(older.last, 10, "one sealed line appended")
        r.revision += 1
        try store.save(r, base: r.revision - 1)
        // The older line appended again: it is the case's last line now.
        var forged = try Data(contentsOf: index.url)
        forged.append(older)
        try forged.write(to: index.url)
        XCTAssertEqual(index.latest(stations: ["VJN"])?.byID[r.id]?.revision, r.revision - 1, "the attack took")
        let desk = CaseRepository(store: store)
        desk.open(stations: ["VJN"])
        desk.settle()
        XCTAssertEqual(index.latest(stations: ["VJN"])?.byID[r.id]?.revision, r.revision, "her desk's check wrote the index anew")
        XCTAssertEqual(desk.reviewIndex(stations: ["VJN"])?[r.id]?.revision, r.revision, "and her overview reads it so")
    }
}

/// The same attack on the supervisor's machine: no desk of the station opens there, so her own
/// sign-in must check the review index beside her.
final class SupervisorReviewCheckTests: XCTestCase {
    var root: URL!

    override func tearDown() {
        if let root { try? FileManager.default.removeItem(at: root) }
    }

    func testABlockDroppedFromTheReviewIndexIsPutBackAtTheSupervisorsSignIn() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("urja-spcheck-\(UUID().uuidString)")
        let directory = try Harness.directoryWithDemoSP()
        let store = try DemoStore.createEncrypted(at: root, directory: directory, count: 40, seed: 5, clock: testClock, rounds: 1000).store
        CaseRepository(store: store).open()
        let index = SummaryIndex(store: store)
        let all = try XCTUnwrap(index.latest()?.byID)
        let vjn = all.values.filter { $0.stationID == "VJN" }.count
        XCTAssertGreaterThan(vjn, 0)
        // Vijay Nagar's block dropped from the table (the file without the key: only the clear table edited).
        let data = try Data(contentsOf: index.url)
        guard let nl = data.firstIndex(of: 10) else { return XCTFail("no table") }
        let table = String(decoding: data[..<nl], as: UTF8.self).split(separator: "\t", omittingEmptySubsequences: false)
        let tag = index.tag("VJN")
        let entries = table[2].split(separator: ",").filter { !$0.hasPrefix(tag + ":") }
        XCTAssertEqual(entries.count + 1, table[2].split(separator: ",").count, "the block was in the table")
        let forged = [String(table[0]), String(entries.count), entries.joined(separator: ","), String(table[3])].joined(separator: "\t")
        var bytes = Data(forged.utf8)
        bytes.append(data[nl...])
        try bytes.write(to: index.url)
        XCTAssertEqual(index.latest()?.byID.values.filter { $0.stationID == "VJN" }.count, 0, "the attack took")

        let (ctx, app) = try Harness.supervisorDesk(at: root)
        XCTAssertEqual(ctx.user?.id, "spindore")
        app.render(on: GridSurface(rows: 24, cols: 80))
        // Her first pause starts the check; it is taken in at a later one.
        _ = app.tick()
        ctx.repository.waitForCheck()
        XCTAssertTrue(app.tick(), "the rewritten index is taken in and the screen drawn again")
        XCTAssertEqual(ctx.summaries.values.filter { $0.stationID == "VJN" }.count, vjn, "her overview counts Vijay Nagar again")
        XCTAssertEqual(index.latest()?.byID.values.filter { $0.stationID == "VJN" }.count, vjn, "the index written anew")
    }
}
