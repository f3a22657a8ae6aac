import Crypto
import DeskModel
import Foundation
import XCTest

/// A station's key rotated (issue 13, item 2): a user taken off the station who kept her copy
/// opens nothing written after; the rotation is resumable; a thana PC made afterwards reads what
/// was written before.
extension StationKeyTests {
    func rcase(_ store: CaseStore, _ station: String, _ id: UUID) throws -> (url: URL, place: String) {
        let folder = store.stationFolder(station).appendingPathComponent("cases/\(id.uuidString)")
        let name = try XCTUnwrap(try FileManager.default.contentsOfDirectory(atPath: folder.path).first { $0.hasSuffix(".rcase") })
        return (folder.appendingPathComponent(name), "sync/\(station.lowercased())/cases/\(id.uuidString)/\(name)")
    }

    func opens(_ key: SymmetricKey, _ file: (url: URL, place: String)) -> Bool {
        (try? Sealer(key: key).open(Data(contentsOf: file.url), binding: file.place)) != nil
    }

    func testARevokedUserWhoKeptHerCopyOpensNothingWrittenAfterTheStationsKeyIsRotated() throws {
        let d = try district(tempFolder())
        // What asha kept: her copy of VJN's key, and the key it opens with her PIN.
        let kept = try XCTUnwrap(try CaseStore.open(at: d.root).loadStationKeys()?.stations["vjn"])
        let herKey = try kept.unlock(user: "asha", secret: pins["asha"] ?? "")
        let admin = try signIn(d.root, "admin")
        XCTAssertTrue(opens(herKey, try rcase(admin, "VJN", d.vjn.id)), "before: her copy opens the station's files")
        try admin.revokeKey(userID: "asha")
        let adminUser = try XCTUnwrap(try admin.loadDirectory().users.first { $0.id == "admin" })
        let report = try admin.rotateStationKey("VJN", admin: (adminUser, pins["admin"] ?? ""))
        XCTAssertEqual(report.resealed, 2, "this machine's copy of the case and its card")
        XCTAssertEqual(report.unreadable, [])
        let entry = try XCTUnwrap(admin.loadStationKeys()?.stations["vjn"])
        XCTAssertEqual(Set(entry.users.keys), ["admin"], "copies only for who is signed in and works there; the others at sign-in")
        XCTAssertNil(entry.next)
        // Written after: not for her kept key (nor is this machine's resealed copy).
        let after = sampleCase(7)
        try admin.save(after)
        let newKey = try XCTUnwrap(admin.stationKey("VJN"))
        XCTAssertFalse(opens(herKey, try rcase(admin, "VJN", after.id)))
        XCTAssertTrue(opens(newKey, try rcase(admin, "VJN", after.id)))
        XCTAssertFalse(opens(herKey, try rcase(admin, "VJN", d.vjn.id)))
        XCTAssertThrowsError(try entry.unlock(user: "asha", secret: pins["asha"] ?? ""))
        // MHW untouched; the model reads everything as before.
        XCTAssertEqual(admin.takeInReplicas().problems, [])
        XCTAssertNotNil(admin.reload(d.vjn.id))
        XCTAssertNotNil(admin.reload(d.mhw.id))
        XCTAssertEqual(StoreCheck.run(admin).problems, [])
    }

    func testAStationKeyRotationStoppedMidwayGoesOnWhereItStopped() throws {
        let d = try district(tempFolder())
        let admin = try signIn(d.root, "admin")
        for i in 10..<13 { try admin.save(sampleCase(i)) }
        let first = try admin.rotateStationKey("VJN", stopAfter: 2)
        XCTAssertEqual(first.resealed, 2)
        XCTAssertNotNil(admin.loadStationKeys()?.stations["vjn"]?.next, "the new key kept while it runs")
        // Half done: every file still reads (under the old key or the new one).
        XCTAssertEqual(admin.takeInReplicas().problems, [])
        let again = try admin.rotateStationKey("VJN")
        XCTAssertEqual(again.alreadyDone, 2)
        XCTAssertEqual(again.resealed, 3, "the other three case copies and the card")
        XCTAssertNil(admin.loadStationKeys()?.stations["vjn"]?.next)
        let key = try XCTUnwrap(admin.stationKey("VJN"))
        let folder = admin.stationFolder("VJN").appendingPathComponent("cases")
        for id in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
            XCTAssertTrue(opens(key, try rcase(admin, "VJN", try XCTUnwrap(UUID(uuidString: id)))), id)
        }
    }

    /// A thana PC wrote under the old key; after the rotation at the district, the thana PC's
    /// store made again (backup --station) reads its old files and the district's new ones.
    func testAThanaStoreMadeAfterTheRotationReadsWhatWasWrittenBefore() throws {
        let base = tempFolder()
        let d = try district(base)
        let admin = try signIn(d.root, "admin")
        _ = try admin.makeStationStore("VJN", at: base.appendingPathComponent("A"), now: testNow, rounds: 1000)
        let a = try signIn(base.appendingPathComponent("A"), "asha")
        let atA = sampleCase(3)
        try a.save(atA)
        try carry("VJN", from: a, to: admin)
        XCTAssertEqual(admin.takeInReplicas().problems, [])
        let adminUser = try XCTUnwrap(try admin.loadDirectory().users.first { $0.id == "admin" })
        try admin.rotateStationKey("VJN", admin: (adminUser, pins["admin"] ?? ""))
        // A's file, written under the old key, still reads at the district.
        XCTAssertEqual(try admin.reload(atA.id).map(FlatRecord.init), try FlatRecord(atA))
        let atD = sampleCase(4)
        try admin.save(atD)
        _ = try signIn(d.root, "asha")   // her copy of the new key, made at her sign-in
        let remade = try admin.makeStationStore("VJN", at: base.appendingPathComponent("A2"), now: testNow, rounds: 1000)
        try carry("VJN", from: a, to: remade.store)
        let a2 = try signIn(base.appendingPathComponent("A2"), "asha")
        XCTAssertEqual(a2.takeInReplicas().problems, [])
        XCTAssertEqual(try a2.reload(atA.id).map(FlatRecord.init), try FlatRecord(atA))
        XCTAssertEqual(try a2.reload(atD.id).map(FlatRecord.init), try FlatRecord(atD))
    }
    /// A station under the store's key (shared before keys per station): after the store's key is
    /// rotated, the station's files written before still read (the retired key), every one of them.
    func testAStationUnderTheStoresKeyStillReadsAfterTheStoresKeyIsRotated() throws {
        var dir = directory()
        dir.users = try users()
        let root = tempFolder().appendingPathComponent("D")
        _ = try CaseStore.createEncrypted(at: root, directory: dir, secrets: pins, clock: Clock(date: testNow), rounds: 1000)
        let admin = try signIn(root, "admin")
        try admin.shareStation("VJN", role: .district, numberSuffix: "D")
        let r = sampleCase(1)
        try admin.save(r)
        let rotated = try admin.rotateKey(adminID: "admin", secret: pins["admin"] ?? "", rounds: 1000).store
        try? FileManager.default.removeItem(at: rotated.root.appendingPathComponent("sync-seen.plist"))   // read every folder again
        let report = rotated.takeInReplicas()
        XCTAssertEqual(report.problems, [])
        XCTAssertEqual(try rotated.reload(r.id).map(FlatRecord.init), try FlatRecord(r))
    }
}
