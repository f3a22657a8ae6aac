import Foundation

/// Why a change to the counselling log, the plan or the legal track was refused.
public enum CareError: String, Error, Equatable, Sendable {
    case caseClosed
    case noteTooShort
    case noOpenAlert
    case unknownStep
}

/// Where a case stands with its counsellor.
public enum SessionDue: Equatable, Sendable {
    /// Open, and no session held yet.
    case waitingFirst
    case dueToday
    case overdue(since: Day)
    case scheduled(Day)
    /// Sessions held, none planned next.
    case noneSet
    case closed
}

extension CaseRecord {
    /// Shortest action note that closes a self-harm alert: a sentence, not a keystroke.
    public static let shortestActionNote = 10

    public var openAlert: SelfHarmAlert? { alerts.last { $0.isOpen } }
    public var hasOpenAlert: Bool { alerts.contains { $0.isOpen } }

    public var latestSession: CounsellingSession? { sessions.max { ($0.day, $0.number) < ($1.day, $1.number) } }

    public func sessionDue(today: Day) -> SessionDue {
        if status == .closed { return .closed }
        guard let latest = latestSession else { return .waitingFirst }
        guard let next = latest.nextDay else { return .noneSet }
        if next == today { return .dueToday }
        return next < today ? .overdue(since: next) : .scheduled(next)
    }

    /// The last day she was reached by the desk: a session or a logged contact that reached her
    /// (the day she came counts as the first).
    public var lastContact: Day {
        [Day(reportedAt), latestSession?.day, contacts.filter(\.reached).map(\.day).max()].compactMap { $0 }.max() ?? Day(reportedAt)
    }

    public func overdueSteps(today: Day) -> [RehabStep] { plan.filter { $0.isOverdue(today: today) } }
    public var waitingReferrals: [RehabStep] { plan.filter { $0.referral.isWaiting } }

    /// Scores of one questionnaire, oldest first.
    public func scores(_ instrument: Instrument) -> [ScreeningRecord] {
        screenings.filter { $0.screening.instrument == instrument }
            .sorted { ($0.screening.day, $0.recordedAt) < ($1.screening.day, $1.recordedAt) }
    }

    // MARK: Changes (each one also goes on the timeline)

    mutating func note(_ kind: CaseEvent.Kind, by: String, at: Date, _ facts: CaseEvent.Facts = .none) {
        events.append(CaseEvent(at: at, by: by, kind: kind, facts: facts))
    }

    public mutating func addSession(_ session: CounsellingSession) throws(CareError) {
        guard status != .closed else { throw .caseClosed }
        sessions.append(session)
        // The status is the stage the desk sets; a session puts her on the counselling track
        // (`tracks`) without moving it.
        note(.session, by: session.counsellorID, at: session.recordedAt,
             .session(number: session.number, day: session.day, mode: session.mode, minutes: session.minutes))
    }

    /// Records a questionnaire; PHQ-9 item 9 above 0 raises a self-harm alert at once.
    @discardableResult
    public mutating func addScreening(_ record: ScreeningRecord, alertID: UUID = UUID()) throws(CareError) -> SelfHarmAlert? {
        guard status != .closed else { throw .caseClosed }
        screenings.append(record)
        let s = record.screening
        note(.screening, by: record.by, at: record.recordedAt, .screening(instrument: s.instrument, total: s.total, day: s.day))
        guard s.needsImmediateAction, !hasOpenAlert else { return nil }
        let alert = SelfHarmAlert(id: alertID, raisedAt: record.recordedAt, raisedBy: record.by, screeningID: record.id)
        alerts.append(alert)
        note(.alertRaised, by: record.by, at: record.recordedAt, .alert(itemNine: s.itemNine))
        return alert
    }

    /// Closes the open alert with what was done; a short note is refused.
    public mutating func closeAlert(note text: String, by: String, at: Date) throws(CareError) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard let i = alerts.lastIndex(where: { $0.isOpen }) else { throw .noOpenAlert }
        guard trimmed.count >= Self.shortestActionNote else { throw .noteTooShort }
        alerts[i].closedAt = at
        alerts[i].closedBy = by
        alerts[i].actionNote = trimmed
        note(.alertClosed, by: by, at: at, .text(trimmed))
    }

    public mutating func addRemark(_ text: String, by: String, at: Date) throws(CareError) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard trimmed.count >= 3 else { throw .noteTooShort }
        note(.remark, by: by, at: at, .text(trimmed))
    }

    /// Adds a step, or replaces the one with the same id; referral moves go on the timeline.
    public mutating func putStep(_ step: RehabStep, by: String, at: Date) throws(CareError) {
        if let i = plan.firstIndex(where: { $0.id == step.id }) {
            let old = plan[i]
            plan[i] = step
            if old.referral != step.referral {
                note(.referral, by: by, at: at, .referral(kind: step.kind, partnerID: step.partnerID ?? "", state: step.referral))
            }
            if old.status != step.status || old.due != step.due || old.completed != step.completed {
                note(.stepUpdated, by: by, at: at, .stepUpdated(kind: step.kind, status: step.status))
            }
        } else {
            guard status != .closed else { throw .caseClosed }
            plan.append(step)
            note(.stepAdded, by: by, at: at, .stepAdded(kind: step.kind, due: step.due))
            if step.referral != .notReferred {
                note(.referral, by: by, at: at, .referral(kind: step.kind, partnerID: step.partnerID ?? "", state: step.referral))
            }
        }
    }

    public mutating func setProsecution(_ p: Prosecution, by: String, at: Date) {
        guard p != prosecution else { return }
        var parts: [CaseEvent.LegalChange] = []
        if p.firDay != prosecution.firDay, let d = p.firDay { parts.append(.day(.firDay, d)) }
        if p.chargeSheetDay != prosecution.chargeSheetDay, let d = p.chargeSheetDay { parts.append(.day(.chargeSheetDay, d)) }
        for d in p.courtDays where !prosecution.courtDays.contains(d) { parts.append(.day(.courtDay, d)) }
        if p.informedDay != prosecution.informedDay, let d = p.informedDay { parts.append(.day(.informedDay, d)) }
        if p.outcome != prosecution.outcome { parts.append(.outcome(p.outcome)) }
        if p.offenceCodes != prosecution.offenceCodes { parts.append(.sections(p.offenceCodes)) }
        if p.cwcReportDay != prosecution.cwcReportDay, let d = p.cwcReportDay { parts.append(.day(.cwcReportDay, d)) }
        prosecution = p
        note(.legal, by: by, at: at, parts.isEmpty ? .none : .legal(parts))
    }

    public mutating func setStatus(_ new: CaseStatus, by: String, at: Date) {
        guard new != status else { return }
        note(.statusChanged, by: by, at: at, .status(from: status, to: new))
        status = new
    }
}
