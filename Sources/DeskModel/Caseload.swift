/// A counsellor's caseload in the order she works it: women waiting for a first session, sessions
/// due today, sessions overdue, and cases with an open self-harm alert.
public enum Caseload {
    public enum Bucket: String, CaseIterable, Sendable {
        case firstSession, dueToday, overdue, alert
    }

    /// The cases of each bucket (empty buckets included, so that she sees "none"). A case with an
    /// alert is listed under the alert as well as under its session.
    public static func buckets(_ cases: [CaseRecord], today: Day) -> [(Bucket, [CaseRecord])] {
        var first: [CaseRecord] = [], due: [CaseRecord] = [], overdue: [(Day, CaseRecord)] = [], alert: [CaseRecord] = []
        for r in cases where r.status != .closed {
            switch r.sessionDue(today: today) {
            case .waitingFirst: first.append(r)
            case .dueToday: due.append(r)
            case .overdue(let since): overdue.append((since, r))
            default: break
            }
            if r.hasOpenAlert { alert.append(r) }
        }
        return [
            (.firstSession, first.sorted { ($0.reportedAt, $0.number) < ($1.reportedAt, $1.number) }),
            (.dueToday, due.sorted { ($1.riskLevel, $0.number) < ($0.riskLevel, $1.number) }),
            (.overdue, overdue.sorted { ($0.0, $0.1.number) < ($1.0, $1.1.number) }.map(\.1)),
            (.alert, alert.sorted { ($0.openAlert?.raisedAt ?? $0.reportedAt) < ($1.openAlert?.raisedAt ?? $1.reportedAt) }),
        ]
    }
}
