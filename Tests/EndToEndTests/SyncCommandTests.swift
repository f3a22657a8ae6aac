import DeskModel
import Foundation
import XCTest

/// `urja-desk sync` as an admin would type it: set-up, pairing, status with Syncthing down.
final class SyncCommandTests: XCTestCase {
    var store: URL!

    override func setUpWithError() throws {
        _ = try ExternalProgram.require("syncthing")
        store = Binary.tempStore()
        XCTAssertEqual(try Binary.run(["demo", "--store", store.path, "--cases", "12", "--seed", "3", "--plain"]).status, 0)
    }

    override func tearDown() {
        try? FileManager.default.removeItem(at: store)
    }

    func testInitPairAndStatusWithSyncthingDown() throws {
        let initOut = try Binary.run(["sync", "init", "--store", store.path, "--user", "admin", "--role", "district",
                                      "--station", "VJN", "--station", "MHW", "--suffix", "D",
                                      "--listen", "tcp://127.0.0.1:22999", "--gui-port", "18999"], stdin: "9999\n")
        XCTAssertEqual(initOut.status, 0, initOut.stderr)
        XCTAssertTrue(initOut.stdout.contains("(district), device ID "), initOut.stdout)
        let root = try CaseStore.open(at: store)
        XCTAssertEqual(root.meta.formatVersion, 3)
        XCTAssertEqual(root.loadMachine()?.stations, ["VJN", "MHW"])
        XCTAssertEqual(root.loadMachine()?.numberSuffix, "D")
        XCTAssertTrue(FileManager.default.fileExists(atPath: root.stationFolder("VJN").appendingPathComponent(".stignore").path))

        // Only the admin sets it up.
        let asSP = try Binary.run(["sync", "init", "--store", store.path, "--user", "spindore", "--role", "district",
                                   "--station", "VJN"], stdin: "4444\n")
        XCTAssertEqual(asSP.status, 77)

        let id = try Binary.run(["sync", "id", "--store", store.path])
        XCTAssertEqual(id.status, 0)
        let deviceID = String(id.stdout.split(separator: ":").last ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        XCTAssertNotNil(SyncSettings.normalizedDeviceID(deviceID), id.stdout)

        let bad = try Binary.run(["sync", "pair", "NOT-AN-ID", "--store", store.path, "--user", "admin", "--name", "x",
                                  "--address", "tcp://127.0.0.1:1", "--station", "VJN"], stdin: "9999\n")
        XCTAssertEqual(bad.status, 64)
        XCTAssertTrue(bad.stderr.contains("is not a Syncthing device ID"), bad.stderr)
        let notHeld = try Binary.run(["sync", "pair", deviceID, "--store", store.path, "--user", "admin", "--name", "x",
                                      "--address", "tcp://127.0.0.1:1", "--station", "MHK"], stdin: "9999\n")
        XCTAssertEqual(notHeld.status, 64)
        XCTAssertTrue(notHeld.stderr.contains("does not hold station MHK"), notHeld.stderr)

        let peer = "MFZWI3D-BONSGYC-YLTMRWG-C43ENR5-QXGZDMM-FZWI3DP-BONSGYY-LTMRWAD"
        let pair = try Binary.run(["sync", "pair", peer, "--store", store.path, "--user", "admin", "--name", "vijaynagar-desk",
                                   "--address", "tcp://127.0.0.1:22998", "--station", "VJN"], stdin: "9999\n")
        XCTAssertEqual(pair.status, 0, pair.stderr)
        let config = try String(contentsOf: store.appendingPathComponent("syncthing/config.xml"), encoding: .utf8)
        for expected in ["<address>127.0.0.1:18999</address>", "<listenAddress>tcp://127.0.0.1:22999</listenAddress>",
                         "<globalAnnounceEnabled>false</globalAnnounceEnabled>", "<relaysEnabled>false</relaysEnabled>",
                         "<localAnnounceEnabled>false</localAnnounceEnabled>", "id=\"urja-vjn\"", "id=\"urja-mhw\"",
                         "<address>tcp://127.0.0.1:22998</address>", "fsWatcherDelayS=\"1\""] {
            XCTAssertTrue(config.contains(expected), expected)
        }
        // The peer shares VJN only: it is in VJN's folder and not in MHW's.
        let mhw = config.components(separatedBy: "id=\"urja-mhw\"").last?.components(separatedBy: "</folder>").first ?? ""
        XCTAssertFalse(mhw.contains(peer))

        let status = try Binary.run(["sync", "status", "--store", store.path])
        XCTAssertEqual(status.status, 3)
        XCTAssertTrue(status.stderr.contains("Syncthing is not running here (127.0.0.1:18999)"), status.stderr)
        XCTAssertTrue(status.stderr.contains("Nothing is lost"), status.stderr)
    }

    /// Machine letters stay unique: a letter another machine of the station numbers with (its card
    /// came in the station's folder) is refused by `sync init`, and `sync pull` says when it clashes.
    func testALetterAnotherMachineHoldsIsRefusedAndAClashIsSaid() throws {
        let initOut = try Binary.run(["sync", "init", "--store", store.path, "--user", "admin", "--role", "district",
                                      "--station", "VJN", "--suffix", "D", "--listen", "tcp://127.0.0.1:22993", "--gui-port", "18993"],
                                     stdin: "9999\n")
        XCTAssertEqual(initOut.status, 0, initOut.stderr)
        let root = try CaseStore.open(at: store)
        let cards = root.stationFolder("VJN").appendingPathComponent("machines")
        let encoder = PropertyListEncoder()
        encoder.outputFormat = .binary
        try encoder.encode(MachineCard(machine: "OTHER001", numberSuffix: "E", role: .district)).write(to: cards.appendingPathComponent("OTHER001.card"))
        let taken = try Binary.run(["sync", "init", "--store", store.path, "--user", "admin", "--role", "district", "--station", "VJN",
                                    "--suffix", "E"], stdin: "9999\n")
        XCTAssertEqual(taken.status, 64, taken.stdout + taken.stderr)
        XCTAssertTrue(taken.stderr.contains("letter E is already machine OTHER001's at VJN: choose another with --suffix"), taken.stderr)
        XCTAssertEqual(try CaseStore.open(at: store).loadMachine()?.numberSuffix, "D", "nothing changed")
        // The other machine with this one's letter: said at the next take-in.
        try encoder.encode(MachineCard(machine: "OTHER001", numberSuffix: "D", role: .district)).write(to: cards.appendingPathComponent("OTHER001.card"))
        let pull = try Binary.run(["sync", "pull", "--store", store.path, "--user", "admin"], stdin: "9999\n")
        XCTAssertTrue(pull.stdout.contains("machine OTHER001 at VJN also numbers cases with letter D"), pull.stdout + pull.stderr)
    }

    func testTheDeviceIDAsAQRCode() throws {
        _ = try ExternalProgram.require("qrencode")
        XCTAssertEqual(try Binary.run(["sync", "init", "--store", store.path, "--user", "admin", "--role", "thana",
                                       "--station", "VJN"], stdin: "9999\n").status, 0)
        let qr = try Binary.run(["sync", "id", "--store", store.path, "--qr"])
        XCTAssertEqual(qr.status, 0)
        XCTAssertGreaterThan(qr.stdout.split(separator: "\n").count, 12)
        XCTAssertTrue(qr.stdout.contains("█"))
    }
}
