@testable import DeskUI
import DeskModel
import XCTest

/// The counsellor's screens: caseload, session form, questionnaire, chart, plan, timeline.
final class CareSnapshotTests: XCTestCase {
    func check(_ name: String, steps: (Harness) throws -> Void) throws {
        try checkSnapshots(name, cases: 40, steps: steps)
    }

    /// The demo case with the most PHQ-9 scores, for the chart.
    static func scoredCase(_ h: Harness) throws -> CaseRecord {
        let best = h.ctx.cases.filter { $0.stationID == "VJN" }.max { $0.scores(.phq9).count < $1.scores(.phq9).count }
        return try XCTUnwrap(best.flatMap { $0.scores(.phq9).count >= 3 ? $0 : nil }, "no demo case with 3 scores")
    }

    func testCaseload() throws {
        try check("caseload") { h in h.login("kavita", "3333") }
    }

    func testSessionFormWithErrors() throws {
        try check("session-form") { h in
            h.login("kavita", "3333")
            h.openCase(try Self.scoredCase(h).number.description)
            h.press(.function(3), .enter)  // Add… → Counselling session
            h.press(.tab, .tab, .tab)
            h.type("बहन")
            h.press(.tab)
            h.type("पति की धमकी, बच्चों की चिंता")
            for _ in 0..<12 { h.press(.tab) }
            h.type("01-11-2026")
            h.press(.function(10))
        }
    }

    func testScreeningFormWithItemNineAndABadScore() throws {
        try check("phq9-form") { h in
            h.login("kavita", "3333")
            h.openCase(try Self.scoredCase(h).number.description)
            h.press(.function(3), .down, .enter)  // PHQ-9
            h.type("21213100")
            h.type("1")
            h.press(.up, .up, .up)
            h.press(.backspace)
            h.type("5")
        }
    }

    func testScoreChart() throws {
        try check("score-chart") { h in
            h.login("kavita", "3333")
            h.openCase(try Self.scoredCase(h).number.description)
            h.press(.char("2"))
        }
    }

    func testTimeline() throws {
        try check("timeline") { h in
            h.login("kavita", "3333")
            h.openCase(try Self.scoredCase(h).number.description)
            h.press(.char("5"))
        }
    }

    func testPlan() throws {
        try check("plan") { h in
            h.login("asha", "1111")
            let withPlan = try XCTUnwrap(h.ctx.visibleCases.first { $0.plan.count >= 2 })
            h.openCase(withPlan.number.description)
            h.press(.char("3"))
        }
    }
}

final class CareFlowTests: XCTestCase {
    var h: Harness!
    override func setUpWithError() throws { h = try Harness(cases: 0) }
    override func tearDown() { h.cleanUp() }

    /// A case at Vijay Nagar as the desk saved it (the intake itself is tested elsewhere).
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

    func testTheSessionFormKeepsEverythingThroughAMistakeAndLeaving() throws {
        let r = try newCase()
        h.login("kavita", "3333")
        h.openCase(r.number.description)
        h.press(.function(3), .enter)
        h.press(.tab, .tab, .tab, .tab)
        h.type("धमकी")
        h.press(.function(10))
        XCTAssertTrue(h.screen.contains("This field is required"), h.screen)
        XCTAssertTrue(h.screen.contains("धमकी"), "typed text kept after a refused save")
        h.press(.escape)
        XCTAssertTrue(h.screen.contains("draft"), h.screen)
        XCTAssertEqual(h.ctx.record(r.id)?.sessions.count, 0)
        // Coming back opens the draft where she was.
        h.press(.function(3), .enter)
        XCTAssertTrue(h.screen.contains("धमकी"), h.screen)
        // It opens at the first field still to fix: the state at the start.
        h.press(.right, .tab, .right, .right, .right)
        h.press(.function(10))
        XCTAssertEqual(h.ctx.record(r.id)?.sessions.count, 1)
        XCTAssertTrue(h.screen.contains("Session saved."), h.screen)
        XCTAssertNil(h.ctx.entryDraft(.session, caseID: r.id, itemID: nil), "the draft goes once saved")
    }

    func testAScoreOutsideTheScaleIsSaidAtTheItem() throws {
        let r = try newCase()
        h.login("kavita", "3333")
        h.openCase(r.number.description)
        h.press(.function(3), .down, .enter)
        h.type("7")
        let screen = h.screen
        XCTAssertTrue(screen.contains("Each answer is 0, 1, 2 or 3."), screen)
        h.ctx.language = .hi
        XCTAssertTrue(h.screen.contains("हर उत्तर 0, 1, 2 या 3 होता है।"))
        h.ctx.language = .en
        h.press(.function(10))
        XCTAssertEqual(h.ctx.record(r.id)?.screenings.count, 0)
        XCTAssertTrue(h.screen.contains("7"), "the wrong answer stays to be corrected")
    }

    /// PHQ-9 item 9 above 0 at 80x24: the self-harm warning is on a fixed line at the foot of the
    /// form (above the message line and the key bar) wherever the form is scrolled, and only then.
    func testTheSelfHarmWarningStaysInViewWhateverTheScroll() throws {
        let r = try newCase()
        h.login("kavita", "3333")
        h.openCase(r.number.description)
        h.press(.function(3), .down, .enter)  // PHQ-9
        let warning = "⚠ Item 9 above 0: saving raises a self-harm alert."
        func aboveTheKeyBar() -> String {
            let rows = h.screen.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            return rows[rows.count - 3]    // the key bar is the last row, the message line above it
        }
        h.type("00000000")
        h.type("0")
        XCTAssertFalse(h.screen.contains(warning), "item 9 at 0: no warning")
        h.press(.backspace)
        h.type("2")                            // item 9: more than half the days
        XCTAssertTrue(aboveTheKeyBar().contains(warning), h.screen)
        XCTAssertEqual(h.surface.style(row: h.surface.size.rows - 3, col: 2), .high)
        for _ in 0..<9 { h.press(.up) }        // back to the date: the form scrolls to its top
        XCTAssertTrue(h.screen.contains("Date"), h.screen)
        XCTAssertFalse(h.screen.contains("9. Thoughts"), "item 9 itself is scrolled away: \(h.screen)")
        XCTAssertTrue(aboveTheKeyBar().contains(warning), "the warning stays: \(h.screen)")
        assertWellFormed(h)
        h.ctx.language = .hi
        XCTAssertTrue(aboveTheKeyBar().contains("⚠ प्रश्न 9 शून्य से ऊपर"), h.screen)
        assertWellFormed(h)
    }

    func testNoSessionOnAClosedCase() throws {
        var r = try newCase()
        r.status = .closed
        try h.ctx.saveChange(r, what: "test")
        h.login("kavita", "3333")
        h.openCase(r.number.description)
        h.press(.function(3), .enter)
        XCTAssertTrue(h.screen.contains("This case is closed"), h.screen)
        XCTAssertTrue(h.screen.contains("Case IND-VJN"), "still on the case")
    }

    func testTheDeskSeesTheAlertAndTheSPNeedsAReasonForNotes() throws {
        let r = try newCase()
        h.login("kavita", "3333")
        h.openCase(r.number.description)
        h.press(.function(3), .enter)
        h.press(.tab, .tab, .tab)
        h.type("बहन")
        h.press(.tab)
        h.type("गुप्त बात")
        h.press(.tab, .right, .tab, .right)
        h.press(.function(10))
        h.press(.function(3), .down, .enter)
        h.type("000000001")
        h.press(.function(10))
        XCTAssertTrue(h.screen.contains("SELF-HARM ALERT"), h.screen)
        h.logout()
        // The desk: ALERT in the queue and at the top of the case.
        h.login("asha", "1111")
        h.press(.char("2"))
        XCTAssertTrue(h.screen.contains("ALERT"), h.screen)
        h.press(.enter)
        XCTAssertTrue(h.screen.contains("SELF-HARM ALERT"))
        h.press(.char("2"))
        XCTAssertFalse(h.screen.contains("गुप्त बात"), "the desk does not read session notes")
        h.logout()
        // The SP: notes hidden until a reason is given.
        h.login("sp", "4444")
        h.choose("Station queues")
        h.press(.enter)
        h.type(r.number.description)
        h.press(.enter, .char("2"))
        XCTAssertFalse(h.screen.contains("गुप्त बात"))
        h.press(.function(6))
        h.type("review of alert")
        h.press(.enter)
        XCTAssertTrue(h.screen.contains("गुप्त बात"), h.screen)
    }
}

/// The SP's screens: overview, a station queue in urgency order, a report.
final class ReviewSnapshotTests: XCTestCase {
    func check(_ name: String, steps: (Harness) throws -> Void) throws {
        try checkSnapshots(name, cases: 60, steps: steps)
    }

    func testOverview() throws {
        try check("overview") { h in h.login("sp", "4444") }
    }

    func testStationQueueInUrgencyOrder() throws {
        try check("sp-queue") { h in
            h.login("sp", "4444")
            h.press(.char("1"))
        }
    }

    func testReport() throws {
        try check("report") { h in
            h.login("sp", "4444")
            h.press(.function(4), .left)   // reports, last month
        }
    }

    func testReportCharts() throws {
        try check("report-charts") { h in
            h.login("sp", "4444")
            h.press(.function(4), .function(4), .left, .end)   // reports, a quarter, the last one, its charts
        }
    }
}

/// Two terminals on one store: a save over a stale copy is refused, explained, and kept.
final class TwoTerminalTests: XCTestCase {
    func testAStaleSaveIsRefusedAndTheEntrySavedAgainOnTheFreshCopy() throws {
        let a = try Harness(cases: 12)
        defer { a.cleanUp() }
        let b = try Harness(cases: 0, root: a.root)
        let r = try XCTUnwrap(a.ctx.cases.first { $0.stationID == "VJN" && $0.status != .closed })
        // The counsellor at terminal B opens the case; the desk at terminal A changes its status.
        b.login("kavita", "3333")
        b.openCase(r.number.description)
        a.login("asha", "1111")
        a.openCase(r.number.description)
        a.press(.function(8), .end, .up, .enter)   // legal (the last but one status)
        XCTAssertEqual(a.ctx.record(r.id)?.status, .legal)
        // B logs a session on her stale copy: refused, with who and what changed.
        b.press(.function(3), .enter, .tab, .tab, .tab, .tab)
        b.type("धमकी")
        b.press(.tab, .right, .tab, .right)
        b.press(.function(10))
        let screen = b.screen
        XCTAssertTrue(screen.contains("Not saved: Asha Rathore saved this case"), screen)
        XCTAssertTrue(screen.contains("status"), screen)
        XCTAssertTrue(screen.contains("धमकी"), "her entry is still in the form")
        XCTAssertEqual(b.ctx.record(r.id)?.status, .legal, "B now shows A's change")
        // Saving again puts her session onto the fresh copy: both changes are kept.
        b.press(.function(10))
        let onDisk = try XCTUnwrap(b.ctx.store.reload(r.id))
        XCTAssertEqual(onDisk.status, .legal)
        XCTAssertEqual(onDisk.sessions.count, r.sessions.count + 1)
        XCTAssertEqual(onDisk.revision, r.revision + 2)
    }
}
