// Over 300 lines: a constable's working day on the screens, one walk kept together so its steps read in order.
@testable import DeskUI
import DeskModel
import Foundation
import XCTest

/// Issue 17: what walking the desk as its three users showed. Each test walks the same keys.
final class DailyUseTests: XCTestCase {
    var h: Harness!

    override func setUpWithError() throws { h = try Harness(cases: 6) }
    override func tearDown() { h?.cleanUp() }

    private func menuLines() -> [String] {
        h.screen.split(separator: "\n").map(String.init).filter { $0.contains(". ") && $0.hasPrefix("  ") }
    }

    /// The number of each item of the desk officer's menu, as shown.
    private func numbers() -> [String: String] {
        guard let menu = h.app.top as? MenuScreen else { return [:] }
        let items = menu.items(h.ctx)
        return Dictionary(zip(items.map(\.label), MenuScreen.shortcuts(items).map { $0 ?? "" }), uniquingKeysWith: { a, _ in a })
    }

    func testMenuNumbersStayFixedWithADraftAndADirective() throws {
        h.login("asha", "1111")
        let plain = numbers()
        XCTAssertEqual(plain["Station queue"], "2")
        // A draft: the intake keeps 1, the queue keeps 2; deleting the draft is a letter.
        h.press(.char("1"), .pageDown, .pageDown)   // her name, in the identity section
        h.type("रेखा")
        h.press(.escape)
        var now = numbers()
        XCTAssertEqual(now["Resume unfinished intake"], "1")
        XCTAssertEqual(now["Discard unfinished intake"], "x")
        XCTAssertEqual(now["Station queue"], "2")
        for (label, key) in plain where label != "New intake" { XCTAssertEqual(now[label], key, label) }
        // "2" still opens the queue and deletes nothing.
        h.press(.char("2"))
        XCTAssertTrue(h.app.top is CaseListScreen)
        XCTAssertNotNil(h.ctx.store.loadDraft(userID: "asha"), "2 deleted nothing")
        h.press(.escape)
        // A directive from the SP: its own letter, the numbers stay.
        let record = try XCTUnwrap(h.ctx.visibleCases.first)
        guard case .success(let d) = Directive.make(caseID: record.id, text: "Meet her at home with the counsellor",
                                                    due: "03-12-2026", by: "sp", clock: testClock) else { return XCTFail("directive") }
        try h.ctx.addDirective(d)
        now = numbers()
        XCTAssertEqual(now["Directives"], "d")
        for (label, key) in plain where label != "New intake" { XCTAssertEqual(now[label], key, label) }
        XCTAssertTrue(h.screen.contains("d. Directives"), h.screen)
    }

    func testQuittingAndLoggingOutAskFirst() {
        // Esc on the login screen quits only after a yes.
        h.press(.escape)
        XCTAssertTrue(h.screen.contains("Quit Urja Desk?"), h.screen)
        h.press(.char("n"))
        XCTAssertTrue(h.app.isRunning)
        XCTAssertTrue(h.app.top is LoginScreen)
        // Ctrl-Q from inside the desk, in Hindi: asked in Hindi; typing goes nowhere meanwhile.
        h.login("asha", "1111")
        h.press(.function(2))
        h.press(.ctrl("q"))
        XCTAssertTrue(h.screen.contains("ऊर्जा डेस्क बंद करें?"), h.screen)
        XCTAssertTrue(h.screen.contains("हाँ"))
        h.type("2x")
        XCTAssertTrue(h.app.top is MainMenuScreen, "nothing typed past the question")
        XCTAssertNotNil(h.app.question)
        h.press(.escape)
        XCTAssertTrue(h.app.isRunning, "Esc answers no")
        XCTAssertNotNil(h.ctx.user)
        h.press(.ctrl("q"), .char("y"))
        XCTAssertFalse(h.app.isRunning)
        XCTAssertNil(h.ctx.user)
    }

    /// Every role leaves the same way: one Esc on her first screen asks to log out.
    func testTheWayOutIsTheSameForEveryRole() {
        for (user, pin, first) in [("asha", "1111", "Main menu"), ("kavita", "3333", "My caseload"), ("sp", "4444", "District overview")] {
            h.login(user, pin)
            XCTAssertTrue(h.screen.contains(first), user)
            XCTAssertTrue(h.screen.contains("Esc Log out"), "\(user): \(h.screen)")
            h.press(.escape)
            XCTAssertTrue(h.screen.contains("Log out "), "\(user) is asked: \(h.screen)")
            h.press(.char("y"))
            XCTAssertNil(h.ctx.user, user)
            XCTAssertTrue(h.screen.contains("User name"), user)
        }
    }

    /// The SP of the issue: Esc at the overview, then a desk officer's name and PIN typed. The
    /// question takes none of it, and no PIN ever shows in a queue's search box.
    func testAPINTypedAfterAUserNameNeverShows() throws {
        let clock = MovableClock(testNow)
        let h = try Harness(cases: 6, clock: clock)
        defer { h.cleanUp() }
        h.app.typeAheadGuard = 1
        h.login("sp", "4444")
        h.press(.escape)
        h.type("asha")
        h.press(.enter)
        h.type("1111")
        h.press(.enter)
        XCTAssertFalse(h.screen.contains("111"), h.screen)
        XCTAssertNotNil(h.app.question, "still asking: only y / n answer")
        h.press(.char("n"))
        // Straight into a queue, digits typed in the first moment are not taken.
        h.press(.enter)  // the first station's queue
        XCTAssertTrue(h.app.top is CaseListScreen)
        h.type("1111")
        let screen = h.screen
        XCTAssertFalse(screen.contains("111"), screen)
        XCTAssertTrue(screen.contains("not taken"), screen)
        XCTAssertEqual((h.app.top as? CaseListScreen)?.query.search, "")
        // A name typed at once is searched; digits once the queue has been open a moment too.
        h.type("ab")
        XCTAssertEqual((h.app.top as? CaseListScreen)?.query.search, "ab")
        h.press(.escape)
        clock.advance(2)
        h.type("98")
        XCTAssertEqual((h.app.top as? CaseListScreen)?.query.search, "98")
        // And who is signed in is on the top line.
        XCTAssertTrue(h.screen.split(separator: "\n")[0].contains("SP Indore · SP"))
    }

    /// Who is signed in is on every screen's top line, whole, in both languages.
    func testTheTopLineAlwaysShowsWhoIsSignedIn() {
        for lang in Language.allCases {
            h.ctx.language = lang
            h.login("sp", "4444")
            h.ctx.language = lang
            let who = "पुलिस अधीक्षक इंदौर · पुलिस अधीक्षक"
            h.press(.enter)  // a station's queue: a long title
            let top = String(h.screen.split(separator: "\n")[0])
            XCTAssertTrue(top.contains(lang == .hi ? who : "SP Indore · SP"), top)
            h.logout()
        }
    }

    func testKeysBehindTheTooSmallMessageAreIgnored() {
        h.login("asha", "1111")
        h.press(.char("1"), .pageDown, .pageDown, .tab)  // Age
        h.type("28")
        h.resize(rows: 20, cols: 70)
        XCTAssertTrue(h.screen.contains("Please make the window larger."))
        h.type("x")
        h.press(.escape, .ctrl("q"))
        h.resize(rows: 24, cols: 80)
        XCTAssertEqual((h.app.top as? IntakeScreen)?.form[.age], "28", "the x typed blind is not in the age")
        XCTAssertTrue(h.app.isRunning)
        XCTAssertNil(h.app.question)
    }

    /// y / n answer the question and stay on it: her usual Tab then goes to the next field.
    func testAYesNoAnswerDoesNotMoveOn() throws {
        h.login("asha", "1111")
        h.press(.char("1"), .pageDown, .pageDown)   // identity: name, age, estimated, phone, safe to call
        for _ in 0..<4 { h.press(.tab) }
        let screen = try XCTUnwrap(h.app.top as? IntakeScreen)
        XCTAssertEqual(screen.field, .safeToCall)
        h.press(.char("n"))
        XCTAssertEqual(screen.form[.safeToCall], "no")
        XCTAssertEqual(screen.field, .safeToCall, "the answer does not move on")
        h.press(.tab)
        XCTAssertEqual(screen.field, .address, "Tab goes to the address, not past it")
        // The last question of a section: y answers, PgDn then goes to the very next section.
        h.press(.pageDown, .pageDown)
        XCTAssertEqual(screen.field.section, .risk)
        for _ in 0..<5 { h.press(.tab) }
        XCTAssertEqual(screen.field, .couldKill)
        h.press(.char("y"))
        XCTAssertEqual(screen.field, .couldKill)
        h.press(.pageDown)
        XCTAssertEqual(screen.field.section, .legal)
    }
}

/// Ctrl-T at the desk: running Hindi typed in Hinglish into a field, word by word as she types.
final class DeskHindiTypingTests: XCTestCase {
    func testHinglishIntoTheAddressField() throws {
        let h = try Harness(cases: 0)
        defer { h.cleanUp() }
        h.login("asha", "1111")
        h.press(.char("1"), .pageDown, .pageDown)
        for _ in 0..<5 { h.press(.tab) }
        let screen = try XCTUnwrap(h.app.top as? IntakeScreen)
        XCTAssertEqual(screen.field, .address)
        h.press(.ctrl("t"))
        h.type("gram rampur mein sasural, pati ne FIR ke baad maarpeet ki. ")
        XCTAssertEqual(screen.form[.address], "ग्राम रामपुर में ससुराल, पति ने FIR के बाद मारपीट की. ")
    }
}

/// Issue 17, "confuses": directives read whole, the key bar built from what she may do.
final class WhatSheSeesTests: XCTestCase {
    var h: Harness!

    override func setUpWithError() throws { h = try Harness(cases: 6) }
    override func tearDown() { h?.cleanUp() }

    static let longDirective = "Report CWC intimation copy and guardian statement by Friday; meet her at home with the counsellor and note it"

    private func bar() -> String { String(h.screen.split(separator: "\n", omittingEmptySubsequences: false).last ?? "") }

    /// The SP gives a long directive; the desk reads it whole on the case and on the reply prompt,
    /// and her queue marks the case.
    func testTheDeskReadsTheDirectiveWholeAndSeesItInTheQueue() throws {
        h.login("sp", "4444")
        h.choose("Station queues")
        h.press(.enter, .function(5), .enter)   // first station, newest first, first case
        let record = try XCTUnwrap(h.ctx.cases.filter { $0.stationID == "VJN" }.sorted { $0.reportedAt > $1.reportedAt }.first)
        XCTAssertTrue(bar().contains("F7 Directive"), "the SP's bar offers her directive: \(bar())")
        XCTAssertFalse(bar().contains("F3 Add"), "not what she may not do: \(bar())")
        h.press(.function(7))
        h.type(Self.longDirective)
        h.press(.enter)
        XCTAssertTrue(h.screen.contains("Directive given"), h.screen)
        h.logout()
        h.login("asha", "1111")
        h.press(.char("2"))
        let queue = h.screen
        XCTAssertTrue(queue.contains("◆ Directive"), queue)
        h.type(record.number.description)
        h.press(.enter)
        let flat = h.screen.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
        XCTAssertTrue(flat.contains(Self.longDirective), "whole on the case screen:\n\(h.screen)")
        XCTAssertTrue(bar().contains("F7 "), "the desk's bar offers the reply: \(bar())")
        assertWellFormed(h)
        h.press(.function(7))
        let prompt = h.screen.split(separator: "\n").map { $0.replacingOccurrences(of: "─", with: "").trimmingCharacters(in: .whitespaces) }
            .joined(separator: " ")
        XCTAssertTrue(prompt.contains(Self.longDirective), "whole above her reply:\n\(h.screen)")
        assertWellFormed(h)
        h.ctx.language = .hi
        assertWellFormed(h)
    }

    func testTheBarOffersWhatThisUserMayDo() {
        // The SP's queue: no new intake; the desk's: new intake and the needs filter.
        h.login("sp", "4444")
        h.choose("Station queues")
        h.press(.enter)
        XCTAssertFalse(bar().contains("F7"), bar())
        XCTAssertTrue(bar().contains("F8"), bar())
        h.logout()
        h.login("asha", "1111")
        h.press(.char("2"))
        XCTAssertTrue(bar().contains("F7 New intake"), bar())
        XCTAssertTrue(bar().contains("F8"), bar())
        // Her case without an open alert: no "close alert"; status and edit are there.
        h.press(.enter)
        XCTAssertFalse(bar().contains("Close alert"), bar())
        XCTAssertTrue(bar().contains("F8 Change status"), bar())
        XCTAssertTrue(bar().contains("F9 Edit"), bar())
    }

    func testHelpWrapsInsteadOfCutting() {
        h.login("asha", "1111")
        h.press(.function(1))
        for _ in 0..<30 {
            assertWellFormed(h)
            XCTAssertFalse(h.screen.contains("…"), h.screen)
            h.press(.pageDown)
        }
    }
}

/// Issue 17: messages that say what is wrong.
final class MessagesTests: XCTestCase {
    func testADayThatDoesNotExistIsSaidSo() {
        let today = Day(testNow)
        XCTAssertEqual(FieldCheck.error("31-02-2026", kind: .date, required: true, today: today), .noSuchDay)
        XCTAssertEqual(FieldCheck.error("31/02/2026", kind: .plannedDate, required: true, today: today), .noSuchDay)
        XCTAssertEqual(FieldCheck.error("31-2-26", kind: .date, required: true, today: today), .badDate)
        XCTAssertEqual(FieldCheck.error("kal", kind: .date, required: true, today: today), .badDate)
        XCTAssertNil(FieldCheck.error("29-02-2024", kind: .date, required: true, today: today))
    }

    func testEveryValidationErrorHasItsMessageInBothLanguages() throws {
        let res = try DeskResources.load()
        for e in ValidationError.allCases {
            for lang in Language.allCases { XCTAssertTrue(res.strings.has(.dynamic("error." + e.rawValue), lang), "\(e) \(lang)") }
        }
    }

    func testAFilterWithNoRowsSaysHowToChangeIt() throws {
        let h = try Harness(cases: 6)
        defer { h.cleanUp() }
        h.login("asha", "1111")
        h.press(.char("2"))
        for _ in 0..<12 where h.queueRows?.isEmpty == false { h.press(.function(8)) }
        guard h.queueRows?.isEmpty == true else { return XCTFail("no flag filter left the queue empty") }
        XCTAssertTrue(h.screen.contains("F4 and F8 change the filter."), h.screen)
        XCTAssertFalse(h.screen.contains("Esc clears"), h.screen)
    }
}

/// Issue 17: one definition per figure, used by the report page and its charts.
final class OneDefinitionTests: XCTestCase {
    func testTheChartsBarsSumToThePagesTotalsAndSayTheirPeriod() throws {
        let h = try Harness(cases: 60)
        defer { h.cleanUp() }
        h.login("admin", "9999")
        let summaries = Array(h.ctx.summaries.values)
        let ids = h.ctx.userStations.map(\.id)
        let charts = ReportCharts(strings: h.ctx.strings, language: .en, directory: h.ctx.directory)
        var checked = 0
        for period in [ReportPeriod.quarter(2026, 4), .quarter(2026, 3), .month(2026, 11), .quarter(2026, 2)].compactMap({ $0 }) {
            let page = Report.make(summaries, period: period, stationIDs: ids, today: Day(testNow))
            let shgTitle = h.ctx.strings.text(.chart_shg, .en)
            let shg = try XCTUnwrap(charts.all(summaries, stationIDs: ids, period: period, last: period.end)
                .first { $0.title.hasPrefix(shgTitle) })
            XCTAssertEqual(shg.bars.map { $0.parts[0] }.reduce(0, +), page.counselled, "counselled, \(period)")
            XCTAssertEqual(shg.bars.map { $0.parts[1] }.reduce(0, +), page.linkedToSHG, "linked to an SHG, \(period)")
            XCTAssertTrue(shg.title.contains(period.start.description) && shg.title.contains(period.end.description), shg.title)
            if page.counselled > 0 { checked += 1 }
        }
        XCTAssertGreaterThan(checked, 1, "the positive control: periods with women counselled were compared")
        // On the screen, the chart says its period.
        h.choose("Reports and charts")
        // (Page by page: the Prevention charts follow it since issue 15.)
        for _ in 0..<20 where !h.screen.contains("Counselled and linked to an SHG, per station · ") { h.press(.pageDown) }
        XCTAssertTrue(h.screen.contains("Counselled and linked to an SHG, per station · "), h.screen)
    }
}
