@testable import DeskUI
import DemoData
import DeskModel
import Foundation
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
