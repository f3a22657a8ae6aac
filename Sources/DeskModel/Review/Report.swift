import Foundation

/// The days a report covers, both ends included.
public struct ReportPeriod: Equatable, Sendable, Codable {
    public var start: Day
    public var end: Day

    public init(start: Day, end: Day) {
        self.start = start
        self.end = end
    }

    public func contains(_ d: Day?) -> Bool { d.map { $0 >= start && $0 <= end } ?? false }

    public static func month(_ year: Int, _ month: Int) -> ReportPeriod? {
        guard let start = Day(year: year, month: month, day: 1),
              let end = Day(year: year, month: month, day: Day.daysIn(month: month, year: year)) else { return nil }
        return ReportPeriod(start: start, end: end)
    }

    public static func quarter(_ year: Int, _ q: Int) -> ReportPeriod? {
        guard (1...4).contains(q), let a = month(year, q * 3 - 2), let b = month(year, q * 3) else { return nil }
        return ReportPeriod(start: a.start, end: b.end)
    }

    /// "2026-10" (a month), "2026-Q3" (a quarter), or "01-10-2026..15-11-2026" (custom days).
    public static func parse(_ text: String) -> ReportPeriod? {
        let t = Digits.toASCII(text).trimmingCharacters(in: .whitespaces).uppercased()
        if t.contains("..") {
            let parts = t.components(separatedBy: "..")
            guard parts.count == 2, let a = Day.parse(parts[0]), let b = Day.parse(parts[1]), a <= b else { return nil }
            return ReportPeriod(start: a, end: b)
        }
        let parts = t.split(separator: "-").map(String.init)
        guard parts.count == 2, let year = Int(parts[0]), (1900...2999).contains(year) else { return nil }
        if parts[1].hasPrefix("Q"), let q = Int(parts[1].dropFirst()) { return quarter(year, q) }
        guard let m = Int(parts[1]) else { return nil }
        return month(year, m)
    }

    public var description: String { "\(start) – \(end)" }
}

/// Age bands of the reports.
public enum AgeBand: String, CaseIterable, Codable, Sendable {
    case under18, from18to25, from26to35, from36to45, over45, unknown

    public init(_ age: Int?) {
        guard let age else { self = .unknown; return }
        switch age {
        case ..<18: self = .under18
        case 18...25: self = .from18to25
        case 26...35: self = .from26to35
        case 36...45: self = .from36to45
        default: self = .over45
        }
    }
}

/// The initiative's figures for a period and a set of stations. Only cases whose consent allows
/// counting in statistics are counted; `leftOut` says how many were not.
public struct Report: Codable, Equatable, Sendable {
    public var period: ReportPeriod
    public var stationIDs: [String]
    public var generated: Day
    /// Cases with anything in the period: counted, and left out for want of consent.
    public var counted = 0
    public var leftOut = 0
    public var identified = 0
    public var counselled = 0
    public var screened = 0
    public var linkedToSHG = 0
    public var trainingOrLivelihood = 0
    public var sessionsHeld = 0
    public var byCategory: [IncidentCategory: Int] = [:]
    public var byAgeBand: [AgeBand: Int] = [:]
    public var byArrival: [ArrivalMode: Int] = [:]
    /// Referrals made in the period, by partner and where they stand.
    public var referrals: [String: [ReferralState: Int]] = [:]
    public var firs = 0
    public var chargeSheets = 0
    public var deadlinesMissed = 0
    /// The paths (Sources/DeskModel/Paths): orders under the DV Act made in the period, compensation
    /// applied for and paid, closures by reason with the days from intake to closure, safety plans
    /// made and reviewed.
    public var dvReliefs = 0
    public var compensationApplied = 0
    public var compensationPaid = 0
    public var closuresByReason: [ClosureReason: Int] = [:]
    public var daysToClosure: [Int] = []
    public var safetyPlansMade = 0
    public var safetyPlansReviewed = 0
    /// Trafficking survivors whose outcome was settled in the period: home (repatriated) or rehabilitation.
    public var traffickingOutcomes: [TraffickingOutcome: Int] = [:]

    /// The middle of the days from intake to closure of the cases closed in the period.
    public var medianDaysToClosure: Int? {
        guard !daysToClosure.isEmpty else { return nil }
        let sorted = daysToClosure.sorted()
        return sorted[sorted.count / 2]
    }
    /// Prevention: awareness events held in the period at these stations, and whom they reached.
    public var prevention = EventCount()

    public init(period: ReportPeriod, stationIDs: [String], generated: Day) {
        self.period = period
        self.stationIDs = stationIDs
        self.generated = generated
    }

    /// Works out the report from the review index (or summaries of loaded cases), and the
    /// awareness events of the register.
    public static func make(_ summaries: [CaseSummary], period p: ReportPeriod, stationIDs: [String], today: Day,
                            events: [AwarenessEvent] = []) -> Report {
        var tally = Tally(period: p, stationIDs: stationIDs, today: today, events: events)
        for s in summaries { tally.add(s) }
        return tally.report
    }

    /// The report counted one case at a time (`SummaryIndex.fold` counts parts of the index on
    /// each core and merges them).
    public struct Tally: SummaryTally {
        let scope: Set<String>
        let today: Day
        var r: Report
        /// The last station asked about and whether it is in scope (a block's lines are one station's).
        var lastStation: (id: String, inScope: Bool)?

        public init(period: ReportPeriod, stationIDs: [String], today: Day, events: [AwarenessEvent] = []) {
            r = Report(period: period, stationIDs: stationIDs, generated: today)
            r.prevention = EventCount.make(events, period: period, stationIDs: stationIDs)
            scope = Set(stationIDs)
            self.today = today
        }

        /// The report as counted (the days to closure in order, however the parts were merged).
        public var report: Report {
            var out = r
            out.daysToClosure.sort()
            return out
        }

        public mutating func merge(_ o: Tally) {
            r.counted += o.r.counted
            r.leftOut += o.r.leftOut
            r.identified += o.r.identified
            r.counselled += o.r.counselled
            r.screened += o.r.screened
            r.linkedToSHG += o.r.linkedToSHG
            r.trainingOrLivelihood += o.r.trainingOrLivelihood
            r.sessionsHeld += o.r.sessionsHeld
            r.byCategory.merge(o.r.byCategory, uniquingKeysWith: +)
            r.byAgeBand.merge(o.r.byAgeBand, uniquingKeysWith: +)
            r.byArrival.merge(o.r.byArrival, uniquingKeysWith: +)
            r.referrals.merge(o.r.referrals) { $0.merging($1, uniquingKeysWith: +) }
            r.firs += o.r.firs
            r.chargeSheets += o.r.chargeSheets
            r.deadlinesMissed += o.r.deadlinesMissed
            r.dvReliefs += o.r.dvReliefs
            r.compensationApplied += o.r.compensationApplied
            r.compensationPaid += o.r.compensationPaid
            r.closuresByReason.merge(o.r.closuresByReason, uniquingKeysWith: +)
            r.daysToClosure += o.r.daysToClosure
            r.safetyPlansMade += o.r.safetyPlansMade
            r.safetyPlansReviewed += o.r.safetyPlansReviewed
            r.traffickingOutcomes.merge(o.r.traffickingOutcomes, uniquingKeysWith: +)
        }

        public mutating func add(_ s: CaseSummary) {
            if lastStation?.id != s.stationID { lastStation = (s.stationID, scope.contains(s.stationID)) }
            guard lastStation?.inScope == true else { return }
            let p = r.period
            let missed = missedDeadline(s, in: p, today: today)
            let reportedIn = p.contains(s.reportedDay)
            // Each list walked once: its count in the period says both whether the case is in the
            // report and what it adds.
            var sessions = 0
            for d in s.sessionDays where d >= p.start && d <= p.end { sessions += 1 }
            let screened = s.screeningDays.contains(where: p.contains)
            let relevant = reportedIn || sessions > 0 || screened
                || s.steps.contains { p.contains($0.referralDay) || p.contains($0.completed) || p.contains($0.joined) }
                || p.contains(s.firDay) || p.contains(s.chargeSheetDay) || missed || s.paths.touches(p)
            guard relevant else { return }
            guard s.countable else { r.leftOut += 1; return }
            r.counted += 1
            if reportedIn {
                r.identified += 1
                r.byCategory[s.category, default: 0] += 1
                r.byAgeBand[AgeBand(s.age), default: 0] += 1
                r.byArrival[s.arrival, default: 0] += 1
            }
            r.sessionsHeld += sessions
            if sessions > 0 { r.counselled += 1 }
            if screened { r.screened += 1 }
            if s.steps.contains(where: { $0.kind == .shgLinkage && $0.status == .done && p.contains($0.joined ?? $0.completed) }) {
                r.linkedToSHG += 1
            }
            if s.steps.contains(where: { ($0.kind == .skillTraining || $0.kind == .livelihood)
                && ($0.status == .underway || ($0.status == .done && p.contains($0.completed))) }) {
                r.trainingOrLivelihood += 1
            }
            for step in s.steps where p.contains(step.referralDay) {
                r.referrals[step.partnerID ?? "", default: [:]][step.referral, default: 0] += 1
            }
            if p.contains(s.firDay) { r.firs += 1 }
            if p.contains(s.chargeSheetDay) { r.chargeSheets += 1 }
            if missed { r.deadlinesMissed += 1 }
            let path = s.paths
            r.dvReliefs += path.dvOrders.reduce(0) { $0 + (p.contains($1) ? 1 : 0) }
            if p.contains(path.compensationApplied) { r.compensationApplied += 1 }
            if p.contains(path.compensationPaid) { r.compensationPaid += 1 }
            if let closed = path.closed, p.contains(closed), let reason = path.closureReason {
                r.closuresByReason[reason, default: 0] += 1
                r.daysToClosure.append(closed.days(since: s.reportedDay))
            }
            if p.contains(path.safetyPlanMade) { r.safetyPlansMade += 1 }
            if path.safetyReviews.contains(where: p.contains) { r.safetyPlansReviewed += 1 }
            if let outcome = path.traffickingOutcome, p.contains(path.traffickingOutcomeDay) {
                r.traffickingOutcomes[outcome, default: 0] += 1
            }
        }
    }

    /// A legal deadline falling in the period and not met by its day, by the same rule as the case:
    /// the investigation within two months of the FIR where BNSS s.193(2) applies to its sections,
    /// telling her of progress within 90 days (s.193(3)(ii)) for every FIR. A case closed by a
    /// closure report misses nothing more.
    public static func missedDeadline(_ s: CaseSummary, in p: ReportPeriod, today: Day) -> Bool {
        // No FIR, no deadline (most cases of a district: nothing of the law's rules worked out for them).
        guard let fir = s.firDay, !Prosecution.closedByReport(s.outcome) else { return false }
        func missed(_ due: Day, _ done: Day?) -> Bool { p.contains(due) && (done.map { $0 > due } ?? (today > due)) }
        // The FIR's sections are read only for a case whose two months end in the period unmet.
        if missed(LegalDeadlines.investigationDay(fir: fir), s.chargeSheetDay),
           Offence.parse(s.offenceCodes).needsTwoMonthInvestigation { return true }
        return missed(LegalDeadlines.informDay(fir: fir), s.informedDay)
    }
}
