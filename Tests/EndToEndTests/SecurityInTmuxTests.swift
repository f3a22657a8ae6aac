import DeskModel
import DeskUI
import Foundation
import XCTest

/// The desk's protections in a real terminal (issue 10): a login after someone else's logout
/// unwraps her own copy of the key; and after a working day of intake, counselling notes, reveals
/// with reasons, directives with a name in them, wrong PINs, exports and a backup, no name,
/// phone, note, reason or directive text is readable in any file.
final class SecurityInTmuxTests: TmuxTestCase {
    override var demo: (cases: Int, seed: Int) { (20, 7) }

    /// An `init` store: only the admin holds the key. After the admin logs in and out, the SP,
    /// whose directory PIN is right, is still refused (before the fix she reached her overview).
    func testAfterTheAdminLogsOutTheSPWithoutAKeyIsRefused() throws {
        let fresh = Binary.tempStore()
        defer { try? FileManager.default.removeItem(at: fresh) }
        let made = try Binary.run(["init", "--store", fresh.path], stdin: "kshipra-river-77\n")
        XCTAssertEqual(made.status, 0, made.stderr)
        tmux.start("'\(Binary.url.path)' --store '\(fresh.path)'")
        login("spindore", "4444", expect: "does not open this store's key")
        tmux.keys("BTab", "C-u")
        login("admin", "kshipra-river-77", expect: "Main menu")
        logout()
        login("spindore", "4444", expect: "does not open this store's key")
        let screen = tmux.screen
        XCTAssertFalse(screen.contains("District overview"), screen)
        quit()
        XCTAssertTrue(tmux.waitForExit())
    }

    func testAWorkingDayLeavesNothingReadableOnDisk() throws {
        let name = "ज़ैनब कुरैशी", phone = "9826012345", draftName = "रुखसाना परवीन"
        let reason = "checking Zainab Qureshi complaint"
        let directive = "Call Zainab Qureshi at 9826012345 today"
        let note = "Sasur dhamkata hai roz"
        tmux.start(command)
        // A PIN typed where the name goes, then the right sign-in.
        login("9826012345", "x", expect: "not right")
        tmux.keys("BTab", "C-u")
        login("asha", "1111")
        // Intake of a woman with a name and phone that no demo case has.
        tmux.keys("1")
        tmux.waitFor("Section 1 of 7")
        tmux.keys("PageDown")
        tmux.waitFor("Section 2 of 7")    // consent, asked first
        tmux.keys("y")
        tmux.keys("PageDown")
        tmux.waitFor("Section 3 of 7")
        tmux.type(name)
        tmux.keys("Tab")
        tmux.type("31")
        tmux.keys("Tab", "Tab")
        tmux.type(phone)
        tmux.keys("PageDown")
        tmux.waitFor("Section 4 of 7")
        tmux.type("25-11-2026")
        tmux.keys("Tab", "Tab", "Enter")
        tmux.waitFor("┌")
        tmux.keys("Down", "Enter")
        tmux.keys("F10")
        let saved = tmux.waitFor("Saved as")
        let number = try XCTUnwrap(saved.range(of: "IND-VJN-2026-[0-9]{4}", options: .regularExpression).map { String(saved[$0]) })
        tmux.keys("Escape")
        tmux.waitFor("Main menu")
        // A second intake left as a draft.
        tmux.keys("1")
        tmux.waitFor("Section 1 of 7")
        tmux.keys("PageDown", "PageDown")
        tmux.waitFor("Section 3 of 7")
        tmux.type(draftName)
        quit()
        XCTAssertTrue(tmux.waitForExit())
        // The counsellor writes session notes on her case.
        tmux.start(command)
        login("kavita", "3333", expect: "My caseload")
        tmux.keys("m")
        tmux.waitFor("Main menu")
        tmux.keys("2")
        tmux.waitFor("Vijay Nagar (IND-VJN)")
        tmux.keys("1")
        tmux.waitFor("Queue · Vijay Nagar")
        Thread.sleep(forTimeInterval: 1.1)   // a queue ignores digits for a moment after it opens
        tmux.type(number)
        tmux.waitFor(number)
        tmux.keys("Enter")
        tmux.waitFor("Case " + number)
        tmux.keys("F3")
        tmux.waitFor("Counselling session")
        tmux.keys("Enter")
        tmux.waitFor("Session notes are confidential")
        tmux.keys("Tab", "Tab", "Tab")
        tmux.type("Mother")
        tmux.keys("Tab")
        tmux.type(note)
        tmux.keys("Tab", "Space", "Tab", "Right", "Right", "Right", "Right")
        tmux.keys("F10")
        tmux.waitFor("Session saved.")
        quit()
        XCTAssertTrue(tmux.waitForExit())
        // The SP reveals her with a reason and leaves a directive with her name and phone in it.
        tmux.start(command)
        login("spindore", "4444", expect: "District overview")
        // Her overview lists the worst station first: go down to Vijay Nagar's row.
        let overview = tmux.waitFor("Vijay Nagar")
        let rows = overview.split(separator: "\n").filter { $0.range(of: "^ [0-9]+ [A-Z]", options: .regularExpression) != nil }
        let index = try XCTUnwrap(rows.firstIndex { $0.contains("Vijay Nagar") })
        for _ in 0..<index { tmux.keys("Down") }
        tmux.keys("Enter")
        tmux.waitFor("Queue · Vijay Nagar")
        Thread.sleep(forTimeInterval: 1.1)   // a queue ignores digits for a moment after it opens
        tmux.type(number)
        tmux.waitFor(number)
        tmux.keys("Enter")
        tmux.waitFor("(masked: F6 shows)")
        tmux.keys("F6")
        tmux.waitFor("Why do you need to see who she is?")
        tmux.type(reason)
        tmux.keys("Enter")
        tmux.waitUntilGone("(masked: F6 shows)")
        tmux.keys("F7")
        tmux.waitFor("A directive for the desk")
        tmux.type(directive)
        tmux.keys("Enter")
        tmux.waitFor("[Unread] due")
        quit()
        XCTAssertTrue(tmux.waitForExit())
        // Exports and a backup from the command line.
        XCTAssertEqual(try Binary.run(["cases", "--store", store.path, "--user", "asha", "--reveal", "--reason", reason, "--format", "csv"],
                                      stdin: "1111\n").status, 0)
        XCTAssertEqual(try Binary.run(["report", "--store", store.path, "--user", "spindore", "--period", "2026-11"], stdin: "4444\n").status, 0)
        let backup = store.appendingPathComponent("exports/day.urjabak")
        try FileManager.default.createDirectory(at: backup.deletingLastPathComponent(), withIntermediateDirectories: true)
        XCTAssertEqual(try Binary.run(["backup", "--store", store.path, "--user", "admin", "--to", backup.path],
                                      stdin: "9999\na long backup passphrase\n").status, 0)

        // The positive control: each of them is in the store, read with the key.
        let closed = try CaseStore.open(at: store)
        let opened = closed.unlocked(with: try XCTUnwrap(closed.loadKeyRing()).unlock(user: "asha", secret: "1111"))
        let record = try XCTUnwrap(opened.loadCases(setAside: false).cases.first { $0.number.description == number })
        XCTAssertEqual(record.identity.name, name)
        XCTAssertEqual(record.sessions.last?.problem, note)
        XCTAssertEqual(opened.loadDraft(userID: "asha")?[.name], draftName)
        XCTAssertTrue(opened.loadDirectives()[record.id]?.contains { $0.text == directive } ?? false)
        let log = AuditLog(store: opened)
        XCTAssertTrue(log.entries().compactMap(log.openNote).contains(reason))

        // Nothing of it readable in any file: UTF-8 and UTF-16 of both orders, and strings(1).
        let words = [name, draftName, phone, reason, directive, note] + (name + " " + draftName).split(separator: " ").map(String.init)
            + ["Zainab", "Qureshi", "dhamkata"]
        XCTAssertEqual(DiskScan.findings(words, under: store), [])
        if let text = try DiskScan.stringsOutput(under: store) {
            for w in words { XCTAssertFalse(text.contains(w), "strings(1) shows \(w)") }
        }
        let files = FileManager.default.enumerator(at: store, includingPropertiesForKeys: nil)?.compactMap { $0 as? URL }.filter { !$0.hasDirectoryPath }.count ?? 0
        print("working-day scan: \(files) files, \(words.count) texts looked for in UTF-8/UTF-16BE/UTF-16LE and strings(1): none found")
    }

    /// A terminal with no alternate screen (the Linux console): a revealed name must not stay on
    /// it after the desk closes (before the fix, "Name गीता बघेल, Age 15, MINOR" remained).
    func testNothingRevealedStaysOnATerminalWithoutAnAlternateScreen() throws {
        tmux.start(command)
        tmux.tmux(["set-option", "-t", tmux.session, "alternate-screen", "off"])
        tmux.tmux(["set-option", "-t", tmux.session, "remain-on-exit", "on"])
        login("asha", "1111")
        tmux.keys("2")
        tmux.waitFor("Queue · Vijay Nagar")
        tmux.keys("Enter")
        tmux.waitFor("(masked: F6 shows)")
        tmux.keys("F6")
        let revealed = tmux.waitUntilGone("(masked: F6 shows)")
        let closed = try CaseStore.open(at: store)
        let key = try XCTUnwrap(closed.loadKeyRing()).unlock(user: "asha", secret: "1111")
        let names = closed.unlocked(with: key).loadCases(setAside: false).cases.map(\.identity.name)
        let shown = try XCTUnwrap(names.first { revealed.contains($0) }, "a name is on screen after F6")
        quit()
        let deadline = Date().addingTimeInterval(5)
        var after = tmux.screen
        while Date() < deadline, after.contains("Urja Desk") {
            Thread.sleep(forTimeInterval: 0.1)
            after = tmux.screen
        }
        XCTAssertFalse(after.contains(shown), "the revealed name stayed on the terminal:\n\(after)")
        XCTAssertFalse(after.contains("Urja Desk │"), "the desk's screen stayed:\n\(after)")
    }
}
