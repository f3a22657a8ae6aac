@testable import DeskUI
import DemoData
import DeskModel
import XCTest

/// Thousands of random keys, Hindi included, into every screen a desk officer, a counsellor and an
/// SP reach (every form among them): nothing crashes, every screen stays well formed, and the
/// store still verifies.
final class RandomKeysTests: XCTestCase {
    func testRandomKeysBreakNothing() throws {
        for (user, pin, seed) in [("asha", "1111", 42), ("kavita", "3333", 43), ("sp", "4444", 44)] {
            try run(user: user, pin: pin, seed: UInt64(seed))
        }
    }

    func run(user: String, pin: String, seed: UInt64) throws {
        let keys: [Key] = [.tab, .backTab, .enter, .escape, .backspace, .delete, .up, .down, .left, .right, .home, .end,
                           .pageUp, .pageDown, .function(1), .function(2), .function(3), .function(4), .function(5),
                           .function(6), .function(7), .function(8), .function(9), .function(10), .ctrl("u"), .ctrl("s"),
                           .ctrl("t"), .resize]
            + "aqsy1n2/? -5c3".unicodeScalars.map { Key.char($0) }
            + "क्षिप्रदीड़ाे१२".unicodeScalars.map { Key.char($0) }
        var rng = SeededRandom(seed: seed)
        var h = try Harness(cases: 8)
        defer { h.cleanUp() }
        var pressed = 0, restarts = 0, logins = 0
        while pressed < 1_500 {
            if !h.app.isRunning {
                // Start again on the same store, as after a quit.
                h = try Harness(root: h.root)
                restarts += 1
            }
            if h.ctx.user == nil {
                h.surface.resize(rows: 24, cols: 80)
                h.login(user, pin)
                XCTAssertNotNil(h.ctx.user)
                logins += 1
            }
            let key = keys[Int(rng.next() % UInt64(keys.count))]
            h.app.handle(key)
            pressed += 1
            if pressed % 7 == 0 {
                let size = [(24, 80), (40, 120), (20, 60), (30, 100)][Int(rng.next() % 4)]
                h.surface.resize(rows: size.0, cols: size.1)
            }
            assertWellFormed(h)
        }
        print("random keys (\(user)) pressed: \(pressed), logins: \(logins), restarts: \(restarts), cases now: \(h.ctx.cases.count)")
        XCTAssertTrue(StoreCheck.run(h.ctx.store).isClean, "\(StoreCheck.run(h.ctx.store).problems)")
    }
}
