import DeskModel
import Foundation
import XCTest

/// Issue 14, roles: the SHO of Vijay Nagar (shovjn, 8888) on the command line sees her station's
/// cases and report, and is refused another station's: a named station (exit 77), a case number
/// (not found, exit 3: its existence is not told).
final class ShoCommandLineTests: XCTestCase {
    var store: URL!

    override func setUpWithError() throws {
        store = Binary.tempStore()
        let made = try Binary.run(["demo", "--store", store.path, "--cases", "30", "--seed", "3"])
        XCTAssertEqual(made.status, 0, made.stderr)
    }

    override func tearDown() {
        if let store { try? FileManager.default.removeItem(at: store) }
    }

    func run(_ user: String, _ pin: String, _ args: [String]) throws -> Binary.Result {
        try Binary.run(args + ["--store", store.path, "--user", user], stdin: pin + "\n")
    }

    func numbers(_ csv: String) -> [String] {
        csv.split(separator: "\n").dropFirst().compactMap { $0.split(separator: ",").first.map(String.init) }
    }

    func testTheSHOSeesHerStationAndIsRefusedAnother() throws {
        let mine = try run("shovjn", "8888", ["cases", "--format", "csv"])
        XCTAssertEqual(mine.status, 0, mine.stderr)
        XCTAssertFalse(numbers(mine.stdout).isEmpty)
        XCTAssertTrue(numbers(mine.stdout).allSatisfy { $0.hasPrefix("IND-VJN-") }, mine.stdout)

        let other = try run("shovjn", "8888", ["cases", "--station", "BGN"])
        XCTAssertEqual(other.status, 77, other.stderr)
        XCTAssertTrue(other.stdout.isEmpty)
        XCTAssertTrue(other.stderr.contains("may not see station BGN"), other.stderr)
        let report = try run("shovjn", "8888", ["report", "--period", "2026-11", "--station", "BGN"])
        XCTAssertEqual(report.status, 77, report.stderr)
        XCTAssertTrue(report.stdout.isEmpty)
        XCTAssertEqual(try run("shovjn", "8888", ["report", "--period", "2026-11", "--station", "VJN"]).status, 0)
        // The SP of the district may name Banganga; its cases exist.
        let sp = try run("spindore", "4444", ["cases", "--station", "BGN", "--format", "csv"])
        XCTAssertEqual(sp.status, 0, sp.stderr)
        let banganga = try XCTUnwrap(numbers(sp.stdout).first, "a Banganga case in the demo")
        let shown = try run("shovjn", "8888", ["case", "show", banganga])
        XCTAssertEqual(shown.status, 3, "another station's case is not found for her")
        XCTAssertTrue(shown.stdout.isEmpty)
        let own = try XCTUnwrap(numbers(mine.stdout).first)
        XCTAssertEqual(try run("shovjn", "8888", ["case", "show", own]).status, 0)
        // She may not take an intake's work: no reveal of a list of identities.
        XCTAssertEqual(try run("shovjn", "8888", ["cases", "--reveal", "--reason", "rights of the SHO"]).status, 77)
    }

    /// The supervising officer's title set to DCP (a commissionerate) is what the command line says.
    func testTheTitleSettingReachesTheCommandLine() throws {
        let plain = Binary.tempStore()
        defer { try? FileManager.default.removeItem(at: plain) }
        XCTAssertEqual(try Binary.run(["demo", "--store", plain.path, "--cases", "10", "--seed", "3", "--plain"]).status, 0)
        let refusedAsSP = try Binary.run(["verify", "--store", plain.path, "--user", "spindore"], stdin: "4444\n")
        XCTAssertEqual(refusedAsSP.status, 77, refusedAsSP.stderr)
        XCTAssertTrue(refusedAsSP.stderr.contains("(SP)"), refusedAsSP.stderr)
        let store = try CaseStore.open(at: plain)
        try store.saveSettings(ReviewSettings(noContactDays: 7, supervisorTitle: .dcp))
        let refusedAsDCP = try Binary.run(["verify", "--store", plain.path, "--user", "spindore"], stdin: "4444\n")
        XCTAssertEqual(refusedAsDCP.status, 77)
        XCTAssertTrue(refusedAsDCP.stderr.contains("(DCP)"), refusedAsDCP.stderr)
    }
}
