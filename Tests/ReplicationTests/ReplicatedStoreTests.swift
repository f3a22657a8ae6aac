import DeskModel
import Foundation
import XCTest

/// Two and three stores on one disk, files carried between them as Syncthing would.
final class ReplicatedStoreTests: XCTestCase {
    func testACaseSavedAtTheThanaReachesTheDistrictsQueueAndOverview() throws {
        let s = try makeStores(["A": (.thana, ["VJN"], ""), "D": (.district, ["VJN", "MHW"], "D")])
        guard let a = s["A"], let d = s["D"] else { return XCTFail() }
        let r = sampleCase()
        try a.save(r)
        try carry("VJN", from: a, to: d)
        let report = d.takeInReplicas()
        XCTAssertEqual(report.newCases, 1)
        XCTAssertEqual(report.problems, [])
        XCTAssertEqual(ListIndex(store: d).open(setAside: false).listings.map(\.id), [r.id])
        let summaries = SummaryIndex(store: d).load()?.summaries ?? []
        let rows = StationOverview.rows(stationIDs: ["VJN", "MHW"], summaries: summaries, today: Day(testNow), now: testNow,
                                        settings: .standard)
        XCTAssertEqual(rows.first { $0.stationID == "VJN" }?.open, 1)
        XCTAssertEqual(try d.reload(r.id).map { try FlatRecord($0) }, try FlatRecord(r))
        // Nothing new the second time; when A's file came in is known at D, and A received nothing.
        XCTAssertEqual(d.takeInReplicas().changedCases, 0)
        XCTAssertNotNil(d.loadLedger().lastArrival["VJN"])
        XCTAssertEqual(d.loadLedger().folders.count, 1)
        a.takeInReplicas()
        XCTAssertNil(a.loadLedger().lastArrival["VJN"])
    }

    func testTheSameCaseEditedAtOnceAtBothEndsKeepsBothChangesAndShowsTheFieldConflict() throws {
        let s = try makeStores(["A": (.thana, ["VJN"], ""), "D": (.district, ["VJN"], "D")])
        guard let a = s["A"], let d = s["D"] else { return XCTFail() }
        let r = sampleCase()
        try a.save(r)
        try carry("VJN", from: a, to: d)
        d.takeInReplicas()
        guard var atA = a.reload(r.id), var atD = d.reload(r.id) else { return XCTFail() }
        atA.identity.address = "Ward 4"; atA.status = .counselling; atA.revision += 1
        atA.events.append(CaseEvent(at: testNow.addingTimeInterval(60), by: "asha", kind: .edited))
        atD.identity.address = "Ward 9"; atD.risk.answers[.weapon] = .yes; atD.revision += 1
        atD.events.append(CaseEvent(at: testNow.addingTimeInterval(61), by: "spindore", kind: .remark, detail: "call her"))
        try a.save(atA, base: atA.revision - 1)
        try d.save(atD, base: atD.revision - 1)
        try carry("VJN", from: a, to: d)
        try carry("VJN", from: d, to: a)
        XCTAssertEqual(a.takeInReplicas().casesWithConflicts, [r.number])
        d.takeInReplicas()
        for store in [a, d] {
            guard let m = store.reload(r.id) else { return XCTFail() }
            XCTAssertEqual(m.status, .counselling)
            XCTAssertEqual(m.risk.answers[.weapon], .yes)
            XCTAssertEqual(m.events.count, 3)
            XCTAssertEqual(m.conflicts.map(\.path), ["identity.address"])
            XCTAssertEqual(Set(m.conflicts.first?.choices.map(\.shown) ?? []), ["Ward 4", "Ward 9"])
        }
        XCTAssertEqual(try a.reload(r.id).map(FlatRecord.init), try d.reload(r.id).map(FlatRecord.init))
        // The desk at A picks Ward 4: the conflict goes at both ends.
        guard var pick = a.reload(r.id) else { return XCTFail() }
        pick.identity.address = "Ward 4"; pick.conflicts = []; pick.revision += 1
        try a.save(pick, base: pick.revision - 1)
        try carry("VJN", from: a, to: d)
        d.takeInReplicas()
        XCTAssertEqual(d.reload(r.id)?.conflicts, [])
        XCTAssertEqual(d.reload(r.id)?.identity.address, "Ward 4")
    }

    func testAConflictCopyIsMergedThenRemovedAndABadOneIsSetAsideWithNothingLost() throws {
        let s = try makeStores(["A": (.thana, ["VJN"], ""), "D": (.district, ["VJN"], "D")])
        guard let a = s["A"], let d = s["D"], let idA = a.loadMachine()?.id else { return XCTFail() }
        var r = sampleCase()
        try a.save(r)
        try carry("VJN", from: a, to: d)
        d.takeInReplicas()
        // A Syncthing conflict copy of A's file holding a remark the file itself does not.
        let folder = d.stationFolder("VJN").appendingPathComponent("cases/\(r.id.uuidString)")
        let kept = try Data(contentsOf: folder.appendingPathComponent(idA + ".rcase"))
        r.events.append(CaseEvent(at: testNow.addingTimeInterval(30), by: "asha", kind: .remark, detail: "only in the copy"))
        r.revision += 1
        try a.save(r, base: 1)
        try carry("VJN", from: a, to: d)
        let copy = folder.appendingPathComponent(idA + ".sync-conflict-20261129-101500-ABCDEFG.rcase")
        try FileManager.default.moveItem(at: folder.appendingPathComponent(idA + ".rcase"), to: copy)
        try kept.write(to: folder.appendingPathComponent(idA + ".rcase"))
        // And a damaged one (a half-received file).
        let bad = folder.appendingPathComponent("ZZZZZZZZ.sync-conflict-20261129-101501-ABCDEFG.rcase")
        try Data(kept.prefix(40)).write(to: bad)
        let report = d.takeInReplicas()
        // A folder with a file that cannot be read is read again at every take-in, never skipped.
        XCTAssertEqual(d.takeInReplicas().problems.count, 1)
        XCTAssertEqual(report.conflictCopiesMerged, 1)
        XCTAssertEqual(report.problems.map(\.path), [bad.path])
        XCTAssertNotNil(report.problems.first?.copiedTo)
        XCTAssertTrue(FileManager.default.fileExists(atPath: bad.path), "left for its owner to write again")
        XCTAssertFalse(FileManager.default.fileExists(atPath: copy.path))
        XCTAssertEqual(d.reload(r.id)?.events.map(\.detail).contains("only in the copy"), true)
    }

    func testADirectiveFromTheDistrictReachesTheThanaAndItsAnswerComesBack() throws {
        let s = try makeStores(["A": (.thana, ["VJN"], ""), "D": (.district, ["VJN"], "D")])
        guard let a = s["A"], let d = s["D"] else { return XCTFail() }
        let r = sampleCase()
        try a.save(r)
        try carry("VJN", from: a, to: d)
        d.takeInReplicas()
        guard case .success(let dir) = Directive.make(caseID: r.id, text: "Call her today", due: "30-11-2026", by: "spindore",
                                                      clock: Clock(date: testNow)) else { return XCTFail() }
        try d.updateDirectives(caseID: r.id) { $0.append(dir) }
        try carry("VJN", from: d, to: a)
        XCTAssertEqual(a.takeInReplicas().directivesChanged, 1)
        XCTAssertEqual(a.loadDirectives()[r.id]?.map(\.text), ["Call her today"])
        try a.updateDirectives(caseID: r.id) { try $0[0].markDone(reply: "Called, she is safe", by: "asha", at: testNow) }
        try carry("VJN", from: a, to: d)
        d.takeInReplicas()
        XCTAssertEqual(d.loadDirectives()[r.id]?.first?.reply, "Called, she is safe")
        XCTAssertEqual(d.loadDirectives()[r.id]?.first?.doneBy, "asha")
    }

    func testCaseNumbersTakenOnTwoMachinesAtOnceNeverClash() throws {
        let s = try makeStores(["A": (.thana, ["VJN"], ""), "D": (.district, ["VJN"], "D")])
        guard let a = s["A"], let d = s["D"] else { return XCTFail() }
        let proposed = CaseNumber(stationCode: "IND-VJN", year: 2026, sequence: 7)
        let na = try a.claim(proposed), nd = try d.claim(proposed)
        XCTAssertNotEqual(na, nd)
        XCTAssertEqual(na.description, "IND-VJN-2026-0007")
        XCTAssertEqual(nd.description, "IND-VJN-2026-0007D")
        XCTAssertEqual(CaseNumber("IND-VJN-2026-0007D"), nd)
        XCTAssertEqual(CaseNumber("ind-vjn-2026-0007"), na)
    }

    func testSharingAStationIsCrashSafeAndWritesTheIgnoreFile() throws {
        let root = tempFolder()
        var store = try CaseStore.create(at: root, directory: directory(), clock: Clock(date: testNow))
        let cases = (1...6).map { sampleCase($0) }
        for r in cases { try store.save(r) }
        // A version-2 store, as this program found it.
        let encoder = PropertyListEncoder()
        encoder.outputFormat = .binary
        try encoder.encode(StoreMeta(formatVersion: 2, createdAt: testNow)).write(to: root.appendingPathComponent("store.plist"))
        store = try CaseStore.open(at: root)
        try store.shareStation("VJN")
        let folder = store.stationFolder("VJN")
        XCTAssertEqual(try String(contentsOf: folder.appendingPathComponent(".stignore"), encoding: .utf8), CaseStore.stignore)
        XCTAssertEqual(try CaseStore.open(at: root).meta.formatVersion, 3)
        // A crash half way: some copies never written, store.plist still 2. Sharing again finishes.
        let own = (store.loadMachine()?.id ?? "?") + ".rcase"
        for r in cases.prefix(3) { try FileManager.default.removeItem(at: folder.appendingPathComponent("cases/\(r.id.uuidString)/\(own)")) }
        try encoder.encode(StoreMeta(formatVersion: 2, createdAt: testNow)).write(to: root.appendingPathComponent("store.plist"))
        store = try CaseStore.open(at: root)
        try store.shareStation("VJN")
        XCTAssertEqual(try CaseStore.open(at: root).meta.formatVersion, 3)
        let d = try makeStores(["D": (.district, ["VJN"], "D")])["D"]
        guard let d else { return XCTFail() }
        try carry("VJN", from: store, to: d)
        XCTAssertEqual(d.takeInReplicas().newCases, 6)
        for r in cases { XCTAssertEqual(try d.reload(r.id).map(FlatRecord.init), try FlatRecord(r)) }
    }
}

/// Sealed stores: every replica sealed with the store's key and bound to its place; a conflict
/// copy opens under its original's name; a copy sealed with another key is refused plainly.
final class SealedReplicationTests: XCTestCase {
    func testReplicasAreSealedAndOpenOnlyWithTheStoresKey() throws {
        let base = tempFolder()
        let made = try CaseStore.createEncrypted(at: base.appendingPathComponent("A"), directory: directory(),
                                                 secrets: ["asha": "1111"], clock: Clock(date: testNow), rounds: 1000)
        _ = made
        try FileManager.default.copyItem(at: base.appendingPathComponent("A"), to: base.appendingPathComponent("D"))
        let key = try XCTUnwrap(CaseStore.open(at: base.appendingPathComponent("A")).loadKeyRing()).unlock(user: "asha", secret: "1111")
        let a = try CaseStore.open(at: base.appendingPathComponent("A")).unlocked(with: key)
        let d = try CaseStore.open(at: base.appendingPathComponent("D")).unlocked(with: key)
        try a.shareStation("VJN")
        try d.shareStation("VJN", role: .district, numberSuffix: "D")
        let r = sampleCase()
        try a.save(r)
        let file = a.stationFolder("VJN").appendingPathComponent("cases/\(r.id.uuidString)/\(a.loadMachine()?.id ?? "?").rcase")
        XCTAssertTrue(Sealer.isSealed(try Data(contentsOf: file)), "the replica is sealed")
        XCTAssertFalse(String(decoding: try Data(contentsOf: file), as: UTF8.self).contains("9876543201"))
        try carry("VJN", from: a, to: d)
        // A conflict copy of A's file at D: opened under the original's name and merged.
        let atD = d.stationFolder("VJN").appendingPathComponent("cases/\(r.id.uuidString)")
        let name = file.lastPathComponent
        try FileManager.default.copyItem(at: atD.appendingPathComponent(name),
                                         to: atD.appendingPathComponent(name.replacingOccurrences(of: ".rcase", with: ".sync-conflict-20261129-101500-ABCDEFG.rcase")))
        // A replica sealed with another store's key (a machine of another district).
        let other = try CaseStore.createEncrypted(at: base.appendingPathComponent("X"), directory: directory(),
                                                  secrets: ["asha": "1111"], clock: Clock(date: testNow), rounds: 1000).store
        try other.shareStation("VJN")
        try other.save(sampleCase(2))
        let foreign = try XCTUnwrap(FileManager.default.enumerator(atPath: other.stationFolder("VJN").path)?.allObjects
            .compactMap { $0 as? String }.first { $0.hasSuffix(".rcase") })
        let planted = atD.appendingPathComponent("QQQQQQQQ.rcase")
        try FileManager.default.copyItem(at: other.stationFolder("VJN").appendingPathComponent(foreign), to: planted)
        let report = d.takeInReplicas()
        XCTAssertEqual(report.newCases, 1)
        XCTAssertEqual(report.conflictCopiesMerged, 1)
        XCTAssertEqual(report.problems.map(\.reason), ["cannot be opened with the store's key (altered or damaged)"])
        XCTAssertEqual(try d.reload(r.id).map(FlatRecord.init), try FlatRecord(r))
        XCTAssertTrue(FileManager.default.fileExists(atPath: planted.path))
    }
}
