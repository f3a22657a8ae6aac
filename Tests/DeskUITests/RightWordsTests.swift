@testable import DeskUI
import DeskModel
import XCTest

/// Issue 17, what was left: messages that say the right thing, and the small things (the child
/// banner after the CWC day, the alert note said at the field, each form's own "not saved yet",
/// Hindi number agreement, no report of a month to come, the queue's short names, the audit row
/// opened whole, the plan step's partners of its kind).
final class RightWordsTests: XCTestCase {
    var h: Harness!
    override func setUpWithError() throws { h = try Harness(cases: 0) }
    override func tearDown() { h.cleanUp() }

    /// A case at Vijay Nagar as the desk saved it.
    func newCase(age: Int = 30, category: IncidentCategory = .domesticViolence, change: (inout CaseRecord) throws -> Void = { _ in }) throws -> CaseRecord {
        var form = IntakeForm.blank(stationID: "VJN", clock: testClock)
        form[.name] = "सुनीता वर्मा"
        form[.age] = String(age)
        form[.category] = category.rawValue
        form[.consentServices] = Answer.yes.rawValue
        if age < 18 { form[.consentGivenBy] = ConsentGiver.guardian.rawValue }
        let number = try h.ctx.claimNumber(stationID: "VJN")
        var r = try form.makeCase(number: number, deskOfficerID: "asha", clock: testClock).get()
        try change(&r)
        try h.ctx.save(r, isNew: true)
        return r
    }

    /// "CWC within 24 h" goes once the CWC day is recorded: on the case and in its edit form.
    func testTheChildBannerGoesOnceTheCWCDayIsRecorded() throws {
        let pending = try newCase(age: 15, category: .childMarriage)
        let done = try newCase(age: 15, category: .childMarriage) { r in
            var p = r.prosecution
            p.cwcReportDay = Day(testClock.now())
            r.setProsecution(p, by: "asha", at: testClock.now())
        }
        h.login("asha", "1111")
        h.openCase(pending.number.description)
        XCTAssertTrue(h.screen.contains("CWC within 24 h"), h.screen)
        h.press(.escape, .escape)
        h.openCase(done.number.description)
        var screen = h.screen
        XCTAssertFalse(screen.contains("within 24 h"), screen)
        XCTAssertTrue(screen.contains("CWC informed on 29-11-2026"), screen)
        // Her intake opened for a change (F9) says the same at the age.
        h.press(.function(9), .pageDown, .pageDown)
        screen = h.screen
        XCTAssertTrue(screen.contains("Section 3 of 7"), screen)
        XCTAssertFalse(screen.contains("within 24 h"), screen)
        XCTAssertTrue(screen.contains("CWC informed on 29-11-2026"), screen)
    }

    /// Enter on an empty closing note says, in the box, what is needed; typing clears it.
    func testAnEmptyAlertNoteSaysWhatIsNeededAtTheField() throws {
        let r = try newCase { r in
            let s = try Screening(.phq9, items: [1, 1, 0, 0, 0, 0, 0, 0, 1], day: Day(testClock.now()))
            _ = try r.addScreening(ScreeningRecord(id: UUID(), screening: s, by: "kavita", recordedAt: testClock.now()))
        }
        XCTAssertTrue(r.hasOpenAlert)
        h.login("kavita", "3333")
        h.openCase(r.number.description)
        h.press(.function(5))
        XCTAssertTrue(h.screen.contains("Close the self-harm alert"), h.screen)
        h.press(.enter)
        let box = h.screen.split(separator: "\n").prefix(8).joined(separator: "\n")
        XCTAssertTrue(box.contains("⚠ Write what was done (at least 10 letters)."), "said in the box, under the field:\n\(h.screen)")
        XCTAssertTrue(h.ctx.record(r.id)?.hasOpenAlert ?? false)
        h.type("Tele")
        XCTAssertFalse(h.screen.contains("⚠ Write what was done"), "typing clears it")
        h.type("-MANAS 14416 called with her")
        h.press(.enter)
        XCTAssertFalse(h.ctx.record(r.id)?.hasOpenAlert ?? true)
    }

    /// Leaving a PHQ-9 speaks of the PHQ-9, not of an intake; coming back says it was restored.
    func testLeavingAQuestionnaireSaysWhatWasKept() throws {
        let r = try newCase()
        h.login("kavita", "3333")
        h.openCase(r.number.description)
        h.press(.function(3), .down, .enter)  // PHQ-9
        h.type("12")
        h.press(.escape)
        var screen = h.screen
        XCTAssertTrue(screen.contains("PHQ-9 not saved yet; answers kept."), screen)
        XCTAssertFalse(screen.contains("Intake not saved"), screen)
        h.press(.function(3), .down, .enter)
        screen = h.screen
        XCTAssertTrue(screen.contains("Your unsaved PHQ-9 answers were restored."), screen)
        XCTAssertFalse(screen.contains("unfinished intake"), screen)
        let s = try DeskResources.load().strings
        for kind in EntryKind.allCases {
            for lang in Language.allCases {
                XCTAssertTrue(s.has(.dynamic("entry.draftKept." + kind.rawValue), lang) && s.has(.dynamic("entry.resumed." + kind.rawValue), lang), kind.rawValue)
                XCTAssertLessThanOrEqual(TextWidth.of(s.text(.dynamic("entry.draftKept." + kind.rawValue), lang)) + 1, 80, kind.rawValue)
            }
        }
    }

    /// A count of one takes the singular in both languages.
    func testOneTakesTheSingular() throws {
        let s = try DeskResources.load().strings
        XCTAssertEqual(s.text(.dup_found, .hi, 1), "1 पुराना प्रकरण इसी महिला का हो सकता है। सहेजने से पहले देखें।")
        XCTAssertEqual(s.text(.dup_found, .hi, 2), "2 पुराने प्रकरण इसी महिला के हो सकते हैं। सहेजने से पहले देखें।")
        XCTAssertEqual(s.text(.directive_unreadAtLogin, .hi, 1), "पुलिस अधीक्षक का 1 नया निर्देश: मेनू में निर्देश देखें।")
        XCTAssertEqual(s.text(.dup_found, .en, 1), "1 earlier case may be the same woman. Check before saving.")
        XCTAssertEqual(s.text(.menu_stationCount, .hi, 1), "1 थाना")
        XCTAssertTrue(s.text(.overview_summary, .hi, 1, 5, 7).hasPrefix("1 थाना · "))
        // Every singular has its plural, in both languages.
        for lang in Language.allCases {
            for key in (s.table[lang] ?? [:]).keys where key.hasSuffix(".one") {
                XCTAssertTrue(s.has(.dynamic(String(key.dropLast(4))), lang), key)
            }
        }
        // Hindi names the Child Welfare Committee in Hindi (बाल कल्याण समिति), CWC only beside it.
        for (key, value) in s.table[.hi] ?? [:] where value.contains("CWC") {
            XCTAssertTrue(value.contains("बाल कल्याण समिति (CWC)"), "\(key): \(value)")
        }
        // A desk officer with one station: her station, not "all 1 stations".
        h.login("asha", "1111")
        h.choose("Reports and charts")
        let screen = try XCTUnwrap(h.app.top as? ReportScreen)
        XCTAssertEqual(screen.scopes(h.ctx).map(\.name), ["Vijay Nagar"])
    }

    /// → stops at the month (or quarter) that holds today.
    func testReportsDoNotGoToAMonthToCome() throws {
        h.login("asha", "1111")
        h.choose("Reports and charts")
        let screen = try XCTUnwrap(h.app.top as? ReportScreen)
        XCTAssertEqual(screen.period?.start, Day.parse("01-11-2026"))
        h.press(.right)
        XCTAssertEqual(screen.period?.start, Day.parse("01-11-2026"), "no December yet")
        XCTAssertTrue(h.screen.contains("This is the latest period"), h.screen)
        h.press(.left)
        XCTAssertEqual(screen.period?.start, Day.parse("01-10-2026"))
        h.press(.right)
        XCTAssertEqual(screen.period?.start, Day.parse("01-11-2026"))
        h.press(.function(4), .right)  // quarters: Q4 2026 is the latest
        XCTAssertEqual(screen.period?.start, Day.parse("01-10-2026"))
    }

    /// The queue at 80 columns writes long names short, on purpose, and cuts none.
    func testTheQueueCutsNoCategoryOrStatus() throws {
        h.cleanUp()
        h = try Harness(cases: 40)
        h.login("asha", "1111")
        h.press(.char("2"))
        let rows = h.screen.split(separator: "\n").dropFirst(4).dropLast(2)
        XCTAssertFalse(rows.isEmpty)
        for row in rows { XCTAssertFalse(row.contains("…"), String(row)) }
        XCTAssertTrue(rows.contains { $0.contains("Domestic ") } && rows.contains { $0.contains("Rehab.") }, h.screen)
        let help = try DeskResources.load().help
        XCTAssertTrue(help[.en]?.contains("Rehab. = rehabilitation") ?? false, "the short names are in the help")
    }

    /// Enter opens an audit row: who, what, which case and the reason, whole.
    func testAnAuditRowOpensWhole() throws {
        let r = try newCase()
        h.login("admin", "9999")
        let reason = "She came back with her brother and asked for the shelter's address; checked her phone number before calling the One Stop Centre"
        XCTAssertTrue(h.ctx.log(.revealIdentity, caseID: r.id, detail: r.number.description, note: reason, user: "sp"))
        h.choose("Audit log")
        XCTAssertFalse(h.screen.contains("One Stop Centre"), "the list cuts it")
        h.press(.enter)
        let screen = h.screen
        XCTAssertTrue(screen.contains("Audit entry 1 of"), screen)
        XCTAssertTrue(screen.contains("sp · SP Indore"), screen)
        XCTAssertTrue(screen.contains(r.number.description), screen)
        XCTAssertTrue(screen.contains("Stop Centre") && screen.contains("She came back"), "the reason whole:\n\(screen)")
        h.press(.escape)
        XCTAssertTrue(h.app.top is AuditScreen)
        XCTAssertFalse(h.screen.contains("Audit entry 1 of"))
    }

    /// The partner list of a plan step offers the partners of its kind.
    func testAStepOffersThePartnersOfItsKind() throws {
        let partners = ["wcd-osc": "wcd", "nrlm": "livelihood", "labour": "livelihood", "dlsa": "legal", "health": "health", "mine": "other"]
        let ids = partners.keys.sorted()
        let r = try newCase()
        var form = EntryForm.blank(.step, for: r, partnerIDs: ids, partnerKinds: partners, clock: testClock)
        func offered() -> [String] {
            guard case .choice(_, let options, _)? = form.field("partner")?.kind else { return [] }
            return options
        }
        form["stepKind"] = StepKind.shgLinkage.rawValue
        XCTAssertEqual(offered(), ["labour", "mine", "nrlm"])
        form["stepKind"] = StepKind.legalAid.rawValue
        XCTAssertEqual(offered(), ["dlsa", "mine", "wcd-osc"])
        form["partner"] = "nrlm"  // chosen before the kind changed: still offered, so nothing is lost
        XCTAssertEqual(offered(), ["dlsa", "mine", "nrlm", "wcd-osc"])
        // A draft written before the kinds were kept offers every partner.
        form.partnerKinds = nil
        XCTAssertEqual(offered(), ids)
    }
}
