@testable import DeskUI
import DeskModel
import XCTest

/// The screens that had no snapshot before: the audit log, the review settings, the directives,
/// the lock, and the plan-step and prosecution forms (80x24 and 120x40, English and Hindi).
final class MoreScreenSnapshotTests: XCTestCase {
    func testAuditLog() throws {
        try checkSnapshots("audit", cases: 12) { h in
            h.login("admin", "9999")
            for (i, record) in h.ctx.visibleCases.prefix(8).enumerated() {
                XCTAssertTrue(h.ctx.log(i % 2 == 0 ? .revealIdentity : .export, caseID: record.id, detail: record.number.description,
                                        note: "checked before calling her", user: i % 3 == 0 ? "sp" : "asha"))
            }
            h.choose(h.ctx.t(.menu_audit))
        }
    }

    func testSettings() throws {
        try checkSnapshots("settings", cases: 0) { h in
            h.login("admin", "9999")
            h.choose(h.ctx.t(.menu_settings))
        }
    }

    func testDirectives() throws {
        try checkSnapshots("directives", cases: 12) { h in
            h.login("asha", "1111")
            let cases = h.ctx.visibleCases.prefix(2)
            for (i, record) in cases.enumerated() {
                guard case .success(let d) = Directive.make(caseID: record.id, text: i == 0 ? "Meet her at home with the counsellor"
                                                                : "Send the CWC intimation copy to the SP office",
                                                            due: i == 0 ? "03-12-2026" : "01-12-2026", by: "sp",
                                                            clock: FixedClock(testNow - Double(3_600 * i)))
                else { return XCTFail("directive") }
                try h.ctx.addDirective(d)
            }
            h.press(.escape)
            if h.app.question != nil { h.press(.char("n")) }
            h.choose(h.ctx.t(.menu_directives))
        }
    }

    /// The desk locked itself over an intake: nothing of it shows.
    func testLock() throws {
        try checkSnapshots("lock", cases: 4, clock: { MovableClock(testNow) }) { h in
            let clock = try XCTUnwrap(h.ctx.clock as? MovableClock)
            h.login("asha", "1111")
            h.press(.char("1"), .pageDown, .pageDown)
            h.type("सुनीता")
            clock.advance(301)
            XCTAssertTrue(h.app.tick())
            h.type("11")
        }
    }

    /// A new plan step from the plan tab.
    func testStepForm() throws {
        try checkSnapshots("step-form", cases: 12) { h in
            h.login("asha", "1111")
            let withPlan = try XCTUnwrap(h.ctx.visibleCases.first { $0.plan.count >= 2 })
            h.openCase(withPlan.number.description)
            h.press(.char("3"), .function(3), .enter)
        }
    }

    /// The prosecution form of a child's case with an FIR.
    func testLegalForm() throws {
        try checkSnapshots("legal-form", cases: 0) { h in
            ScreenSnapshotTests.openLegalTab(h)
            h.press(.function(3), .enter, .tab, .tab)
        }
    }
}
