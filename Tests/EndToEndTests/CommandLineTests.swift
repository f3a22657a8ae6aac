import Foundation
import XCTest

/// The command line: exit codes, one clear line on stderr, masked exports.
final class CommandLineTests: XCTestCase {
    var store: URL!

    override func setUpWithError() throws {
        store = Binary.tempStore()
        let made = try Binary.run(["demo", "--store", store.path, "--cases", "30", "--seed", "5"])
        XCTAssertEqual(made.status, 0, made.stderr)
    }

    override func tearDown() {
        try? FileManager.default.removeItem(at: store)
    }

    func testVerifyPassesOnADemoStore() throws {
        let r = try Binary.run(["verify", "--store", store.path])
        XCTAssertEqual(r.status, 0)
        XCTAssertTrue(r.stdout.contains("OK: 30 cases read"), r.stdout)
    }

    func testTheSameSeedMakesTheSameCases() throws {
        let other = Binary.tempStore()
        defer { try? FileManager.default.removeItem(at: other) }
        try Binary.run(["demo", "--store", other.path, "--cases", "30", "--seed", "5"])
        let a = try Binary.run(["cases", "--store", store.path, "--format", "csv", "--reveal"]).stdout
        let b = try Binary.run(["cases", "--store", other.path, "--format", "csv", "--reveal"]).stdout
        XCTAssertEqual(a, b)
        XCTAssertEqual(a.split(separator: "\n").count, 31)
    }

    func testCasesAreMaskedUnlessRevealed() throws {
        let masked = try Binary.run(["cases", "--store", store.path, "--format", "json"])
        XCTAssertEqual(masked.status, 0)
        let revealed = try Binary.run(["cases", "--store", store.path, "--format", "json", "--reveal"])
        let rows = try JSONSerialization.jsonObject(with: Data(revealed.stdout.utf8)) as? [[String: String]] ?? []
        XCTAssertEqual(rows.count, 30)
        for row in rows {
            let name = row["name"] ?? ""
            XCTAssertFalse(name.isEmpty)
            XCTAssertFalse(masked.stdout.contains(name), "\(name) shows without --reveal")
        }
        let audit = try String(contentsOf: store.appendingPathComponent("audit.log"), encoding: .utf8)
        XCTAssertTrue(audit.contains("\"export\""), "a revealed export is audited")
    }

    func testStationFilterAndTable() throws {
        let r = try Binary.run(["cases", "--store", store.path, "--station", "VJN"])
        XCTAssertEqual(r.status, 0)
        let lines = r.stdout.split(separator: "\n").dropFirst(2).dropLast()
        XCTAssertFalse(lines.isEmpty)
        XCTAssertTrue(lines.allSatisfy { $0.hasPrefix("IND-VJN-") }, r.stdout)
        let bad = try Binary.run(["cases", "--store", store.path, "--station", "XYZ"])
        XCTAssertNotEqual(bad.status, 0)
        XCTAssertTrue(bad.stderr.contains("no station XYZ"), bad.stderr)
    }

    func testADamagedRecordFailsVerifyWithOneLine() throws {
        try Data([0x62, 0x70, 0x6C, 0x69, 0x73, 0x74, 0x30, 0x30, 0xFF]).write(
            to: store.appendingPathComponent("cases/\(UUID().uuidString).plist"))
        let r = try Binary.run(["verify", "--store", store.path])
        XCTAssertEqual(r.status, 3)
        XCTAssertTrue(r.stdout.contains("damaged case file"), r.stdout)
        XCTAssertEqual(r.stderr.split(separator: "\n").count, 1, r.stderr)
        XCTAssertTrue(r.stderr.contains("30 cases read fine"))
        // The listing still works, and says what it skipped.
        let list = try Binary.run(["cases", "--store", store.path, "--format", "csv"])
        XCTAssertEqual(list.status, 0)
        XCTAssertEqual(list.stdout.split(separator: "\n").count, 31)
        XCTAssertTrue(list.stderr.contains("skipped damaged record"))
    }

    func testAnUnknownStoreVersionChangesNothing() throws {
        let meta = store.appendingPathComponent("store.plist")
        // A newer program's store: same keys, version 7.
        let plist = try PropertyListSerialization.data(
            fromPropertyList: ["formatVersion": 7, "createdAt": Date()], format: .binary, options: 0)
        try plist.write(to: meta)
        let before = try FileManager.default.subpathsOfDirectory(atPath: store.path).sorted()
        for args in [["verify"], ["cases"], ["open"]] {
            let r = try Binary.run(args + ["--store", store.path])
            XCTAssertEqual(r.status, 2, args.joined())
            XCTAssertTrue(r.stderr.contains("format version 7"), r.stderr)
            XCTAssertEqual(r.stderr.split(separator: "\n").count, 1)
        }
        XCTAssertEqual(try FileManager.default.subpathsOfDirectory(atPath: store.path).sorted(), before)
        XCTAssertEqual(try Data(contentsOf: meta), plist)
    }

    func testAMissingStoreSaysHowToMakeOne() throws {
        let r = try Binary.run(["verify", "--store", "/nonexistent/urja"])
        XCTAssertEqual(r.status, 2)
        XCTAssertTrue(r.stderr.contains("urja-desk demo --store"), r.stderr)
    }

    func testAMistakeOnTheCommandLineIsOneLine() throws {
        let r = try Binary.run(["cases", "--store", store.path, "--format", "xml"])
        XCTAssertEqual(r.status, 64)
        XCTAssertEqual(r.stderr.split(separator: "\n").count, 1, r.stderr)
        XCTAssertTrue(r.stderr.contains("xml"), r.stderr)
        let help = try Binary.run(["cases", "--help"])
        XCTAssertEqual(help.status, 0)
        XCTAssertTrue(help.stdout.contains("--reveal"))
    }

    func testTheDeskNeedsATerminal() throws {
        let r = try Binary.run(["--store", store.path])
        XCTAssertEqual(r.status, 64)
        XCTAssertTrue(r.stderr.contains("needs a terminal"), r.stderr)
    }

    func testDemoRefusesToOverwriteAStore() throws {
        let r = try Binary.run(["demo", "--store", store.path])
        XCTAssertNotEqual(r.status, 0)
        XCTAssertTrue(r.stderr.contains("already holds a store"), r.stderr)
    }
}
