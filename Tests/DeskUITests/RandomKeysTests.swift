@testable import DeskUI
import DeskModel
import XCTest

/// Thousands of random keys, Hindi included, into every screen a desk officer reaches: nothing
/// crashes, every screen stays well formed, and the store still verifies.
final class RandomKeysTests: XCTestCase {
    func testRandomKeysBreakNothing() throws {
        let keys: [Key] = [.tab, .backTab, .enter, .escape, .backspace, .delete, .up, .down, .left, .right, .home, .end,
                           .pageUp, .pageDown, .function(1), .function(2), .function(4), .function(5), .function(6),
                           .function(7), .function(8), .function(9), .function(10), .ctrl("u"), .ctrl("s"), .resize]
            + "aqsy1n2/? -".unicodeScalars.map { Key.char($0) }
            + "क्षिप्रदीड़ाे१२".unicodeScalars.map { Key.char($0) }
        var rng = SeededRandom(seed: 42)
        var h = try Harness(cases: 8)
        defer { h.cleanUp() }
        var pressed = 0, restarts = 0, logins = 0
        while pressed < 2_500 {
            if !h.app.isRunning {
                // Start again on the same store, as after a quit.
                h = try Harness(root: h.root)
                restarts += 1
            }
            if h.ctx.user == nil {
                h.surface.resize(rows: 24, cols: 80)
                h.login("asha", "1111")
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
        print("random keys pressed: \(pressed), logins: \(logins), restarts: \(restarts), cases now: \(h.ctx.cases.count)")
        XCTAssertTrue(StoreCheck.run(h.ctx.store).isClean, "\(StoreCheck.run(h.ctx.store).problems)")
    }
}
