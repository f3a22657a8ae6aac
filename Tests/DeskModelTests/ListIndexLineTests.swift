import DemoData
import DeskModel
import Foundation
import XCTest

/// What a list index line may hold and still never stop the desk: found by a review of #12.
final class ListIndexLineTests: XCTestCase {
    var root: URL!

    override func tearDown() {
        if let root { try? FileManager.default.removeItem(at: root) }
    }

    func store() throws -> CaseStore {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("urja-lines-\(UUID().uuidString)")
        return try DemoStore.create(at: root, directory: testDirectory(), count: 5, seed: 4, clock: testClock)
    }

    func testAHugeNumberInAStampMakesTheLineUnreadNotACrash() throws {
        let s = try store()
        let index = ListIndex(store: s)
        let first = try XCTUnwrap(index.open(setAside: false).listings.first)
        // Twenty digits overflow every integer; nineteen overflow a signed one.
        for stamp in ["99999999999999999999.1.1.1", "9999999999999999999.9999999999999999999.1.1", "1.1.1.99999999999999999999"] {
            let line = "l4\t\(first.id.uuidString)\t\(stamp)\tVJN\tgarbage\n"
            let handle = try FileHandle(forWritingTo: index.url)
            try handle.seekToEnd()
            try handle.write(contentsOf: Data(line.utf8))
            try handle.close()
            let opened = index.open(setAside: false)
            XCTAssertEqual(opened.listings.count, 5, stamp)
            XCTAssertTrue(opened.listings.contains { $0.id == first.id })
        }
    }

    func testALastLineWithoutItsNewlineIsNotRead() throws {
        let s = try store()
        let index = ListIndex(store: s)
        XCTAssertEqual(index.open(setAside: false).decoded, 0)
        var bytes = try Data(contentsOf: index.url)
        // The last line cut before its newline, as an append still being written.
        bytes.removeLast()
        try bytes.write(to: index.url)
        let loaded = index.load(stations: nil)
        XCTAssertEqual(loaded.listings.count, 4, "the unfinished line is not taken")
        XCTAssertEqual(index.open(setAside: false).listings.count, 5, "its case is decoded from its file")
    }
}
