@testable import DeskUI
import DemoData
import DeskModel
import Foundation
import XCTest

/// The one sign-in path: every login unwraps that user's own copy of the key, and logging out,
/// quitting or the idle lock drop it (issue 10's critical hole).
final class SignInTests: XCTestCase {
    let rounds = 1000

    /// An encrypted store whose key was wrapped for the admin only, as `init` makes it; every
    /// user's directory PIN is as in the Harness (sp: 4444).
    func initStore() throws -> (root: URL, ctx: DeskContext, app: DeskApp, surface: GridSurface) {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("urja-signin-\(UUID().uuidString)")
        let made = try CaseStore.createEncrypted(at: root, directory: Harness.directory(), secrets: ["admin": "9999"],
                                                 clock: testClock, rounds: rounds)
        let res = try DeskResources.load()
        let ctx = try DeskContext(store: made.store.locked(), clock: testClock, strings: res.strings, keymap: res.keymap, help: res.help)
        return (root, ctx, DeskApp(ctx: ctx), GridSurface(rows: 24, cols: 80))
    }

    func type(_ app: DeskApp, _ text: String) { for s in text.unicodeScalars { app.handle(.char(s)) } }

    func login(_ app: DeskApp, _ user: String, _ pin: String) {
        type(app, user)
        app.handle(.enter)
        type(app, pin)
        app.handle(.enter)
    }

    func testAfterTheAdminLogsOutAUserWithoutAKeyCopyIsStillRefused() throws {
        let t = try initStore()
        defer { try? FileManager.default.removeItem(at: t.root) }
        XCTAssertEqual(t.ctx.signIn(name: "sp", pin: "4444"), .noKey, "no copy of the key for her")
        XCTAssertTrue(t.ctx.store.isLocked)

        login(t.app, "admin", "9999")
        XCTAssertEqual(t.ctx.user?.id, "admin")
        XCTAssertFalse(t.ctx.store.isLocked, "her own copy opened the key")
        t.app.handle(.escape)  // the menu: Esc logs out, once she says yes
        t.app.handle(.char("y"))
        XCTAssertNil(t.ctx.user)
        XCTAssertTrue(t.ctx.store.isLocked, "logout drops the key")
        XCTAssertFalse(t.ctx.casesLoaded)

        login(t.app, "sp", "4444")
        XCTAssertNil(t.ctx.user, "the key the admin opened is gone: sp is checked against her own copy")
        t.app.render(on: t.surface)
        XCTAssertTrue(t.surface.snapshot.contains("does not open this store's key"), t.surface.snapshot)
        XCTAssertTrue(t.ctx.store.isLocked)
    }

    func testQuitAndTheIdleLockDropTheKeyAndTheCases() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("urja-signin-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let made = try DemoStore.createEncrypted(at: root, directory: Harness.directory(), count: 3, seed: 5, clock: testClock,
                                                 rounds: rounds)
        let res = try DeskResources.load()
        let clock = MovableClock(testNow)
        let ctx = try DeskContext(store: made.store.locked(), clock: clock, strings: res.strings, keymap: res.keymap, help: res.help)
        let app = DeskApp(ctx: ctx)
        login(app, "asha", "1111")
        let seen = ctx.visibleCases.count
        XCTAssertGreaterThan(seen, 0)
        clock.advance(301)
        XCTAssertTrue(app.tick())
        XCTAssertTrue(ctx.store.isLocked, "the idle lock drops the key")
        XCTAssertFalse(ctx.casesLoaded, "and the cases read with it")
        type(app, "1111")
        app.handle(.enter)
        XCTAssertFalse(ctx.store.isLocked, "her PIN unwraps her copy again")
        XCTAssertEqual(ctx.visibleCases.count, seen)
        app.handle(.ctrl("q"))
        app.handle(.char("y"))
        XCTAssertFalse(app.isRunning)
        XCTAssertTrue(ctx.store.isLocked, "quit drops the key")
        XCTAssertNil(ctx.user)
        XCTAssertEqual(AuditLog(store: ctx.store).entries().last?.kind, .logout, "Ctrl-Q writes a logout line")
    }

    func testTheIdleLockTakesOnlyHerPIN() throws {
        let clock = MovableClock(testNow)
        let h = try Harness(cases: 2, clock: clock)
        defer { h.cleanUp() }
        h.login("asha", "1111")
        clock.advance(400)
        h.app.tick()
        h.type("3333")  // kavita's PIN, right for kavita, not for asha
        h.press(.enter)
        XCTAssertTrue(h.app.top is LockScreen)
    }

    func testAnUnknownNameIsCountedWithoutWritingWhatWasTyped() throws {
        let h = try Harness()
        defer { h.cleanUp() }
        for _ in 0..<2 { XCTAssertEqual(h.ctx.signIn(name: "7391", pin: "7391"), .refused(triesLeft: nil)) }
        XCTAssertEqual(h.ctx.signIn(name: "50/91", pin: "x"), .refused(triesLeft: 2), "names that are nobody's share one count")
        let locks = try FileManager.default.contentsOfDirectory(atPath: h.root.appendingPathComponent("locks").path)
        XCTAssertEqual(Set(locks), [SignIn.unknownName + ".plist", "signin-" + SignIn.unknownName + ".lock"])
        let audit = try String(contentsOf: h.root.appendingPathComponent("audit.log"), encoding: .utf8)
        XCTAssertFalse(audit.contains("7391"), audit)
        XCTAssertEqual(AuditLog(store: h.ctx.store).entries().filter { $0.kind == .loginFailed }.count, 3)
    }

    func testAWrongPINCountThatCannotBeWrittenRefusesAndOneThatCannotBeReadIsLocked() throws {
        let h = try Harness()
        defer { h.cleanUp() }
        let locks = h.root.appendingPathComponent("locks")
        // A file where the folder should be: nothing can be written under it (as on a full disk).
        try Data().write(to: locks)
        XCTAssertEqual(h.ctx.signIn(name: "asha", pin: "0000"), .cannotRecord)
        XCTAssertNil(h.ctx.user)
        try FileManager.default.removeItem(at: locks)
        // A count that is there but cannot be read counts as locked, even for the right PIN.
        try FileManager.default.createDirectory(at: locks.appendingPathComponent("asha.plist"), withIntermediateDirectories: true)
        guard case .locked = h.ctx.signIn(name: "asha", pin: "1111") else { return XCTFail("an unreadable count must lock") }
        XCTAssertNil(h.ctx.user)
    }

    /// A first PIN from the admin (`grant`): she sets her own before anything opens; a weak one
    /// or two that differ are refused at the field; Esc there logs out.
    func testAFirstPINFromTheAdminIsChangedBeforeAnythingOpens() throws {
        let t = try initStore()
        defer { try? FileManager.default.removeItem(at: t.root) }
        let admin = try XCTUnwrap(SignIn.attempt(t.ctx.store, name: "admin", secret: "9999", now: testNow, via: "t").store)
        try admin.setSecret(userID: "asha", newSecret: "first-pin-4821", mustChange: true, rounds: rounds)
        login(t.app, "asha", "first-pin-4821")
        XCTAssertTrue(t.app.top is ChangePINScreen)
        t.app.render(on: t.surface)
        XCTAssertTrue(t.surface.snapshot.contains("Choose your own before you go on"), t.surface.snapshot)
        XCTAssertTrue(t.surface.snapshot.contains("Esc Log out"), "the bar says what Esc does here")
        type(t.app, "12345678")
        t.app.handle(.tab)
        type(t.app, "12345678")
        t.app.handle(.enter)
        t.app.render(on: t.surface)
        XCTAssertTrue(t.surface.snapshot.contains("Too easy to guess"), t.surface.snapshot)
        type(t.app, "pipalya-road-24")
        t.app.handle(.tab)
        type(t.app, "pipalya-road-25")
        t.app.handle(.enter)
        t.app.render(on: t.surface)
        XCTAssertTrue(t.surface.snapshot.contains("do not match"), t.surface.snapshot)
        type(t.app, "pipalya-road-24")   // the second field again, emptied; the first kept
        t.app.handle(.enter)
        XCTAssertTrue(t.app.top is MenuScreen, "her own PIN set: the menu")
        XCTAssertEqual(t.ctx.directory.user("asha")?.mustChangePIN, false)
        XCTAssertEqual(SignIn.attempt(t.ctx.store.locked(), name: "asha", secret: "first-pin-4821", now: testNow, via: "t").outcome,
                       .refused(triesLeft: nil))
    }
}
