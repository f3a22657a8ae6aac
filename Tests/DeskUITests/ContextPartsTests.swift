@testable import DeskUI
import DemoData
import DeskModel
import Foundation
import XCTest

/// The parts behind `ctx`: the case repository reads without writing, the review cache works
/// out each value once per (change count, day, user), the timeline names typed facts.
final class ContextPartsTests: XCTestCase {
    var root: URL!

    override func tearDown() {
        if let root { try? FileManager.default.removeItem(at: root) }
    }

    /// Every file under the folder, with its bytes.
    func folder(_ url: URL) -> [String: Data] {
        var out: [String: Data] = [:]
        let items = FileManager.default.enumerator(at: url, includingPropertiesForKeys: nil)
        while let item = items?.nextObject() as? URL {
            var isDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: item.path, isDirectory: &isDir), !isDir.boolValue else { continue }
            out[String(item.path.dropFirst(url.path.count))] = FileManager.default.contents(atPath: item.path)
        }
        return out
    }

    /// A demo store with a damaged case file and a list index that no longer holds every case.
    func damagedStore() throws -> CaseStore {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("urja-repo-\(UUID().uuidString)")
        let store = try DemoStore.create(at: root, directory: Harness.directory(), count: 6, seed: 11, clock: testClock)
        try Data("garbage".utf8).write(to: root.appendingPathComponent("cases/\(UUID().uuidString).plist"))
        let index = root.appendingPathComponent(ListIndex.fileName)
        let lines = try String(contentsOf: index, encoding: .utf8).split(separator: "\n")
        try (lines.dropFirst().joined(separator: "\n") + "\n").write(to: index, atomically: true, encoding: .utf8)
        return store
    }

    func testTheRepositorysReadsLeaveTheFolderByteForByteUnchanged() throws {
        let store = try damagedStore()
        let before = folder(root)
        let repo = CaseRepository(store: store)
        XCTAssertEqual(repo.listings.count, 6)
        XCTAssertEqual(repo.damaged.count, 1)
        XCTAssertNil(repo.damaged.first?.movedTo, "reported where it lies")
        let id = try XCTUnwrap(repo.listings.first?.id)
        XCTAssertNotNil(repo.listing(id))
        XCTAssertEqual(repo.record(id)?.id, id)
        XCTAssertEqual(repo.cases.count, 6)
        XCTAssertNotNil(repo.reviewIndex)
        _ = repo.nameKeys(try XCTUnwrap(repo.listing(id)))
        XCTAssertEqual(folder(root), before, "reading changed the store")

        // The named step that writes: the damaged file set aside, the index written anew.
        repo.open()
        XCTAssertNotNil(repo.damaged.first?.movedTo)
        XCTAssertNotEqual(folder(root), before)
        XCTAssertEqual(ListIndex(store: store).open(setAside: false, mend: false).decoded, 0, "the index was mended")
        XCTAssertEqual(repo.listings.count, 6)
    }

    func testASaveAfterAReadMendsWhatTheReadFound() throws {
        let store = try damagedStore()
        let repo = CaseRepository(store: store)
        let id = try XCTUnwrap(repo.listings.first?.id)
        var record = try XCTUnwrap(repo.record(id))
        try record.addRemark("Called her at home", by: "asha", at: testNow)
        let changes = repo.changes
        let saved = try repo.save(record, .care("remark"), now: testNow)
        XCTAssertEqual(saved.revision, record.revision + 1)
        XCTAssertGreaterThan(repo.changes, changes)
        XCTAssertNotNil(repo.damaged.first?.movedTo, "set aside at the save")
        XCTAssertEqual(ListIndex(store: store).open(setAside: false, mend: false).decoded, 0)
        XCTAssertEqual(repo.record(id)?.revision, saved.revision)
        XCTAssertEqual(repo.listing(id)?.revision, saved.revision)
    }

    func testTheReviewCacheWorksOutAValueOncePerChangeDayAndUser() {
        let cache = ReviewCache()
        let slot = ReviewCache.Slot<Int>("n")
        var worked = 0
        func read(_ key: ReviewCache.Key) -> Int { cache.value(slot, key) { worked += 1; return worked } }
        let key = ReviewCache.Key(changes: 1, day: Day(testNow), user: "asha")
        XCTAssertEqual(read(key), 1)
        XCTAssertEqual(read(key), 1, "same key: kept")
        XCTAssertEqual(worked, 1)
        var changed = key
        changed.changes = 2
        XCTAssertEqual(read(changed), 2, "a change to the cases")
        var nextDay = changed
        nextDay.day = Day(testNow.addingTimeInterval(86_400))
        XCTAssertEqual(read(nextDay), 3, "the day turned")
        var other = nextDay
        other.user = "kavita"
        XCTAssertEqual(read(other), 4, "another user")
        XCTAssertEqual(read(other), 4)
        XCTAssertEqual(cache.computed, 4)
    }

    func testTheDesksReviewIsWorkedOutAgainOnlyWhenACaseChangesTheDayTurnsOrTheUserChanges() throws {
        let clock = MovableClock(testNow)
        let h = try Harness(cases: 8, clock: clock)
        defer { h.cleanUp() }
        h.login("sp", "4444")
        XCTAssertEqual(h.ctx.user?.id, "sp")
        let rows = h.ctx.overview
        let worked = h.ctx.reviewCache.computed
        XCTAssertEqual(h.ctx.overview.map(\.stationID), rows.map(\.stationID))
        _ = h.ctx.summaries
        XCTAssertEqual(h.ctx.reviewCache.computed, worked, "asked again: nothing worked out")
        clock.advance(86_400)
        _ = h.ctx.overview
        XCTAssertGreaterThan(h.ctx.reviewCache.computed, worked, "the day turned")
        let afterDay = h.ctx.reviewCache.computed
        let id = try XCTUnwrap(h.ctx.listings.first?.id)
        var record = try XCTUnwrap(h.ctx.record(id))
        try record.addRemark("Called her at home", by: "sp", at: clock.now())
        let beforeSave = h.ctx.reviewCache.computed
        XCTAssertGreaterThanOrEqual(beforeSave, afterDay)
        try h.ctx.saveChange(record, what: "remark")
        _ = h.ctx.overview
        XCTAssertGreaterThan(h.ctx.reviewCache.computed, beforeSave, "a case changed")
    }

    /// Each value is named from its own list: a referral done by the partner is not a step done,
    /// and in Hindi counselling as a step is not the status "in counselling".
    func testTheTimelineNamesEachTypedValueFromItsOwnList() throws {
        let res = try DeskResources.load()
        let directory = try Harness.directory()
        let en = Words(strings: res.strings, language: .en, directory: directory)
        let hi = Words(strings: res.strings, language: .hi, directory: directory)
        let referral = CaseEvent.Facts.referral(kind: .shgLinkage, partnerID: "nrlm", state: .done)
        XCTAssertEqual(TimelineLines.detail(referral, en),
                       " · " + en.t(.choice_stepKind_shgLinkage) + " · Rural Livelihood Mission (SHG) · Done by partner")
        let step = CaseEvent.Facts.stepUpdated(kind: .counselling, status: .done)
        XCTAssertEqual(TimelineLines.detail(step, hi), " · परामर्श · पूरा")
        let legal = CaseEvent.Facts.legal([.day(.firDay, Day(testNow)), .outcome(.convicted), .sections(["bns85"])])
        XCTAssertEqual(TimelineLines.detail(legal, en),
                       " · FIR date 29-11-2026 · " + en.t(.choice_outcome_convicted) + " · Sections of the FIR bns85")
        XCTAssertEqual(TimelineLines.detail(.none, en), "")
    }
}
