@testable import DeskUI
import DemoData
import DeskModel
import Foundation
import XCTest

/// The review index (`index.tsv`) in blocks: a station's block read alone, a damaged block found
/// by the desk's quick check beside her and the index written anew from the lists.
final class ReviewIndexBlockTests: XCTestCase {
    var root: URL!

    override func tearDown() {
        if let root { try? FileManager.default.removeItem(at: root) }
    }

    func sealedStore() throws -> CaseStore {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("urja-review-\(UUID().uuidString)")
        return try DemoStore.createEncrypted(at: root, directory: Harness.directory(), count: 30, seed: 5, clock: testClock,
                                             rounds: 1000).store
    }

    func testAStationsBlockReadsAloneAndADamagedBlockIsFoundAndWrittenAnew() throws {
        let store = try sealedStore()
        let repo = CaseRepository(store: store)
        repo.open()
        let index = SummaryIndex(store: store)
        let all = try XCTUnwrap(index.load()).summaries
        XCTAssertEqual(all.count, 30)
        XCTAssertTrue(index.quickCheck(files: 30))
        let data = try Data(contentsOf: index.url)
        XCTAssertTrue(data.starts(with: Data("i4\t".utf8)), "written in blocks")
        for station in Set(all.map(\.stationID)) {
            let mine = try XCTUnwrap(index.load(stations: [station])).summaries
            XCTAssertEqual(Set(mine.map(\.id)), Set(all.filter { $0.stationID == station }.map(\.id)), station)
        }
        // One byte flipped inside the last block: its station's summaries do not open.
        var damaged = data
        let at = damaged.count - 40
        damaged[at] ^= 0x5A
        try damaged.write(to: index.url)
        XCTAssertLessThan(try XCTUnwrap(index.load()).summaries.count, 30)
        XCTAssertFalse(index.quickCheck(files: 30), "the quick check opens every block")
        // A desk opening her station (the lists themselves unchanged) mends it beside her.
        let desk = CaseRepository(store: store)
        desk.open(stations: ["VJN"])
        desk.settle()
        XCTAssertEqual(try XCTUnwrap(index.load()).summaries.count, 30)
        XCTAssertTrue(index.quickCheck(files: 30))
    }
}
