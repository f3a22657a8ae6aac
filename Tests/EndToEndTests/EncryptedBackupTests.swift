import DeskModel
import Foundation
import XCTest

/// Backup and restore of an encrypted store (issue 10): only the admin, signed in; a restore is
/// opened with her own key and checked record by record before it takes the store's place.
final class EncryptedBackupTests: XCTestCase {
    var store: URL!
    var work: URL!

    override func setUpWithError() throws {
        store = Binary.tempStore()
        work = Binary.tempStore()
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        let made = try Binary.run(["demo", "--store", store.path, "--cases", "12", "--seed", "4"])
        XCTAssertEqual(made.status, 0, made.stderr)
    }

    override func tearDown() {
        for url in [store, work] { if let url { try? FileManager.default.removeItem(at: url) } }
    }

    let passphrase = "a long backup passphrase"

    func testOnlyTheAdminBacksUpAndRestoresWithHerKeyAndEveryRecordChecked() throws {
        let file = work.appendingPathComponent("store.urjabak")
        XCTAssertEqual(try Binary.run(["backup", "--store", store.path, "--to", file.path], stdin: passphrase + "\n").status, 2,
                       "an encrypted store needs a signed-in user")
        XCTAssertEqual(try Binary.run(["backup", "--store", store.path, "--user", "asha", "--to", file.path],
                                      stdin: "1111\n\(passphrase)\n").status, 77)
        let made = try Binary.run(["backup", "--store", store.path, "--user", "admin", "--to", file.path], stdin: "9999\n\(passphrase)\n")
        XCTAssertEqual(made.status, 0, made.stderr)

        let target = work.appendingPathComponent("restored")
        let anonymous = try Binary.run(["restore", "--from", file.path, "--store", target.path], stdin: passphrase + "\n")
        XCTAssertEqual(anonymous.status, 2, "an encrypted backup is opened with a user's own key")
        XCTAssertFalse(FileManager.default.fileExists(atPath: target.path))
        let desk = try Binary.run(["restore", "--from", file.path, "--store", target.path, "--user", "asha"], stdin: "\(passphrase)\n1111\n")
        XCTAssertEqual(desk.status, 77, desk.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: target.path))
        let restored = try Binary.run(["restore", "--from", file.path, "--store", target.path, "--user", "admin"], stdin: "\(passphrase)\n9999\n")
        XCTAssertEqual(restored.status, 0, restored.stderr)
        let verify = try Binary.run(["verify", "--store", target.path, "--user", "admin"], stdin: "9999\n")
        XCTAssertEqual(verify.status, 0, verify.stdout)
        XCTAssertTrue(try String(contentsOf: target.appendingPathComponent("audit.log"), encoding: .utf8).contains("\"restored\""))
        // The store it replaces is newer (a save after the backup): the restore says so, and both logs record it.
        XCTAssertEqual(try Binary.run(["cases", "--store", target.path, "--user", "asha"], stdin: "1111\n").status, 0)
        Thread.sleep(forTimeInterval: 1.1)
        let replaced = try Binary.run(["restore", "--from", file.path, "--store", target.path, "--user", "admin", "--replace"],
                                      stdin: "\(passphrase)\n9999\n")
        XCTAssertEqual(replaced.status, 0, replaced.stderr)
        XCTAssertTrue(replaced.stderr.contains("older than the store it replaced"), replaced.stderr)
    }

    func testABackupWithADamagedSealedCaseIsRefused() throws {
        // One case file with a flipped byte: it is sealed, so only opening it with the key finds it.
        let cases = store.appendingPathComponent("cases")
        let name = try XCTUnwrap(try FileManager.default.contentsOfDirectory(atPath: cases.path).first { $0.hasSuffix(".plist") })
        var bytes = try Data(contentsOf: cases.appendingPathComponent(name))
        bytes[bytes.count / 2] ^= 0x01
        try bytes.write(to: cases.appendingPathComponent(name))
        let file = work.appendingPathComponent("damaged.urjabak")
        XCTAssertEqual(try Binary.run(["backup", "--store", store.path, "--user", "admin", "--to", file.path], stdin: "9999\n\(passphrase)\n").status, 0)
        let target = work.appendingPathComponent("restored")
        let r = try Binary.run(["restore", "--from", file.path, "--store", target.path, "--user", "admin"], stdin: "\(passphrase)\n9999\n")
        XCTAssertEqual(r.status, 3, r.stderr)
        XCTAssertTrue(r.stderr.contains("damaged"), r.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: target.path), "nothing put in place")
    }
}
