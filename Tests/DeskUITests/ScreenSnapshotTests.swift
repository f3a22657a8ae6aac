@testable import DeskUI
import DeskModel
import XCTest

/// Whole screens as text, at 80x24 and 120x40, in English and Hindi.
final class ScreenSnapshotTests: XCTestCase {
    let sizes = [(24, 80), (40, 120)]

    /// Runs `steps` on a fresh desk for each size and language and checks the screen.
    func check(_ name: String, cases: Int = 12, steps: (Harness) -> Void) throws {
        for (rows, cols) in sizes {
            for lang in Language.allCases {
                let h = try Harness(cases: cases, rows: rows, cols: cols)
                defer { h.cleanUp() }
                h.ctx.language = lang
                steps(h)
                h.ctx.language = lang
                assertWellFormed(h)
                assertSnapshot(h.screen, named: "\(name)-\(lang.rawValue)-\(cols)x\(rows)")
            }
        }
    }

    func testLogin() throws {
        try check("login") { h in h.type("asha") }
    }

    func testMainMenu() throws {
        try check("menu") { h in h.login("asha", "1111") }
    }

    func testQueue() throws {
        try check("queue", cases: 40) { h in
            h.login("asha", "1111")
            h.press(.char("2"))
        }
    }

    func testIntakeIdentityInHindiWithErrors() throws {
        try check("intake-identity") { h in
            h.login("asha", "1111")
            h.press(.char("1"), .tab, .tab)
            h.type("पीड़िता क्षमा प्रदीप")
            h.press(.tab)
            h.type("16")
            h.press(.tab, .tab)
            h.type("98765abc")
            h.press(.tab)
        }
    }

    func testIntakeRiskSection() throws {
        try check("intake-risk") { h in
            h.login("asha", "1111")
            h.press(.char("1"), .pageDown, .pageDown, .pageDown)
            h.type("y")
            h.press(.tab)
            h.type("n")
            h.press(.tab)
            h.type("y")
            h.press(.tab)
        }
    }

    func testIntakePickList() throws {
        try check("intake-picklist") { h in
            h.login("asha", "1111")
            h.press(.char("1"), .pageDown, .pageDown, .tab, .tab, .enter, .down, .down)
        }
    }

    func testCaseDetail() throws {
        try check("detail", cases: 12) { h in
            h.login("asha", "1111")
            h.press(.char("2"), .enter)
        }
    }

    func testHelp() throws {
        try check("help") { h in
            h.login("asha", "1111")
            h.press(.char("2"), .function(1))
        }
    }

    func testTooSmall() throws {
        for lang in Language.allCases {
            let h = try Harness(rows: 20, cols: 60)
            defer { h.cleanUp() }
            h.ctx.language = lang
            assertSnapshot(h.screen, named: "too-small-\(lang.rawValue)")
        }
    }
}
