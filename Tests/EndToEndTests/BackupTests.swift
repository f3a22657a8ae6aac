import DeskModel
import Foundation
import XCTest

/// Backup while the store is in use, and a restore that checks everything before it replaces anything.
final class BackupTests: XCTestCase {
    var store: URL!
    var folder: URL!
    let passphrase = "dhar kotwali 2026 backup\n"

    override func setUpWithError() throws {
        store = Binary.tempStore()
        folder = Binary.tempStore()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        XCTAssertEqual(try Binary.run(["demo", "--store", store.path, "--cases", "40", "--seed", "6", "--plain"]).status, 0)
    }

    override func tearDown() {
        try? FileManager.default.removeItem(at: store)
        try? FileManager.default.removeItem(at: folder)
    }

    /// The names and phones of the plain demo store, read through the model.
    func secrets() throws -> [String] {
        let cases = try CaseStore.open(at: store).loadCases(setAside: false).cases
        XCTAssertEqual(cases.count, 40)
        return Array(Set(cases.flatMap { r in r.identity.name.split(separator: " ").map(String.init) + [r.identity.phone ?? ""] }
            .filter { $0.count >= 4 })).sorted()
    }

    /// The remarks on each case of a store.
    func remarks(_ root: URL) throws -> [UUID: Set<String>] {
        let cases = try CaseStore.open(at: root).loadCases(setAside: false).cases
        return Dictionary(uniqueKeysWithValues: cases.map { r in (r.id, Set(r.events.filter { $0.kind == .remark }.map(\.detail))) })
    }

    func testBackupWhileInUseAndRestore() throws {
        let secrets = try secrets()
        // The positive control: the scan below finds the names and phones in the plain store itself
        // (names as UTF-16BE, as binary property lists keep them).
        let inStore = DiskScan.findings(secrets, under: store)
        let foundInStore = Set(secrets.filter { s in inStore.contains { $0.hasPrefix(s + " ") } })
        XCTAssertEqual(foundInStore, Set(secrets), "the scan sees every name and phone of a plain store")
        // Another terminal keeps saving while the backup is made: it runs until stopped.
        let writer = Process()
        writer.executableURL = Binary.url
        writer.arguments = ["stress-save", "--store", store.path, "--worker", "live"]
        let pipe = Pipe()
        writer.standardOutput = pipe
        writer.standardError = FileHandle.nullDevice
        let output = OutputLines(pipe)
        try writer.run()
        defer { if writer.isRunning { writer.terminate() } }
        func acked(_ lines: [String]) -> [(UUID, String)] {
            lines.compactMap { line in
                let p = line.split(separator: " ")
                guard p.count == 3, p[0] == "ack", let id = UUID(uuidString: String(p[1])) else { return nil }
                return (id, "stress " + p[2])
            }
        }
        XCTAssertTrue(output.wait { acked($0).count >= 20 }, "the writer is saving before the backup starts")
        let before = acked(output.lines)
        let file = folder.appendingPathComponent("store.bak")
        let made = try Binary.run(["backup", "--store", store.path, "--to", file.path], stdin: passphrase)
        let after = acked(output.lines)
        XCTAssertTrue(writer.isRunning, "the writer was still saving when the backup finished")
        writer.terminate()
        writer.waitUntilExit()
        XCTAssertEqual(made.status, 0, made.stderr)
        XCTAssertGreaterThan(after.count, before.count, "saves were acknowledged while the backup was made (they overlapped)")
        print("backup while in use: \(before.count) saves acknowledged before it, \(after.count - before.count) during it")
        let bytes = try Data(contentsOf: file)
        XCTAssertEqual(DiskScan.findings(secrets, in: bytes, file: "store.bak"), [], "the backup is encrypted")
        // Restore into a new folder: the whole of it checks clean, and every save acknowledged
        // before the backup began is in it.
        let target = folder.appendingPathComponent("restored")
        let restored = try Binary.run(["restore", "--from", file.path, "--store", target.path], stdin: passphrase)
        XCTAssertEqual(restored.status, 0, restored.stderr)
        XCTAssertTrue(restored.stdout.contains("Restored 40 cases"), restored.stdout)
        XCTAssertTrue(StoreCheck.run(try CaseStore.open(at: target)).isClean)
        let verify = try Binary.run(["verify", "--store", target.path])
        XCTAssertEqual(verify.status, 0, verify.stdout)
        let inBackup = try remarks(target)
        let missing = before.filter { !(inBackup[$0.0]?.contains($0.1) ?? false) }
        XCTAssertTrue(missing.isEmpty, "acknowledged before the backup, missing from it: \(missing.map(\.1))")
        // Over an existing store only with --replace, which keeps the old one aside.
        let again = try Binary.run(["restore", "--from", file.path, "--store", target.path], stdin: passphrase)
        XCTAssertEqual(again.status, 64)
        XCTAssertTrue(again.stderr.contains("--replace"))
        // Mark the store that is there, and take a case out of it, so that the result tells which is which.
        let marker = target.appendingPathComponent("old-store-marker")
        try Data("old".utf8).write(to: marker)
        let oneCase = try XCTUnwrap(inBackup.keys.first)
        let caseFile = try CaseStore.open(at: target).caseURL(oneCase)
        try FileManager.default.removeItem(at: caseFile)
        let replaced = try Binary.run(["restore", "--from", file.path, "--store", target.path, "--replace"], stdin: passphrase)
        XCTAssertEqual(replaced.status, 0, replaced.stderr)
        XCTAssertTrue(replaced.stdout.contains("is kept at"))
        // On disk: the backup's store is at the target (the removed case is back, the marker gone) ...
        XCTAssertFalse(FileManager.default.fileExists(atPath: marker.path), "the old store is no longer at the target")
        XCTAssertTrue(FileManager.default.fileExists(atPath: caseFile.path), "the backup's cases are at the target")
        XCTAssertEqual(try remarks(target), inBackup)
        XCTAssertEqual(try Binary.run(["verify", "--store", target.path]).status, 0)
        // ... and the old one is where the message says, as it was.
        let asidePath = try XCTUnwrap(replaced.stdout.components(separatedBy: "is kept at ").last?
            .trimmingCharacters(in: .whitespacesAndNewlines).replacingOccurrences(of: #"\.$"#, with: "", options: .regularExpression))
        let aside = URL(fileURLWithPath: asidePath)
        XCTAssertEqual(try? Data(contentsOf: aside.appendingPathComponent("old-store-marker")), Data("old".utf8), asidePath)
        XCTAssertFalse(FileManager.default.fileExists(atPath: aside.appendingPathComponent("cases/\(oneCase.uuidString).plist").path))
        try? FileManager.default.removeItem(at: aside)
    }

    func testAWrongPassphraseOrAFlippedByteChangesNothing() throws {
        let file = folder.appendingPathComponent("store.bak")
        XCTAssertEqual(try Binary.run(["backup", "--store", store.path, "--to", file.path], stdin: passphrase).status, 0)
        let target = folder.appendingPathComponent("restored")
        let wrong = try Binary.run(["restore", "--from", file.path, "--store", target.path], stdin: "not the passphrase\n")
        XCTAssertEqual(wrong.status, 3)
        XCTAssertTrue(wrong.stderr.contains("wrong passphrase, or the file was altered"), wrong.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: target.path), "nothing written")
        var bytes = try Data(contentsOf: file)
        bytes[bytes.count / 2] ^= 0x40
        try bytes.write(to: file)
        let flipped = try Binary.run(["restore", "--from", file.path, "--store", target.path], stdin: passphrase)
        XCTAssertEqual(flipped.status, 3)
        XCTAssertFalse(FileManager.default.fileExists(atPath: target.path))
        let notOne = try Binary.run(["restore", "--from", store.appendingPathComponent("store.plist").path, "--store", target.path],
                                    stdin: passphrase)
        XCTAssertTrue(notOne.stderr.contains("is not an Urja Desk backup"))
        let short = try Binary.run(["backup", "--store", store.path, "--to", file.path], stdin: "short\n")
        XCTAssertEqual(short.status, 64)
        XCTAssertEqual(short.stderr.split(separator: "\n").count, 1)
    }
}
