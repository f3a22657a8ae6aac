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
    /// `sync rotate-key --station VJN` after asha is taken off: what she kept (her copy of VJN's key
    /// from station-keys.plist, opened with her PIN) opens the station's files before, and nothing
    /// written after; a user still at VJN signs in as before and gets her copy of the new key.
    func testARevokedUserWhoKeptHerStationKeyOpensNothingAfterSyncRotateKey() throws {
        let district = work.appendingPathComponent("district")
        XCTAssertEqual(try Binary.run(["demo", "--store", district.path, "--cases", "20", "--seed", "5"]).status, 0)
        let initOut = try Binary.run(["sync", "init", "--store", district.path, "--user", "admin", "--role", "district",
                                      "--station", "VJN", "--station", "MHW", "--suffix", "D", "--station-keys",
                                      "--listen", "tcp://127.0.0.1:22995", "--gui-port", "18995"], stdin: "9999\n")
        XCTAssertEqual(initOut.status, 0, initOut.stderr)
        for (user, pin) in [("asha", "1111"), ("kavita", "3333")] {
            XCTAssertEqual(try Binary.run(["cases", "--store", district.path, "--user", user], stdin: pin + "\n").status, 0)
        }
        // What she keeps: the file with her copy, and the key it opens with her PIN.
        let kept = try PropertyListDecoder().decode(StationKeys.self, from: Data(contentsOf: district.appendingPathComponent(StationKeys.fileName)))
        let herKey = try XCTUnwrap(kept.stations["vjn"]).unlock(user: "asha", secret: "1111")
        func rcaseFiles(_ store: CaseStore) -> [(url: URL, place: String)] {
            let folder = store.stationFolder("VJN")
            return (FileManager.default.enumerator(atPath: folder.path)?.allObjects as? [String] ?? []).filter { $0.hasSuffix(".rcase") }
                .map { (folder.appendingPathComponent($0), "sync/vjn/" + $0) }
        }
        func opens(_ file: (url: URL, place: String)) -> Bool {
            (try? Sealer(key: herKey).open(Data(contentsOf: file.url), binding: file.place)) != nil
        }
        let before = rcaseFiles(try CaseStore.open(at: district))
        XCTAssertFalse(before.isEmpty)
        XCTAssertTrue(before.allSatisfy(opens), "before: her copy opens VJN's files")

        XCTAssertEqual(try Binary.run(["revoke", "--store", district.path, "--user", "admin", "--for", "asha"], stdin: "9999\n").status, 0)
        let notAdmin = try Binary.run(["sync", "rotate-key", "--station", "VJN", "--store", district.path, "--user", "kavita"], stdin: "3333\n")
        XCTAssertEqual(notAdmin.status, 77, notAdmin.stdout + notAdmin.stderr)
        let rotated = try Binary.run(["sync", "rotate-key", "--station", "VJN", "--store", district.path, "--user", "admin"], stdin: "9999\n")
        XCTAssertEqual(rotated.status, 0, rotated.stderr)
        XCTAssertTrue(rotated.stdout.contains("station VJN has a new key: \(before.count + 1) file(s)"), rotated.stdout)

        // A case saved at VJN after the rotation, and every copy this machine had: closed to her.
        let signed = SignIn.attempt(try CaseStore.open(at: district), name: "admin", secret: "9999", now: Date(), via: "test")
        let d = try XCTUnwrap(signed.store)
        let number = try d.claim(CaseNumber(stationCode: "IND-VJN", year: 2026, sequence: 900))
        let now = Date()
        try d.save(CaseRecord(number: number, stationID: "VJN", deskOfficerID: "kavita", reportedAt: now, arrival: .walkIn,
                              identity: Identity(name: "After Rotation", age: 30, phone: "9876543210"), incident: Incident(category: .domesticViolence),
                              risk: RiskAssessment(), legal: LegalTrack(), needs: ImmediateNeeds(), consent: Consent(services: .yes),
                              createdAt: now, updatedAt: now))
        let after = rcaseFiles(d)
        XCTAssertEqual(after.count, before.count + 1)
        XCTAssertFalse(after.contains(where: opens), "nothing of VJN's opens with what she kept")
        // kavita still works at VJN: she signs in as before and is given her copy of the new key.
        XCTAssertEqual(try Binary.run(["cases", "--store", district.path, "--user", "kavita"], stdin: "3333\n").status, 0)
        let now2 = try PropertyListDecoder().decode(StationKeys.self, from: Data(contentsOf: district.appendingPathComponent(StationKeys.fileName)))
        XCTAssertEqual(now2.stations["vjn"].map { Set($0.users.keys) }, ["admin", "kavita"])
        let verify = try Binary.run(["verify", "--store", district.path, "--user", "admin"], stdin: "9999\n")
        XCTAssertEqual(verify.status, 0, verify.stdout + verify.stderr)
    }
    /// `urja-desk audit`: another machine's log in a station folder is printed with this store's own,
    /// by time, each chain checked; a line altered in it is found (exit 3) and named with its machine.
    func testTheAuditCommandShowsEveryMachinesLinesAndFindsAnAlteredOne() throws {
        let district = work.appendingPathComponent("district")
        XCTAssertEqual(try Binary.run(["demo", "--store", district.path, "--cases", "5", "--seed", "5"]).status, 0)
        let initOut = try Binary.run(["sync", "init", "--store", district.path, "--user", "admin", "--role", "district",
                                      "--station", "VJN", "--suffix", "D", "--station-keys",
                                      "--listen", "tcp://127.0.0.1:22994", "--gui-port", "18994"], stdin: "9999\n")
        XCTAssertEqual(initOut.status, 0, initOut.stderr)
        // What thana A's machine wrote, as it arrives in VJN's folder (sealed with VJN's key).
        let signed = SignIn.attempt(try CaseStore.open(at: district), name: "admin", secret: "9999", now: Date(), via: "test")
        let d = try XCTUnwrap(signed.store)
        let other = AuditLog(store: d, stationID: "VJN", machineID: "THANAA01")
        try FileManager.default.createDirectory(at: other.url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try other.append(AuditEntry(at: Date(timeIntervalSince1970: 1_795_900_000), user: "asha", kind: .login, detail: "desk at thana A"))
        let out = try Binary.run(["audit", "--store", district.path, "--user", "admin"], stdin: "9999\n")
        XCTAssertEqual(out.status, 0, out.stdout + out.stderr)
        XCTAssertTrue(out.stdout.contains("THANAA01\tasha\tlogin\t-\tdesk at thana A"), out.stdout)
        XCTAssertTrue(out.stdout.contains("machine THANAA01's log in station folder VJN: 1 line(s), chain whole"), out.stdout)
        XCTAssertTrue(out.stdout.contains("this store's own log:"), out.stdout)
        let text = try String(contentsOf: other.url, encoding: .utf8).replacingOccurrences(of: "desk at thana A", with: "desk at thana B")
        try Data(text.utf8).write(to: other.url)
        let altered = try Binary.run(["audit", "--store", district.path, "--user", "admin"], stdin: "9999\n")
        XCTAssertEqual(altered.status, 3, altered.stdout + altered.stderr)
        XCTAssertTrue(altered.stdout.contains("machine THANAA01's log in station folder VJN: ends before the 1 lines"), altered.stdout)
        let verify = try Binary.run(["verify", "--store", district.path, "--user", "admin"], stdin: "9999\n")
        XCTAssertEqual(verify.status, 3)
        XCTAssertTrue(verify.stdout.contains("audit log of machine THANAA01 in station folder VJN"), verify.stdout)
    }
}
