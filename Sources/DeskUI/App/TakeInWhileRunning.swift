import DeskModel
import Foundation

/// Replication while the desk runs (issue 13): what Syncthing brought is taken in not only at
/// sign-in, but on the desk's timer between keys (the run loop's idle tick) and when a screen is
/// shown again, at most every `takeInEvery` seconds. Cheap when nothing came: the take-in reads
/// again only the folders whose files changed (`TakeInLedger`).
extension DeskContext {
    /// Takes in what arrived when it is due. True when something came in (the screen is redrawn,
    /// and she is told what arrived).
    @discardableResult
    public func takeInIfDue(every: TimeInterval? = nil) -> Bool {
        guard user != nil, !store.isLocked, store.loadMachine() != nil else { return false }
        let now = clock.now()
        if let last = lastTakeIn, now.timeIntervalSince(last) < (every ?? takeInEvery), now >= last { return false }
        lastTakeIn = now
        let report = store.takeInReplicas()
        repository.tookIn(report.caseIDs.compactMap(store.reload))
        if report.directivesChanged > 0 {
            directives = store.loadDirectives()
            repository.noteChange()
        }
        if let clash = report.letterClashes.first {
            say(.sync_letterClash, .error, clash.otherMachine, clash.letter.isEmpty ? "—" : clash.letter, clash.station.uppercased())
            return true
        }
        // A file that cannot be read is read again at each take-in: said once, not every time.
        let problems = Set(report.problems.map(\.path))
        let newProblems = !problems.subtracting(takeInProblemsSeen).isEmpty
        takeInProblemsSeen = problems
        let arrived = report.caseIDs.count + report.directivesChanged
        guard arrived > 0 || newProblems else { return false }
        if newProblems {
            say(.sync_arrivedProblems, .warning, report.problems.count)
        } else if message == nil {
            say(.sync_arrived, .ok, report.newCases, report.changedCases, report.directivesChanged)
        }
        return true
    }
}

extension DeskApp {
    /// The idle tick's part: what the other machines sent, when it is due (not behind the lock or a question).
    func takeInBetweenKeys() -> Bool {
        ctx.user != nil && !(top is LockScreen) && question == nil && ctx.takeInIfDue()
    }
}
