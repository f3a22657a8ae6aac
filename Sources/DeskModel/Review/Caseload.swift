/// A counsellor's caseload in the order she works it, most urgent first: open self-harm alerts,
/// sessions overdue, sessions due today, women waiting for a first session, then what is coming:
/// sessions in the days ahead and cases with no next session set (so that no case drops out).
/// Within each part: minors first, then high risk, then the one waiting longest.
public enum Caseload {
    public enum Bucket: String, CaseIterable, Sendable {
        case alert, overdue, dueToday, firstSession, upcoming, noNextSession
        /// What needs her today (the menu's "to see").
        public var isToSee: Bool { self == .overdue || self == .dueToday || self == .firstSession }
    }

    /// The order within a part: minors, then high risk, then longest waiting (`since`), then number.
    static func urgentFirst<C: ListedCase>(_ a: (Day, C), _ b: (Day, C)) -> Bool {
        if a.1.isMinor != b.1.isMinor { return a.1.isMinor }
        if a.1.riskLevel != b.1.riskLevel { return a.1.riskLevel > b.1.riskLevel }
        if a.0 != b.0 { return a.0 < b.0 }
        return a.1.number < b.1.number
    }

    /// The cases of each part (empty parts included, so that she sees "none"). A case with an
    /// alert is listed under the alert as well as under its session.
    public static func buckets<C: ListedCase>(_ cases: [C], today: Day) -> [(Bucket, [C])] {
        var parts: [Bucket: [(Day, C)]] = [:]
        for r in cases where r.status != .closed {
            switch r.sessionDue(today: today) {
            case .waitingFirst: parts[.firstSession, default: []].append((Day(r.reportedAt), r))
            case .dueToday: parts[.dueToday, default: []].append((r.lastContact, r))
            case .overdue(let since): parts[.overdue, default: []].append((since, r))
            case .scheduled(let next): parts[.upcoming, default: []].append((next, r))
            case .noneSet: parts[.noNextSession, default: []].append((r.lastContact, r))
            default: break
            }
            if let raised = r.openAlertDay { parts[.alert, default: []].append((raised, r)) }
        }
        return Bucket.allCases.map { bucket in
            let list = parts[bucket] ?? []
            // What is coming is in the order of its day.
            let sorted = bucket == .upcoming ? list.sorted { ($0.0, $0.1.number) < ($1.0, $1.1.number) } : list.sorted(by: urgentFirst)
            return (bucket, sorted.map(\.1))
        }
    }
}
