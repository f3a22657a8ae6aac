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

/// The SP's report from the command line on a sealed store whose review index had its blocks
/// dropped from its table (the clear first line edited, no key needed): the report checks the
/// index against the case files first and gives the figures it gave before.
final class ReportIndexCheckTests: XCTestCase {
    func testAReportIsNotMadeFromAnIndexWithItsBlocksDropped() throws {
        let store = Binary.tempStore()
        defer { try? FileManager.default.removeItem(at: store) }
        XCTAssertEqual(try Binary.run(["demo", "--store", store.path, "--cases", "60", "--seed", "3"]).status, 0)
        func report() throws -> String {
            let r = try Binary.run(["report", "--store", store.path, "--user", "spindore", "--period", "2026-Q4"], stdin: "4444\n")
            XCTAssertEqual(r.status, 0, r.stderr)
            return r.stdout
        }
        let before = try report()
        XCTAssertTrue(before.contains("cases counted"), before)
        // The index in blocks, as any desk's open leaves it.
        let opened = try CaseStore.open(at: store)
        let ring = try XCTUnwrap(opened.loadKeyRing())
        let keyed = opened.unlocked(with: try ring.unlock(user: "admin", secret: "9999"))
        try SummaryIndex(store: keyed).rebuild(from: keyed.loadCases(setAside: false).cases.map(CaseSummary.init))
        XCTAssertEqual(try report(), before)
        let url = store.appendingPathComponent("index.tsv")
        let data = try Data(contentsOf: url)
        let nl = try XCTUnwrap(data.firstIndex(of: 10))
        var fields = String(decoding: data[..<nl], as: UTF8.self).components(separatedBy: "\t")
        guard fields.count == 4, fields[0] == "i4" else { return XCTFail("the index is not in blocks") }
        fields[1] = "000000000000"
        fields[2] = ""
        var forged = Data(fields.joined(separator: "\t").utf8)
        forged.append(data[nl...])
        try forged.write(to: url)
        XCTAssertEqual(try report(), before, "the stations' figures left out")
    }
}
