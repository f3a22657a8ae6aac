import Foundation

/// The tracks a case runs on at once: counselling, rehabilitation and a legal track may all be
/// under way together. The case's status is the stage the desk sets by hand; the tracks are worked
/// out from what is recorded, and the queue shows them as marks beside the status.
public enum CaseTrack: String, Choice {
    case counselling, rehabilitation, legal
    public static let listKey = "track"

    /// The plan's steps that make rehabilitation (counselling and legal aid are their own tracks).
    static let rehabilitationSteps: Set<StepKind> = [.shgLinkage, .skillTraining, .livelihood, .scheme, .shelter]

    /// The tracks of an open case (a closed case has none):
    /// - counselling: a session held and the next one set, or a counselling step not finished;
    /// - rehabilitation: a step of SHG linkage, training, livelihood, a scheme or shelter not finished;
    /// - legal: an FIR (or e-FIR, zero FIR) without an outcome yet, a legal-aid step not finished,
    ///   or an application under the DV Act (s.12).
    public static func of(status: CaseStatus, sessionsHeld: Bool, nextSession: Day?, steps: [(StepKind, StepStatus)],
                          firDay: Day?, complaint: ComplaintKind, outcome: CourtOutcome, dvApplied: Day?) -> [CaseTrack] {
        guard status != .closed else { return [] }
        func open(_ kinds: Set<StepKind>) -> Bool { steps.contains { kinds.contains($0.0) && !$0.1.isFinished } }
        var out: [CaseTrack] = []
        if (sessionsHeld && nextSession != nil) || open([.counselling]) { out.append(.counselling) }
        if open(rehabilitationSteps) { out.append(.rehabilitation) }
        let fir = firDay != nil || [.fir, .eFIR, .zeroFIR].contains(complaint)
        if (fir && outcome == .pending) || open([.legalAid]) || dvApplied != nil { out.append(.legal) }
        return out
    }
}

extension CaseRecord {
    public var tracks: [CaseTrack] {
        CaseTrack.of(status: status, sessionsHeld: !sessions.isEmpty, nextSession: latestSession?.nextDay,
                     steps: plan.map { ($0.kind, $0.status) }, firDay: prosecution.firDay, complaint: legal.kind,
                     outcome: prosecution.outcome, dvApplied: dv?.application)
    }
}

extension CaseSummary {
    public var tracks: [CaseTrack] {
        CaseTrack.of(status: status, sessionsHeld: !sessionDays.isEmpty, nextSession: nextSession,
                     steps: steps.map { ($0.kind, $0.status) }, firDay: firDay, complaint: complaint, outcome: outcome,
                     dvApplied: paths.dvApplied)
    }
}
