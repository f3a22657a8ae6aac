import Foundation

/// What the SP's review and the month's report need of a case's paths (safety plan, contacts,
/// closure, DV Act, compensation): days and codes only, nothing she said. Kept in the review
/// index as one field of `k=v` pairs (`SummaryLine`), so that an index line stays one line.
public struct PathFacts: Codable, Hashable, Sendable {
    /// The last logged contact that reached her (sessions are counted apart).
    public var lastContact: Day?
    public var safetyPlanMade: Day?
    public var safetyReviews: [Day] = []
    public var safetyReviewDue: Day?
    /// A safety plan is needed (risk) and none was made.
    public var safetyPlanMissing = false
    /// The next follow-up after closure (30 / 90 days).
    public var followUpDue: Day?
    public var closed: Day?
    public var closureReason: ClosureReason?
    /// The day of each order under the DV Act (ss.18–22).
    public var dvOrders: [Day] = []
    public var compensationApplied: Day?
    public var compensationPaid: Day?
    /// The desk asked to close the case; the SP's approval is awaited.
    public var closureRequested = false
    /// The station a pending transfer waits at: its desk sees the case in its queue to answer it.
    public var transferTo: String?
    /// The s.12 application under the DV Act (the case is then on a legal track).
    public var dvApplied: Day?
    /// Where a rescued woman went (trafficking), and the day it was settled: the month's report counts them.
    public var traffickingOutcome: TraffickingOutcome?
    public var traffickingOutcomeDay: Day?

    public init() {}

    public init(_ r: CaseRecord) {
        lastContact = r.contacts.filter(\.reached).map(\.day).max()
        safetyPlanMade = r.safetyPlan?.made
        safetyReviews = r.safetyPlan?.reviewed ?? []
        safetyReviewDue = r.safetyPlan?.reviewDue
        safetyPlanMissing = r.safetyPlan == nil && r.needsSafetyPlan
        followUpDue = r.closure?.followUpsDue.first
        closed = r.closure?.day
        closureReason = r.closure?.reason
        dvOrders = r.dv?.orders.map(\.day) ?? []
        compensationApplied = r.entitlements.compensation.applied
        compensationPaid = r.entitlements.compensation.paid
        closureRequested = r.closureRequest != nil && r.status != .closed
        transferTo = r.transfers.last.flatMap { $0.state == .pending ? $0.to : nil }
        dvApplied = r.dv?.application
        if let t = r.trafficking, t.outcome != .pending {
            traffickingOutcome = t.outcome
            traffickingOutcomeDay = t.outcomeDay
        }
    }

    /// A day of the path has passed without what was due: the safety plan's review (open case),
    /// a follow-up after closure.
    public func late(today: Day, closedCase: Bool) -> Bool {
        if closedCase { return followUpDue.map { today > $0 } ?? false }
        return safetyReviewDue.map { today > $0 } ?? false
    }

    /// Something of the paths happened in the period (the report then looks at the case).
    public func touches(_ p: ReportPeriod) -> Bool {
        [lastContact, safetyPlanMade, closed, compensationApplied, compensationPaid, traffickingOutcomeDay].contains(where: p.contains)
            || safetyReviews.contains(where: p.contains) || dvOrders.contains(where: p.contains)
    }

    // MARK: The index field

    private static func d(_ day: Day?) -> String { SummaryLine.day(day) }

    var encoded: String {
        var parts: [String] = []
        func put(_ k: String, _ v: String) { if !v.isEmpty { parts.append(k + "=" + v) } }
        put("c", Self.d(lastContact))
        put("pm", Self.d(safetyPlanMade))
        put("pr", safetyReviews.map { Self.d($0) }.joined(separator: ","))
        put("pd", Self.d(safetyReviewDue))
        put("pn", safetyPlanMissing ? "1" : "")
        put("fu", Self.d(followUpDue))
        put("cl", Self.d(closed))
        put("cr", closureReason?.rawValue ?? "")
        put("dv", dvOrders.map { Self.d($0) }.joined(separator: ","))
        put("ca", Self.d(compensationApplied))
        put("cp", Self.d(compensationPaid))
        put("rq", closureRequested ? "1" : "")
        put("tt", transferTo ?? "")
        put("da", Self.d(dvApplied))
        put("to", traffickingOutcome?.rawValue ?? "")
        put("td", Self.d(traffickingOutcomeDay))
        return parts.joined(separator: ";")
    }

    /// Nil when the field does not parse (the line is then skipped and the index mended).
    init?(encoded b: ArraySlice<UInt8>) {
        guard let facts = b.withUnsafeBufferPointer({ PathFacts(encoded: $0[...]) }) else { return nil }
        self = facts
    }

    init?(encoded b: SummaryLine.Bytes) {
        self.init()
        for pair in b.split(separator: 59) {
            guard let eq = pair.firstIndex(of: 61) else { return nil }
            let k = SummaryLine.text(pair[pair.startIndex..<eq]), v = pair[(eq + 1)...]
            func day() -> Day?? { SummaryLine.day(v) }
            switch k {
            case "c": guard let x = day() else { return nil }; lastContact = x
            case "pm": guard let x = day() else { return nil }; safetyPlanMade = x
            case "pr": guard let x = SummaryLine.days(v) else { return nil }; safetyReviews = x
            case "pd": guard let x = day() else { return nil }; safetyReviewDue = x
            case "pn": safetyPlanMissing = v.elementsEqual([49])
            case "fu": guard let x = day() else { return nil }; followUpDue = x
            case "cl": guard let x = day() else { return nil }; closed = x
            case "cr": guard let x = ClosureReason(rawValue: SummaryLine.text(v)) else { return nil }; closureReason = x
            case "dv": guard let x = SummaryLine.days(v) else { return nil }; dvOrders = x
            case "ca": guard let x = day() else { return nil }; compensationApplied = x
            case "cp": guard let x = day() else { return nil }; compensationPaid = x
            case "rq": closureRequested = v.elementsEqual([49])
            case "tt": transferTo = v.isEmpty ? nil : SummaryLine.text(v)
            case "da": guard let x = day() else { return nil }; dvApplied = x
            case "to": guard let x = TraffickingOutcome(rawValue: SummaryLine.text(v)) else { return nil }; traffickingOutcome = x
            case "td": guard let x = day() else { return nil }; traffickingOutcomeDay = x
            default: continue  // a key from a newer desk: ignored, not an error
            }
        }
    }
}
