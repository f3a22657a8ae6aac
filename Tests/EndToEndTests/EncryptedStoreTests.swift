import DeskModel
import DeskUI
import Foundation
import XCTest

/// An encrypted demo store, from the outside: nothing readable on disk, the desk opens with a PIN.
final class EncryptedStoreTests: XCTestCase {
    var store: URL!

    override func setUpWithError() throws {
        store = Binary.tempStore()
        let made = try Binary.run(["demo", "--store", store.path, "--cases", "60", "--seed", "12"])
        XCTAssertEqual(made.status, 0, made.stderr)
        XCTAssertTrue(made.stdout.contains("Recovery code"), "the recovery code is shown once")
    }

    override func tearDown() {
        if let store { try? FileManager.default.removeItem(at: store) }
    }

    /// Every run of printable text in every file, as `strings` prints them (ASCII and UTF-8).
    func printableRuns(_ data: Data) -> [String] {
        String(decoding: data, as: UTF8.self).split { $0.isNewline || $0 == "\u{FFFD}" || ($0.isASCII && !$0.isPrintableASCII) }
            .map(String.init).filter { $0.count >= 4 }
    }

    func testNoNameOrPhoneIsReadableOnDisk() throws {
        // The names and phones, read through the key with the model (no role may list every
        // station's identities on the command line: the admin has no reveal right at all).
        let closed = try CaseStore.open(at: store)
        let key = try XCTUnwrap(closed.loadKeyRing()).unlock(user: "admin", secret: "9999")
        let cases = closed.unlocked(with: key).loadCases(setAside: false).cases
        XCTAssertEqual(cases.count, 60)
        let secrets = cases.flatMap { [$0.identity.name, $0.identity.phone ?? ""] }.filter { $0.count >= 4 }
        // Each word of a name on its own too (a surname alone is found in the scan below).
        let words = secrets + cases.flatMap { $0.identity.name.split(separator: " ").map(String.init) }.filter { $0.count >= 4 }
        // The positive control first: a plain store made the same way holds its names and phones
        // where this scan finds them (names as UTF-16BE inside binary property lists).
        let plain = Binary.tempStore()
        defer { try? FileManager.default.removeItem(at: plain) }
        XCTAssertEqual(try Binary.run(["demo", "--store", plain.path, "--cases", "60", "--seed", "12", "--plain"]).status, 0)
        let plainCases = try CaseStore.open(at: plain).loadCases(setAside: false).cases
        let plainSecrets = plainCases.flatMap { [$0.identity.name, $0.identity.phone ?? ""] }.filter { $0.count >= 4 }
        let inPlain = DiskScan.findings(plainSecrets, under: plain)
        let seen = plainSecrets.filter { s in inPlain.contains { $0.hasPrefix(s + " ") } }
        XCTAssertEqual(seen.count, plainSecrets.count, "the scan finds every name and phone in a plain store")
        XCTAssertTrue(inPlain.contains { $0.contains("(UTF-16BE)") }, "names of a plain store are UTF-16BE")
        // The encrypted store: no name, no phone, in UTF-8 or UTF-16 of either order; no word of a
        // name either, outside the directory of stations and staff (kept plain: a staff member's
        // surname, such as परमार, may be a woman's too).
        XCTAssertEqual(DiskScan.findings(secrets, under: store), [])
        XCTAssertEqual(DiskScan.findings(words, under: store).filter { !$0.hasSuffix(" in /directory.plist") }, [])
        // And as `strings` prints them (ASCII and UTF-8 runs).
        var files = 0, runs = 0
        let all = FileManager.default.enumerator(at: store, includingPropertiesForKeys: nil)?.compactMap { $0 as? URL } ?? []
        for url in all where !url.hasDirectoryPath {
            files += 1
            let text = printableRuns(try Data(contentsOf: url))
            runs += text.count
            for run in text {
                for secret in secrets { XCTAssertFalse(run.contains(secret), "\(secret) readable in \(url.lastPathComponent)") }
            }
        }
        // And with the real strings(1), where the machine has it (a second opinion: the scan above
        // is the check, so a machine without binutils only loses this extra line).
        if let text = try DiskScan.stringsOutput(under: store) {
            for secret in secrets { XCTAssertFalse(text.contains(secret), "strings(1) shows \(secret)") }
        }
        print("strings check: \(files) files, \(runs) printable runs, \(words.count) names, words of names and phones looked for"
              + " in UTF-8 and UTF-16 (BE, LE): none found; in the plain store: \(seen.count) of \(plainSecrets.count) found")
        // With --user, only what she may see.
        let hers = try Binary.run(["cases", "--store", store.path, "--user", "asha", "--format", "csv"], stdin: "1111\n")
        let stations = Set(hers.stdout.split(separator: "\n").dropFirst().map { $0.split(separator: ",")[1] })
        XCTAssertEqual(stations, ["VJN"])
        let report = try Binary.run(["report", "--store", store.path, "--user", "asha", "--period", "2026-Q4"], stdin: "1111\n")
        XCTAssertTrue(report.stdout.contains("Stations: Vijay Nagar\n"), report.stdout)
        // A counsellor has no report right, on screen or here.
        let counsellor = try Binary.run(["report", "--store", store.path, "--user", "kavita", "--period", "2026-Q4"], stdin: "3333\n")
        XCTAssertEqual(counsellor.status, 77, counsellor.stderr)
        XCTAssertTrue(counsellor.stdout.isEmpty)
        // Without the right PIN, nothing is read.
        let refused = try Binary.run(["cases", "--store", store.path, "--user", "asha"], stdin: "1234\n")
        XCTAssertEqual(refused.status, 2)
        XCTAssertTrue(refused.stdout.isEmpty)
        let noUser = try Binary.run(["report", "--store", store.path, "--period", "2026-10"])
        XCTAssertEqual(noUser.status, 2)
        XCTAssertTrue(noUser.stderr.contains("encrypted"))
    }

    /// A new district store: the admin makes it under a passphrase of her own (a PIN or an obvious
    /// one is refused), gives a user her copy of the key under a first PIN, which she must change
    /// before anything opens; the old one then opens nothing. The recovery code is the admin's.
    func testInitGrantAndPINs() throws {
        let fresh = Binary.tempStore()
        defer { try? FileManager.default.removeItem(at: fresh) }
        let weak = try Binary.run(["init", "--store", fresh.path], stdin: "9999\n")
        XCTAssertEqual(weak.status, 64, "a 4-digit PIN cannot guard a district's key")
        XCTAssertEqual(try Binary.run(["init", "--store", fresh.path], stdin: "12345678\n").status, 64, "nor a run of digits")
        XCTAssertEqual(try Binary.run(["init", "--store", fresh.path], stdin: "admin-admin\n").status, 64, "nor her user name")
        XCTAssertFalse(FileManager.default.fileExists(atPath: fresh.path), "nothing made")
        let made = try Binary.run(["init", "--store", fresh.path], stdin: "kshipra-river-77\n")
        XCTAssertEqual(made.status, 0, made.stderr)
        let code = try XCTUnwrap(made.stdout.components(separatedBy: "again): ").last?.trimmingCharacters(in: .whitespacesAndNewlines))
        XCTAssertEqual(try Binary.run(["cases", "--store", fresh.path, "--user", "asha"], stdin: "1111\n").status, 2,
                       "no key for her yet")
        // The recovery code is not a way in for a user: it resets the admin's own passphrase.
        XCTAssertEqual(try Binary.run(["set-pin", "--store", fresh.path, "--user", "asha", "--recovery"],
                                      stdin: "\(code)\npipalya-2468\n").status, 77)
        // The admin, signed in, gives asha a first PIN; asha must set her own before anything opens.
        XCTAssertEqual(try Binary.run(["grant", "--store", fresh.path, "--user", "admin", "--for", "asha"],
                                      stdin: "kshipra-river-77\n2468\n").status, 64, "4 digits cannot guard the key")
        let grant = try Binary.run(["grant", "--store", fresh.path, "--user", "admin", "--for", "asha"], stdin: "kshipra-river-77\nfirst-pin-4821\n")
        XCTAssertEqual(grant.status, 0, grant.stderr)
        let first = try Binary.run(["cases", "--store", fresh.path, "--user", "asha"], stdin: "first-pin-4821\n")
        XCTAssertEqual(first.status, 77, "a first PIN opens nothing until she sets her own")
        XCTAssertTrue(first.stderr.contains("set your own"), first.stderr)
        XCTAssertEqual(try Binary.run(["set-pin", "--store", fresh.path, "--user", "asha"],
                                      stdin: "first-pin-4821\npipalya-2468\n").status, 0)
        XCTAssertEqual(try Binary.run(["cases", "--store", fresh.path, "--user", "asha"], stdin: "first-pin-4821\n").status, 2)
        XCTAssertEqual(try Binary.run(["cases", "--store", fresh.path, "--user", "asha"], stdin: "pipalya-2468\n").status, 0)
        // A desk officer may not give keys; the admin may take asha's back.
        XCTAssertEqual(try Binary.run(["grant", "--store", fresh.path, "--user", "asha", "--for", "meena"],
                                      stdin: "pipalya-2468\nmeena-first-99\n").status, 77)
        XCTAssertEqual(try Binary.run(["revoke", "--store", fresh.path, "--user", "admin", "--for", "asha"],
                                      stdin: "kshipra-river-77\n").status, 0)
        XCTAssertEqual(try Binary.run(["cases", "--store", fresh.path, "--user", "asha"], stdin: "pipalya-2468\n").status, 2,
                       "revoked: her PIN opens nothing")
        // The admin's own reset with the recovery code, recorded as its own kind.
        XCTAssertEqual(try Binary.run(["set-pin", "--store", fresh.path, "--user", "admin", "--recovery"],
                                      stdin: "WRONG-CODE\nnarmada-ghat-12\n").status, 2)
        XCTAssertEqual(try Binary.run(["set-pin", "--store", fresh.path, "--user", "admin", "--recovery"],
                                      stdin: "\(code)\nnarmada-ghat-12\n").status, 0)
        let verify = try Binary.run(["verify", "--store", fresh.path, "--user", "admin"], stdin: "narmada-ghat-12\n")
        XCTAssertEqual(verify.status, 0, verify.stdout + verify.stderr)
        let audit = try String(contentsOf: fresh.appendingPathComponent("audit.log"), encoding: .utf8)
        XCTAssertTrue(audit.contains("\"recoveryUsed\""))
        XCTAssertTrue(audit.contains("grant asha"))
        XCTAssertTrue(audit.contains("\"user\":\"admin\""), "the signed-in admin is the actor")
    }

    func testTheDeskOpensWithHerPIN() throws {
        let tmux = try Tmux()
        defer { tmux.stop() }
        tmux.start("'\(Binary.url.path)' --store '\(store.path)'")
        tmux.waitFor("PIN")
        tmux.type("asha")
        tmux.keys("Enter")
        tmux.type("1111")
        tmux.keys("Enter")
        tmux.waitFor("Main menu")
        tmux.keys("2")
        let queue = tmux.waitFor("IND-VJN-")
        XCTAssertTrue(queue.contains("Queue · Vijay Nagar"))
        tmux.keys("C-q")
        tmux.waitFor("= yes")
        tmux.keys("y")
        XCTAssertTrue(tmux.waitForExit())
    }
}

private extension Character {
    var isPrintableASCII: Bool { asciiValue.map { $0 >= 0x20 && $0 < 0x7F } ?? false }
}
