@testable import DeskUI
import DeskModel
import XCTest

/// Wrong PINs lock a name for longer each time; an idle desk locks itself and hides everything.
final class LockTests: XCTestCase {
    func testLockDurationsGrow() {
        XCTAssertNil(LoginGuard.lockDuration(afterFailures: 4))
        XCTAssertEqual(LoginGuard.lockDuration(afterFailures: 5), 30)
        XCTAssertEqual(LoginGuard.lockDuration(afterFailures: 6), 60)
        XCTAssertEqual(LoginGuard.lockDuration(afterFailures: 7), 120)
        XCTAssertEqual(LoginGuard.lockDuration(afterFailures: 40), 3_600)
    }

    func testFiveWrongPINsLockTheNameEvenAcrossRestarts() throws {
        let clock = MovableClock(testNow)
        let h = try Harness(cases: 2, clock: clock)
        defer { h.cleanUp() }
        for i in 1...5 {
            if i > 1 { h.press(.backTab, .ctrl("u")) }  // back to the name, cleared, to type it again
            h.login("asha", "0000")
            if i == 3 { XCTAssertTrue(h.screen.contains("2 tries left"), h.screen) }
        }
        XCTAssertTrue(h.screen.contains("Too many wrong PINs for this name. Try again in 30 seconds."), h.screen)
        // A new desk on the same store: still locked, and the right PIN is not even tried.
        let again = try Harness(root: h.root, clock: clock)
        again.login("asha", "1111")
        XCTAssertNil(again.ctx.user)
        XCTAssertTrue(again.screen.contains("Try again in 30 seconds"))
        clock.advance(31)
        again.press(.ctrl("u"))
        again.type("1111")
        again.press(.enter)
        XCTAssertEqual(again.ctx.user?.id, "asha")
        XCTAssertEqual(LoginGuard(store: again.ctx.store).state(for: "asha").failures, 0, "success resets")
    }

    func testTheSixthWrongPINDoublesTheWait() throws {
        let clock = MovableClock(testNow)
        let h = try Harness(clock: clock)
        defer { h.cleanUp() }
        let guardRail = LoginGuard(store: h.ctx.store)
        for _ in 1...5 { try guardRail.recordFailure(for: "asha", now: clock.now()) }
        clock.advance(31)
        XCTAssertEqual(h.ctx.signIn(name: "asha", pin: "9"), .locked(seconds: 60))
        XCTAssertEqual(h.ctx.signIn(name: "ASHA", pin: "1111"), .locked(seconds: 60))
    }

    func testAnIdleDeskLocksAndHidesEverything() throws {
        let clock = MovableClock(testNow)
        let h = try Harness(cases: 4, clock: clock)
        defer { h.cleanUp() }
        h.login("asha", "1111")
        h.press(.char("1"), .pageDown, .pageDown)
        h.type("सुनीता")
        clock.advance(299)
        XCTAssertFalse(h.app.tick(), "not yet")
        clock.advance(2)
        XCTAssertTrue(h.app.tick())
        let locked = h.screen
        XCTAssertTrue(locked.contains("The desk locked itself after 5 minutes without use."), locked)
        XCTAssertFalse(locked.contains("सुनीता"), "nothing of the case shows")
        XCTAssertEqual(h.ctx.store.loadDraft(userID: "asha")?[.name], "सुनीता", "the draft was kept as it locked")
        h.type("2222")
        h.press(.enter)
        XCTAssertTrue(h.screen.contains("User name or PIN is not right"))
        h.type("1111")
        h.press(.enter)
        XCTAssertTrue(h.screen.contains("सुनीता"), "back where she was")
        h.type(" वर्मा")
        XCTAssertTrue(h.screen.contains("सुनीता वर्मा"))
    }

    func testEscOnTheLockLogsOutAndKeepsTheDraft() throws {
        let clock = MovableClock(testNow)
        let h = try Harness(clock: clock)
        defer { h.cleanUp() }
        h.login("asha", "1111")
        h.press(.char("1"), .pageDown, .pageDown)
        h.type("रेखा")
        clock.advance(600)
        h.app.tick()
        h.press(.escape)
        XCTAssertTrue(h.screen.contains("Log out Asha Rathore?"), h.screen)
        h.press(.char("y"))
        XCTAssertNil(h.ctx.user)
        XCTAssertTrue(h.screen.contains("User name"))
        XCTAssertEqual(h.ctx.store.loadDraft(userID: "asha")?[.name], "रेखा")
    }

    func testNoLockWhenTurnedOffOrLoggedOut() throws {
        let clock = MovableClock(testNow)
        let h = try Harness(clock: clock)
        defer { h.cleanUp() }
        clock.advance(3_600)
        XCTAssertFalse(h.app.tick(), "nobody logged in")
        h.login("asha", "1111")
        h.app.idleLimit = nil
        clock.advance(3_600)
        XCTAssertFalse(h.app.tick())
    }
}
