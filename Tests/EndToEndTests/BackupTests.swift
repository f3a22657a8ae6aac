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

    func testBackupWhileInUseAndRestore() throws {
        // Another terminal keeps saving while the backup is made.
        let writer = Process()
        writer.executableURL = Binary.url
        writer.arguments = ["stress-save", "--store", store.path, "--worker", "live", "--saves", "300"]
        writer.standardOutput = FileHandle.nullDevice
        try writer.run()
        let file = folder.appendingPathComponent("store.bak")
        let made = try Binary.run(["backup", "--store", store.path, "--to", file.path], stdin: passphrase)
        writer.waitUntilExit()
        XCTAssertEqual(made.status, 0, made.stderr)
        let bytes = try Data(contentsOf: file)
        for secret in ["सुनीता", "वर्मा", "ग्राम"] {
            XCTAssertNil(bytes.range(of: Data(secret.utf8)), "the backup is encrypted: no \(secret) in it")
        }
        // Restore into a new folder: the whole of it checks clean.
        let target = folder.appendingPathComponent("restored")
        let restored = try Binary.run(["restore", "--from", file.path, "--store", target.path], stdin: passphrase)
        XCTAssertEqual(restored.status, 0, restored.stderr)
        XCTAssertTrue(restored.stdout.contains("Restored 40 cases"), restored.stdout)
        XCTAssertTrue(StoreCheck.run(try CaseStore.open(at: target)).isClean)
        let verify = try Binary.run(["verify", "--store", target.path])
        XCTAssertEqual(verify.status, 0, verify.stdout)
        // Over an existing store only with --replace, which keeps the old one aside.
        let again = try Binary.run(["restore", "--from", file.path, "--store", target.path], stdin: passphrase)
        XCTAssertEqual(again.status, 64)
        XCTAssertTrue(again.stderr.contains("--replace"))
        let replaced = try Binary.run(["restore", "--from", file.path, "--store", target.path, "--replace"], stdin: passphrase)
        XCTAssertEqual(replaced.status, 0, replaced.stderr)
        XCTAssertTrue(replaced.stdout.contains("is kept at"))
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
