@testable import DeskModel
import Foundation
import XCTest

/// `rotate-key`: every sealed file under a new key, wrapped for the admin alone; old notes still
/// read; and a rotation stopped at any point (a crash, a power cut) finishes when run again.
final class KeyRotationTests: XCTestCase {
    let rounds = 1_000

    func store(_ root: URL) throws -> (CaseStore, [CaseRecord]) {
        var directory = try testDirectory()
        directory.users.append(User(id: "admin", nameEn: "Admin", nameHi: "प्रशासक", role: .admin, stationIDs: [],
                                    pin: try PinHash.make(pin: "kshipra-river-77", rounds: rounds)))
        let made = try CaseStore.createEncrypted(at: root, directory: directory,
                                                 secrets: ["asha": "1111", "admin": "kshipra-river-77"], clock: testClock, rounds: rounds)
        let cases = [makeCase(1), makeCase(2, name: "रेखा यादव"), makeCase(3, name: "गीता बघेल")]
        for r in cases { try made.store.save(r) }
        try made.store.saveDraft(filledForm(), userID: "asha")
        let log = AuditLog(store: made.store)
        try log.append(AuditEntry(at: testNow, user: "sp", kind: .revealIdentity, caseID: cases[0].id, detail: "x",
                                  note: log.sealNote("reason before the rotation")))
        return (made.store, cases)
    }

    func admin(_ root: URL) throws -> CaseStore {
        let signed = SignIn.attempt(try CaseStore.open(at: root), name: "admin", secret: "kshipra-river-77", now: testNow, via: "cli rotate-key")
        return try XCTUnwrap(signed.store, "\(signed.outcome)")
    }

    func testEveryRecordIsResealedAndOnlyTheAdminHoldsTheNewKey() throws {
        let root = tempFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let (old, cases) = try store(root)
        let oldCaseFile = try Data(contentsOf: old.caseURL(cases[0].id))
        let done = try admin(root).rotateKey(adminID: "admin", secret: "kshipra-river-77", rounds: rounds)
        XCTAssertFalse(done.recovery.isEmpty)
        XCTAssertEqual(Set(done.store.loadCases(setAside: false).cases.map(\.id)), Set(cases.map(\.id)))
        XCTAssertEqual(done.store.loadDraft(userID: "asha")?[.name], "सुनीता वर्मा")
        XCTAssertTrue(StoreCheck.run(done.store).isClean, "\(StoreCheck.run(done.store).problems)")
        let log = AuditLog(store: done.store)
        XCTAssertTrue(log.entries().compactMap(log.openNote).contains("reason before the rotation"), "old notes still read")
        // asha's old copy is gone; someone who kept the old key opens nothing written now.
        XCTAssertEqual(SignIn.attempt(try CaseStore.open(at: root), name: "asha", secret: "1111", now: testNow, via: "t").outcome, .noKey)
        XCTAssertNotEqual(try Data(contentsOf: done.store.caseURL(cases[0].id)), oldCaseFile)
        XCTAssertNil(try? old.decodeStored(CaseRecord.self, from: done.store.caseURL(cases[0].id)), "the old key opens nothing")
        XCTAssertNil(try? done.store.unlocked(with: XCTUnwrap(done.store.loadKeyRing()).unlock(recovery: done.recovery)).loadKeyRing()
            .flatMap { try? $0.unlock(user: "asha", secret: "1111") })
    }

    func testASecondDeskOrCommandHoldingTheStoreStopsARotation() throws {
        let root = tempFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        _ = try store(root)
        let held = try XCTUnwrap(StoreLock.shared(try CaseStore.open(at: root)))
        XCTAssertThrowsError(try admin(root).rotateKey(adminID: "admin", secret: "kshipra-river-77", rounds: rounds)) {
            XCTAssertEqual($0 as? KeyRotation.Problem, .storeInUse)
        }
        held.release()
    }

    /// The rotation's operations are recorded; at every point it could stop (everything written so
    /// far on disk, as after a kill), sign-in refuses all but the admin's rotate-key, which finishes it.
    func testARotationStoppedAnywhereFinishesWhenRunAgain() throws {
        let root = tempFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let (_, cases) = try store(root)
        let opened = try admin(root)
        let before = Snapshot(of: root)
        let log = FileOpLog()
        _ = try FileOpLog.$current.withValue(log) { try opened.rotateKey(adminID: "admin", secret: "kshipra-river-77", rounds: rounds) }
        let states = CrashStates(initial: before, root: root.path, ops: log.ops).all().filter { $0.variant == "cache, last write torn" }
        XCTAssertGreaterThan(states.count, 10)
        for state in states {
            let folder = tempFolder("rotation")
            defer { try? FileManager.default.removeItem(at: folder) }
            try state.files.write(to: folder)
            let closed = try CaseStore.open(at: folder)
            if closed.rotationUnfinished {
                XCTAssertEqual(SignIn.attempt(closed, name: "asha", secret: "1111", now: testNow, via: "desk").outcome, .keyBeingChanged)
            }
            let again = try admin(folder).rotateKey(adminID: "admin", secret: "kshipra-river-77", rounds: rounds)
            XCTAssertFalse(again.store.rotationUnfinished)
            XCTAssertEqual(Set(again.store.loadCases(setAside: false).cases.map(\.id)), Set(cases.map(\.id)), "after op \(state.point)")
            XCTAssertTrue(StoreCheck.run(again.store).isClean, "after op \(state.point): \(StoreCheck.run(again.store).problems)")
        }
        print("key rotation: stopped at \(states.count) points, each finished by running it again")
    }
}
