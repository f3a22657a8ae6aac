import Crypto
import DeskModel
import Foundation
import XCTest

/// Faults in what Syncthing brings (issue 13): a half-received file is not read; a copy that
/// cannot be opened (damaged, or sealed with a key that is not the station's) is said plainly, a
/// copy of it set aside, nothing of the case lost; when its machine writes it again it is read.
/// (A peer down and a folder paused: SyncthingDistrictTests.test5, with real daemons.)
extension StationKeyTests {
    func testHalfReceivedAndUnopenableCopiesLoseNothingAndTheNextOneFromItsMachineIsRead() throws {
        let base = tempFolder()
        let d = try district(base)
        let admin = try signIn(d.root, "admin")
        _ = try admin.makeStationStore("VJN", at: base.appendingPathComponent("A"), now: testNow, rounds: 1000)
        let a = try signIn(base.appendingPathComponent("A"), "asha")
        guard let idA = a.loadMachine()?.id else { return XCTFail() }
        var r = sampleCase(6)
        try a.save(r)
        try carry("VJN", from: a, to: admin)
        XCTAssertEqual(admin.takeInReplicas().problems, [])
        let folder = admin.stationFolder("VJN").appendingPathComponent("cases/\(r.id.uuidString)")
        // Half-received: Syncthing's temporary names (Linux and Windows) are never read.
        for name in [".syncthing.\(idA).rcase.tmp", "~syncthing~\(idA).rcase.tmp"] {
            try Data("half".utf8).write(to: folder.appendingPathComponent(name))
        }
        XCTAssertEqual(admin.takeInReplicas().problems, [])
        // A's next save arrives damaged at the district.
        r.events.append(CaseEvent(at: testNow.addingTimeInterval(60), by: "asha", kind: .remark, detail: "first remark"))
        r.revision += 1
        try a.save(r, base: r.revision - 1)
        try carry("VJN", from: a, to: admin)
        let own = folder.appendingPathComponent(idA + ".rcase")
        var bytes = try Data(contentsOf: own)
        bytes[bytes.count / 2] ^= 0xFF
        try bytes.write(to: own)
        // And a conflict copy sealed with another station's key.
        let mhwCopy = try XCTUnwrap(FileManager.default.enumerator(atPath: admin.stationFolder("MHW").path)?.allObjects
            .compactMap { $0 as? String }.first { $0.hasSuffix(".rcase") })
        let alien = folder.appendingPathComponent(idA + ".sync-conflict-20261129-101500-ABCDEFG.rcase")
        try FileManager.default.copyItem(at: admin.stationFolder("MHW").appendingPathComponent(mhwCopy), to: alien)
        let report = admin.takeInReplicas()
        XCTAssertEqual(Set(report.problems.map(\.path)), [own.path, alien.path])
        XCTAssertTrue(report.problems.allSatisfy { $0.reason == "cannot be opened with the store's key (altered or damaged)" }, "\(report.problems)")
        XCTAssertTrue(report.problems.allSatisfy { $0.copiedTo.map { FileManager.default.fileExists(atPath: $0) } == true })
        XCTAssertTrue(FileManager.default.fileExists(atPath: own.path), "left in place: moving it would delete it everywhere")
        XCTAssertEqual(admin.reload(r.id)?.events.count, 1, "the case as it was: nothing lost, nothing half-taken")
        // A writes it again (another remark): it arrives whole and both remarks are there.
        r.events.append(CaseEvent(at: testNow.addingTimeInterval(120), by: "asha", kind: .remark, detail: "second remark"))
        r.revision += 1
        try a.save(r, base: r.revision - 1)
        try carry("VJN", from: a, to: admin)
        try FileManager.default.removeItem(at: alien)   // Syncthing's copy gone (its machine resent)
        let again = admin.takeInReplicas()
        XCTAssertEqual(again.problems, [])
        XCTAssertEqual(admin.reload(r.id)?.events.compactMap(\.detail).filter { $0.hasSuffix("remark") }, ["first remark", "second remark"])
    }
}
