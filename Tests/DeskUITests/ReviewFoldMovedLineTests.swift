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
        index.fold(stations: stations, from: CaseIDs())?.ids
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

/// An older block put back after a case moved between two of her stations (it opens: the same
/// station's sealed block) holds the case beside its current station's block. The count from the
/// lines takes every block line, so until her check has run the case is counted at both stations
/// (`latest` counts it once); the check finds the case twice in the blocks and writes the index anew.
final class ReviewFoldCaseInTwoBlocksTests: XCTestCase {
    var root: URL!

    override func tearDown() {
        if let root { try? FileManager.default.removeItem(at: root) }
    }

    func testACaseInTwoStationsBlocksIsCountedTwiceOnlyUntilHerCheck() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("urja-foldtwice-\(UUID().uuidString)")
        let store = try DemoStore.createEncrypted(at: root, directory: Harness.directory(), count: 30, seed: 5, clock: testClock,
                                                  rounds: 1000).store
        CaseRepository(store: store).open()
        let index = SummaryIndex(store: store)
        let summaries = store.loadCases(setAside: false).cases.map { CaseSummary($0) }
        var former = try XCTUnwrap(summaries.first { $0.stationID == "MHK" })
        // The index as it reads when Mahakal's older block (the case still there) is put back
        // beside Vijay Nagar's current one (the case moved there): written here with the key.
        var moved = summaries
        let i = try XCTUnwrap(moved.firstIndex { $0.id == former.id })
        moved[i].stationID = "VJN"
        former.revision = moved[i].revision
        try index.rebuild(from: moved + [former])
        let both: Set<String> = ["VJN", "MHK"]
        func counted() -> Int? {
            index.fold(stations: both, from: CaseCount())?.cases
        }
        XCTAssertEqual(counted(), summaries.count + 1, "counted at both stations before the check")
        XCTAssertEqual(index.latest(stations: both)?.byID.count, summaries.count, "latest counts it once")
        XCTAssertEqual(index.latestRead(stations: both)?.repeated, true)
        let desk = CaseRepository(store: store)
        desk.open(stations: both)
        desk.settle()
        XCTAssertEqual(counted(), summaries.count, "her check wrote the index anew: once")
    }
}

/// The cases a count from the lines takes in.
struct CaseIDs: SummaryTally {
    var ids: Set<UUID> = []
    mutating func add(_ s: CaseSummary) { ids.insert(s.id) }
    mutating func merge(_ other: CaseIDs) { ids.formUnion(other.ids) }
}
