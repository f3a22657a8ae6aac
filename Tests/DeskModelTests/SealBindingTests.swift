@testable import DeskModel
import Foundation
import XCTest

/// Sealed files are bound to their place (issue 10): a case file put in another's place, a
/// directive list moved to another case, an older copy of a case put back, all are found; a store
/// of the older format is upgraded at the first sign-in, crash-safely.
final class SealBindingTests: XCTestCase {
    let rounds = 1_000

    func sealedStore() throws -> (root: URL, store: CaseStore) {
        let root = tempFolder()
        let made = try CaseStore.createEncrypted(at: root, directory: testDirectory(), secrets: ["asha": "1111"], clock: testClock,
                                                 rounds: rounds)
        return (root, made.store)
    }

    func testACaseFilePutInAnothersPlaceDoesNotOpen() throws {
        let (root, store) = try sealedStore()
        defer { try? FileManager.default.removeItem(at: root) }
        let a = makeCase(1, name: "सुनीता वर्मा"), b = makeCase(2, name: "रेखा यादव")
        try store.save(a)
        try store.save(b)
        XCTAssertEqual(store.loadCases(setAside: false).cases.count, 2)
        // Swap: b's file now holds a's sealed record (renamed to b's id, so the name check alone
        // would not see it if the record's id were rewritten; the seal sees the place).
        try FileManager.default.removeItem(at: store.caseURL(b.id))
        try FileManager.default.copyItem(at: store.caseURL(a.id), to: store.caseURL(b.id))
        let load = store.loadCases(setAside: false)
        XCTAssertEqual(load.cases.map(\.id), [a.id])
        XCTAssertEqual(load.damaged.count, 1)
        XCTAssertEqual(load.damaged.first?.reason, "cannot be opened with the store's key (altered or damaged)")
    }

    func testADirectiveListMovedToAnotherCaseDoesNotOpen() throws {
        let (root, store) = try sealedStore()
        defer { try? FileManager.default.removeItem(at: root) }
        let a = makeCase(1), b = makeCase(2)
        guard case .success(let d) = Directive.make(caseID: a.id, text: "meet her at home", due: "05-12-2026", by: "sp", clock: testClock) else {
            return XCTFail("directive refused")
        }
        try store.saveDirectives([d], caseID: a.id)
        let dir = root.appendingPathComponent("directives")
        try FileManager.default.moveItem(at: dir.appendingPathComponent(a.id.uuidString + ".plist"),
                                         to: dir.appendingPathComponent(b.id.uuidString + ".plist"))
        XCTAssertNil(store.loadDirectives()[b.id], "a directive cannot be moved onto another case")
        XCTAssertFalse(StoreCheck.run(store).isClean)
    }

    func testAnOlderCopyOfACasePutBackIsFound() throws {
        let (root, store) = try sealedStore()
        defer { try? FileManager.default.removeItem(at: root) }
        var r = makeCase(1)
        try store.save(r)
        try AuditLog(store: store).append(AuditEntry(at: testNow, user: "asha", kind: .caseCreated, caseID: r.id,
                                                     detail: r.number.description + " r\(r.revision)"))
        let old = try Data(contentsOf: store.caseURL(r.id))
        r.revision += 1
        try store.save(r)
        try AuditLog(store: store).append(AuditEntry(at: testNow, user: "asha", kind: .caseUpdated, caseID: r.id,
                                                     detail: r.number.description + " r\(r.revision) · status"))
        XCTAssertTrue(StoreCheck.run(store).isClean, "\(StoreCheck.run(store).problems)")
        try old.write(to: store.caseURL(r.id))
        XCTAssertEqual(StoreCheck.run(store).problems,
                       [.caseRolledBack(caseNumber: r.number.description, onDisk: r.revision - 1, recorded: r.revision)])
    }

    /// A version-1 store (unbound seals): the first sign-in reseals every file bound to its path and
    /// writes version 2; after that an unbound file is refused. A crash half-way (some files done)
    /// only means the next sign-in goes on.
    func testAnOlderStoreIsUpgradedAtSignIn() throws {
        let (root, bound) = try sealedStore()
        defer { try? FileManager.default.removeItem(at: root) }
        let r = makeCase(1)
        try bound.save(r)
        try bound.saveDraft(filledForm(), userID: "asha")
        try bound.savePrefs(UserPrefs(language: .hi), userID: "asha")
        // Make it as version 1 wrote it: every sealed file unbound, store.plist at 1, its digest.
        let sealer = try XCTUnwrap(bound.sealer)
        for url in bound.sealedFiles() {
            let plain = try sealer.open(try Data(contentsOf: url), binding: bound.binding(for: url))
            try sealer.sealUnbound(plain).write(to: url)
        }
        try? FileManager.default.removeItem(at: root.appendingPathComponent("index.tsv"))
        let encoder = PropertyListEncoder()
        encoder.outputFormat = .binary
        var meta = bound.meta
        meta.formatVersion = 1
        try encoder.encode(meta).write(to: root.appendingPathComponent("store.plist"))
        let v1 = try CaseStore.open(at: root)
        let key = try XCTUnwrap(v1.loadKeyRing()).unlock(user: "asha", secret: "1111")
        let opened1 = v1.unlocked(with: key)
        try opened1.sealDirectoryDigest()
        XCTAssertEqual(opened1.loadCases(setAside: false).cases.count, 1, "a version-1 store reads as it is")
        // A crash half-way: only the case file was resealed.
        var legacy = sealer
        legacy.acceptsUnbound = true
        try DurableFile.write(try sealer.seal(try legacy.open(try Data(contentsOf: bound.caseURL(r.id)), binding: ""),
                                              binding: bound.binding(for: bound.caseURL(r.id))), to: bound.caseURL(r.id))

        let signedIn = SignIn.attempt(try CaseStore.open(at: root), name: "asha", secret: "1111", now: testNow, via: "test")
        guard case .accepted = signedIn.outcome, let upgraded = signedIn.store else { return XCTFail("\(signedIn.outcome)") }
        XCTAssertEqual(upgraded.meta.formatVersion, 2)
        XCTAssertEqual(try CaseStore.open(at: root).meta.formatVersion, 2)
        for url in upgraded.sealedFiles() {
            XCTAssertEqual(try Data(contentsOf: url).prefix(4), Sealer.magic, url.lastPathComponent)
        }
        XCTAssertEqual(upgraded.loadCases(setAside: false).cases.map(\.id), [r.id])
        XCTAssertEqual(upgraded.loadDraft(userID: "asha")?[.name], "सुनीता वर्मा")
        XCTAssertTrue(StoreCheck.run(upgraded).isClean, "\(StoreCheck.run(upgraded).problems)")
        // From now on an unbound file is refused, even one sealed with the right key.
        try sealer.sealUnbound(try PropertyListEncoder().encode(r)).write(to: upgraded.caseURL(r.id))
        XCTAssertEqual(upgraded.loadCases(setAside: false).damaged.count, 1)
    }
}

extension SealBindingTests {
    /// set-pin writes her new copy of the key first (one rename) and the directory's hash after:
    /// a crash between the two must not lock her out (sign-in unwraps her copy of the key).
    func testACrashInsideSetPINLocksNobodyOut() throws {
        let (root, store) = try sealedStore()
        defer { try? FileManager.default.removeItem(at: root) }
        let key = try XCTUnwrap(store.loadKeyRing()).unlock(user: "asha", secret: "1111")
        var ring = try XCTUnwrap(store.loadKeyRing())
        try ring.rewrap(user: "asha", key: key, newSecret: "pipalya-road-24", rounds: rounds)
        try store.saveKeyRing(ring)   // the crash comes here: directory.plist still has the old hash
        let new = SignIn.attempt(try CaseStore.open(at: root), name: "asha", secret: "pipalya-road-24", now: testNow, via: "t")
        guard case .accepted = new.outcome else { return XCTFail("the new PIN must work: \(new.outcome)") }
        let old = SignIn.attempt(try CaseStore.open(at: root), name: "asha", secret: "1111", now: testNow, via: "t")
        XCTAssertEqual(old.outcome, .refused(triesLeft: nil), "the old one opens nothing")
    }
}

/// The binding of a path that is already standard is taken without standardizing it: the same
/// text as the standardized paths give, for paths standard or not, inside the store or not.
final class BindingPathTests: XCTestCase {
    func testTheBindingIsTheStandardizedPathsOwn() throws {
        let base = tempFolder()
        defer { try? FileManager.default.removeItem(at: base) }
        let id = UUID()
        for rootPath in [base.path + "/s", base.path + "/x/../s2", base.path + "//s3", base.path + "/./s4", base.path + "/s5/"] {
            // Made first: the store's own folder maker is not asked to make a path with "..".
            try FileManager.default.createDirectory(atPath: base.path + "/x", withIntermediateDirectories: true)
            try FileManager.default.createDirectory(atPath: rootPath, withIntermediateDirectories: true)
            let store = try CaseStore.create(at: URL(fileURLWithPath: rootPath), directory: testDirectory(), clock: testClock)
            let inside = ["cases/A.plist", "cases/./A.plist", "cases//A.plist", "cases/../cases/A.plist", "drafts/x/", "a.../b",
                          ".hidden/..x", "stations/VJN/मशीन.log", "cases/.", "cases/..", "."]
            for rel in inside {
                let url = URL(fileURLWithPath: rootPath + "/" + rel)
                XCTAssertEqual(store.binding(for: url), store.standardBinding(for: url), rootPath + " " + rel)
            }
            for other in [base.path + "/elsewhere/f.plist", base.path + "/s", base.path, "/"] {
                let url = URL(fileURLWithPath: other)
                XCTAssertEqual(store.binding(for: url), store.standardBinding(for: url), rootPath + " " + other)
            }
            XCTAssertEqual(store.binding(for: store.caseURL(id)), "cases/\(id.uuidString).plist")
        }
        XCTAssertTrue(CaseStore.isStandard("/tmp/a.../b"))
        for path in ["/tmp/./a", "/tmp/../a", "/tmp//a", "/tmp/a/", "/tmp/a/.", "/tmp/a/..", "tmp/a", "/", ""] {
            XCTAssertFalse(CaseStore.isStandard(path), path)
        }
    }
}
