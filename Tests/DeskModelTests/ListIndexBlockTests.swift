import DemoData
import DeskModel
import Foundation
import XCTest

/// The compacted list index of a sealed store: a table, one sealed block per station, a tail of
/// lines appended since. A desk reads only her stations' blocks; a block put in another's place,
/// or damaged, does not open and its cases are decoded from their files.
final class ListIndexBlockTests: XCTestCase {
    var root: URL!

    override func tearDown() {
        if let root { try? FileManager.default.removeItem(at: root) }
    }

    func sealedStore(count: Int = 40) throws -> CaseStore {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("urja-blocks-\(UUID().uuidString)")
        return try DemoStore.createEncrypted(at: root, directory: testDirectory(), count: count, seed: 11, clock: testClock, rounds: 1000).store
    }

    func stationsOf(_ store: CaseStore) -> [String: Int] {
        Dictionary(grouping: store.loadCases(setAside: false).cases, by: \.stationID).mapValues(\.count)
    }

    func testTheCheckWritesOneSealedBlockPerStationAndADeskReadsOnlyHers() throws {
        let s = try sealedStore()
        let index = ListIndex(store: s)
        let opened = index.open(setAside: false)
        XCTAssertEqual(opened.listings.count, 40)
        let bytes = try Data(contentsOf: index.url)
        XCTAssertTrue(bytes.starts(with: Data("i4\t".utf8)), "written as a table and blocks")
        let counts = stationsOf(s)
        XCTAssertEqual(index.check(stations: nil, setAside: false).stale, false, "nothing to mend after the rewrite")
        for (station, n) in counts {
            let loaded = index.load(stations: [station])
            XCTAssertEqual(loaded.listings.count, n, station)
            XCTAssertTrue(loaded.listings.allSatisfy { $0.stationID == station })
            XCTAssertTrue(loaded.unreadable.isEmpty)
        }
        // No name in the clear anywhere in the file.
        for l in opened.listings { XCTAssertNil(bytes.range(of: Data(l.name.utf8)), l.name) }
    }

    func testABlockDamagedOrMovedToAnotherStationDoesNotOpenAndItsCasesAreDecoded() throws {
        let s = try sealedStore()
        let index = ListIndex(store: s)
        _ = index.open(setAside: false)
        let counts = stationsOf(s)
        let text = try Data(contentsOf: index.url)
        guard let nl = text.firstIndex(of: 10) else { return XCTFail("no table") }
        let table = String(decoding: text[..<nl], as: UTF8.self).split(separator: "\t")
        let entries = table[2].split(separator: ",").map { $0.split(separator: ":") }
        XCTAssertEqual(entries.count, counts.count, "a block per station")
        // The first two blocks' tags swapped in the table: each block is now under another station.
        var swapped = entries
        swapped[0][0] = entries[1][0]
        swapped[1][0] = entries[0][0]
        let newTable = [String(table[0]), String(table[1]), swapped.map { $0.joined(separator: ":") }.joined(separator: ","), String(table[3])]
            .joined(separator: "\t")
        var forged = Data(newTable.utf8)
        forged.append(text[nl...])
        try forged.write(to: index.url)
        let loadedAll = index.load(stations: nil)
        XCTAssertLessThan(loadedAll.listings.count, 40, "the moved blocks did not open")
        let checked = index.check(stations: nil, setAside: false)
        XCTAssertTrue(checked.stale)
        XCTAssertGreaterThan(checked.decoded, 0, "their cases were decoded from the files")
        XCTAssertEqual(index.load(stations: nil).listings.count, 40, "and the index written anew")
        for (station, n) in counts { XCTAssertEqual(index.load(stations: [station]).listings.count, n) }
    }

    func testACaseTransferredAwayLeavesHerQueueAtOnceAndAPendingOneIsInBoth() throws {
        let s = try sealedStore()
        let index = ListIndex(store: s)
        _ = index.open(setAside: false)
        let cases = s.loadCases(setAside: false).cases
        guard var r = cases.first(where: { $0.status != .closed && $0.consent.sharing == .yes }) else { return XCTFail("no case to move") }
        let from = r.stationID
        guard let to = Set(cases.map(\.stationID)).subtracting([from]).sorted().first else { return XCTFail("one station") }
        let fromCount = index.load(stations: [from]).listings.count
        let toCount = index.load(stations: [to]).listings.count
        try r.askTransfer(to: to, today: Day(testNow), by: "asha", at: testNow)
        r.revision += 1
        try s.save(r, base: r.revision - 1)
        XCTAssertEqual(index.load(stations: [from]).listings.count, fromCount)
        XCTAssertEqual(index.load(stations: [to]).listings.count, toCount + 1, "a pending transfer is in the receiver's list too")
        // Gathered into blocks anew from the files: the pending case is in both stations' blocks.
        try FileManager.default.removeItem(at: index.url)
        XCTAssertEqual(index.open(setAside: false).decoded, 40)
        XCTAssertEqual(index.load(stations: [from]).listings.filter { $0.id == r.id }.count, 1)
        XCTAssertEqual(index.load(stations: [to]).listings.filter { $0.id == r.id }.count, 1)
        try r.answerTransfer(accept: true, by: "meena", at: testNow)
        r.revision += 1
        try s.save(r, base: r.revision - 1)
        XCTAssertEqual(index.load(stations: [from]).listings.count, fromCount - 1, "gone from her list as soon as it is saved")
        XCTAssertEqual(index.load(stations: [to]).listings.count, toCount + 1)
        XCTAssertFalse(index.check(stations: nil, setAside: false).stale, "the index held the files as they are")
    }
}
