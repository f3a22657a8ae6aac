@testable import DeskModel
import DemoData
import Foundation
import XCTest

/// An index file made huge without the key (a sparse file costs nothing on disk: `truncate -s 10G`),
/// or a table claiming a huge block or the same bytes twice: nothing is read beyond a bound, the
/// table is not trusted, and the check writes the index anew from the case files.
final class BlockFileBoundsTests: XCTestCase {
    var root: URL!

    override func tearDown() {
        if let root { try? FileManager.default.removeItem(at: root) }
    }

    func blockIndex() throws -> (CaseStore, ListIndex) {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("urja-bounds-\(UUID().uuidString)")
        let s = try DemoStore.createEncrypted(at: root, directory: testDirectory(), count: 30, seed: 3, clock: testClock, rounds: 1000).store
        let index = ListIndex(store: s)
        _ = index.open(setAside: false)
        XCTAssertNotNil(BlockFile.Reader(path: index.url.path)?.table, "in blocks")
        return (s, index)
    }

    /// Grows the file to `size` bytes without writing them (a sparse file of zeros).
    func grow(_ url: URL, to size: Int) throws {
        let h = try FileHandle(forWritingTo: url)
        try h.truncate(atOffset: UInt64(size))
        try h.close()
    }

    func testATailMadeHugeIsNotReadAndTheCheckWritesTheIndexAnew() throws {
        let (_, index) = try blockIndex()
        let size = try XCTUnwrap(try FileManager.default.attributesOfItem(atPath: index.url.path)[.size] as? Int)
        try grow(index.url, to: size + BlockFile.maxPiece + 1)
        XCTAssertEqual(BlockFile.Reader(path: index.url.path)?.tail().count, 0, "a tail longer than any index holds is not read")
        XCTAssertEqual(index.load(stations: nil).listings.count, 30, "the blocks still read")
        let checked = index.check(stations: nil, setAside: false)
        XCTAssertTrue(checked.rewritten, "written anew")
        let after = try XCTUnwrap(try FileManager.default.attributesOfItem(atPath: index.url.path)[.size] as? Int)
        XCTAssertLessThan(after, 1 << 20)
        XCTAssertEqual(index.load(stations: nil).listings.count, 30)
    }

    func testATableClaimingAHugeBlockOrOverlappingBlocksIsNotTrusted() throws {
        let (_, index) = try blockIndex()
        let bytes = try Data(contentsOf: index.url)
        let nl = try XCTUnwrap(bytes.firstIndex(of: 10))
        let f = String(decoding: bytes[..<nl], as: UTF8.self).split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
        let entries = f[2].split(separator: ",").map { $0.split(separator: ":").map(String.init) }
        func number(_ n: Int) -> String { String(format: "%012d", n) }
        func write(_ e: [[String]], tail: Int) throws {
            var t = Data((["i4", number(e.count), e.map { $0.joined(separator: ":") }.joined(separator: ","), number(tail)]
                .joined(separator: "\t")).utf8)
            XCTAssertEqual(t.count, nl, "the table keeps its length")
            t.append(bytes[nl...])
            try t.write(to: index.url)
        }
        // The last block claimed to run past a huge stretch of zeros, the tail after it.
        let huge = BlockFile.maxPiece + 1
        var claimed = entries
        let last = claimed.count - 1
        let offset = Int(claimed[last][1]) ?? 0
        claimed[last][2] = number(huge)
        try write(claimed, tail: offset + huge)
        try grow(index.url, to: offset + huge)
        XCTAssertNil(BlockFile.Reader(path: index.url.path)?.table, "a block longer than any index holds")
        XCTAssertEqual(index.open(setAside: false).listings.count, 30)
        XCTAssertNotNil(BlockFile.Reader(path: index.url.path)?.table, "written anew")
        // Two entries on the same bytes (one block read twice: a loop over the same stretch).
        let again = try Data(contentsOf: index.url)
        let nl2 = try XCTUnwrap(again.firstIndex(of: 10))
        let g = String(decoding: again[..<nl2], as: UTF8.self).split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
        var e2 = g[2].split(separator: ",").map { $0.split(separator: ":").map(String.init) }
        XCTAssertGreaterThan(e2.count, 1)
        e2[1][1] = e2[0][1]
        e2[1][2] = e2[0][2]
        var t = Data((["i4", g[1], e2.map { $0.joined(separator: ":") }.joined(separator: ","), g[3]].joined(separator: "\t")).utf8)
        t.append(again[nl2...])
        try t.write(to: index.url)
        XCTAssertNil(BlockFile.Reader(path: index.url.path)?.table, "blocks overlap")
    }
}
