import DeskModel
import Foundation
import XCTest

final class StoreTests: XCTestCase {
    var root: URL!

    override func setUpWithError() throws {
        root = tempFolder()
    }

    override func tearDown() {
        try? FileManager.default.removeItem(at: root)
    }

    func testACaseSurvivesARoundTrip() throws {
        let store = try CaseStore.create(at: root, directory: testDirectory(), clock: testClock)
        let record = makeCase(1)
        try store.save(record)
        let reopened = try CaseStore.open(at: root)
        let load = reopened.loadCases(setAside: true)
        XCTAssertEqual(load.cases, [record])
        XCTAssertTrue(load.damaged.isEmpty)
        XCTAssertEqual(try reopened.loadDirectory(), try testDirectory().withSameHashes(as: reopened.loadDirectory()))
    }

    func testSavingOneCaseWritesOnlyThatCase() throws {
        let store = try CaseStore.create(at: root, directory: testDirectory(), clock: testClock)
        let records = (1...20).map { makeCase($0) }
        for r in records { try store.save(r) }
        let before = try modificationDates()
        Thread.sleep(forTimeInterval: 0.02)
        var changed = records[4]
        changed.status = .counselling
        try store.save(changed)
        let after = try modificationDates()
        let touched = after.filter { before[$0.key] != $0.value }.map(\.key)
        // The case's own file, and one line appended to each index (review, lists): nothing else.
        XCTAssertEqual(Set(touched), ["cases/" + changed.id.uuidString + ".plist", "index.tsv", "list.idx"])
        XCTAssertEqual(after.count, before.count, "no temporary file is left behind")
    }

    private func modificationDates() throws -> [String: Date] {
        var out: [String: Date] = [:]
        let fm = FileManager.default
        guard let walker = fm.enumerator(at: root, includingPropertiesForKeys: [.contentModificationDateKey]) else { return out }
        for case let url as URL in walker {
            let values = try url.resourceValues(forKeys: [.contentModificationDateKey, .isDirectoryKey])
            // A file made ready for a save to come is not the store's (`ReadyFiles`).
            if values.isDirectory == true || url.lastPathComponent.hasPrefix(".ready.") { continue }
            out[String(url.path.dropFirst(root.path.count + 1))] = values.contentModificationDate
        }
        return out
    }

    func testAnUnknownFormatVersionIsRefusedAndNothingChanges() throws {
        let store = try CaseStore.create(at: root, directory: testDirectory(), clock: testClock)
        try store.save(makeCase(1))
        let encoder = PropertyListEncoder()
        encoder.outputFormat = .binary
        let future = try encoder.encode(StoreMeta(formatVersion: 99, createdAt: testNow))
        try future.write(to: root.appendingPathComponent("store.plist"))
        let snapshot = try folderContents()
        XCTAssertThrowsError(try CaseStore.open(at: root)) { error in
            XCTAssertEqual(error as? StoreError, .unsupportedVersion(found: 99, supported: StoreMeta.currentVersion))
        }
        XCTAssertEqual(try folderContents(), snapshot)
    }

    private func folderContents() throws -> [String: Data] {
        var out: [String: Data] = [:]
        let fm = FileManager.default
        guard let walker = fm.enumerator(at: root, includingPropertiesForKeys: nil) else { return out }
        for case let url as URL in walker where !url.hasDirectoryPath {
            out[url.path] = try? Data(contentsOf: url)
        }
        return out
    }

    func testADamagedRecordIsSetAsideAndTheRestStillLoad() throws {
        let store = try CaseStore.create(at: root, directory: testDirectory(), clock: testClock)
        let good = [makeCase(1), makeCase(2), makeCase(3)]
        for r in good { try store.save(r) }
        let bad = root.appendingPathComponent("cases/\(UUID().uuidString).plist")
        try Data("this is not a plist".utf8).write(to: bad)
        // verify reports it without moving it.
        let report = StoreCheck.run(store)
        XCTAssertEqual(report.casesRead, 3)
        XCTAssertEqual(report.problems.count, 1)
        XCTAssertTrue(FileManager.default.fileExists(atPath: bad.path))
        // Opening for work sets it aside.
        let load = store.loadCases(setAside: true)
        XCTAssertEqual(Set(load.cases.map(\.id)), Set(good.map(\.id)))
        XCTAssertEqual(load.damaged.count, 1)
        XCTAssertFalse(FileManager.default.fileExists(atPath: bad.path))
        XCTAssertTrue(FileManager.default.fileExists(atPath: load.damaged[0].movedTo ?? "/nonexistent"))
        XCTAssertEqual(StoreCheck.run(store).problems, [.setAsideFiles(count: 1)])
    }

    func testATruncatedRecordIsDamagedToo() throws {
        let store = try CaseStore.create(at: root, directory: testDirectory(), clock: testClock)
        let record = makeCase(1)
        try store.save(record)
        let url = store.caseURL(record.id)
        let data = try Data(contentsOf: url)
        try data.prefix(data.count / 2).write(to: url)
        let load = store.loadCases(setAside: false)
        XCTAssertTrue(load.cases.isEmpty)
        XCTAssertEqual(load.damaged.count, 1)
    }

    func testTwoDesksNeverGetTheSameNumber() throws {
        let root = self.root!
        _ = try CaseStore.create(at: root, directory: testDirectory(), clock: testClock)
        let deskA = try CaseStore.open(at: root), deskB = try CaseStore.open(at: root)
        // Both think 5 is next.
        let proposed = CaseNumber(stationCode: "IND-VJN", year: 2026, sequence: 5)
        let a = try deskA.claim(proposed)
        let b = try deskB.claim(proposed)
        XCTAssertEqual(a.sequence, 5)
        XCTAssertEqual(b.sequence, 6)
        // Many at once, from many threads.
        let got = NumberBox()
        DispatchQueue.concurrentPerform(iterations: 40) { _ in
            if let store = try? CaseStore.open(at: root), let n = try? store.claim(proposed) { got.add(n.sequence) }
        }
        XCTAssertEqual(got.values.count, 40)
        XCTAssertEqual(Set(got.values).count, 40, "no number given twice")
    }

    func testAMissingStoreIsNamed() {
        XCTAssertThrowsError(try CaseStore.open(at: root)) { error in
            XCTAssertEqual(error as? StoreError, .notAStore(path: root.path))
        }
    }

    func testCreatingOverAStoreIsRefused() throws {
        _ = try CaseStore.create(at: root, directory: testDirectory(), clock: testClock)
        XCTAssertThrowsError(try CaseStore.create(at: root, directory: testDirectory(), clock: testClock))
    }

    func testDraftsAndPrefsRoundTrip() throws {
        let store = try CaseStore.create(at: root, directory: testDirectory(), clock: testClock)
        XCTAssertNil(store.loadDraft(userID: "asha"))
        let form = filledForm()
        try store.saveDraft(form, userID: "asha")
        XCTAssertEqual(store.loadDraft(userID: "asha"), form)
        store.deleteDraft(userID: "asha")
        XCTAssertNil(store.loadDraft(userID: "asha"))
        try store.savePrefs(UserPrefs(language: .hi), userID: "asha")
        XCTAssertEqual(store.loadPrefs(userID: "asha")?.language, .hi)
        // A user name cannot climb out of the folder.
        try store.saveDraft(form, userID: "../../evil")
        XCTAssertFalse(FileManager.default.fileExists(atPath: root.deletingLastPathComponent().appendingPathComponent("evil.plist").path))
    }

    func testFileNamesRevealNoName() throws {
        let store = try CaseStore.create(at: root, directory: testDirectory(), clock: testClock)
        try store.save(makeCase(1, name: "Sunita Verma"))
        let names = try FileManager.default.subpathsOfDirectory(atPath: root.path).joined(separator: " ")
        XCTAssertFalse(names.lowercased().contains("sunita"))
        XCTAssertFalse(names.contains("98765432"))
    }

    func testStoreLocationOrder() {
        XCTAssertEqual(StoreLocation.resolve(flag: "/a", environment: ["URJA_DESK_HOME": "/b"]).path, "/a")
        XCTAssertEqual(StoreLocation.resolve(flag: nil, environment: ["URJA_DESK_HOME": "/b", "XDG_DATA_HOME": "/c"]).path, "/b")
        XCTAssertEqual(StoreLocation.resolve(flag: nil, environment: ["XDG_DATA_HOME": "/c"]).path, "/c/urja-desk")
        XCTAssertEqual(StoreLocation.resolve(flag: nil, environment: ["HOME": "/h"]).path, "/h/.local/share/urja-desk")
    }

    func testAuditLogAppendsAChain() throws {
        let store = try CaseStore.create(at: root, directory: testDirectory(), clock: testClock)
        let log = AuditLog(store: store)
        try log.append(AuditEntry(at: testNow, user: "asha", kind: .login))
        try log.append(AuditEntry(at: testNow, user: "asha", kind: .revealIdentity, caseID: UUID()))
        try log.append(AuditEntry(at: testNow, user: "asha", kind: .logout))
        let entries = try log.readChain()
        XCTAssertEqual(entries.map(\.kind), [.login, .revealIdentity, .logout])
        XCTAssertEqual(entries[0].prev, "")
        XCTAssertEqual(entries[1].prev.count, 64)
        XCTAssertTrue(StoreCheck.run(store).isClean)
    }

    func testARemovedAuditEntryIsDetected() throws {
        let store = try CaseStore.create(at: root, directory: testDirectory(), clock: testClock)
        let log = AuditLog(store: store)
        for user in ["a", "b", "c", "d"] { try log.append(AuditEntry(at: testNow, user: user, kind: .login)) }
        var lines = try String(contentsOf: log.url, encoding: .utf8).split(separator: "\n")
        lines.remove(at: 1)
        try (lines.joined(separator: "\n") + "\n").write(to: log.url, atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try log.readChain()) { XCTAssertEqual($0 as? AuditLog.ChainError, .broken(line: 2)) }
        XCTAssertEqual(StoreCheck.run(store).problems, [.auditChainBroken(line: 2)])
    }

    func testAnAlteredAuditEntryIsDetected() throws {
        let store = try CaseStore.create(at: root, directory: testDirectory(), clock: testClock)
        let log = AuditLog(store: store)
        for user in ["asha", "kavita", "meena"] { try log.append(AuditEntry(at: testNow, user: user, kind: .login)) }
        let text = try String(contentsOf: log.url, encoding: .utf8).replacingOccurrences(of: "kavita", with: "nobody")
        try text.write(to: log.url, atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try log.readChain()) { XCTAssertEqual($0 as? AuditLog.ChainError, .broken(line: 3)) }
    }

    func testConcurrentAppendsKeepTheChain() throws {
        let store = try CaseStore.create(at: root, directory: testDirectory(), clock: testClock)
        DispatchQueue.concurrentPerform(iterations: 60) { i in
            try? AuditLog(store: store).append(AuditEntry(at: testNow, user: "u\(i)", kind: .login))
        }
        XCTAssertEqual(try AuditLog(store: store).readChain().count, 60)
    }
}

extension Directory {
    /// Salts are random, so compare directories with the stored users' hashes put in.
    func withSameHashes(as other: Directory) -> Directory {
        var copy = self
        for i in copy.users.indices {
            if let match = other.users.first(where: { $0.id == copy.users[i].id }) { copy.users[i].pin = match.pin }
        }
        return copy
    }
}

final class NumberBox: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var values: [Int] = []
    func add(_ v: Int) { lock.lock(); values.append(v); lock.unlock() }
}
