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

    /// The Legal tab counts the 60-day investigation and 90-day information deadlines from the FIR
    /// date typed in the Prosecution form: due while they are ahead, passed (in red) once behind.
    func testTheLegalTabAndTheFIRForm() throws {
        let r = try newCase()
        h.login("asha", "1111")
        h.openCase(r.number.description)
        h.press(.char("4"))
        XCTAssertTrue(h.screen.contains("No FIR date yet: deadlines start from it."), h.screen)
        XCTAssertNil(row("Investigation (60 days)"))
        h.press(.function(3))
        XCTAssertTrue(h.screen.contains("▶ Prosecution: FIR, charge sheet, hearing"), h.screen)
        h.press(.enter)
        XCTAssertTrue(h.screen.contains("Deadlines count from the FIR: investigation 60 days, informing her 90 days."))
        h.type("01-10-2026")
        h.press(.function(10))
        XCTAssertTrue(h.screen.contains("Prosecution track saved."), h.screen)
        XCTAssertEqual(h.ctx.record(r.id)?.prosecution.firDay, Day(year: 2026, month: 10, day: 1)!)
        XCTAssertEqual(try CaseStore.open(at: h.root).loadCases(setAside: false).cases.first?.prosecution.firDay, Day(year: 2026, month: 10, day: 1)!)
        XCTAssertTrue(try XCTUnwrap(row("FIR date")).text.contains("01-10-2026"))
        // 60 and 90 days from 1 October: 30 November and 30 December; today is 29 November.
        let investigation = try XCTUnwrap(row("Investigation (60 days)"), h.screen)
        XCTAssertTrue(investigation.text.contains("due by 30-11-2026"), investigation.text)
        XCTAssertTrue(try XCTUnwrap(row("Inform her (90 days)")).text.contains("due by 30-12-2026"))
        XCTAssertFalse(h.screen.contains("No FIR date yet"))
        assertWellFormed(h)
        // The FIR was in fact on 1 August: both deadlines have passed, and say by how much.
        h.press(.function(3), .enter, ctrlU)
        h.type("01-08-2026")
        h.press(.function(10))
        let late = try XCTUnwrap(row("Investigation (60 days)"), h.screen)
        XCTAssertTrue(late.text.contains("due 30-09-2026 · passed 60 days ago"), late.text)
        let inform = try XCTUnwrap(row("Inform her (90 days)"))
        XCTAssertTrue(inform.text.contains("due 30-10-2026 · passed 30 days ago"), inform.text)
        let col = try XCTUnwrap(late.text.range(of: "due 30-09").map { TextWidth.of(late.text[..<$0.lowerBound]) })
        XCTAssertEqual(h.surface.style(row: late.index, col: col), .error, "a passed deadline stands out")
        // A charge sheet dated before the FIR is refused at its field.
        h.press(.function(3), .enter, .tab)
        h.type("01-07-2026")
        h.press(.function(10))
        XCTAssertNil(h.ctx.record(r.id)?.prosecution.chargeSheetDay)
        XCTAssertTrue(h.screen.contains("Prosecution"), h.screen)
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
    /// out of range is refused with the range, and changes nothing.
    func testReviewSettingsAreSavedAndAudited() throws {
        h.login("admin", "9999")
        XCTAssertTrue(h.screen.contains("no contact 7 days · CWC 24 h"), h.screen)
        h.choose("Review settings")
        h.press(ctrlU)
        h.type("99")
        h.press(.function(10))
        XCTAssertTrue(h.screen.contains("Days without contact must be a number from 1 to 60."), h.screen)
        XCTAssertEqual(h.ctx.settings.noContactDays, 7)
        let before = AuditLog(store: h.ctx.store).entries().count
        h.press(ctrlU)
        h.type("10")
        h.press(.down, ctrlU)
        h.type("48")
        h.press(.function(10))
        XCTAssertTrue(h.screen.contains("Settings saved."), h.screen)
        XCTAssertTrue(h.screen.contains("no contact 10 days · CWC 48 h"), "the menu shows the new values")
        XCTAssertEqual(h.ctx.settings.noContactDays, 10)
        XCTAssertEqual(h.ctx.settings.cwcReportHours, 48)
        let entries = AuditLog(store: h.ctx.store).entries()
        XCTAssertEqual(entries.count, before + 1, "one line for the change, none for the refused value")
        XCTAssertEqual(entries.last?.kind, .settingsChanged)
        XCTAssertEqual(entries.last?.user, "admin")
        XCTAssertEqual(entries.last?.detail, "noContactDays 10 · cwcReportHours 48")
        // Kept in the store: a new desk on it reads them.
        let again = try Harness(root: h.root)
        XCTAssertEqual(again.ctx.settings.noContactDays, 10)
        XCTAssertEqual(again.ctx.settings.cwcReportHours, 48)
        // Only the admin has the item.
        h.logout()
        h.login("asha", "1111")
        XCTAssertFalse(h.screen.contains("Review settings"))
    }
}
