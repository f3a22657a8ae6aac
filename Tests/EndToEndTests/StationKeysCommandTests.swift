import DeskModel
import Foundation
import XCTest

/// Keys per station on the command line (issue 13, item 2): the SP's office gives VJN and MHW their
/// own keys (`sync init --station-keys`), writes a backup of VJN alone (`backup --station VJN`), and
/// the thana PC restored from it reads VJN's cases and none of MHW's, even with MHW's files put there.
final class StationKeysCommandTests: XCTestCase {
    var work: URL!

    override func setUpWithError() throws {
        _ = try ExternalProgram.require("syncthing")
        work = Binary.tempStore()
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
    }

    override func tearDown() {
        if let work { try? FileManager.default.removeItem(at: work) }
    }

    let passphrase = "a long backup passphrase"

    func testAThanaPCMadeForOneStationShowsNoCaseOfAnother() throws {
        let district = work.appendingPathComponent("district"), thana = work.appendingPathComponent("thana")
        XCTAssertEqual(try Binary.run(["demo", "--store", district.path, "--cases", "40", "--seed", "5"]).status, 0)
        let initOut = try Binary.run(["sync", "init", "--store", district.path, "--user", "admin", "--role", "district",
                                      "--station", "VJN", "--station", "MHW", "--suffix", "D", "--station-keys",
                                      "--listen", "tcp://127.0.0.1:22997", "--gui-port", "18997"], stdin: "9999\n")
        XCTAssertEqual(initOut.status, 0, initOut.stderr)
        // asha (VJN) and rekha (MHW) sign in once at the district: their copies of their stations' keys are made.
        XCTAssertEqual(try Binary.run(["cases", "--store", district.path, "--user", "asha"], stdin: "1111\n").status, 0)
        XCTAssertEqual(try Binary.run(["cases", "--store", district.path, "--user", "rekha"], stdin: "6666\n").status, 0)
        let file = work.appendingPathComponent("vjn.urjabak")
        let backup = try Binary.run(["backup", "--store", district.path, "--user", "admin", "--station", "VJN", "--to", file.path],
                                    stdin: "9999\n\(passphrase)\n")
        XCTAssertEqual(backup.status, 0, backup.stderr)
        XCTAssertTrue(backup.stdout.contains("Backed up station VJN"), backup.stdout)
        let restored = try Binary.run(["restore", "--from", file.path, "--store", thana.path, "--user", "admin"], stdin: "\(passphrase)\n9999\n")
        XCTAssertEqual(restored.status, 0, restored.stderr)
        let thanaInit = try Binary.run(["sync", "init", "--store", thana.path, "--user", "admin", "--role", "thana", "--station", "VJN",
                                        "--listen", "tcp://127.0.0.1:22996", "--gui-port", "18996"], stdin: "9999\n")
        XCTAssertEqual(thanaInit.status, 0, thanaInit.stderr)
        let verifyThana = try Binary.run(["verify", "--store", thana.path, "--user", "admin"], stdin: "9999\n")
        XCTAssertEqual(verifyThana.status, 0, verifyThana.stdout + verifyThana.stderr)

        // The district's cases, by station (read in the model with the admin's key).
        let signed = SignIn.attempt(try CaseStore.open(at: district), name: "admin", secret: "9999", now: Date(), via: "test")
        let d = try XCTUnwrap(signed.store)
        let listings = ListIndex(store: d).open(setAside: false).listings
        let vjn = try XCTUnwrap(listings.first { $0.summary.stationID == "VJN" })
        let mhw = try XCTUnwrap(listings.first { $0.summary.stationID == "MHW" })

        // The thief's move: MHW's folder and case files put on the thana PC, the station claimed.
        let fm = FileManager.default
        let t = try CaseStore.open(at: thana)
        try fm.createDirectory(at: t.syncRoot, withIntermediateDirectories: true)
        try fm.copyItem(at: d.stationFolder("MHW"), to: t.stationFolder("MHW"))
        try fm.copyItem(at: d.caseURL(mhw.id), to: t.caseURL(mhw.id))
        var machine = t.loadMachine() ?? MachineIdentity()
        machine.stations.append("MHW")
        try t.saveMachine(machine)

        for (user, pin) in [("asha", "1111"), ("admin", "9999")] {
            let show = try Binary.run(["case", "show", mhw.number.description, "--store", thana.path, "--user", user], stdin: pin + "\n")
            XCTAssertNotEqual(show.status, 0, "\(user) at the thana: \(show.stdout)")
            let list = try Binary.run(["cases", "--store", thana.path, "--user", user, "--format", "csv"], stdin: pin + "\n")
            XCTAssertEqual(list.status, 0, list.stderr)
            XCTAssertFalse(list.stdout.contains(mhw.number.description), list.stdout)
            XCTAssertTrue(list.stdout.contains(vjn.number.description), list.stdout)
            let own = try Binary.run(["case", "show", vjn.number.description, "--store", thana.path, "--user", user], stdin: pin + "\n")
            XCTAssertEqual(own.status, 0, own.stderr)
        }
        // Taking in the station folders there: MHW's files are refused plainly.
        let pull = try Binary.run(["sync", "pull", "--store", thana.path, "--user", "asha"], stdin: "1111\n")
        XCTAssertTrue((pull.stdout + pull.stderr).contains("station mhw's own key"), pull.stdout + pull.stderr)
        // Both stores check out as a whole (before the thief's files: verify at the district).
        let verify = try Binary.run(["verify", "--store", district.path, "--user", "admin"], stdin: "9999\n")
        XCTAssertEqual(verify.status, 0, verify.stdout + verify.stderr)
        // rekha works at MHW: no copy of VJN's key, so no sign-in at VJN's thana.
        XCTAssertEqual(try Binary.run(["cases", "--store", thana.path, "--user", "rekha"], stdin: "6666\n").status, 2)
    }
}
