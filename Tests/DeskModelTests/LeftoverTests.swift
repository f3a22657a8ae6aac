@testable import DeskModel
import Foundation
import XCTest

/// What a killed save leaves: temporary files, found by verify and swept at the next open,
/// never one a live writer is still filling.
final class LeftoverTests: XCTestCase {
    func testLeftoverTemporariesAreFoundAndSweptButALiveWritersAreNot() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("urja-left-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let store = try CaseStore.create(at: root, directory: testDirectory(), clock: testClock)
        let r = makeCase(1)
        try store.save(r)
        let cases = root.appendingPathComponent("cases")
        let name = r.id.uuidString + ".plist"
        // A process that is gone (pid far above pid_max) left one; this process is writing another, newer than its target.
        let dead = cases.appendingPathComponent(".\(name).99999999.17.tmp")
        let live = cases.appendingPathComponent(".\(name).\(getpid()).18.tmp")
        try Data("half a record".utf8).write(to: dead)
        Thread.sleep(forTimeInterval: 0.02)
        try Data("being written".utf8).write(to: live)
        XCTAssertEqual(store.leftoverTemporaries(), [dead])
        let report = StoreCheck.run(store)
        XCTAssertTrue(report.isClean, "a leftover is not damage: every record is whole")
        XCTAssertEqual(report.leftoverTemporaries, 1)
        XCTAssertEqual(store.sweepTemporaries(), 1)
        XCTAssertFalse(FileManager.default.fileExists(atPath: dead.path))
        XCTAssertTrue(FileManager.default.fileExists(atPath: live.path), "a live writer's file is left alone")
        // Once the target is saved again (newer than the live writer's file), that one is stale too.
        Thread.sleep(forTimeInterval: 0.02)
        var again = r
        again.revision += 1
        try store.save(again)
        XCTAssertEqual(store.leftoverTemporaries(), [live])
    }
}
