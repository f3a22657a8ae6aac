// Over 300 lines: the desk's main flows end to end on the in-memory screen, kept together as one story.
@testable import DeskUI
import DeskModel
import XCTest

/// The desk driven key by key on the in-memory screen.
final class DeskFlowTests: XCTestCase {
    var h: Harness!

    override func setUpWithError() throws {
        h = try Harness(cases: 6)
    }

    override func tearDown() {
        h.cleanUp()
    }

    func testAWrongPINIsRefusedAndTheNameKept() {
        h.type("asha")
        h.press(.enter)
        h.type("9999")
        h.press(.enter)
        XCTAssertTrue(h.screen.contains("User name or PIN is not right"))
        XCTAssertTrue(h.screen.contains("asha"))
        XCTAssertNil(h.ctx.user)
        XCTAssertEqual(AuditLog(store: h.ctx.store).entries().last?.kind, .loginFailed)
        h.type("1111")
        h.press(.enter)
        XCTAssertEqual(h.ctx.user?.id, "asha")
        XCTAssertTrue(h.screen.contains("Main menu"))
    }

    func testAnUnknownUserGetsTheSameMessage() {
        h.login("nobody", "1111")
        XCTAssertTrue(h.screen.contains("User name or PIN is not right"))
    }

    /// Fills the required fields of a new intake; the name typed in Hindi.
    func fillIntake(name: String = "पीड़िता क्षमा") {
        h.press(.char("1"))              // New intake
        h.press(.pageDown)               // Consent: asked first
        h.type("y")                      // services: yes
        h.press(.pageDown)               // Identity: Name
        h.type(name)
        h.press(.tab)
        h.type("32")                     // Age
        h.press(.tab, .tab)
        h.type("9876543210")             // Phone
        h.press(.pageDown)               // Incident
        h.type("20-11-2026")
        h.press(.tab, .tab)              // Category
        h.press(.right)                  // Domestic violence
    }

    func testACompleteIntakeInHindiIsSavedAndFound() throws {
        h.login("asha", "1111")
        h.ctx.language = .hi
        fillIntake()
        h.press(.function(10))
        let screen = h.screen
        XCTAssertTrue(screen.contains("IND-VJN-2026-"), screen)
        XCTAssertTrue(screen.contains("सहेजा गया"), screen)
        let saved = try XCTUnwrap(h.ctx.cases.first { $0.identity.name == "पीड़िता क्षमा" })
        XCTAssertEqual(saved.incident.category, .domesticViolence)
        XCTAssertEqual(saved.consent.services, .yes)
        XCTAssertNil(h.ctx.store.loadDraft(userID: "asha"), "the draft goes once the case is saved")
        // On disk, and found in the queue by part of her name.
        XCTAssertTrue(h.ctx.store.loadCases(setAside: false).cases.contains { $0.id == saved.id })
        h.press(.escape, .char("2"))
        let before = try XCTUnwrap(h.queueRows)
        let other = try XCTUnwrap(before.first { $0.id != saved.id && !$0.name.contains("क्षमा") })
        XCTAssertTrue(h.screen.contains(other.number.description), "before the search, another case shows")
        h.type("क्षमा")
        let queue = h.screen
        XCTAssertTrue(queue.contains(saved.number.description), queue)
        XCTAssertFalse(queue.contains(other.number.description), "a case that does not match goes: \(queue)")
        XCTAssertLessThan(try XCTUnwrap(h.queueRows).count, before.count, "the search narrows the list")
        XCTAssertEqual(h.shownQueueCount, h.queueRows?.count, "the count shown is the list's")
        XCTAssertFalse(queue.contains("पीड़िता क्षमा"), "names stay masked in the queue")
    }

    func testSavingWithErrorsKeepsEverythingAndPointsAtTheField() {
        h.login("asha", "1111")
        fillIntake()
        h.press(.pageUp)                                      // back to Identity
        h.press(.tab, .tab, .tab)                             // Phone
        h.type("abc")
        XCTAssertTrue(h.screen.contains("Mobile: 10 digits starting 6–9"), "said at once, at the field")
        h.press(.function(10))
        let screen = h.screen
        XCTAssertTrue(screen.contains("1 field(s) to fix; the first is Phone (10 digits)."), screen)
        XCTAssertTrue(screen.contains("9876543210abc"))
        XCTAssertTrue(screen.contains("पीड़िता क्षमा"))
        XCTAssertEqual(h.ctx.cases.count, 6, "nothing saved")
    }

    func testAFutureDateIsRefusedAtTheField() {
        h.login("asha", "1111")
        h.press(.char("1"), .pageDown, .pageDown, .pageDown)
        h.type("01-12-2026")
        h.press(.tab)
        XCTAssertTrue(h.screen.contains("This date is in the future."))
    }

    func testADraftSurvivesACrash() throws {
        h.login("asha", "1111")
        h.press(.char("1"), .pageDown, .pageDown)
        h.type("सुनीता वर्मा")
        // The process dies here: no suspend, no quit. A new desk on the same store:
        let again = try Harness(root: h.root)
        again.login("asha", "1111")
        XCTAssertTrue(again.screen.contains("Resume unfinished intake"), again.screen)
        again.press(.enter)
        XCTAssertTrue(again.screen.contains("सुनीता वर्मा"))
        XCTAssertTrue(again.screen.contains("Your unfinished intake was restored."))
    }

    func testLeavingKeepsTheDraftAndDiscardRemovesIt() {
        h.login("asha", "1111")
        h.press(.char("1"), .pageDown, .pageDown)
        h.type("रेखा")
        h.press(.escape)
        XCTAssertTrue(h.screen.contains("draft is kept"))
        XCTAssertEqual(h.ctx.store.loadDraft(userID: "asha")?[.name], "रेखा")
        XCTAssertTrue(h.screen.contains("x. Discard unfinished intake"), h.screen)
        XCTAssertTrue(h.screen.contains("2. Station queue"), "the numbers do not move with a draft")
        h.press(.char("x"))  // Discard: asked first
        XCTAssertTrue(h.screen.contains("Delete the unfinished intake for good?"), h.screen)
        h.press(.char("a"), .enter, .char("2"))  // anything but y / n leaves the question standing
        XCTAssertNotNil(h.ctx.store.loadDraft(userID: "asha"))
        h.press(.char("n"))
        XCTAssertNotNil(h.ctx.store.loadDraft(userID: "asha"), "no keeps it")
        XCTAssertTrue(h.app.top is MainMenuScreen)
        h.press(.char("x"), .char("y"))
        XCTAssertNil(h.ctx.store.loadDraft(userID: "asha"))
        XCTAssertTrue(h.screen.contains("New intake"))
    }

    func testAnUntouchedIntakeLeavesNoDraft() {
        h.login("asha", "1111")
        h.press(.char("1"), .tab, .escape)
        XCTAssertNil(h.ctx.store.loadDraft(userID: "asha"))
        XCTAssertTrue(h.screen.contains("New intake"))
        XCTAssertFalse(h.screen.contains("Resume"))
    }

    func testResizeLosesNothingAndSmallWindowsSaySo() {
        h.login("asha", "1111")
        h.press(.char("1"), .pageDown, .pageDown)
        h.type("सीमा")
        h.resize(rows: 20, cols: 60)
        XCTAssertTrue(h.screen.contains("Please make the window larger."))
        XCTAssertTrue(h.screen.contains("Keys are not taken until the window is large enough."))
        h.type(" पटेल")  // typed blind behind the message: not taken
        h.press(.tab, .char("x"))
        h.resize(rows: 40, cols: 120)
        XCTAssertTrue(h.screen.contains("सीमा"))
        XCTAssertFalse(h.screen.contains("पटेल"), "nothing typed behind the message is applied")
        XCTAssertEqual((h.app.top as? IntakeScreen)?.form[.name], "सीमा")
        h.type(" पटेल")
        XCTAssertTrue(h.screen.contains("सीमा पटेल"))
        assertWellFormed(h)
    }

    func testLanguageIsRememberedPerUser() {
        h.login("asha", "1111")
        h.press(.function(2))
        XCTAssertTrue(h.screen.contains("मुख्य मेनू"))
        h.press(.escape)  // log out: asked first, in her language
        XCTAssertTrue(h.screen.contains("लॉग आउट करें?"), h.screen)
        h.press(.char("y"))
        XCTAssertNil(h.ctx.user)
        h.ctx.language = .en
        h.login("kavita", "3333")
        XCTAssertTrue(h.screen.contains("My caseload"), "another user keeps her own language")
        h.press(.char("m"))
        XCTAssertTrue(h.screen.contains("Main menu"), "a counsellor's caseload opens over her menu")
        h.logout()
        h.login("asha", "1111")
        XCTAssertTrue(h.screen.contains("मुख्य मेनू"))
    }

    func testHelpIsGeneratedFromTheKeyTable() {
        h.login("asha", "1111")
        h.press(.char("2"), .char("?"))
        let help = h.screen
        XCTAssertTrue(help.contains("Station queue"))
        XCTAssertTrue(help.contains("F5"))
        XCTAssertTrue(help.contains("Sort"))
        h.press(.escape)
        XCTAssertTrue(h.screen.contains("Queue · Vijay Nagar"))
    }

    func testQueueSearchFilterAndSort() throws {
        // More than one case at her station, so that a search has something to leave out.
        h.cleanUp()
        h = try Harness(cases: 40)
        h.login("asha", "1111")
        h.press(.char("2"))
        let visible = h.ctx.visibleCases
        XCTAssertGreaterThan(visible.count, 1, "a search needs something to leave out")
        XCTAssertEqual(h.shownQueueCount, visible.count)
        let target = try XCTUnwrap(visible.first)
        // Another case that the queue shows on its first page (it is in urgency order).
        let other = try XCTUnwrap(visible.first { $0.id != target.id && h.screen.contains($0.number.description) })
        h.type(target.number.description)
        XCTAssertEqual(h.shownQueueCount, 1, h.screen)
        XCTAssertEqual(h.queueRows?.map(\.id), [target.id])
        XCTAssertTrue(h.screen.contains(target.number.description))
        XCTAssertFalse(h.screen.contains(other.number.description), "a case that does not match goes")
        h.press(.escape)  // clears the search
        XCTAssertEqual(h.shownQueueCount, visible.count)
        h.press(.function(4))
        XCTAssertTrue(h.screen.contains("Status: Open"))
        h.press(.function(5))
        XCTAssertTrue(h.screen.contains("Sort: Risk"))
    }

    func testRevealIsAuditedAndNotForTheSP() throws {
        h.login("asha", "1111")
        h.press(.char("2"), .enter)
        let record = try XCTUnwrap(h.ctx.visibleCases.sorted { $0.reportedAt > $1.reportedAt }.first)
        XCTAssertFalse(h.screen.contains(record.identity.name))
        h.press(.function(6))
        XCTAssertTrue(h.screen.contains(record.identity.name))
        let entry = try XCTUnwrap(AuditLog(store: h.ctx.store).entries().last)
        XCTAssertEqual(entry.kind, .revealIdentity)
        XCTAssertEqual(entry.caseID, record.id)
        XCTAssertEqual(entry.user, "asha")
        h.logout()
        h.login("admin", "9999")
        h.press(.char("1"), .enter, .enter, .function(6))
        XCTAssertTrue(h.screen.contains("Your role sees identity masked."))
    }

    func testTheSPRevealsOneCaseOnlyWithAReason() throws {
        h.login("sp", "4444")
        h.choose("Station queues")
        h.press(.enter, .function(5), .enter)   // first station, newest first, first case
        let record = try XCTUnwrap(h.ctx.cases.filter { $0.stationID == "VJN" }.sorted { $0.reportedAt > $1.reportedAt }.first)
        h.press(.function(6))
        XCTAssertTrue(h.screen.contains("Why do you need to see who she is?"), h.screen)
        h.type("review")
        h.press(.enter)
        XCTAssertTrue(h.screen.contains("Write the reason in at least 8 letters."))
        XCTAssertFalse(h.screen.contains(record.identity.name))
        h.type(" of high-risk case")
        h.press(.enter)
        XCTAssertTrue(h.screen.contains(record.identity.name), h.screen)
        let entry = try XCTUnwrap(AuditLog(store: h.ctx.store).entries().last)
        XCTAssertEqual(entry.kind, .revealIdentity)
        XCTAssertEqual(entry.user, "sp")
        XCTAssertEqual(entry.note, "review of high-risk case", "the reason is kept with the entry (sealed in an encrypted store)")
        XCTAssertFalse(entry.detail.contains("review"), "the clear detail carries ids only")
        h.press(.escape, .down, .enter)
        XCTAssertFalse(h.screen.contains(record.identity.name), "the next case is masked again")
    }

    func testStatusChangeIsSaved() throws {
        h.login("asha", "1111")
        h.press(.char("2"), .enter)
        let before = try XCTUnwrap(h.ctx.visibleCases.sorted { $0.reportedAt > $1.reportedAt }.first)
        h.press(.function(8), .home, .enter)
        let after = try XCTUnwrap(h.ctx.record(before.id))
        XCTAssertEqual(after.status, .open)
        XCTAssertEqual(after.revision, before.revision + (before.status == .open ? 0 : 1))
        let onDisk = h.ctx.store.loadCases(setAside: false).cases.first { $0.id == before.id }
        XCTAssertEqual(onDisk?.status, .open)
    }

    func testEscOnTheMainMenuLogsOutAndOnAStationListGoesBack() {
        h.login("sp", "4444")
        XCTAssertTrue(h.screen.contains("District overview"), "an SP starts at her overview")
        XCTAssertTrue(h.screen.contains("Esc Log out"), "her first screen: Esc logs out, as on the desk's menu")
        h.press(.escape)
        XCTAssertTrue(h.screen.contains("Log out SP Indore?"), h.screen)
        h.press(.char("n"))
        XCTAssertTrue(h.app.top is OverviewScreen)
        h.press(.char("m"))
        XCTAssertTrue(h.screen.contains("Esc Log out"))
        XCTAssertFalse(h.screen.contains("Esc Back"), "one key, one meaning on the bar")
        h.press(.char("2"))
        XCTAssertTrue(h.screen.contains("Choose a station"))
        XCTAssertTrue(h.screen.contains("Esc Back"))
        h.press(.escape)
        XCTAssertTrue(h.screen.contains("Main menu"))
        h.press(.escape)
        XCTAssertNotNil(h.ctx.user, "asked first")
        h.press(.char("y"))
        XCTAssertNil(h.ctx.user)
        XCTAssertTrue(h.screen.contains("User name"))
    }

    func testTheAdminChecksTheStore() throws {
        h.login("admin", "9999")
        h.choose("Check the store")
        XCTAssertTrue(h.screen.contains("Store checked: 6 cases read, nothing wrong."), h.screen)
        try Data("garbage".utf8).write(to: h.root.appendingPathComponent("cases/\(UUID().uuidString).plist"))
        h.choose("Check the store")
        XCTAssertTrue(h.screen.contains("Store checked: 1 problem(s)"), h.screen)
    }

    func testACaseIsCorrectedThroughTheForm() throws {
        h.login("asha", "1111")
        h.press(.char("2"), .enter)
        let before = try XCTUnwrap(h.ctx.visibleCases.sorted { $0.reportedAt > $1.reportedAt }.first)
        h.press(.function(9))
        XCTAssertTrue(h.screen.contains("Edit case " + before.number.description))
        XCTAssertTrue(h.screen.contains("Esc Cancel (not saved)"))
        h.press(.pageDown, .pageDown, .tab, .tab, .tab)   // Identity, then Phone
        h.press(.ctrl("u"))
        h.type("912345678x")
        h.press(.function(10))
        XCTAssertTrue(h.screen.contains("Mobile: 10 digits starting 6–9"), "checked like an intake")
        h.press(.backspace)
        h.type("0")
        h.press(.function(10))
        XCTAssertTrue(h.screen.contains("Changes to \(before.number) saved."), h.screen)
        XCTAssertTrue(h.screen.contains("••••••••80"))
        let after = try XCTUnwrap(h.ctx.record(before.id))
        XCTAssertEqual(after.identity.phone, "9123456780")
        XCTAssertEqual(after.number, before.number)
        XCTAssertEqual(after.revision, before.revision + 1)
        XCTAssertEqual(h.ctx.cases.count, 6, "no new case")
        XCTAssertNil(h.ctx.store.loadDraft(userID: "asha"), "an edit leaves no intake draft")
        XCTAssertEqual(AuditLog(store: h.ctx.store).entries().last?.kind, .caseUpdated)
    }

    func testTheSPReadsTheAuditLogFiltered() throws {
        h.login("asha", "1111")
        h.press(.char("2"), .enter, .function(6))
        let record = try XCTUnwrap(h.ctx.visibleCases.sorted { $0.reportedAt > $1.reportedAt }.first)
        h.logout()
        h.login("sp", "4444")
        h.press(.char("m"))
        XCTAssertTrue(h.screen.contains("Audit log"))
        h.choose("Audit log")
        let all = h.screen
        XCTAssertTrue(all.contains("Identity shown"), all)
        XCTAssertTrue(all.contains("chain intact"))
        h.type(record.number.description)
        let one = h.screen
        XCTAssertTrue(one.contains("1 entries"), one)
        XCTAssertTrue(one.contains("asha"))
        XCTAssertFalse(one.contains(record.identity.name), "the log names no woman")
        h.press(.escape, .escape)
        XCTAssertTrue(h.screen.contains("Main menu"))
        // A desk officer has no audit log in her menu.
        h.logout()
        h.login("asha", "1111")
        XCTAssertFalse(h.screen.contains("Audit log"))
    }

    func testTheSPsDirectiveReachesTheDeskAndIsAnswered() throws {
        h.login("sp", "4444")
        h.choose("Station queues")
        h.press(.enter, .function(5), .enter)   // first station, newest first, first case
        let record = try XCTUnwrap(h.ctx.cases.filter { $0.stationID == "VJN" }.sorted { $0.reportedAt > $1.reportedAt }.first)
        h.press(.function(7))
        XCTAssertTrue(h.screen.contains("A directive for the desk"), h.screen)
        h.type("ok")
        h.press(.enter)
        XCTAssertTrue(h.screen.contains("Write the directive in a few words."))
        h.type(" - meet her at home with the counsellor")
        h.press(.tab, .ctrl("u"))
        h.type("01-11-2026")
        h.press(.enter)
        XCTAssertTrue(h.screen.contains("The due date cannot be in the past."))
        h.press(.ctrl("u"))
        h.type("03-12-2026")
        h.press(.enter)
        XCTAssertTrue(h.screen.contains("Directive given, due 03-12-2026."), h.screen)
        XCTAssertTrue(h.screen.contains("[Unread] due 03-12-2026"))
        h.logout()

        h.login("asha", "1111")
        XCTAssertTrue(h.screen.contains("1 new directive from the SP"), h.screen)
        XCTAssertTrue(h.screen.contains("1 unread · 0 late"))
        h.press(.char("d"), .enter)               // Directives (a letter: it comes and goes), the first one
        XCTAssertTrue(h.screen.contains("Case " + record.number.description), h.screen)
        XCTAssertTrue(h.screen.contains("[Open] due 03-12-2026"), "seen once opened")
        h.press(.function(7))
        h.type("done")
        h.press(.enter)
        XCTAssertTrue(h.screen.contains("Write what was done in a few words."))
        h.type(" - visited on 30-11 with counsellor")
        h.press(.enter)
        XCTAssertTrue(h.screen.contains("Reply sent; the directive is done."), h.screen)
        XCTAssertTrue(h.screen.contains("[Done]"))
        let d = try XCTUnwrap(h.ctx.directives(for: record.id).first)
        XCTAssertEqual(d.doneBy, "asha")
        XCTAssertEqual(AuditLog(store: h.ctx.store).entries().last?.kind, .directiveDone)
    }

    func testADamagedFileIsReportedAtLogin() throws {
        try Data("garbage".utf8).write(to: h.root.appendingPathComponent("cases/\(UUID().uuidString).plist"))
        let again = try Harness(root: h.root)
        again.login("asha", "1111")
        XCTAssertTrue(again.screen.contains("1 damaged record file(s) set aside"))
        XCTAssertEqual(again.ctx.cases.count, 6)
    }
}
