import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import XCTest

/// The command line: exit codes, one clear line on stderr, masked exports.
final class CommandLineTests: XCTestCase {
    var store: URL!

    override func setUpWithError() throws {
        store = Binary.tempStore()
        let made = try Binary.run(["demo", "--store", store.path, "--cases", "30", "--seed", "5", "--plain"])
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
        try Binary.run(["demo", "--store", other.path, "--cases", "30", "--seed", "5", "--plain"])
        let a = try Binary.run(["cases", "--store", store.path, "--format", "csv"]).stdout
        let b = try Binary.run(["cases", "--store", other.path, "--format", "csv"]).stdout
        XCTAssertEqual(a, b)
        XCTAssertEqual(a.split(separator: "\n").count, 31)
        let namesA = try Binary.run(["cases", "--store", store.path, "--user", "asha", "--format", "csv", "--reveal", "--reason", "test of the export"],
                                    stdin: "1111\n").stdout
        let namesB = try Binary.run(["cases", "--store", other.path, "--user", "asha", "--format", "csv", "--reveal", "--reason", "test of the export"],
                                    stdin: "1111\n").stdout
        XCTAssertEqual(namesA, namesB)
        XCTAssertGreaterThan(namesA.split(separator: "\n").count, 1)
    }

    /// One case with its sessions, plan and legal track: masked, and whole only with a reason.
    func testCaseShow() throws {
        let list = try Binary.run(["cases", "--store", store.path, "--user", "asha", "--format", "json", "--reveal", "--reason", "test of the export"],
                                  stdin: "1111\n")
        let rows = try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [[String: String]] ?? []
        // The demo case with the most to show.
        var best: (String, Int, String)?
        for row in rows {
            guard let number = row["number"] else { continue }
            let json = try Binary.run(["case", "show", number, "--store", store.path, "--format", "json"]).stdout
            let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any] ?? [:]
            let sessions = (object["sessions"] as? [Any])?.count ?? 0
            if sessions > (best?.1 ?? -1) { best = (number, sessions, row["name"] ?? "") }
        }
        let (number, sessions, name) = try XCTUnwrap(best)
        XCTAssertGreaterThan(sessions, 0)
        let text = try Binary.run(["case", "show", number, "--store", store.path])
        XCTAssertEqual(text.status, 0, text.stderr)
        for part in ["== Intake ==", "== Counselling ==", "== Plan ==", "== Legal ==", "== Timeline ==", "Session 1 ·"] {
            XCTAssertTrue(text.stdout.contains(part), part)
        }
        XCTAssertFalse(text.stdout.contains(name), "the name is masked")
        XCTAssertTrue(text.stdout.contains("Notes confidential"))
        // Devanagari digits in the number are the same number.
        let devanagari = number.map { c -> String in
            guard let d = c.wholeNumberValue, c.isASCII else { return String(c) }
            return String(Character(Unicode.Scalar(0x0966 + d) ?? "0"))
        }.joined()
        XCTAssertEqual(try Binary.run(["case", "show", devanagari, "--store", store.path]).stdout, text.stdout)
        // --reveal needs a reason, and is then audited.
        let refused = try Binary.run(["case", "show", number, "--store", store.path, "--reveal"])
        XCTAssertEqual(refused.status, 64)
        XCTAssertTrue(refused.stderr.contains("--reason"), refused.stderr)
        let open = try Binary.run(["case", "show", number, "--store", store.path, "--user", "asha", "--reveal", "--reason", "court summons review"],
                                  stdin: "1111\n")
        XCTAssertEqual(open.status, 0, open.stderr)
        XCTAssertTrue(open.stdout.contains(name))
        XCTAssertTrue(open.stdout.contains("Notes confidential"), "a desk officer sees who she is, not the session notes")
        let counsellor = try Binary.run(["case", "show", number, "--store", store.path, "--user", "kavita", "--reveal", "--reason", "court summons review"],
                                        stdin: "3333\n")
        XCTAssertEqual(counsellor.status, 0, counsellor.stderr)
        XCTAssertFalse(counsellor.stdout.contains("Notes confidential"), "the counsellor reads her notes")
        let audit = try String(contentsOf: store.appendingPathComponent("audit.log"), encoding: .utf8)
        XCTAssertTrue(audit.contains("court summons review"))
        let missing = try Binary.run(["case", "show", "IND-VJN-1999-0001", "--store", store.path])
        XCTAssertEqual(missing.status, 3)
        XCTAssertEqual(missing.stderr.split(separator: "\n").count, 1)
    }

    /// A month's report: text page, CSV, JSON and SVG charts; bad periods and stations refused.
    func testReport() throws {
        let text = try Binary.run(["report", "--store", store.path, "--period", "2026-Q4"])
        XCTAssertEqual(text.status, 0, text.stderr)
        for part in ["Report", "Period: 01-10-2026 – 31-12-2026", "Identified", "Counselled", "Linked to a self-help group",
                     "Referrals made in the period", "Total", "left out"] {
            XCTAssertTrue(text.stdout.contains(part), part)
        }
        let names = try Binary.run(["cases", "--store", store.path, "--user", "asha", "--format", "json", "--reveal", "--reason", "test of the export"],
                                   stdin: "1111\n")
        let rows = try JSONSerialization.jsonObject(with: Data(names.stdout.utf8)) as? [[String: String]] ?? []
        for row in rows { XCTAssertFalse(text.stdout.contains(row["name"] ?? "@@"), "no name in a report") }
        let json = try Binary.run(["report", "--store", store.path, "--period", "2026-Q4", "--format", "json", "--station", "VJN"])
        let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        XCTAssertEqual(object["stations"] as? [String], ["VJN"])
        XCTAssertNotNil(object["leftOutNoConsent"] as? Int)
        let csv = try Binary.run(["report", "--store", store.path, "--period", "2026-10", "--format", "csv"])
        XCTAssertTrue(csv.stdout.hasPrefix("section,item,count\n"))
        let svg = try Binary.run(["report", "--store", store.path, "--period", "2026-10", "--format", "svg", "--lang", "hi"])
        XCTAssertTrue(svg.stdout.hasPrefix("<svg"))
        XCTAssertTrue(svg.stdout.contains("माहवार नए प्रकरण"))
        // The same charts as the screen's export: the per-station chart is the report period's, and says so.
        XCTAssertTrue(svg.stdout.contains("01-10-2026") && svg.stdout.contains("31-10-2026"), svg.stdout)
        XCTAssertNotNil(try? XMLDocument(data: Data(svg.stdout.utf8)), "well-formed SVG")
        let bad = try Binary.run(["report", "--store", store.path, "--period", "october"])
        XCTAssertEqual(bad.status, 64)
        XCTAssertTrue(bad.stderr.contains("--period"))
        let station = try Binary.run(["report", "--store", store.path, "--period", "2026-10", "--station", "XYZ"])
        XCTAssertEqual(station.status, 64)
        // Without its index (deleted), the report makes it again from the cases, with the same figures.
        try FileManager.default.removeItem(at: store.appendingPathComponent("index.tsv"))
        let again = try Binary.run(["report", "--store", store.path, "--period", "2026-Q4"])
        XCTAssertEqual(again.stdout, text.stdout)
    }

    func testCasesAreMaskedUnlessRevealed() throws {
        let masked = try Binary.run(["cases", "--store", store.path, "--format", "json"])
        XCTAssertEqual(masked.status, 0)
        let all = try JSONSerialization.jsonObject(with: Data(masked.stdout.utf8)) as? [[String: String]] ?? []
        XCTAssertEqual(all.count, 30)
        let revealed = try Binary.run(["cases", "--store", store.path, "--user", "asha", "--format", "json", "--reveal", "--reason", "test of the export"],
                                      stdin: "1111\n")
        let rows = try JSONSerialization.jsonObject(with: Data(revealed.stdout.utf8)) as? [[String: String]] ?? []
        XCTAssertEqual(rows.count, all.filter { ($0["number"] ?? "").hasPrefix("IND-VJN-") }.count, "her station's cases only")
        XCTAssertGreaterThan(rows.count, 0)
        for row in rows {
            let name = row["name"] ?? ""
            XCTAssertFalse(name.isEmpty)
            XCTAssertFalse(masked.stdout.contains(name), "\(name) shows without --reveal")
        }
        let audit = try String(contentsOf: store.appendingPathComponent("audit.log"), encoding: .utf8)
        XCTAssertTrue(audit.contains("\"revealIdentity\""), "a revealed export is audited")
        XCTAssertTrue(audit.contains("test of the export"), "with its reason")
        let noReason = try Binary.run(["cases", "--store", store.path, "--reveal"])
        XCTAssertEqual(noReason.status, 64, "no identities without a reason")
        XCTAssertTrue(noReason.stdout.isEmpty)
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
