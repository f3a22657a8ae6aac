@testable import DeskModel
import Crypto
import Foundation
import XCTest

/// Encryption at rest: the data key, its wrapping per user and for recovery, sealed files.
final class EncryptionTests: XCTestCase {
    let rounds = 1_000   // fast for tests; stores use 600,000

    func testTheKeyOpensOnlyWithTheRightSecret() throws {
        let made = try KeyRing.create(secrets: ["asha": "1111", "kavita": "3333"], rounds: rounds)
        let raw = { (k: SymmetricKey) in k.withUnsafeBytes { Data($0) } }
        XCTAssertEqual(raw(try made.ring.unlock(user: "asha", secret: "1111")), raw(made.key))
        XCTAssertEqual(raw(try made.ring.unlock(user: "KAVITA", secret: "३३३३")), raw(made.key), "Devanagari digits are digits")
        XCTAssertThrowsError(try made.ring.unlock(user: "asha", secret: "1112")) { XCTAssertEqual($0 as? KeyRing.Problem, .wrongSecret) }
        XCTAssertThrowsError(try made.ring.unlock(user: "meena", secret: "2222")) { XCTAssertEqual($0 as? KeyRing.Problem, .noKeyForUser) }
        // The recovery code, however it is typed back.
        XCTAssertEqual(raw(try made.ring.unlock(recovery: made.recovery.lowercased().replacingOccurrences(of: "-", with: " "))), raw(made.key))
        XCTAssertThrowsError(try made.ring.unlock(recovery: "AAAA-BBBB-CCCC-DDDD-EEEE-FFFF"))
    }

    func testChangingAPINRewrapsOnlyThatUsersCopy() throws {
        var made = try KeyRing.create(secrets: ["asha": "1111", "kavita": "3333"], rounds: rounds)
        let kavitaBefore = made.ring.users["kavita"]
        let key = try made.ring.unlock(user: "asha", secret: "1111")
        try made.ring.rewrap(user: "asha", key: key, newSecret: "long new passphrase", rounds: rounds)
        XCTAssertNoThrow(try made.ring.unlock(user: "asha", secret: "long new passphrase"))
        XCTAssertThrowsError(try made.ring.unlock(user: "asha", secret: "1111"))
        XCTAssertEqual(made.ring.users["kavita"], kavitaBefore)
        XCTAssertNoThrow(try made.ring.unlock(user: "kavita", secret: "3333"))
    }

    func testAnEncryptedStoreSealsEverythingThatNamesHer() throws {
        let root = tempFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let made = try CaseStore.createEncrypted(at: root, directory: testDirectory(), secrets: ["asha": "1111"],
                                                 clock: testClock, rounds: rounds)
        let store = made.store
        let r = makeCase(1, name: "सुनीता वर्मा")
        try store.save(r)
        var draft = IntakeForm.blank(stationID: "VJN", clock: testClock)
        draft[.name] = "सुनीता वर्मा"
        try store.saveDraft(draft, userID: "asha")
        try store.savePrefs(UserPrefs(language: .hi), userID: "asha")
        // No file holds her name or her phone, in UTF-8 or UTF-16 of either order.
        let secrets = ["सुनीता", "वर्मा", "9876543201"]
        XCTAssertEqual(DiskScan.findings(secrets, under: root), [])
        // The positive control: the same scan on a plain store with the same records finds them all
        // (the name as UTF-16BE, as a binary property list keeps it), so the empty result above
        // means sealed, not a scan that cannot see.
        let plainRoot = tempFolder(#function + "-plain")
        defer { try? FileManager.default.removeItem(at: plainRoot) }
        let plain = try CaseStore.create(at: plainRoot, directory: testDirectory(), clock: testClock)
        try plain.save(r)
        try plain.saveDraft(draft, userID: "asha")
        let found = DiskScan.findings(secrets, under: plainRoot)
        for secret in secrets { XCTAssertTrue(found.contains { $0.hasPrefix(secret + " ") }, "the scan finds \(secret) in a plain store: \(found)") }
        XCTAssertTrue(found.contains { $0.hasPrefix("सुनीता (UTF-16BE)") }, "\(found)")
        XCTAssertEqual(try Data(contentsOf: store.caseURL(r.id)).prefix(4), Sealer.magic)
        // Opened again, it is locked: nothing reads, nothing is set aside as damaged.
        let reopened = try CaseStore.open(at: root)
        XCTAssertTrue(reopened.isLocked)
        XCTAssertTrue(reopened.loadCases(setAside: true).cases.isEmpty)
        XCTAssertTrue(FileManager.default.fileExists(atPath: reopened.caseURL(r.id).path), "a locked store sets nothing aside")
        XCTAssertNil(reopened.loadDraft(userID: "asha"))
        // With the key from her PIN, everything reads.
        let key = try XCTUnwrap(reopened.loadKeyRing()).unlock(user: "asha", secret: "1111")
        let open = reopened.unlocked(with: key)
        XCTAssertEqual(open.loadCases(setAside: false).cases.first?.identity.name, "सुनीता वर्मा")
        XCTAssertEqual(open.loadDraft(userID: "asha")?[.name], "सुनीता वर्मा")
        XCTAssertEqual(open.loadPrefs(userID: "asha")?.language, .hi)
        XCTAssertEqual(SummaryIndex(store: open).load()?.summaries.count, 1, "the index is sealed line by line")
        XCTAssertNil(SummaryIndex(store: reopened).load(), "and unreadable without the key")
    }

    func testAFlippedByteInASealedRecordIsFoundAndSetAside() throws {
        let root = tempFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let store = try CaseStore.createEncrypted(at: root, directory: testDirectory(), secrets: ["asha": "1111"],
                                                  clock: testClock, rounds: rounds).store
        let cases = (1...5).map { makeCase($0) }
        for c in cases { try store.save(c) }
        var bytes = try Data(contentsOf: store.caseURL(cases[2].id))
        bytes[bytes.count - 5] ^= 0x01
        try bytes.write(to: store.caseURL(cases[2].id))
        let load = store.loadCases(setAside: true)
        XCTAssertEqual(load.cases.count, 4)
        XCTAssertEqual(load.damaged.count, 1)
        XCTAssertTrue(load.damaged[0].reason.contains("cannot be opened with the store's key"), load.damaged[0].reason)
    }
}

extension EncryptionTests {
    func testChangingAPINAndResettingOneWithTheRecoveryCode() throws {
        let root = tempFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        var dir = try testDirectory()
        dir.users.append(User(id: "kavita", nameEn: "Kavita", nameHi: "कविता", role: .counsellor, stationIDs: ["VJN"],
                              pin: try PinHash.make(pin: "3333", rounds: rounds)))
        let made = try CaseStore.createEncrypted(at: root, directory: dir, secrets: ["asha": "1111", "kavita": "3333"],
                                                 clock: testClock, rounds: rounds)
        let store = made.store
        XCTAssertThrowsError(try store.changePIN(userID: "asha", current: "9999", usingRecovery: false, newPIN: "pipalya-2468", rounds: rounds))
        XCTAssertThrowsError(try store.changePIN(userID: "asha", current: "1111", usingRecovery: false, newPIN: "2468", rounds: rounds)) {
            XCTAssertEqual($0 as? CaseStore.PINChangeProblem, .tooShort, "a key-guarding secret of 4 digits is refused")
        }
        try store.changePIN(userID: "asha", current: "1111", usingRecovery: false, newPIN: "pipalya-2468", rounds: rounds)
        let ring = try XCTUnwrap(store.loadKeyRing())
        XCTAssertNoThrow(try ring.unlock(user: "asha", secret: "pipalya-2468"))
        XCTAssertThrowsError(try ring.unlock(user: "asha", secret: "1111"))
        XCTAssertNoThrow(try ring.unlock(user: "kavita", secret: "3333"), "nobody else's copy changes")
        XCTAssertEqual(try store.loadDirectory().user("asha")?.pin.matches("pipalya-2468"), true)
        // Forgotten: reset with the recovery code.
        try store.changePIN(userID: "asha", current: made.recovery, usingRecovery: true, newPIN: "sanwer-1357", rounds: rounds)
        XCTAssertNoThrow(try XCTUnwrap(store.loadKeyRing()).unlock(user: "asha", secret: "sanwer-1357"))
        XCTAssertThrowsError(try store.changePIN(userID: "asha", current: "WRONG-CODE", usingRecovery: true, newPIN: "khajrana-11", rounds: rounds))
    }
}

extension EncryptionTests {
    /// A flipped byte in any file of an encrypted store is found: verify names it, or (the index,
    /// which is derived) it is read past and made anew.
    func testAFlippedByteInAnyFileIsDetected() throws {
        let root = tempFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let made = try CaseStore.createEncrypted(at: root, directory: testDirectory(), secrets: ["asha": "1111"],
                                                 clock: testClock, rounds: rounds)
        let store = made.store
        for i in 1...3 { try store.save(makeCase(i)) }
        try store.saveDraft(IntakeForm.blank(stationID: "VJN", clock: testClock), userID: "asha")
        try store.savePrefs(UserPrefs(language: .hi), userID: "asha")
        try store.saveSettings(ReviewSettings(noContactDays: 9))
        let d = try XCTUnwrap(try? Directive.make(caseID: makeCase(1).id, text: "meet her at home", due: "05-12-2026",
                                                  by: "sp", clock: testClock).get())
        try store.saveDirectives([d], caseID: d.caseID)
        try AuditLog(store: store).append(AuditEntry(at: testNow, user: "asha", kind: .login))
        try AuditLog(store: store).append(AuditEntry(at: testNow, user: "asha", kind: .logout))
        XCTAssertTrue(StoreCheck.run(store).isClean, "\(StoreCheck.run(store).problems)")
        let files = (FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)?.compactMap { $0 as? URL } ?? [])
            .filter { !$0.hasDirectoryPath && !$0.path.contains("/numbers/") && $0.pathExtension != "lock" }
            // A file ready for a save (`ReadyFiles`) holds nothing the store reads: a save writes over all of it.
            .filter { !$0.lastPathComponent.hasPrefix(".ready.") }
        var detected = 0
        for url in files {
            let original = try Data(contentsOf: url)
            guard !original.isEmpty else { continue }
            var bytes = original
            bytes[bytes.count / 2] ^= 0x20
            try bytes.write(to: url)
            defer { try? original.write(to: url) }
            if url.lastPathComponent == "index.tsv" {
                // Derived: a line that does not open is skipped, and the desk writes the index anew.
                XCTAssertLessThan(SummaryIndex(store: store).load()?.summaries.count ?? 0, 3)
                detected += 1
                continue
            }
            if url.lastPathComponent == ListIndex.fileName {
                // Derived too: a line that does not open is not trusted, and its case is read again.
                let opened = ListIndex(store: store).open(setAside: false)
                XCTAssertGreaterThan(opened.decoded, 0)
                XCTAssertEqual(opened.listings.count, ListIndex(store: store).open(setAside: false).listings.count)
                detected += 1
                continue
            }
            let reopened = try? CaseStore.open(at: root)
            let unlocked = reopened.flatMap { s in s.loadKeyRing().flatMap { try? $0.unlock(user: "asha", secret: "1111") }.map(s.unlocked) }
            guard let checkable = unlocked else {
                // store.plist or keys.plist: the store does not open, or the key does not unwrap.
                detected += 1
                continue
            }
            let problems = StoreCheck.run(checkable).problems
            XCTAssertFalse(problems.isEmpty, "a flipped byte in \(url.lastPathComponent) went unnoticed")
            if !problems.isEmpty { detected += 1 }
        }
        XCTAssertEqual(detected, files.count)
        print("flipped-byte test: \(files.count) files, each altered in turn, \(detected) detected")
    }
}

extension EncryptionTests {
    /// store.plist altered to say "not encrypted": the store is refused (never a downgrade that would
    /// write new records in the clear), and nothing is moved.
    func testSealedRecordsAreNotSetAsideWhenStorePlistLies() throws {
        let root = tempFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let store = try CaseStore.createEncrypted(at: root, directory: testDirectory(), secrets: ["asha": "1111"],
                                                  clock: testClock, rounds: rounds).store
        let r = makeCase(1)
        try store.save(r)
        let encoder = PropertyListEncoder()
        encoder.outputFormat = .binary
        try encoder.encode(StoreMeta(createdAt: testNow, encrypted: false)).write(to: root.appendingPathComponent("store.plist"))
        XCTAssertThrowsError(try CaseStore.open(at: root)) {
            guard case StoreError.damagedMeta = $0 else { return XCTFail("\($0)") }
        }
        XCTAssertTrue(FileManager.default.fileExists(atPath: store.caseURL(r.id).path))
    }
}
