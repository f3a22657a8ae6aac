import Foundation

/// One case as `case show --format json` writes it: identity and session notes left out unless
/// revealed, deadlines worked out for the day given.
public struct CaseExport: Encodable {
    struct Session: Encodable {
        var number: Int
        var day: String
        var mode: String
        var minutes: Int
        var counsellor: String
        var nextDay: String?
        var notes: Notes?
    }
    struct Notes: Encodable {
        var present, problem, moodStart, moodEnd, whatWasDone, agreements: String
        var progress: [String: String]
    }
    struct Score: Encodable {
        var instrument: String
        var day: String
        var total: Int
        var severity: String
        var itemNine: Int?
    }
    struct Alert: Encodable {
        var raisedAt: Date
        var open: Bool
        var closedAt: Date?
        var actionNote: String?
    }
    struct Step: Encodable {
        var kind, status, referral: String
        var partner: String?
        var due, completed, joined: String?
        var overdue: Bool
        var group: String?
        var declineReason: String?
    }
    struct Legal: Encodable {
        var complaintKind, complaintNumber, sections: String
        var firDay, chargeSheetDay, informedDay: String?
        var investigationDue, informDue: String?
        var investigationOverdue, informOverdue: Bool
        var courtDays: [String]
        var outcome: String
        /// The FIR's sections picked from the list, and the child law that applies (if she is a child).
        var offences: [String]
        var childDuty: String?
    }
    struct Event: Encodable {
        var at: Date
        var by: String
        var kind: String
        var detail: String
    }

    var number, station, status, risk, reported, category: String
    var name, phone, address: String
    var age: Int?
    var minor: Bool
    var revealed: Bool
    var sessions: [Session]
    var screenings: [Score]
    var alerts: [Alert]
    var plan: [Step]
    var legal: Legal
    var timeline: [Event]

    public init(_ r: CaseRecord, reveal: Bool, notes: Bool? = nil, today: Day) {
        let showNotes = notes ?? reveal
        number = r.number.description
        station = r.stationID
        status = r.status.rawValue
        risk = r.riskLevel.rawValue
        reported = Day(r.reportedAt).description
        category = r.incident.category.rawValue
        name = reveal ? r.identity.name : Mask.name(r.identity.name)
        phone = reveal ? (r.identity.phone ?? "") : Mask.phone(r.identity.phone)
        address = reveal ? r.identity.address : Mask.address
        age = r.identity.age
        minor = r.isMinor
        revealed = reveal
        sessions = r.sessions.sorted { $0.number < $1.number }.map { s in
            Session(number: s.number, day: s.day.description, mode: s.mode.rawValue, minutes: s.minutes,
                    counsellor: s.counsellorID, nextDay: s.nextDay?.description,
                    notes: showNotes ? Notes(present: s.present, problem: s.problem, moodStart: s.moodStart.rawValue,
                                          moodEnd: s.moodEnd.rawValue, whatWasDone: s.whatWasDone, agreements: s.agreements,
                                          progress: Dictionary(uniqueKeysWithValues: s.progress.map { ($0.key.rawValue, $0.value.rawValue) }))
                        : nil)
        }
        screenings = Instrument.allCases.flatMap { r.scores($0) }.map { s in
            Score(instrument: s.screening.instrument.rawValue, day: s.screening.day.description, total: s.screening.total,
                  severity: s.screening.severity.rawValue,
                  itemNine: s.screening.instrument == .phq9 ? s.screening.itemNine : nil)
        }
        alerts = r.alerts.map { Alert(raisedAt: $0.raisedAt, open: $0.isOpen, closedAt: $0.closedAt,
                                      actionNote: $0.isOpen ? nil : $0.actionNote) }
        plan = r.plan.map { s in
            Step(kind: s.kind.rawValue, status: s.status.rawValue, referral: s.referral.rawValue, partner: s.partnerID,
                 due: s.due?.description, completed: s.completed?.description, joined: s.joined?.description,
                 overdue: s.isOverdue(today: today), group: s.groupName.isEmpty ? nil : s.groupName,
                 declineReason: s.declineReason.isEmpty ? nil : s.declineReason)
        }
        let p = r.prosecution
        legal = Legal(complaintKind: r.legal.kind.rawValue, complaintNumber: r.legal.number, sections: r.legal.sections,
                      firDay: p.firDay?.description, chargeSheetDay: p.chargeSheetDay?.description,
                      informedDay: p.informedDay?.description, investigationDue: p.deadlines?.investigationDue?.description,
                      informDue: p.deadlines?.informDue.description,
                      investigationOverdue: p.investigationOverdue(today: today), informOverdue: p.informOverdue(today: today),
                      courtDays: p.courtDays.map(\.description), outcome: p.outcome.rawValue,
                      offences: p.offenceCodes, childDuty: r.childDuty?.rawValue)
        // Events hold codes, days and the desk's own remarks and action notes, never session notes.
        timeline = r.events.sorted { $0.at > $1.at }.map { Event(at: $0.at, by: $0.by, kind: $0.kind.rawValue, detail: $0.detail) }
    }

    public func json() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        guard let data = try? encoder.encode(self) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }
}
