import Dispatch
import Foundation
import Synchronization

extension CaseStore {
    /// A saved case's two index lines with the files they go to: its summary (review index) and
    /// its listing with the stamp of its file (list index), sealed as `SummaryIndex.append` and
    /// `ListIndex.append` seal them, the listing made once for both.
    func indexLines(_ record: CaseRecord, stamp: ListIndex.Stamp) -> [(text: String, path: String)] {
        let listing = CaseListing(record)
        let summaries = SummaryIndex(store: self), lists = ListIndex(store: self)
        var lines: [(text: String, path: String)] = []
        if let text = summaries.line(listing.summary) { lines.append((text, summaries.url.path)) }
        if let text = lists.line(listing, stamp: stamp) { lines.append((text, lists.url.path)) }
        return lines
    }
}

/// A save's index lines, made on another core while the case file is synced (the sync waits on the
/// disk; making and sealing the lines is most of the rest of a save's time). Whichever comes
/// first makes them: the other core when it is free, else the saving thread itself once the file is
/// durable, so a busy machine never makes a save wait for a thread to be scheduled.
final class IndexLines: @unchecked Sendable {
    typealias Lines = [(text: String, path: String)]
    private enum State { case idle, waiting, claimed, made(Lines) }
    private let state = Mutex<State>(.idle)
    private let done = DispatchSemaphore(value: 0)
    private var work: (@Sendable () -> Lines)?

    /// Hands `make` to another thread (once the file's stamp is known).
    func start(_ make: @escaping @Sendable () -> Lines) {
        work = make
        state.withLock { $0 = .waiting }
        DispatchQueue.global(qos: .userInitiated).async {
            let mine = self.state.withLock { state -> Bool in
                guard case .waiting = state else { return false }
                state = .claimed
                return true
            }
            guard mine else { return }
            let lines = make()
            self.state.withLock { $0 = .made(lines) }
            self.done.signal()
        }
    }

    /// The lines (none if `start` was never called): taken as made, waited for while another
    /// thread makes them, or made here if no other thread has begun.
    func finish() -> Lines {
        enum Next { case take(Lines), wait, makeHere, nothing }
        let next: Next = state.withLock { state in
            switch state {
            case .idle: return .nothing
            case .made(let lines): return .take(lines)
            case .claimed: return .wait
            case .waiting:
                state = .claimed
                return .makeHere
            }
        }
        switch next {
        case .nothing: return []
        case .take(let lines): return lines
        case .makeHere: return work?() ?? []
        case .wait:
            done.wait()
            return state.withLock { state in
                if case .made(let lines) = state { return lines }
                return []
            }
        }
    }
}
