import Dispatch
import Foundation
import Synchronization

extension CaseStore {
    /// A saved case's two index lines with the files they go to: its summary (review index) and
    /// its listing with the stamp of its file (list index), sealed as `SummaryIndex.append` and
    /// `ListIndex.append` seal them, the listing made once for both (and kept for the lists in memory).
    func indexLines(_ record: CaseRecord, stamp: ListIndex.Stamp) -> IndexLines.Made {
        let listing = CaseListing(record)
        let summaries = SummaryIndex(store: self), lists = ListIndex(store: self)
        var lines: [(text: String, path: String)] = []
        if let text = summaries.line(listing.summary) { lines.append((text, summaries.url.path)) }
        if let text = lists.line(listing, stamp: stamp) { lines.append((text, lists.url.path)) }
        return IndexLines.Made(lines: lines, listing: listing)
    }
}

/// A save's index lines, made on another core while the case file is synced (the sync waits on the
/// disk; making and sealing the lines is most of the rest of a save's time), and appended there
/// once the file is durable, while the save returns. Whichever comes first makes them: the other
/// core when it is free, else the saving thread itself once the file is durable, so a busy
/// machine never makes a save wait for a thread to be scheduled.
///
/// A line is never appended before its file is durable (after a power cut an index line ahead of
/// its file would look like a file rolled back), nor for a save that failed. Lines go in in the
/// order their saves became durable (`Turns`), so a case's later line is never before its earlier
/// one; whatever reads or writes an index in this process first waits for the lines of every save
/// that has returned (`settle`), and so does the process's end. A line lost anyway (the process
/// killed) is mended at the next open, as ever.
final class IndexLines: @unchecked Sendable {
    typealias Lines = [(text: String, path: String)]
    struct Made {
        var lines: Lines
        var listing: CaseListing?
    }
    private enum Phase { case idle, waiting, claimed, made(Made) }
    /// Whether the lines may be appended: not yet known, yes (the file is durable; in that turn),
    /// or never (the save failed).
    private enum Go: Equatable { case unknown, append(Int), drop }
    private struct State {
        var phase = Phase.idle
        var go = Go.unknown
        /// The other thread waits for `go` (it has made the lines before the file was durable).
        var waiting = false
    }
    private let state = Mutex(State())
    private let decided = DispatchSemaphore(value: 0)
    private let made = DispatchSemaphore(value: 0)
    private var work: (@Sendable () -> Made)?

    /// Hands `make` to another thread (once the file's stamp is known).
    func start(_ make: @escaping @Sendable () -> Made) {
        work = make
        state.withLock { $0.phase = .waiting }
        // A test's record of the store's operations sees the appends made on the other thread too.
        let log = FileOpLog.current
        DispatchQueue.global(qos: .userInitiated).async { FileOpLog.$current.withValue(log) { self.run(make) } }
    }

    /// The other thread's part: the lines made, then appended in their turn once the file is durable.
    private func run(_ make: () -> Made) {
        let mine = state.withLock { s -> Bool in
            guard case .waiting = s.phase else { return false }
            s.phase = .claimed
            return true
        }
        guard mine else { return }
        let lines = make()
        var go = state.withLock { s -> Go in
            s.phase = .made(lines)
            if s.go == .unknown { s.waiting = true }
            return s.go
        }
        made.signal()
        if go == .unknown {
            decided.wait()
            go = state.withLock { $0.go }
        }
        if case .append(let turn) = go { Turns.take(turn) { IndexLines.append(lines.lines) } }
    }

    /// The file is durable: the lines may go in, in this save's turn.
    func durable() { decide(.append(Turns.next())) }

    /// The save failed: the lines never go in.
    func abandon() { decide(.drop) }

    private func decide(_ go: Go) {
        let wake = state.withLock { s -> Bool in
            guard s.go == .unknown else { return false }
            s.go = go
            return s.waiting
        }
        if wake { decided.signal() }
    }

    /// Once the save is durable: the lines made (waited for while another thread makes them, or
    /// made and appended here if no other thread has begun), nil if `start` was never called. The
    /// other thread appends them in their turn; this does not wait for it.
    func finish() -> Made? {
        enum Next { case wait, take(Made), makeHere, nothing }
        let next: Next = state.withLock { s in
            switch s.phase {
            case .idle: return .nothing
            case .claimed: return .wait
            case .made(let lines): return .take(lines)
            case .waiting:
                s.phase = .claimed
                return .makeHere
            }
        }
        switch next {
        case .nothing: return nil
        case .take(let lines): return lines
        case .makeHere:
            guard let lines = work?() else { return nil }
            if case .append(let turn) = state.withLock({ $0.go }) { Turns.take(turn) { IndexLines.append(lines.lines) } }
            return lines
        case .wait:
            made.wait()
            return state.withLock { s in
                if case .made(let lines) = s.phase { return lines }
                return nil
            }
        }
    }

    /// The derived indexes are not synced: a line lost is mended at the next open.
    static func append(_ lines: Lines) {
        for (text, path) in lines { try? StoreFS.appendLine(Data((text + "\n").utf8), to: path) }
    }

    /// Waits until the lines of every save made durable so far are in (before an index is read or
    /// written in this process).
    static func settle() { Turns.settle() }

    /// The saves' turns to append, in the order they became durable: each durable save takes the
    /// next number, and every number is served exactly once (its lines appended, or none).
    enum Turns {
        private static let lock = NSCondition()
        nonisolated(unsafe) private static var given = 0
        nonisolated(unsafe) private static var served = 0
        nonisolated(unsafe) private static var atExit = false

        static func next() -> Int {
            lock.lock()
            defer { lock.unlock() }
            if !atExit {
                atExit = true
                atexit { IndexLines.Turns.settle() }
            }
            given += 1
            return given - 1
        }

        /// Runs `body` once every earlier turn is served, then serves this one.
        static func take(_ turn: Int, _ body: () -> Void) {
            lock.lock()
            while served != turn { lock.wait() }
            lock.unlock()
            body()
            lock.lock()
            served += 1
            lock.broadcast()
            lock.unlock()
        }

        static func settle() {
            lock.lock()
            let target = given
            while served < target { lock.wait() }
            lock.unlock()
        }
    }
}
