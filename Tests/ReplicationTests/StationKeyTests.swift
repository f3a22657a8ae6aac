import Crypto
import DeskModel
import Foundation
import XCTest

/// One data key per station (issue 13, item 2): the SP's office holds every station's key, a thana
/// PC made for one station (`makeStationStore`) holds that station's only, and each user a copy of
/// the stations she works at.
final class StationKeyTests: XCTestCase {
    let pins = ["admin": "district-pass-9", "asha": "asha-pass-11", "ravi": "ravi-pass-22"]

    func users() throws -> [User] {
        [User(id: "admin", nameEn: "Admin", nameHi: "एडमिन", role: .admin, stationIDs: [], pin: try PinHash.make(pin: pins["admin"] ?? "", rounds: 1000)),
         User(id: "asha", nameEn: "Asha", nameHi: "आशा", role: .deskOfficer, stationIDs: ["VJN"], pin: try PinHash.make(pin: pins["asha"] ?? "", rounds: 1000)),
         User(id: "ravi", nameEn: "Ravi", nameHi: "रवि", role: .deskOfficer, stationIDs: ["MHW"], pin: try PinHash.make(pin: pins["ravi"] ?? "", rounds: 1000))]
    }

    func signIn(_ root: URL, _ name: String) throws -> CaseStore {
        let result = SignIn.attempt(try CaseStore.open(at: root), name: name, secret: pins[name] ?? "", now: testNow, via: "test")
        guard case .accepted = result.outcome, let store = result.store else { throw XCTSkip("sign-in of \(name): \(result.outcome)") }
        return store
    }

    /// The district store: VJN and MHW with their own keys, every user signed in once (her copies
    /// made), a case saved at each station.
    func district(_ base: URL) throws -> (root: URL, vjn: CaseRecord, mhw: CaseRecord) {
        var dir = directory()
        dir.users = try users()
        let root = base.appendingPathComponent("D")
        _ = try CaseStore.createEncrypted(at: root, directory: dir, secrets: pins, clock: Clock(date: testNow), rounds: 1000)
        let admin = try signIn(root, "admin")
        XCTAssertTrue(try admin.makeStationKey("VJN"))
        XCTAssertTrue(try admin.makeStationKey("MHW"))
        try admin.shareStation("VJN", role: .district, numberSuffix: "D")
        try admin.shareStation("MHW", role: .district, numberSuffix: "D")
        for name in ["admin", "asha", "ravi"] { _ = try signIn(root, name) }
        let vjn = sampleCase(1), mhw = sampleCase(2, station: "MHW", code: "IND-MHW")
        try admin.save(vjn)
        try admin.save(mhw)
        return (root, vjn, mhw)
    }

    func testEachUserHoldsCopiesOnlyOfHerStationsAndTheStationFilesAreSealedWithTheirOwnKey() throws {
        let d = try district(tempFolder())
        let keys = try XCTUnwrap(try CaseStore.open(at: d.root).loadStationKeys())
        XCTAssertEqual(keys.stations["vjn"].map { Set($0.users.keys) }, ["admin", "asha"])
        XCTAssertEqual(keys.stations["mhw"].map { Set($0.users.keys) }, ["admin", "ravi"])
        let store = try signIn(d.root, "admin")
        let storeKey = try XCTUnwrap(store.loadKeyRing()).unlock(user: "admin", secret: pins["admin"] ?? "")
        let file = try replicaFile(store, "MHW", d.mhw.id)
        let sealed = try Data(contentsOf: file)
        let place = "sync/mhw/cases/\(d.mhw.id.uuidString)/" + file.lastPathComponent
        XCTAssertThrowsError(try Sealer(key: storeKey).open(sealed, binding: place), "not under the store's key")
        XCTAssertNoThrow(try Sealer(key: XCTUnwrap(store.stationKey("MHW"))).open(sealed, binding: place))
        // Her own copy opens with her PIN; a new PIN rewraps it; a revoke takes it away.
        let vjnEntry = try XCTUnwrap(keys.stations["vjn"])
        XCTAssertEqual(try vjnEntry.unlock(user: "asha", secret: pins["asha"] ?? "").withUnsafeBytes { Data($0) },
                       try XCTUnwrap(store.stationKey("VJN")).withUnsafeBytes { Data($0) })
        try store.changePIN(userID: "asha", current: pins["asha"] ?? "", usingRecovery: false, newPIN: "Lotus-river-4827", rounds: 1000)
        let renewed = try XCTUnwrap(store.loadStationKeys()?.stations["vjn"])
        XCTAssertNoThrow(try renewed.unlock(user: "asha", secret: "Lotus-river-4827"))
        XCTAssertThrowsError(try renewed.unlock(user: "asha", secret: pins["asha"] ?? ""))
        try store.revokeKey(userID: "ravi")
        XCTAssertNil(store.loadStationKeys()?.stations["mhw"]?.users["ravi"])
    }

    /// The attack: a thana PC made for VJN, with MHW's files put on it (copied from the district's
    /// folder and its cases), opens none of them with any PIN it holds.
    func testAThanaStoreOpensNoFileOfAnotherStationWithAnyPINItHolds() throws {
        let base = tempFolder()
        let d = try district(base)
        let admin = try signIn(d.root, "admin")
        let thanaRoot = base.appendingPathComponent("A")
        let made = try admin.makeStationStore("VJN", at: thanaRoot, now: testNow, rounds: 1000)
        XCTAssertFalse(made.recovery.isEmpty)
        // What a thana PC holds: its store key is VJN's key; copies for VJN's users only.
        let ring = try XCTUnwrap(try CaseStore.open(at: thanaRoot).loadKeyRing())
        XCTAssertEqual(Set(ring.users.keys), ["admin", "asha"])
        XCTAssertEqual(try CaseStore.open(at: thanaRoot).loadStationKeys().map { Set($0.stations.keys) }, ["vjn"])
        // The thief puts MHW's folder and case file there, and claims the station in machine.plist.
        let fm = FileManager.default
        try fm.copyItem(at: admin.stationFolder("MHW"), to: made.store.stationFolder("MHW"))
        try fm.copyItem(at: admin.caseURL(d.mhw.id), to: made.store.caseURL(d.mhw.id))
        var machine = try XCTUnwrap(made.store.loadMachine())
        machine.stations.append("MHW")
        try made.store.saveMachine(machine)
        let mhwFiles = (fm.enumerator(atPath: made.store.stationFolder("MHW").path)?.allObjects as? [String] ?? [])
            .filter { $0.hasSuffix(".rcase") }.map { made.store.stationFolder("MHW").appendingPathComponent($0) }
            + [made.store.caseURL(d.mhw.id)]
        XCTAssertEqual(mhwFiles.count, 2)
        // Every key any PIN there opens (each user's copy; the station-key copies too)…
        var held: [SymmetricKey] = []
        for (user, pin) in pins {
            if let k = try? ring.unlock(user: user, secret: pin) { held.append(k) }
            for entry in (try CaseStore.open(at: thanaRoot).loadStationKeys()?.stations.values).map(Array.init) ?? [] {
                if let k = try? entry.unlock(user: user, secret: pin) { held.append(k) }
            }
        }
        XCTAssertEqual(held.count, 4, "admin's and asha's, each as store key and as VJN's copy")
        for key in held {
            for file in mhwFiles {
                let place = file.path.replacingOccurrences(of: thanaRoot.standardizedFileURL.path + "/", with: "")
                XCTAssertThrowsError(try Sealer(key: key).open(try Data(contentsOf: file), binding: place), place)
            }
        }
        // …and through the model: signed in at the thana, MHW's case is not there and its folder is refused plainly.
        let asha = try signIn(thanaRoot, "asha")
        XCTAssertNil(asha.reload(d.mhw.id))
        XCTAssertNotNil(asha.reload(d.vjn.id))
        let report = asha.takeInReplicas()
        XCTAssertEqual(report.newCases, 0)
        XCTAssertTrue(report.problems.contains { $0.reason.contains("station mhw's own key") }, "\(report.problems)")
        // A user of another station has no copy at all here.
        let ravi = SignIn.attempt(try CaseStore.open(at: thanaRoot), name: "ravi", secret: pins["ravi"] ?? "", now: testNow, via: "test")
        XCTAssertEqual(ravi.outcome, .noKey)
    }

    func testTheThanaStoreAndTheDistrictStillReplicateTheirStation() throws {
        let base = tempFolder()
        let d = try district(base)
        let admin = try signIn(d.root, "admin")
        _ = try admin.makeStationStore("VJN", at: base.appendingPathComponent("A"), now: testNow, rounds: 1000)
        let a = try signIn(base.appendingPathComponent("A"), "asha")
        // A case saved at the thana reaches the district; one saved at the district reaches the thana.
        let atA = sampleCase(3)
        try a.save(atA)
        try carry("VJN", from: a, to: admin)
        XCTAssertEqual(admin.takeInReplicas().problems, [])
        XCTAssertEqual(try admin.reload(atA.id).map(FlatRecord.init), try FlatRecord(atA))
        let atD = sampleCase(4)
        try admin.save(atD)
        try carry("VJN", from: admin, to: a)
        let report = a.takeInReplicas()
        XCTAssertEqual(report.problems, [])
        XCTAssertEqual(try a.reload(atD.id).map(FlatRecord.init), try FlatRecord(atD))
    }

    /// A station shared before the first station key keeps the store's key; one shared after gets its own.
    func testStationsSharedBeforeKeepTheStoresKey() throws {
        var dir = directory()
        dir.users = try users()
        let root = tempFolder().appendingPathComponent("D")
        _ = try CaseStore.createEncrypted(at: root, directory: dir, secrets: pins, clock: Clock(date: testNow), rounds: 1000)
        let admin = try signIn(root, "admin")
        try admin.shareStation("VJN", role: .district, numberSuffix: "D")
        let old = sampleCase(1)
        try admin.save(old)
        XCTAssertFalse(try admin.makeStationKey("VJN"), "its folder holds files sealed with the store's key")
        XCTAssertTrue(try admin.makeStationKey("MHW"))
        try admin.shareStation("MHW", role: .district, numberSuffix: "D")
        let newer = sampleCase(2), mhw = sampleCase(3, station: "MHW", code: "IND-MHW")
        try admin.save(newer)
        try admin.save(mhw)
        let storeKey = try XCTUnwrap(admin.loadKeyRing()).unlock(user: "admin", secret: pins["admin"] ?? "")
        for (station, record, underStoreKey) in [("VJN", old, true), ("VJN", newer, true), ("MHW", mhw, false)] {
            let file = try replicaFile(admin, station, record.id)
            let place = "sync/\(station.lowercased())/cases/\(record.id.uuidString)/" + file.lastPathComponent
            XCTAssertEqual((try? Sealer(key: storeKey).open(Data(contentsOf: file), binding: place)) != nil, underStoreKey, place)
        }
        let report = admin.takeInReplicas()
        XCTAssertEqual(report.problems, [])
        // A rotation of the store's key keeps each station's key, its escrow sealed again.
        let before = try XCTUnwrap(admin.stationKey("MHW")).withUnsafeBytes { Data($0) }
        let rotated = try admin.rotateKey(adminID: "admin", secret: pins["admin"] ?? "", rounds: 1000).store
        XCTAssertEqual(rotated.stationKey("MHW")?.withUnsafeBytes { Data($0) }, before)
        XCTAssertNotNil(rotated.reload(mhw.id))
        XCTAssertEqual(rotated.takeInReplicas().problems, [])
    }
}

private func replicaFile(_ store: CaseStore, _ station: String, _ id: UUID) throws -> URL {
    let folder = store.stationFolder(station).appendingPathComponent("cases/\(id.uuidString)")
    let name = try XCTUnwrap(try FileManager.default.contentsOfDirectory(atPath: folder.path).first { $0.hasSuffix(".rcase") })
    return folder.appendingPathComponent(name)
}
