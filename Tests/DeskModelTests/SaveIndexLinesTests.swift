@testable import DemoData
@testable import DeskModel
import Foundation
import XCTest

/// A save's two index lines, made while its file is synced, are both appended, once each, and
/// read back as the case saved (the list line with the stamp its file has).
final class SaveIndexLinesTests: XCTestCase {
    func testEverySaveAppendsItsTwoLines() throws {
        let root = tempFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let directory = try DemoStoryTests.seeds()
        let store = try DemoStore.createEncrypted(at: root, directory: directory, count: 8, seed: 3, clock: testClock, rounds: 1_000).store
        guard var record = store.loadCases(setAside: false).cases.first else { return XCTFail("no case") }
        let summaries = SummaryIndex(store: store), lists = ListIndex(store: store)
        let before = (summaries.load()?.lines ?? 0, lists.load(stations: nil).lines)
        var stamp: ListIndex.Stamp?
        for i in 0..<25 {
            record.events.append(CaseEvent(at: testClock.now(), by: "asha", kind: .remark, facts: .text("बात \(i)")))
            record.revision += 1
            stamp = try store.save(record, base: record.revision - 1)
        }
        XCTAssertEqual(summaries.load()?.lines, before.0 + 25)
        let loaded = lists.load(stations: nil)
        XCTAssertEqual(loaded.lines, before.1 + 25)
        XCTAssertEqual(loaded.listings.first { $0.id == record.id }?.revision, record.revision)
        XCTAssertEqual(summaries.latest()?.byID[record.id]?.revision, record.revision)
        XCTAssertEqual(stamp, ListIndex.Stamp(path: store.caseURL(record.id).path))
        // The lines of a save that made none: nothing.
        XCTAssertNil(IndexLines().finish())
    }
}
