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
        p.contains(lastContact) || p.contains(safetyPlanMade) || p.contains(closed) || p.contains(compensationApplied)
            || p.contains(compensationPaid) || p.contains(traffickingOutcomeDay)
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
        guard decode(b) else { return nil }
    }

    /// Reads the index's field into these facts, every one set (the lists' room kept): the index's
    /// reader decodes each line into one summary. False when the field does not parse.
    mutating func decode(_ b: SummaryLine.Bytes) -> Bool {
        lastContact = nil
        safetyPlanMade = nil
        safetyReviews.removeAll(keepingCapacity: true)
        safetyReviewDue = nil
        safetyPlanMissing = false
        followUpDue = nil
        closed = nil
        closureReason = nil
        dvOrders.removeAll(keepingCapacity: true)
        compensationApplied = nil
        compensationPaid = nil
        closureRequested = false
        transferTo = nil
        dvApplied = nil
        traffickingOutcome = nil
        traffickingOutcomeDay = nil
        guard let base = b.base.baseAddress else { return b.isEmpty }
        var start = b.startIndex
        while start < b.endIndex {
            // The pair's end and its "=", found in one walk of its bytes.
            var end = start, eq = -1
            while end < b.endIndex, base[end] != 59 {
                if eq < 0, base[end] == 61 { eq = end }
                end += 1
            }
            defer { start = end + 1 }
            let pair = b.base[start..<end]
            guard !pair.isEmpty else { continue }
            guard eq >= 0 else { return false }
            let v = b.base[(eq + 1)..<end]
            func day(_ into: inout Day?) -> Bool {
                guard let x = SummaryLine.day(v) else { return false }
                into = x
                return true
            }
            let ok: Bool
            // The key's one or two letters as one number: no string made for every pair of a district.
            switch Key(pair[pair.startIndex..<eq]) {
            case Key.c: ok = day(&lastContact)
            case Key.pm: ok = day(&safetyPlanMade)
            case Key.pr: ok = SummaryLine.days(v, into: &safetyReviews)
            case Key.pd: ok = day(&safetyReviewDue)
            case Key.pn: safetyPlanMissing = v.elementsEqual([49]); ok = true
            case Key.fu: ok = day(&followUpDue)
            case Key.cl: ok = day(&closed)
            case Key.cr: closureReason = ClosureReason(rawValue: SummaryLine.text(v)); ok = closureReason != nil
            case Key.dv: ok = SummaryLine.days(v, into: &dvOrders)
            case Key.ca: ok = day(&compensationApplied)
            case Key.cp: ok = day(&compensationPaid)
            case Key.rq: closureRequested = v.elementsEqual([49]); ok = true
            case Key.tt: transferTo = v.isEmpty ? nil : SummaryLine.text(v); ok = true
            case Key.da: ok = day(&dvApplied)
            case Key.to: traffickingOutcome = TraffickingOutcome(rawValue: SummaryLine.text(v)); ok = traffickingOutcome != nil
            case Key.td: ok = day(&traffickingOutcomeDay)
            default: ok = true  // a key from a newer desk: ignored, not an error
            }
            guard ok else { return false }
        }
        return true
    }

    /// A key of the index's field (one or two ASCII letters) as a number; longer keys never match.
    struct Key: Equatable {
        let code: UInt32
        init(_ b: SummaryLine.Bytes) {
            var c: UInt32 = b.count > 2 ? 0xFFFF_FFFF : 0
            if b.count <= 2 { for x in b { c = c << 8 | UInt32(x) } }
            code = c
        }
        init(code: UInt32) { self.code = code }
        // The letters' codes written out ("pm" is 0x70 0x6D): constants, nothing worked out at each use.
        static var c: Key { Key(code: 0x63) }
        static var pm: Key { Key(code: 0x706D) }
        static var pr: Key { Key(code: 0x7072) }
        static var pd: Key { Key(code: 0x7064) }
        static var pn: Key { Key(code: 0x706E) }
        static var fu: Key { Key(code: 0x6675) }
        static var cl: Key { Key(code: 0x636C) }
        static var cr: Key { Key(code: 0x6372) }
        static var dv: Key { Key(code: 0x6476) }
        static var ca: Key { Key(code: 0x6361) }
        static var cp: Key { Key(code: 0x6370) }
        static var rq: Key { Key(code: 0x7271) }
        static var tt: Key { Key(code: 0x7474) }
        static var da: Key { Key(code: 0x6461) }
        static var to: Key { Key(code: 0x746F) }
        static var td: Key { Key(code: 0x7464) }
    }
}
