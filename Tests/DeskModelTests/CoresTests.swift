@testable import DeskModel
import Foundation
import XCTest

/// The check beside the desk keeps to one core: with `Cores.one` set, its work runs in turn on its
/// own thread (and, set on a plain thread as the desk's check does, it holds there).
final class CoresTests: XCTestCase {
    func testOneCoreKeepsTheWorkOnTheCallingThread() {
        final class Seen: @unchecked Sendable {
            let lock = NSLock()
            var threads = Set<String>()
            func add() { lock.lock(); threads.insert("\(Unmanaged.passUnretained(Thread.current).toOpaque())"); lock.unlock() }
        }
        let done = expectation(description: "ran")
        let seen = Seen()
        Thread.detachNewThread {
            Cores.$one.withValue(true) { Cores.perform(64) { _ in Thread.sleep(forTimeInterval: 0.001); seen.add() } }
            done.fulfill()
        }
        wait(for: [done], timeout: 10)
        XCTAssertEqual(seen.threads.count, 1, "in turn, on the check's own thread")
        let spread = Seen()
        Cores.perform(64) { _ in Thread.sleep(forTimeInterval: 0.001); spread.add() }
        XCTAssertGreaterThan(spread.threads.count, 1, "spread over the cores otherwise")
    }
}
