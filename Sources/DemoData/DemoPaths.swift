import DeskModel
import Foundation

/// The paths of a synthetic case beside its counselling (issue 14: a newcomer sees each path at
/// once): a safety plan for a woman at risk (some reviews kept, some overdue), the desk's calls
/// and visits, the DV Act path for a domestic violence or dowry case (duties told, the Protection
/// Officer, orders, now and then a breach), compensation under BNSS s.396 for a sexual assault or
/// trafficking FIR, and a closure with its reason, checks and follow-ups, approved by the SP for a
/// woman at high risk or a child (a few such closures still wait for the SP: `closureRequest`).
/// Every day falls after her report and never after the demo's today. The paths draw on their own
/// random stream, so that the women and their sessions stay as they were.
struct DemoPaths {
    /// The last day the paths may use: the demo's today, or a little after the last session of a
    /// case that is about to be closed.
    var today: Day
    let now: Date
    /// Station ID → the SP over it.
    let sps: [String: String]

    /// A closure's or transfer's id made from the case's (the demo stays the same at every run,
    /// and the paths' random stream is not drawn on for it).
    static func id(_ record: CaseRecord, _ what: String) -> UUID {
        StableID.make("demo|\(record.id.uuidString)|\(what)|\(record.closures.count + record.transfers.count)")
    }

    static let warningSigns = ["पति का शराब पीकर आना, गाली देना", "ससुराल वालों का कमरे में बंद करना", "धमकी भरे फ़ोन आना"]
    static let safePlaces = ["मायका (ग्राम पिपल्या)", "पड़ोस की आशा दीदी का घर", "वन स्टॉप सेंटर"]
    static let safePeople = ["बहन", "पड़ोसन", "आंगनवाड़ी कार्यकर्ता"]

    /// A time on `day` (the middle of the working day), never after now.
    private func at(_ day: Day, _ rng: inout SeededRandom) -> Date {
        min(now, day.startDate.addingTimeInterval(Double(10 * 3600 + Int(rng.next() % 21_600))))
    }

    /// The day `days` after `from`, or nil when it would be after today.
    private func day(_ from: Day, _ days: Int) -> Day? {
        let d = from.adding(days: days)
        return d <= today ? d : nil
    }

    /// The paths of an open case (or one about to be closed), after its care history.
    func fill(_ record: inout CaseRecord, counsellorID: String?, rng: inout SeededRandom) {
        let reported = Day(record.reportedAt)
        guard today.days(since: reported) >= 3 else { return }
        if let counsellorID { addSafetyPlan(&record, by: counsellorID, rng: &rng) }
        addContacts(&record, rng: &rng)
        if record.dvApplies { addDV(&record, rng: &rng) }
        if record.incident.category == .trafficking { addTrafficking(&record, rng: &rng) }
        if record.childPathApplies { addChild(&record) }
        addCompensation(&record, rng: &rng)
    }

    /// A trafficking case: the AHTU told the day she came (rescued that day or just before), a
    /// Shakti Sadan of her district, the home investigation some days on, then home or rehabilitation.
    private func addTrafficking(_ record: inout CaseRecord, rng: inout SeededRandom) {
        let reported = Day(record.reportedAt)
        let by = record.deskOfficerID
        let shelter = record.number.stationCode.hasPrefix("UJN") ? "शक्ति सदन, उज्जैन" : "शक्ति सदन, इंदौर"
        try? record.updateTrafficking({ $0.ahtuInformed = reported; $0.rescued = reported; $0.shelter = shelter },
                                      today: today, by: by, at: record.reportedAt.addingTimeInterval(3_600))
        guard rng.next() % 4 != 0, let home = day(reported, 10 + Int(rng.next() % 15)) else { return }
        // A girl, or a home found unsafe, goes to rehabilitation; else she goes home, or waits.
        let outcome: TraffickingOutcome = record.isMinor || rng.next() % 3 == 0 ? .rehabilitated : rng.next() % 2 == 0 ? .repatriated : .pending
        try? record.updateTrafficking({ $0.homeInvestigation = home; $0.outcome = outcome }, today: today, by: by, at: at(home, &rng))
    }

    static let supportPeople = ["सीमा वर्मा (DCPU)", "चाइल्डलाइन इंदौर", "रश्मि तिवारी (सखी केंद्र)", "बाल कल्याण संस्था, उज्जैन"]

    /// A child's POCSO path: the s.27 medical on the day she came (now and then a day late), a
    /// support person from the CWC within a week for most, the Special Court's hearings after the
    /// charge sheet (the next one may lie ahead). Drawn from a stream of the case's own (its id),
    /// so that the other cases' paths stay as they were.
    private func addChild(_ record: inout CaseRecord) {
        let id = withUnsafeBytes(of: record.id.uuid) { Array($0) }
        var rng = SeededRandom(seed: id.prefix(8).reduce(0) { $0 << 8 | UInt64($1) })
        let reported = Day(record.reportedAt), by = record.deskOfficerID
        let medical = day(reported, rng.next() % 5 == 0 ? 2 : Int(rng.next() % 2))
        let support = rng.next() % 3 != 0 ? day(reported, 2 + Int(rng.next() % 5)) : nil
        let who = support.map { _ in Self.supportPeople[Int(rng.next() % UInt64(Self.supportPeople.count))] } ?? ""
        try? record.updateChild({ $0.medicalExam = medical; $0.supportAppointed = support; $0.supportPerson = who },
                                today: today, by: by, at: at(max(medical ?? reported, support ?? reported), &rng))
        guard let sheet = record.prosecution.chargeSheetDay else { return }
        var hearing = sheet.adding(days: 15 + Int(rng.next() % 20))
        for _ in 0..<(1 + Int(rng.next() % 3)) {
            let on = min(hearing, today)
            try? record.updateChild({ $0.addHearing(hearing) }, today: today, by: by, at: at(on, &rng))
            guard hearing <= today else { break }
            hearing = hearing.adding(days: 20 + Int(rng.next() % 20))
        }
    }

    /// Now and then a woman who consented to sharing is handed to another station of the district
    /// (she moved to her mother's): the transfer waits for that desk's answer.
    func maybeTransfer(_ record: inout CaseRecord, rng: inout SeededRandom) {
        guard record.status != .closed, record.consent.sharing == .yes, rng.next() % 25 == 0,
              let sp = sps[record.stationID], let last = record.events.map(\.at).max() else { return }
        let others = sps.filter { $0.value == sp && $0.key != record.stationID }.keys.sorted()
        guard !others.isEmpty else { return }
        let to = others[Int(rng.next() % UInt64(others.count))]
        let on = Day(last).adding(days: 1 + Int(rng.next() % 3))
        guard on <= today else { return }
        try? record.askTransfer(to: to, today: on, by: record.deskOfficerID, at: at(on, &rng), id: Self.id(record, "transfer"))
    }

    private func addSafetyPlan(_ record: inout CaseRecord, by: String, rng: inout SeededRandom) {
        guard record.needsSafetyPlan || rng.next() % 5 == 0 else { return }
        // A few women at risk have none yet (the SP sees "needed, none made").
        guard rng.next() % 6 != 0 else { return }
        let first = record.sessions.first?.day ?? Day(record.reportedAt).adding(days: 2)
        guard first <= today else { return }
        let pick = { (list: [String], rng: inout SeededRandom) in list[Int(rng.next() % UInt64(list.count))] }
        let married = record.identity.maritalStatus != .single
        var plan = SafetyPlan(made: first, warningSigns: married ? pick(Self.warningSigns, &rng) : "धमकी भरे फ़ोन आना",
                              safePlaces: pick(Self.safePlaces, &rng), safePeople: pick(Self.safePeople, &rng),
                              documentsReady: rng.next() % 2 == 0 ? .yes : .no, moneyReady: rng.next() % 3 == 0 ? .yes : .no,
                              helplines: record.isMinor ? [.police112, .women181, .child1098] : [.police112, .women181, .teleManas14416],
                              reviewDue: first.adding(days: 30), by: by)
        if record.incident.category == .cyber { plan.helplines.append(.cyber1930) }
        try? record.setSafetyPlan(plan, at: at(first, &rng))
        // The counsellor looks at the plan again at a session once its review has come (or is
        // near), and sets the next six weeks on; a woman who stopped coming has hers overdue.
        var due = first.adding(days: 30)
        for s in record.sessions where s.day > first && s.day >= due.adding(days: -7) && s.day <= today {
            try? record.reviewSafetyPlan(on: s.day, next: s.day.adding(days: 42), by: by, at: at(s.day, &rng))
            due = s.day.adding(days: 42)
        }
    }

    private func addContacts(_ record: inout CaseRecord, rng: inout SeededRandom) {
        let reported = Day(record.reportedAt)
        let count = Int(rng.next() % 4)
        var last = reported
        for _ in 0..<count {
            guard let d = day(last, 3 + Int(rng.next() % 25)) else { break }
            let kind: ContactKind = record.identity.phone == nil || record.identity.safeToCall != .yes
                ? (rng.next() % 2 == 0 ? .homeVisit : .atDesk) : [.phone, .phone, .homeVisit, .message][Int(rng.next() % 4)]
            let reached = kind != .phone || rng.next() % 4 != 0
            try? record.logContact(ContactEntry(id: DemoGenerator.uuid(&rng), day: d, kind: kind, reached: reached, by: record.deskOfficerID),
                                   today: today, at: at(d, &rng))
            last = d
        }
    }

    private func addDV(_ record: inout CaseRecord, rng: inout SeededRandom) {
        let reported = Day(record.reportedAt)
        let by = record.deskOfficerID
        // The s.5 duties are told at the desk on the day she comes (a few are missed).
        let missed = rng.next() % 4 == 0 ? DVDuty.allCases[Int(rng.next() % UInt64(DVDuty.allCases.count))] : nil
        try? record.updateDV({ $0.dutiesTold = DVDuty.allCases.filter { $0 != missed } }, today: today, by: by, at: record.reportedAt.addingTimeInterval(1_800))
        guard rng.next() % 3 != 0, let po = day(reported, Int(rng.next() % 4)) else { return }
        let dir = "DIR/\(po.year)/\(100 + Int(rng.next() % 900))"
        try? record.updateDV({ $0.protectionOfficerReferred = po; $0.dirNumber = dir }, today: today, by: by, at: at(po, &rng))
        guard rng.next() % 3 != 0, let app = day(po, 7 + Int(rng.next() % 14)) else { return }
        try? record.updateDV({ $0.application = app }, today: today, by: by, at: at(app, &rng))
        // The Magistrate's orders: protection first, then residence or monetary relief.
        guard let protection = day(app, 10 + Int(rng.next() % 30)) else { return }
        try? record.updateDV({ $0.orders.append(DVOrder(kind: .protection, day: protection)) }, today: today, by: by, at: at(protection, &rng))
        if rng.next() % 2 == 0, let other = day(protection, 20 + Int(rng.next() % 30)) {
            let kind: DVOrderKind = record.identity.maritalStatus == .married ? .residence : .monetary
            try? record.updateDV({ $0.orders.append(DVOrder(kind: kind, day: other)) }, today: today, by: by, at: at(other, &rng))
        }
        // Now and then the order is broken (s.31): her risk is High until it is looked at again.
        if rng.next() % 4 == 0, let breach = day(protection, 5 + Int(rng.next() % 40)) {
            try? record.updateDV({ $0.breaches.append(breach) }, today: today, by: by, at: at(breach, &rng))
        }
    }

    private func addCompensation(_ record: inout CaseRecord, rng: inout SeededRandom) {
        guard [.sexualAssault, .trafficking].contains(record.incident.category) || (record.dvApplies && rng.next() % 6 == 0),
              let fir = record.prosecution.firDay, rng.next() % 3 != 0,
              let applied = day(fir, 5 + Int(rng.next() % 25)) else { return }
        let by = record.deskOfficerID
        let interim = record.incident.category == .sexualAssault ? day(applied, 2 + Int(rng.next() % 5)) : nil
        try? record.updateEntitlements({ $0.compensation.applied = applied; $0.compensation.interimCertificate = interim },
                                       today: today, by: by, at: at(applied, &rng))
        guard rng.next() % 2 == 0, let paid = day(applied, 30 + Int(rng.next() % 60)) else { return }
        let amount = [25_000, 50_000, 100_000, 200_000][Int(rng.next() % 4)]
        try? record.updateEntitlements({ $0.compensation.paid = paid; $0.compensation.amount = amount },
                                       today: today, by: by, at: at(paid, &rng))
    }

    /// A reason that fits her story: a child's case is not closed as "moved away" or "reconciled".
    private func reason(_ record: CaseRecord, _ rng: inout SeededRandom) -> ClosureReason {
        var reasons: [ClosureReason] = [.goalsMet, .goalsMet, .goalsMet, .refusedServices, .referredElsewhere]
        if !record.isMinor { reasons.append(.movedAway) }
        if record.dvApplies { reasons.append(.reconciledSafely) }
        return reasons[Int(rng.next() % UInt64(reasons.count))]
    }

    /// Closes the case on `closedAt` with a reason and every check; the SP of her station approves
    /// a high-risk case or a child's. Without an SP the case is only marked closed, as before.
    /// Follow-ups at 30 and 90 days are logged when their day has come (most of them).
    func close(_ record: inout CaseRecord, at when: Date, by: String, rng: inout SeededRandom) {
        let closedAt = min(now, when)
        let closedDay = Day(closedAt)
        let sp = sps[record.stationID]
        guard !record.closureNeedsApproval || sp != nil else {
            record.setStatus(.closed, by: by, at: closedAt)
            return
        }
        let closure = Closure(id: Self.id(record, "closure"), day: closedDay, reason: reason(record, &rng), checks: record.closureChecks, by: by,
                              approvedBy: record.closureNeedsApproval ? sp : nil)
        do {
            try record.close(closure, approverRole: .sp, at: closedAt)
        } catch {
            record.setStatus(.closed, by: by, at: closedAt)
            return
        }
        guard closure.reason != .deceased else { return }
        for due in Closure.followUpDays.map({ closedDay.adding(days: $0) }) {
            guard let on = day(due, Int(rng.next() % 4)), rng.next() % 5 != 0 else { break }
            try? record.followUp(on: on, kind: record.identity.safeToCall == .yes ? .phone : .homeVisit, by: by, today: today,
                                 at: at(on, &rng))
            // The model gives the follow-up's contact a fresh id; the demo's comes from the seed.
            if !record.contacts.isEmpty { record.contacts[record.contacts.count - 1].id = DemoGenerator.uuid(&rng) }
        }
    }

    /// Now and then the desk has asked to close a high-risk case or a child's, and the SP has not
    /// answered yet (it shows in her review).
    func maybeRequestClosure(_ record: inout CaseRecord, rng: inout SeededRandom) {
        guard [.counselling, .rehabilitation].contains(record.status), record.closureNeedsApproval, record.sessions.count >= 3,
              rng.next() % 6 == 0, let last = record.events.map(\.at).max() else { return }
        let on = Day(last).adding(days: 1 + Int(rng.next() % 5))
        guard on <= today else { return }
        let closure = Closure(id: Self.id(record, "closureRequest"), day: on, reason: reason(record, &rng), checks: record.closureChecks, by: record.deskOfficerID)
        try? record.requestClosure(closure, at: at(on, &rng))
    }
}
