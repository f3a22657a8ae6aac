@testable import DeskUI
import DeskModel
import XCTest

/// The screen contract: every action a screen handles has a key in its key contexts (the shared
/// moving keys through the `navigate` fallback), and drawing changes nothing of a screen.
final class ScreenContractTests: XCTestCase {
    var h: Harness!
    override func setUpWithError() throws { h = try Harness(cases: 40) }
    override func tearDown() { h.cleanUp() }

    /// Checks the screen on top as it stands now: right after the keys (before any layout), then laid out.
    func checkTop(_ what: String, file: StaticString = #filePath, line: UInt = #line) {
        guard let screen = h.app.top else { return XCTFail("no screen: \(what)", file: file, line: line) }
        XCTAssertFalse(screen.activeActions.isEmpty, "\(what) declares what it handles", file: file, line: line)
        // The screen's own contract, and an open overlay's (a pick list, a prompt): the one the keys reach.
        for (contexts, actions) in [(screen.keyContexts, screen.handledActions), (screen.activeContexts, screen.activeActions)] {
            for action in actions.sorted(by: { $0.rawValue < $1.rawValue }) {
                XCTAssertFalse(h.ctx.keymap.keys(for: action, in: contexts).isEmpty,
                               "\(what) (\(type(of: screen))) handles \(action) but no key in \(contexts) does it",
                               file: file, line: line)
            }
        }
        assertDrawingChangesNothing(screen, what, file: file, line: line)
        _ = h.screen
        assertDrawingChangesNothing(screen, what + ", laid out", file: file, line: line)
    }

    /// Draws the screen on a scratch surface: nothing of it (scroll, fields, lists) may change.
    /// A memo of rows worked out from the store (`cached…`) may fill: it is not the screen's state.
    func assertDrawingChangesNothing(_ screen: Screen, _ what: String, file: StaticString, line: UInt) {
        let before = state(screen)
        let area = Rect(top: 1, left: 0, rows: h.surface.size.rows - 3, cols: h.surface.size.cols)
        screen.draw(on: GridSurface(rows: h.surface.size.rows, cols: h.surface.size.cols), in: area, ctx: h.ctx)
        XCTAssertEqual(before, state(screen), "drawing \(what) changed the screen", file: file, line: line)
    }

    /// The screen's properties as `dump` writes them, memos left out.
    func state(_ screen: Screen) -> [String] {
        var text = ""
        dump(screen, to: &text)
        var out: [String] = []
        var skipDeeperThan: Int?
        for l in text.split(separator: "\n").map(String.init) {
            let indent = l.prefix { $0 == " " }.count
            if let d = skipDeeperThan, indent > d { continue }
            skipDeeperThan = nil
            if l.dropFirst(indent).dropFirst(2).hasPrefix("cached") {
                skipDeeperThan = indent
                continue
            }
            out.append(l)
        }
        return out
    }

    func testTheDesksScreens() throws {
        checkTop("login")
        h.login("asha", "1111")
        checkTop("main menu")
        h.press(.char("2"))
        checkTop("queue")
        h.press(.char("/"))
        checkTop("queue search")
        h.press(.escape, .enter)
        for tab in ["1", "2", "3", "4", "5"] {
            h.press(.char(tab.unicodeScalars.first ?? "1"))
            h.press(.down, .down, .pageDown)
            checkTop("case tab \(tab)")
        }
        h.press(.function(8))
        checkTop("status pick list")
        h.press(.escape, .function(6))
        checkTop("reason prompt")
        h.press(.escape, .function(3))
        checkTop("add pick list")
        h.press(.escape, .function(1))
        checkTop("help")
        h.press(.pageDown, .escape, .escape, .escape)
        h.press(.char("1"))
        checkTop("intake, a choice")
        h.press(.pageDown, .pageDown)
        checkTop("intake, a text field")
        h.press(.tab, .tab, .tab, .tab, .enter)
        checkTop("intake pick list")
    }

    func testTheCounsellorsAndReviewersScreens() throws {
        h.login("kavita", "3333")
        checkTop("caseload")
        let record = try XCTUnwrap(h.ctx.visibleCases.first { $0.stationID == "VJN" && $0.status != .closed })
        h.openCase(record.number.description)
        h.press(.function(3), .down, .enter)
        checkTop("PHQ-9")
        h.press(.escape, .function(3), .enter)
        checkTop("session form")
        h.logout()
        h.login("sp", "4444")
        checkTop("overview")
        h.press(.char("r"))
        h.press(.pageDown, .down)
        checkTop("report")
        h.press(.function(4), .function(4))
        checkTop("report days prompt")
        h.logout()
        h.login("admin", "9999")
        h.choose("Audit log")
        checkTop("audit log")
        h.press(.enter)
        checkTop("audit entry")
        h.press(.escape, .escape)
        h.choose("Review settings")
        checkTop("settings")
    }

    /// The screens this session added: awareness events, papers, returns, the paths' forms.
    func testThePreventionPapersAndPathsScreens() throws {
        h.login("asha", "1111")
        h.press(.char("a"))
        XCTAssertTrue(h.app.top is EventListScreen, h.screen)
        checkTop("awareness events")
        h.press(.char("n"))
        checkTop("awareness event form")
        h.press(.escape, .escape)
        let record = try XCTUnwrap(h.ctx.visibleCases.first { $0.stationID == "VJN" && $0.status != .closed })
        h.openCase(record.number.description)
        h.press(.function(11))
        XCTAssertTrue(h.app.top is PaperMenuScreen, h.screen)
        checkTop("papers")
        h.press(.escape, .function(3))
        h.choosePick("Contact: call, visit, message")
        XCTAssertTrue(h.screen.contains("She was reached"), h.screen)
        checkTop("contact form")
        h.press(.escape, .function(8))
        h.choosePick("Closed")
        XCTAssertTrue(h.screen.contains("Close the case"), h.screen)
        checkTop("closure form")
        h.press(.escape, .escape, .escape)
        h.logout()
        h.login("sp", "4444")
        h.press(.char("t"))
        XCTAssertTrue(h.app.top is ReturnsScreen, h.screen)
        checkTop("returns")
    }

    /// The audit log pages and scrolls back up: its keys come from the shared moving keys.
    func testTheAuditLogScrollsBothWays() throws {
        h.login("admin", "9999")
        let record = try XCTUnwrap(h.ctx.visibleCases.first)
        for i in 0..<60 {
            XCTAssertTrue(h.ctx.log(.revealIdentity, caseID: record.id, detail: "look \(i)", note: "a reason of a few words", user: "sp"))
        }
        h.choose("Audit log")
        let audit = try XCTUnwrap(h.app.top as? AuditScreen)
        let count = audit.shown(h.ctx).count
        XCTAssertGreaterThan(count, 40, "enough entries to page")
        _ = h.screen
        h.press(.pageDown)
        let page = audit.list.selected
        XCTAssertGreaterThan(page, 1, "PgDn moves a page")
        h.press(.pageDown, .up)
        XCTAssertEqual(audit.list.selected, 2 * page - 1, "↑ moves up a line")
        h.press(.pageUp)
        XCTAssertEqual(audit.list.selected, page - 1, "PgUp moves up a page")
        h.press(.end)
        XCTAssertEqual(audit.list.selected, count - 1, "End goes to the oldest")
        XCTAssertTrue(h.screen.contains(audit.shown(h.ctx)[count - 1][0]), "and shows it")
        h.press(.home)
        XCTAssertEqual(audit.list.selected, 0)
        // In the filter Ctrl-A / Ctrl-E still move the cursor.
        h.type("asha")
        h.press(.ctrl("a"))
        XCTAssertEqual(audit.filter.cursor, 0)
    }

    /// A moving key is written once, in the shared context, and found through it.
    func testMovingKeysLiveOnceInTheSharedContext() {
        let map = h.ctx.keymap
        for b in map.bindings where Action.moving.contains(b.action) && b.keys.contains(where: { ["Home", "End", "PageUp", "PageDown"].contains($0) }) {
            XCTAssertEqual(b.contexts, [.navigate], "\(b.action) is bound once, in navigate")
        }
        for context in [KeyContext.menu, .list, .picker, .detail, .help, .caseload, .overview, .report, .audit, .duplicates] {
            XCTAssertEqual(map.action(for: .pageUp, in: [context]), .pageUp, "\(context) falls back to navigate")
        }
        XCTAssertEqual(map.action(for: .up, in: [.form, .edit]), .prevField, "a form's own ↑ comes first")
        XCTAssertEqual(map.action(for: .home, in: [.search, .edit]), .lineStart, "the queue's search box keeps Home")
    }
}
