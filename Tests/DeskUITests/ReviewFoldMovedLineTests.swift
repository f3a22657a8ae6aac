@testable import DeskUI
import DemoData
import DeskModel
import Foundation
import XCTest

/// Someone at the thana PC without the key copies to the end of the review index a sealed line of
/// a case from the days it was at another station (a copy of the file from before the case was
/// moved, or from before the index was last written anew). The overview counts from the lines,
/// where the last line of a case wins whatever its station (`SummaryIndex.fold`): the case leaves
/// her station's row, its flags and its closure request with it. Her desk's check must find that
/// and write the index anew, as it does for an older line of her own station (ReviewIndexReplayTests).
final class ReviewFoldMovedLineTests: XCTestCase {
    var root: URL!

    override func tearDown() {
        if let root { try? FileManager.default.removeItem(at: root) }
    }

    /// The cases the overview's count from the lines takes in for these stations.
    func folded(_ index: SummaryIndex, _ stations: Set<String>) -> Set<UUID>? {
        index.fold(stations: stations, SummaryIndex.Fold(start: { Set<UUID>() }, add: { $0.insert($1.id) },
                                                         merge: { $0.formUnion($1) }))?.tally
    }

    func testALineFromTheCasesFormerStationPutBackIsFoundByHerCheck() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("urja-foldmoved-\(UUID().uuidString)")
        let store = try DemoStore.createEncrypted(at: root, directory: Harness.directory(), count: 30, seed: 5, clock: testClock,
                                                  rounds: 1000).store
        CaseRepository(store: store).open()
        let index = SummaryIndex(store: store)
        var r = try XCTUnwrap(store.loadCases(setAside: false).cases.first { $0.stationID == "MHK" })
        // Saved at Mahakal: the sealed line kept aside.
        let before = try Data(contentsOf: index.url)
        r.revision += 1
        try store.save(r, base: r.revision - 1)
        let older = try Data(contentsOf: index.url)[before.count...]
        XCTAssertEqual(older.last, 10, "one sealed line appended")
        // Moved to Vijay Nagar; the index later written anew in blocks, as a desk's check writes it.
        r.stationID = "VJN"
        r.revision += 1
        try store.save(r, base: r.revision - 1)
        try index.rebuild(from: store.loadCases(setAside: false).cases.map { CaseSummary($0) })
        let vjn: Set<String> = ["VJN"]
        XCTAssertEqual(folded(index, vjn)?.contains(r.id), true, "counted at Vijay Nagar")

        // The Mahakal line appended again: the case's last line now.
        var forged = try Data(contentsOf: index.url)
        forged.append(older)
        try forged.write(to: index.url)
        XCTAssertEqual(folded(index, vjn)?.contains(r.id), false, "the attack took: her overview no longer counts it")

        // Vijay Nagar's desk (or its supervisor's) opens, and its check runs.
        let desk = CaseRepository(store: store)
        desk.open(stations: vjn)
        desk.settle()
        XCTAssertEqual(folded(index, vjn)?.contains(r.id), true, "her desk's check wrote the index anew")
    }
}
