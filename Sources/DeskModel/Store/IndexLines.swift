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
/// once the file is durable. Whichever comes first makes them: the other core when it is free,
/// else the saving thread itself once the file is durable, so a busy machine never makes a save
/// wait for a thread to be scheduled. A line is never appended before its file is durable (after
/// a power cut an index line ahead of its file would look like a file rolled back), nor for a
/// save that failed.
final class IndexLines: @unchecked Sendable {
    typealias Lines = [(text: String, path: String)]
    struct Made {
        var lines: Lines
        var listing: CaseListing?
    }
    private enum Phase { case idle, waiting, claimed, made(Made) }
    /// Whether the lines may be appended: not yet known, yes (the file is durable), or never (the save failed).
    private enum Go { case unknown, append, drop }
    private struct State {
        var phase = Phase.idle
        var go = Go.unknown
        /// The other thread waits for `go` (it has made the lines before the file was renamed).
        var waiting = false
    }
    private let state = Mutex(State())
    private let decided = DispatchSemaphore(value: 0)
    private let done = DispatchSemaphore(value: 0)
    private var work: (@Sendable () -> Made)?

    /// Hands `make` to another thread (once the file's stamp is known).
    func start(_ make: @escaping @Sendable () -> Made) {
        work = make
        state.withLock { $0.phase = .waiting }
        // A test's record of the store's operations sees the appends made on the other thread too.
        let log = FileOpLog.current
        DispatchQueue.global(qos: .userInitiated).async { FileOpLog.$current.withValue(log) { self.run(make) } }
    }

    /// The other thread's part: the lines made, then appended once the file is durable.
    private func run(_ make: () -> Made) {
        let mine = state.withLock { s -> Bool in
            guard case .waiting = s.phase else { return false }
            s.phase = .claimed
            return true
        }
        guard mine else { return }
        let made = make()
        var go = state.withLock { s -> Go in
            s.phase = .made(made)
            if s.go == .unknown { s.waiting = true }
            return s.go
        }
        if go == .unknown {
            decided.wait()
            go = state.withLock { $0.go }
        }
        if go == .append { IndexLines.append(made.lines) }
        done.signal()
    }

    /// The file is durable: the lines may go in.
    func durable() { decide(.append) }

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

    /// Once the save is durable: the lines made and appended (waited for while another thread
    /// does it, or done here if no other thread has begun), nil if `start` was never called.
    func finish() -> Made? {
        enum Next { case wait, makeHere, nothing }
        let next: Next = state.withLock { s in
            switch s.phase {
            case .idle: return .nothing
            case .claimed, .made: return .wait
            case .waiting:
                s.phase = .claimed
                return .makeHere
            }
        }
        switch next {
        case .nothing: return nil
        case .makeHere:
            guard let made = work?() else { return nil }
            if state.withLock({ $0.go }) == .append { IndexLines.append(made.lines) }
            return made
        case .wait:
            done.wait()
            return state.withLock { s in
                if case .made(let made) = s.phase { return made }
                return nil
            }
        }
    }

    /// The derived indexes are not synced: a line lost is mended at the next open.
    static func append(_ lines: Lines) {
        for (text, path) in lines { try? StoreFS.appendLine(Data((text + "\n").utf8), to: path) }
    }
}
