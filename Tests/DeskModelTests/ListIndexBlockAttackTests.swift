import DemoData
@testable import DeskModel
import Foundation
import XCTest

/// Someone at the thana PC who can edit the list index but has no key: the blocks are sealed, the
/// table is not. Whatever she does to the table or the blocks, once the check is taken in a desk's
/// lists agree with the records (never an older listing, never a case of hers left out).
final class ListIndexBlockAttackTests: XCTestCase {
    var root: URL!

    override func tearDown() {
        if let root { try? FileManager.default.removeItem(at: root) }
    }

    func sealedStore(count: Int = 40) throws -> CaseStore {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("urja-attack-\(UUID().uuidString)")
        return try DemoStore.createEncrypted(at: root, directory: testDirectory(), count: count, seed: 11, clock: testClock, rounds: 1000).store
    }

    /// The index file's table entries (tag, offset, length) and its bytes.
    struct Parts {
        var bytes: Data
        var entries: [(tag: String, offset: Int, length: Int)]
        var tail: Int
        func block(_ k: Int) -> Data { bytes[entries[k].offset..<(entries[k].offset + entries[k].length)] }
        var tailBytes: Data { bytes[tail...] }
    }

    func parts(_ url: URL) throws -> Parts {
        let bytes = try Data(contentsOf: url)
        let nl = try XCTUnwrap(bytes.firstIndex(of: 10))
        let f = String(decoding: bytes[..<nl], as: UTF8.self).split(separator: "\t", omittingEmptySubsequences: false)
        XCTAssertEqual(f.count, 4)
        let entries = f[2].split(separator: ",").map { e -> (String, Int, Int) in
            let p = e.split(separator: ":")
            return (String(p[0]), Int(p[1]) ?? -1, Int(p[2]) ?? -1)
        }
        return Parts(bytes: bytes, entries: entries, tail: Int(f[3]) ?? -1)
    }

    /// Writes an index file of these blocks (under these tags, in this order) and tail.
    func forge(_ url: URL, blocks: [(tag: String, bytes: Data)], tail: Data) throws {
        func number(_ n: Int) -> String { String(format: "%012d", n) }
        let tableLength = ("i4\t" + number(0) + "\t").utf8.count + blocks.reduce(0) { $0 + $1.tag.utf8.count + 26 }
            + max(0, blocks.count - 1) + 1 + 12 + 1
        var offset = tableLength
        var entries: [String] = []
        var body = Data()
        for b in blocks {
            entries.append(b.tag + ":" + number(offset) + ":" + number(b.bytes.count))
            body.append(b.bytes)
            offset += b.bytes.count
        }
        var out = Data(("i4\t" + number(blocks.count) + "\t" + entries.joined(separator: ",") + "\t" + number(offset) + "\n").utf8)
        XCTAssertEqual(out.count, tableLength)
        out.append(body)
        out.append(tail)
        try out.write(to: url)
    }

    /// A case of `from` with a transfer to `to` pending (so in both stations' blocks), the index
    /// written anew in blocks.
    func pendingTransfer(_ s: CaseStore) throws -> (record: CaseRecord, from: String, to: String) {
        let index = ListIndex(store: s)
        let cases = s.loadCases(setAside: false).cases
        var r = try XCTUnwrap(cases.first { $0.status != .closed && $0.consent.sharing == .yes })
        let from = r.stationID
        let to = try XCTUnwrap(Set(cases.map(\.stationID)).subtracting([from]).sorted().first)
        try r.askTransfer(to: to, today: Day(testNow), by: "asha", at: testNow)
        r.revision += 1
        try s.save(r, base: r.revision - 1)
        try FileManager.default.removeItem(at: index.url)
        _ = index.open(setAside: false)
        return (r, from, to)
    }

    /// What a desk of `station` shows once its check is taken in, and what the records say she sees.
    func deskAndRecords(_ s: CaseStore, _ station: String) -> (desk: [UUID: Int], records: [UUID: Int]) {
        let index = ListIndex(store: s)
        let loaded = index.load(stations: [station])
        let checked = index.check(stations: [station], unreadable: loaded.unreadable, setAside: false, mend: false)
        let desk = ListIndex.apply(checked.changed, to: loaded.listings)
        let hers = s.loadCases(setAside: false).cases.filter {
            $0.stationID == station || $0.transfers.last.map { $0.state == .pending && $0.to == station } == true }
        return (Dictionary(desk.map { ($0.id, $0.revision) }, uniquingKeysWith: { a, _ in a }),
                Dictionary(hers.map { ($0.id, $0.revision) }, uniquingKeysWith: { a, _ in a }))
    }

    func testAnOlderBlockPutBackBesideACurrentOneIsNotTrusted() throws {
        let s = try sealedStore()
        let index = ListIndex(store: s)
        _ = index.open(setAside: false)
        let before = try parts(index.url)
        let (r, from, to) = try pendingTransfer(s)
        let now = try parts(index.url)
        // The receiver's block last, so that its (current) line is the one a check reads last;
        // the sender's block put back as it was before the transfer.
        let sender = try XCTUnwrap(deskAndRecords(s, from).desk[r.id], "her case is in her list")
        XCTAssertEqual(sender, r.revision)
        let tag = index.tag(from)
        let k = try XCTUnwrap(now.entries.firstIndex { $0.tag == tag })
        let old = try XCTUnwrap(before.entries.firstIndex { $0.tag == tag })
        var blocks = now.entries.indices.filter { $0 != k }.map { (tag: now.entries[$0].tag, bytes: now.block($0)) }
        blocks.insert((now.entries[k].tag, before.block(old)), at: 0)
        try forge(index.url, blocks: blocks, tail: now.tailBytes)
        for station in [from, to] {
            let (desk, records) = deskAndRecords(s, station)
            XCTAssertEqual(desk, records, "\(station): the desk's lists once checked are the records'")
        }
    }

    func testACaseInTwoBlocksIsNotHiddenFromAStationWhoseBlockLeftTheTable() throws {
        let s = try sealedStore()
        let index = ListIndex(store: s)
        let (r, from, to) = try pendingTransfer(s)
        let now = try parts(index.url)
        // Each station's block dropped from the table in turn (the others kept, the receiver's last).
        for drop in now.entries.indices {
            let blocks = now.entries.indices.filter { $0 != drop }.map { (tag: now.entries[$0].tag, bytes: now.block($0)) }
            try forge(index.url, blocks: blocks, tail: now.tailBytes)
            for station in [from, to] {
                let (desk, records) = deskAndRecords(s, station)
                XCTAssertNotNil(records[r.id])
                XCTAssertEqual(desk, records, "\(station), block \(drop) left out: the desk's lists once checked are the records'")
            }
        }
    }
}
