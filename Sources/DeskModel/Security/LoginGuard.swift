import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Wrong PINs in a row, per login name, kept in the store so that closing the desk does not
/// reset them. Five in a row lock the name, for 30 seconds, then twice as long after each
/// further wrong PIN, up to an hour.
public struct LoginGuard: Sendable {
    public struct State: Codable, Equatable, Sendable {
        public var failures: Int
        public var lockedUntil: Date?

        public init(failures: Int = 0, lockedUntil: Date? = nil) {
            self.failures = failures
            self.lockedUntil = lockedUntil
        }
    }

    public static let freeTries = 5
    public static let firstLock: TimeInterval = 30
    public static let longestLock: TimeInterval = 3_600

    let store: CaseStore

    public init(store: CaseStore) {
        self.store = store
    }

    /// The delay that follows `failures` wrong PINs in a row (none before the fifth).
    public static func lockDuration(afterFailures failures: Int) -> TimeInterval? {
        guard failures >= freeTries else { return nil }
        return min(longestLock, firstLock * pow(2, Double(failures - freeTries)))
    }

    public func state(for name: String) -> State {
        store.loadLoginState(name) ?? State()
    }

    /// The state as kept; a count that is there but cannot be read counts as locked (fail closed).
    func storedState(for name: String, now: Date) -> State {
        if let s = store.loadLoginState(name) { return s }
        if store.hasLoginState(name) { return State(failures: LoginGuard.freeTries, lockedUntil: now.addingTimeInterval(LoginGuard.firstLock)) }
        return State()
    }

    /// Seconds until the name may try again, or nil if it may try now.
    public func waitRemaining(for name: String, now: Date) -> TimeInterval? {
        guard let until = storedState(for: name, now: now).lockedUntil, until > now else { return nil }
        return until.timeIntervalSince(now)
    }

    /// Records a wrong PIN; returns the new state. Throws when it cannot be kept: the caller
    /// then treats the name as locked, never as free to try again.
    @discardableResult
    public func recordFailure(for name: String, now: Date) throws -> State {
        var s = storedState(for: name, now: now)
        s.failures += 1
        s.lockedUntil = LoginGuard.lockDuration(afterFailures: s.failures).map { now.addingTimeInterval($0) }
        try store.saveLoginState(s, name)
        return s
    }

    public func recordSuccess(for name: String) throws {
        try store.clearLoginState(name)
    }

    /// Runs one sign-in attempt for `name` alone: attempts at the same name from other desks and
    /// commands wait, so that a burst of tries in parallel cannot all slip under the count. Nil
    /// when the lock cannot be taken (a store that cannot be written: counted as locked).
    public func serialized<T>(for name: String, _ body: () -> T) -> T? {
        guard let fd = store.loginLock(name) else { return nil }
        defer { flock(fd, LOCK_UN); close(fd) }
        guard flock(fd, LOCK_EX) == 0 else { return nil }
        return body()
    }
}
