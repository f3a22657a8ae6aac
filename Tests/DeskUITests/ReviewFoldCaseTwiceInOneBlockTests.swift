import DemoData
@testable import DeskModel
import Foundation
import XCTest

/// A case's line twice in one station's block, at its current revision (an index written wrongly,
/// or a plain store's block edited): the overview's count from the lines takes it twice, so the
/// check must say the index does not agree with her lists, though every revision matches and every
/// case is there. Both lines fall in one part of the count (`SummaryIndex.fold` reads a block in
/// parts of 2,048 lines): found by `RevisionTally.add`, not by the merging of parts.
final class ReviewFoldCaseTwiceInOneBlockTests: XCTestCase {
    var root: URL!

    override func tearDown() {
        if let root { try? FileManager.default.removeItem(at: root) }
    }

    func testACaseTwiceInOneBlockDoesNotAgree() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("urja-foldtwiceone-\(UUID().uuidString)")
        let store = try DemoStore.createEncrypted(at: root, directory: Harness.directory(), count: 30, seed: 5, clock: testClock,
                                                  rounds: 1000).store
        let index = SummaryIndex(store: store)
        let listings = ListIndex(store: store).open(setAside: false, mend: false).listings
        let summaries = listings.map(\.summary)
        XCTAssertTrue(index.agrees(with: listings, stations: nil), "the index as the desk wrote it agrees")
        let twice = try XCTUnwrap(summaries.first { $0.stationID == "MHK" })
        try index.rebuild(from: summaries + [twice])
        XCTAssertEqual(index.fold(stations: nil, from: CaseCount())?.cases, summaries.count + 1, "the overview counts it twice")
        XCTAssertEqual(index.fold(stations: nil, from: RevisionTally())?.repeated, true)
        XCTAssertFalse(index.agrees(with: listings, stations: nil))
        XCTAssertFalse(index.agrees(with: listings, stations: ["MHK"]))
        XCTAssertTrue(index.agrees(with: listings, stations: ["VJN"]), "her other station's block is as it was")
    }

    /// Parts merged either way round (the smaller into the larger): a case in both is found, and
    /// a case found twice within either part is kept found.
    func testMergingPartsFindsACaseInBoth() {
        func tally(_ ids: [UUID]) -> RevisionTally {
            var t = RevisionTally()
            for (n, id) in ids.enumerated() {
                var s = CaseSummary.blank()
                s.id = id
                s.revision = n + 1
                t.add(s)
            }
            return t
        }
        let ids = (0..<5).map { _ in UUID() }
        let small = tally([ids[0]]), large = tally(Array(ids[1...]))
        let smallAgain = tally([ids[4]])
        for (a, b) in [(small, large), (large, small)] {
            var m = a
            m.merge(b)
            XCTAssertFalse(m.repeated, "no case in both")
            XCTAssertEqual(Set(m.revisions.keys), Set(ids))
        }
        for (a, b) in [(smallAgain, large), (large, smallAgain)] {
            var m = a
            m.merge(b)
            XCTAssertTrue(m.repeated, "a case in both parts")
            XCTAssertEqual(m.revisions.count, 4)
        }
        let doubled = tally([ids[0], ids[0]])
        XCTAssertTrue(doubled.repeated)
        for (a, b) in [(doubled, large), (large, doubled), (small, doubled), (doubled, small)] {
            var m = a
            m.merge(b)
            XCTAssertTrue(m.repeated, "found within a part, kept")
        }
    }
}
