@testable import DeskUI
import DeskModel
import XCTest

/// Screens that had no test: the Legal tab and its FIR form, the report export (F10) and its audit
/// line, the admin's review settings and theirs.
final class LegalReportAdminTests: XCTestCase {
    var h: Harness!
    override func setUpWithError() throws { h = try Harness(cases: 0) }
    override func tearDown() { h.cleanUp() }

    func newCase() throws -> CaseRecord {
        var form = IntakeForm.blank(stationID: "VJN", clock: testClock)
        form[.name] = "सुनीता वर्मा"
        form[.age] = "30"
        form[.category] = IncidentCategory.domesticViolence.rawValue
        form[.consentServices] = Answer.yes.rawValue
        let number = try h.ctx.claimNumber(stationID: "VJN")
        let r = try form.makeCase(number: number, deskOfficerID: "asha", clock: testClock).get()
        try h.ctx.save(r, isNew: true)
        return r
    }

    let ctrlU = Key(name: "Ctrl-U") ?? .escape

    /// The row of the screen that shows `label`, and its text.
    func row(_ label: String) -> (index: Int, text: String)? {
        let rows = h.screen.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        return rows.firstIndex { $0.contains(label) }.map { ($0, rows[$0]) }
    }

    /// The Legal tab follows the FIR's sections, picked in the Prosecution form with the pick list:
    /// without sections, only the 90-day duty (BNSS s.193(3)(ii)) runs; with a rape section (BNS 64)
    /// the two months of s.193(2) run too; each deadline cites its section; passed ones stand out.
    func testTheLegalTabAndTheFIRForm() throws {
        let r = try newCase()
        h.login("asha", "1111")
        h.openCase(r.number.description)
        h.press(.char("4"))
        XCTAssertTrue(h.screen.contains("No FIR date yet: deadlines start from it."), h.screen)
        XCTAssertNil(row("Investigation  "))
        h.press(.function(3))
        XCTAssertTrue(h.screen.contains("▶ Prosecution: FIR, charge sheet, hearing"), h.screen)
        h.press(.enter)
        XCTAssertTrue(h.screen.contains("From the FIR: 2 months only for rape and POCSO 4–10 sections"), h.screen)
        h.type("01-10-2026")
        h.press(.function(10))
        XCTAssertTrue(h.screen.contains("Prosecution track saved."), h.screen)
        XCTAssertEqual(h.ctx.record(r.id)?.prosecution.firDay, Day(year: 2026, month: 10, day: 1)!)
        XCTAssertEqual(try CaseStore.open(at: h.root).loadCases(setAside: false).cases.first?.prosecution.firDay, Day(year: 2026, month: 10, day: 1)!)
        XCTAssertTrue(try XCTUnwrap(row("FIR date")).text.contains("01-10-2026"))
        // No sections yet: no two-month deadline is made up; the 90 days run for every FIR.
        XCTAssertTrue(try XCTUnwrap(row("Investigation"), h.screen).text.contains("pick the FIR's sections (F3) to know"))
        XCTAssertTrue(try XCTUnwrap(row("Inform her (90 days)")).text.contains("due by 30-12-2026"))
        XCTAssertTrue(h.screen.contains("BNSS s.193(3)(ii): every FIR, tell her the progress within 90 days"), h.screen)
        // Sections from the list: Enter opens it, Space marks, Enter takes the marked ones.
        h.press(.function(3), .enter, .tab, .enter)
        XCTAssertTrue(h.screen.contains("Space marks · Enter done"), h.screen)
        h.press(.down)
        h.type(" ")                                   // BNS 64
        h.press(.pageDown, .pageDown, .up)
        h.type(" ")                                   // and one more, further down
        h.press(.enter)
        let picked = try XCTUnwrap(h.ctx.record(r.id).map { _ in row("Sections of the FIR") } ?? nil, h.screen)
        XCTAssertTrue(picked.text.contains("BNS 64, "), picked.text)
        h.press(.left)
        XCTAssertTrue(h.screen.contains("Enter opens the list: mark the sections with Space."), "never stepped through one by one")
        h.press(.function(10))
        XCTAssertEqual(h.ctx.record(r.id)?.prosecution.offences.first, .bns64)
        XCTAssertEqual(h.ctx.record(r.id)?.prosecution.offences.count, 2)
        // 1 October + two months: 1 December; 90 days: 30 December; today is 29 November.
        let investigation = try XCTUnwrap(row("Investigation"), h.screen)
        XCTAssertTrue(investigation.text.contains("due by 01-12-2026"), investigation.text)
        XCTAssertTrue(h.screen.contains("BNSS s.193(2): 2 months from FIR (BNS 64–68, 70, 71; POCSO 4, 6, 8, 10)"), h.screen)
        XCTAssertTrue(try XCTUnwrap(row("Sections of the FIR")).text.contains("BNS 64 · Rape"))
        XCTAssertFalse(h.screen.contains("No FIR date yet"))
        assertWellFormed(h)
        // The FIR was in fact on 1 August: both deadlines have passed, and say by how much.
        h.press(.function(3), .enter, ctrlU)
        h.type("01-08-2026")
        h.press(.function(10))
        let late = try XCTUnwrap(row("Investigation"), h.screen)
        XCTAssertTrue(late.text.contains("due 01-10-2026 · passed 59 days ago"), late.text)
        let inform = try XCTUnwrap(row("Inform her (90 days)"))
        XCTAssertTrue(inform.text.contains("due 30-10-2026 · passed 30 days ago"), inform.text)
        let col = try XCTUnwrap(late.text.range(of: "due 01-10").map { TextWidth.of(late.text[..<$0.lowerBound]) })
        XCTAssertEqual(h.surface.style(row: late.index, col: col), .error, "a passed deadline stands out")
        // A charge sheet dated before the FIR is refused at its field.
        h.press(.function(3), .enter, .tab, .tab)
        h.type("01-07-2026")
        h.press(.function(10))
        XCTAssertNil(h.ctx.record(r.id)?.prosecution.chargeSheetDay)
        XCTAssertTrue(h.screen.contains("Prosecution"), h.screen)
        // A closure report ends it: nothing is due, nothing passed.
        h.press(ctrlU, .tab, .tab, .tab)              // to the outcome
        for _ in CourtOutcome.allCases where !h.screen.contains("‹ Closure report") { h.press(.right) }
        h.press(.function(10))
        XCTAssertEqual(h.ctx.record(r.id)?.prosecution.outcome, .closureReport, h.screen)
        XCTAssertTrue(try XCTUnwrap(row("Investigation"), h.screen).text.contains("closed by a closure report"))
        XCTAssertFalse(h.screen.contains("passed"), h.screen)
    }

    /// राज़ीनामा is offered only when every section may be compounded: never for cruelty (BNS 85).
    func testCompromiseIsOfferedOnlyWhereTheLawAllows() throws {
        var r = try newCase()
        r.prosecution = Prosecution(firDay: Day(year: 2026, month: 10, day: 1), offences: [.bns85, .bns86])
        try h.ctx.save(r, isNew: false)
        h.login("asha", "1111")
        h.ctx.language = .hi
        h.openCase(r.number.description)
        h.press(.char("4"))
        XCTAssertTrue(h.screen.contains("राज़ीनामा योग्य नहीं: BNS 85, BNS 86"), h.screen)
        h.press(.function(3), .enter)
        for _ in 0..<5 { h.press(.tab) }             // the outcome
        var seen: Set<String> = []
        for _ in 0..<8 {
            h.press(.right)
            seen.insert(h.screen)
        }
        XCTAssertFalse(seen.contains { $0.contains("‹ राज़ीनामा") }, "no compromise for cruelty")
        XCTAssertTrue(seen.contains { $0.contains("‹ क्लोज़र") || $0.contains("‹ खात्मा") })
        h.press(.escape)
        // Hurt and intimidation (BNS 115, 351) may be compounded: the outcome is offered.
        r = try XCTUnwrap(h.ctx.record(r.id))
        r.prosecution.offences = [.bns115, .bns351]
        try h.ctx.save(r, isNew: false)
        h.ctx.dropEntryDraft(EntryForm(kind: .prosecution, caseID: r.id))   // the form left above was kept
        h.press(.function(3), .enter)
        for _ in 0..<5 { h.press(.tab) }
        seen = []
        for _ in 0..<8 {
            h.press(.right)
            seen.insert(h.screen)
        }
        XCTAssertTrue(seen.contains { $0.contains("‹ राज़ीनामा") })
    }

    /// A referral without her consent to sharing is refused at the field, in her language, until an
    /// exception is recorded.
    func testAReferralWithoutSharingConsentIsRefusedAtTheField() throws {
        let r = try newCase()
        XCTAssertNotEqual(r.consent.sharing, .yes)
        h.login("asha", "1111")
        h.ctx.language = .hi
        h.openCase(r.number.description)
        h.press(.char("3"), .function(3), .enter)
        h.press(.tab)
        h.type("1")                                      // the first partner
        h.press(.tab, .right)                            // referral: sent
        h.press(.function(10))
        XCTAssertTrue(h.screen.contains("साझा करने की सहमति नहीं: सहमति (F9) या अपवाद दर्ज करें"), h.screen)
        XCTAssertEqual(h.ctx.record(r.id)?.plan.count, 0, "nothing referred")
        h.press(.tab, .right, .right)                    // without consent because: danger to her life
        XCTAssertTrue(h.screen.contains("‹ उसकी जान को ख़तरा ›"), h.screen)
        h.press(.function(10))
        XCTAssertEqual(h.ctx.record(r.id)?.plan.first?.sharingException, .dangerToLife, h.screen)
        let why = try XCTUnwrap(row("बिना साझा-सहमति, कारण"), h.screen)
        XCTAssertTrue(why.text.contains("उसकी जान को ख़तरा"), why.text)
    }

    /// A child's guardian when the accused is her own family: warned at the field, in Hindi.
    func testTheGuardianOnTheAccusedSideIsWarnedAtTheField() throws {
        h.login("asha", "1111")
        h.ctx.language = .hi
        h.press(.char("1"), .pageDown, .pageDown, .tab)
        h.type("15")                                     // age
        h.press(.pageDown, .tab, .tab, .tab)             // incident: relation
        for _ in Relation.allCases where !h.screen.contains("‹ माता-पिता") { h.press(.right) }
        h.press(.pageUp, .pageUp, .tab, .tab, .tab)      // consent: given by
        h.press(.right)                                  // guardian
        XCTAssertTrue(h.screen.contains("⚠ आरोपी परिवार से: अभिभावक उसका पक्ष ले सकते हैं।"), h.screen)
        h.press(.right)                                  // the CWC
        XCTAssertFalse(h.screen.contains("आरोपी परिवार से"), h.screen)
        XCTAssertTrue(h.screen.contains("‹ बाल कल्याण समिति (CWC) ›"), h.screen)
        assertWellFormed(h)
    }

    /// An open self-harm alert shows the case at High risk in the queue and on the case.
    func testTheRiskShownIsHighWhileAnAlertIsOpen() throws {
        var r = try newCase()
        XCTAssertEqual(r.risk.level, .low)
        r.alerts = [SelfHarmAlert(raisedAt: testNow, raisedBy: "kavita", screeningID: UUID())]
        try h.ctx.save(r, isNew: false)
        h.login("asha", "1111")
        h.press(.char("2"))
        let line = try XCTUnwrap(row(r.number.description), h.screen)
        XCTAssertTrue(line.text.contains("ALERT"), "the queue's risk column says more than High: \(line.text)")
        h.press(.enter)
        XCTAssertTrue(h.screen.contains("Status: Open · Risk: High"), h.screen)
        h.press(.char("1"))
        for _ in 0..<40 where row("Risk level") == nil { h.press(.down) }
        XCTAssertTrue(try XCTUnwrap(row("Risk level"), h.screen).text.contains("High · self-harm alert open"), h.screen)
    }

    /// F10 on the report page writes the page, its CSV and its SVG under exports/, without names,
    /// and records the export in the audit log.
    func testReportExportWithF10IsAudited() throws {
        h.cleanUp()
        h = try Harness(cases: 40)
        h.login("admin", "9999")
        h.choose("Reports and charts")
        XCTAssertTrue(h.screen.contains("Report"), h.screen)
        let before = AuditLog(store: h.ctx.store).entries().count
        let exports = h.root.appendingPathComponent("exports")
        XCTAssertFalse(FileManager.default.fileExists(atPath: exports.path))
        h.press(.function(10))
        // The message is longer than a row: it goes on over the rows above the key bar, whole, in both languages.
        let message = h.screen.split(separator: "\n").suffix(4).map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
        XCTAssertTrue(message.contains("Saved as exports/report-"), h.screen)
        XCTAssertTrue(message.contains("(no names; recorded in the audit log)."), h.screen)
        XCTAssertFalse(message.contains("…"), h.screen)
        assertWellFormed(h)
        let files = try FileManager.default.contentsOfDirectory(atPath: exports.path).sorted()
        XCTAssertEqual(files.map { ($0 as NSString).pathExtension }, ["csv", "svg", "txt"], "\(files)")
        let page = try String(contentsOf: exports.appendingPathComponent(try XCTUnwrap(files.last)), encoding: .utf8)
        XCTAssertFalse(page.isEmpty)
        let csv = try String(contentsOf: exports.appendingPathComponent(files[0]), encoding: .utf8)
        for r in h.ctx.cases {
            XCTAssertFalse(page.contains(r.identity.name) || csv.contains(r.identity.name), "no names in the export")
        }
        let entries = AuditLog(store: h.ctx.store).entries()
        XCTAssertEqual(entries.count, before + 1)
        let last = try XCTUnwrap(entries.last)
        XCTAssertEqual(last.kind, .export)
        XCTAssertEqual(last.user, "admin")
        XCTAssertTrue(last.detail.hasPrefix("report "), last.detail)
        XCTAssertTrue(last.detail.contains("VJN") && last.detail.contains("MHK"), last.detail)
    }

    /// The admin changes the review thresholds: kept in the store, used at once, audited; a value
    /// out of range is refused with the range, and changes nothing. The 24 hours of a child's case
    /// are the law's: shown, not a field; an old value in the file is kept and governs nothing.
    func testReviewSettingsAreSavedAndAudited() throws {
        h.login("admin", "9999")
        XCTAssertTrue(h.screen.contains("no contact 7 days"), h.screen)
        h.choose("Review settings")
        XCTAssertTrue(h.screen.contains("A child's case: 24 hours, set by law (POCSO s.19(6), JJ Act s.31)"), h.screen)
        h.press(ctrlU)
        h.type("99")
        h.press(.function(10))
        XCTAssertTrue(h.screen.contains("Days without contact must be a number from 1 to 60."), h.screen)
        XCTAssertEqual(h.ctx.settings.noContactDays, 7)
        let before = AuditLog(store: h.ctx.store).entries().count
        h.press(ctrlU)
        h.type("10")
        // The second field is the supervising officer's title: SP or DCP, nothing else.
        h.press(.down, ctrlU)
        h.type("IG")
        h.press(.function(10))
        XCTAssertTrue(h.screen.contains("Type SP (a district) or DCP"), h.screen)
        XCTAssertEqual(h.ctx.settings.noContactDays, 7, "nothing saved")
        h.press(ctrlU)
        h.type("dcp")
        h.press(.function(10))
        XCTAssertTrue(h.screen.contains("Settings saved."), h.screen)
        XCTAssertEqual(h.ctx.settings.supervisorTitle, .dcp)
        XCTAssertEqual(h.ctx.t(.role_sp), "DCP", "the title is put in wherever the desk names her")
        XCTAssertTrue(h.screen.contains("no contact 10 days"), "the menu shows the new value")
        XCTAssertEqual(h.ctx.settings.noContactDays, 10)
        XCTAssertEqual(h.ctx.settings.cwcReportHours, 24, "the law's hours, never changed here")
        let entries = AuditLog(store: h.ctx.store).entries()
        XCTAssertEqual(entries.count, before + 1, "one line for the change, none for the refused value")
        XCTAssertEqual(entries.last?.kind, .settingsChanged)
        XCTAssertEqual(entries.last?.user, "admin")
        XCTAssertEqual(entries.last?.detail, "noContactDays 10 · cwcReportHours 24 · title dcp")
        // Kept in the store: a new desk on it reads them.
        let again = try Harness(root: h.root)
        XCTAssertEqual(again.ctx.settings.noContactDays, 10)
        XCTAssertEqual(again.ctx.t(.timeline_directive), "DCP directive")
        // Only the admin has the item.
        h.logout()
        h.login("asha", "1111")
        XCTAssertFalse(h.screen.contains("Review settings"))
    }
}
