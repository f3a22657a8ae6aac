import DeskModel
import Foundation

/// The counselling, plan and legal history of a synthetic case: sessions every two weeks or so,
/// PHQ-9 / GAD-7 scores that mostly fall, an SHG linkage and training for women in
/// rehabilitation, an FIR with its deadlines where one was filed. Same seed, same history.
/// Sessions, scores and plan steps are logged by the counsellor of the case's own station; the
/// sessions talk about what her category and the accused make possible (`DemoStory.problems`).
struct DemoCare {
    /// Station ID → the counsellor who works there.
    let counsellors: [String: String]
    let today: Day
    /// The paths beside the counselling (safety plan, contacts, DV Act, compensation, closure).
    let paths: DemoPaths

    static let groups = ["जय माँ अंबे समूह", "उजाला स्व-सहायता समूह", "सखी समूह", "नई किरण समूह", "लक्ष्मी समूह"]

    /// `pathRng` is the paths' own stream: without the paths, the history is what it was.
    func fill(_ record: inout CaseRecord, rng: inout SeededRandom, pathRng: inout SeededRandom) {
        let reported = Day(record.reportedAt)
        let age = today.days(since: reported)
        let by = record.deskOfficerID
        record.events = [CaseEvent(at: record.reportedAt, by: by, kind: .intake, detail: record.number.description)]
        guard age >= 3 else { return }
        guard let counsellorID = counsellors[record.stationID] else {
            // No counsellor at her station: only the legal track.
            addProsecution(&record, rng: &rng)
            reportToCWC(&record, rng: &rng)
            paths.fill(&record, counsellorID: nil, rng: &pathRng)
            return
        }
        let problems = DemoStory.problems(record)
        // Sessions: none yet for a few open cases; closed cases had a few; the rest go on to about
        // today, with one in six dropped out of touch (overdue).
        let stopsEarly = rng.next() % 6 == 0
        // A closed case was worked first: its history is written open, and closed after.
        let finalStatus = record.status
        if finalStatus == .closed { record.status = .counselling }
        let wanted = finalStatus == .open ? Int(rng.next() % 2)
            : finalStatus == .closed || stopsEarly ? 1 + Int(rng.next() % 5) : 24
        var day = reported.adding(days: 1 + Int(rng.next() % 5))
        var phq = 8 + Int(rng.next() % 16)
        var gad = 6 + Int(rng.next() % 12)
        for n in 0..<wanted where day <= today {
            let gap = n < 3 ? 10 + Int(rng.next() % 11) : 21 + Int(rng.next() % 15)
            let isLast = n == wanted - 1 || day.adding(days: gap) > today
            let next: Day? = isLast && finalStatus == .closed ? nil : day.adding(days: gap)
            let at = day.startDate.addingTimeInterval(Double(11 * 3600 + Int(rng.next() % 18_000)))
            let session = CounsellingSession(
                id: DemoGenerator.uuid(&rng), number: n + 1, day: day, mode: [.inPerson, .phone, .homeVisit][Int(rng.next() % 3)], minutes: 30 + 15 * Int(rng.next() % 4),
                counsellorID: counsellorID, present: n == 0 ? DemoStory.firstPresent(record) : "पीड़िता",
                problem: problems[Int(rng.next() % UInt64(problems.count))],
                moodStart: [.distressed, .anxious, .low][Int(rng.next() % 3)], moodEnd: [.low, .calm, .hopeful][Int(rng.next() % 3)],
                whatWasDone: "सुनना, सुरक्षा योजना पर बात", agreements: "अगले सत्र तक रोज़ टहलना",
                progress: [.safety: n == 0 ? .same : .better, .psychosocial: n == 0 ? .notDiscussed : .better],
                nextDay: next, recordedAt: at)
            try? record.addSession(session)
            if n % 2 == 0 {
                // Item 9 rarely above 0; scores fall a little with each session.
                let nine = rng.next() % 14 == 0 ? 1 : 0
                if let s = try? Screening(.phq9, items: spread(phq - nine, over: 8, rng: &rng) + [nine], day: day) {
                    _ = try? record.addScreening(ScreeningRecord(id: DemoGenerator.uuid(&rng), screening: s, by: counsellorID, recordedAt: at),
                                             alertID: DemoGenerator.uuid(&rng))
                }
                if let s = try? Screening(.gad7, items: spread(gad, over: 7, rng: &rng), day: day) {
                    _ = try? record.addScreening(ScreeningRecord(id: DemoGenerator.uuid(&rng), screening: s, by: counsellorID, recordedAt: at),
                                             alertID: DemoGenerator.uuid(&rng))
                }
                phq = max(2, phq - 2 - Int(rng.next() % 4))
                gad = max(1, gad - 1 - Int(rng.next() % 4))
            }
            // Most alerts were acted on within the day.
            if record.hasOpenAlert, rng.next() % 4 != 0 {
                try? record.closeAlert(note: "टेली-मानस 14416 से बात कराई, सुरक्षा योजना बनाई", by: counsellorID,
                                       at: at.addingTimeInterval(3_600))
            }
            day = day.adding(days: gap)
        }
        // A session no longer moves the stage by itself: in the demo the counsellor set it to
        // counselling at her first session (as the demo's stores had it before).
        if record.status == .open, !record.sessions.isEmpty { record.status = .counselling }
        addPlan(&record, status: finalStatus, by: counsellorID, rng: &rng)
        addProsecution(&record, rng: &rng)
        reportToCWC(&record, rng: &rng)
        if finalStatus == .closed {
            // Her paths ended a little after her last session, before the case was closed.
            var p = paths
            p.today = min(today, Day(record.events.map(\.at).max() ?? record.reportedAt).adding(days: 5))
            p.fill(&record, counsellorID: counsellorID, rng: &pathRng)
        } else {
            paths.fill(&record, counsellorID: counsellorID, rng: &pathRng)
            paths.maybeRequestClosure(&record, rng: &pathRng)
            paths.maybeTransfer(&record, rng: &pathRng)
        }
        if finalStatus == .closed {
            if record.hasOpenAlert, let at = record.events.map(\.at).max() {
                try? record.closeAlert(note: "टेली-मानस 14416 से बात कराई, सुरक्षा योजना बनाई", by: counsellorID, at: at.addingTimeInterval(3_600))
            }
            let last = record.events.map(\.at).max() ?? record.reportedAt
            let closedAt = min(today.startDate.addingTimeInterval(10 * 3600), last.addingTimeInterval(Double(2 + Int(rng.next() % 10)) * 86_400))
            // Her steps were finished (or given up) before the case was closed.
            let closedDay = Day(max(closedAt, last))
            for var step in record.plan where [.planned, .underway].contains(step.status) {
                let finished = step.referral == .sent || step.referral == .notReferred ? rng.next() % 2 == 0 : true
                step.status = finished ? .done : .dropped
                step.completed = finished ? closedDay : nil
                if step.referral == .sent || step.referral == .accepted { step.referral = finished ? .done : .declined }
                if step.referral == .declined, step.declineReason.isEmpty { step.declineReason = "महिला ने आगे बढ़ने से मना किया" }
                if step.kind == .shgLinkage, finished, step.groupName.isEmpty {
                    step.groupName = Self.groups[Int(rng.next() % UInt64(Self.groups.count))]
                    step.groupVillage = record.identity.address
                    step.joined = closedDay
                }
                try? record.putStep(step, by: counsellorID, at: max(closedAt, last))
            }
            paths.close(&record, at: max(closedAt, last), by: by, rng: &pathRng)
        }
    }

    /// Most children's cases were reported to the CWC (and the Special Court) the same or the next day.
    private func reportToCWC(_ record: inout CaseRecord, rng: inout SeededRandom) {
        let reported = Day(record.reportedAt)
        let by = record.deskOfficerID
        if record.childDuty != nil, rng.next() % 5 != 0 {
            var p = record.prosecution
            p.cwcReportDay = min(today, reported.adding(days: Int(rng.next() % 2)))
            record.setProsecution(p, by: by, at: record.reportedAt.addingTimeInterval(6 * 3600))
        }
    }

    private func spread(_ total: Int, over count: Int, rng: inout SeededRandom) -> [Int] {
        var items = [Int](repeating: 0, count: count)
        var left = max(0, min(total, count * 3))
        while left > 0 {
            let i = Int(rng.next() % UInt64(count))
            if items[i] < 3 { items[i] += 1; left -= 1 }
        }
        return items
    }

    private func addPlan(_ record: inout CaseRecord, status: CaseStatus, by counsellorID: String, rng: inout SeededRandom) {
        guard [.rehabilitation, .closed].contains(status) || (status == .counselling && rng.next() % 3 == 0) else { return }
        let start = Day(record.reportedAt).adding(days: 10)
        guard start <= today else { return }
        let at = start.startDate.addingTimeInterval(12 * 3600)
        // A referral needs her consent to sharing, or for a child the recorded exception: without
        // it, a woman's steps are her own (no partner told).
        let mayRefer = record.consent.sharing == .yes
        func own(_ step: RehabStep) -> RehabStep {
            guard !mayRefer else { return step }
            var s = step
            s.partnerID = nil; s.referral = .notReferred; s.referralDay = nil; s.declineReason = ""
            return s
        }
        if record.isMinor {
            // A girl goes back to school with the help of a scheme, not to an SHG or a job.
            let roll = rng.next() % 3
            let step = RehabStep(id: DemoGenerator.uuid(&rng), kind: .scheme, partnerID: "wcd-osc",
                                 status: roll == 2 ? .done : .underway, due: start.adding(days: 30),
                                 completed: roll == 2 && start.adding(days: 25) <= today ? start.adding(days: 25) : nil,
                                 referral: roll == 2 ? .done : .accepted, referralDay: start,
                                 createdAt: at, createdBy: counsellorID,
                                 sharingException: record.consent.sharing == .yes ? nil : .child)
            try? record.putStep(step, by: counsellorID, at: at)
            return
        }
        let referral: ReferralState = [.sent, .accepted, .done, .declined, .done][Int(rng.next() % 5)]
        let joined = referral == .done ? start.adding(days: 20) : nil
        let shg = RehabStep(
            id: DemoGenerator.uuid(&rng), kind: .shgLinkage, partnerID: "nrlm",
            status: referral == .declined ? .dropped : referral == .done && (joined ?? today) <= today ? .done : .underway,
            due: start.adding(days: 30), completed: referral == .done && (joined ?? today) <= today ? joined : nil,
            referral: referral, referralDay: start,
            declineReason: referral == .declined ? "गाँव में समूह में जगह नहीं" : "",
            groupName: referral == .done ? Self.groups[Int(rng.next() % UInt64(Self.groups.count))] : "",
            groupVillage: referral == .done ? record.identity.address : "", joined: (joined ?? today) <= today ? joined : nil,
            createdAt: at, createdBy: counsellorID)
        try? record.putStep(own(shg), by: counsellorID, at: at)
        if rng.next() % 2 == 0 {
            // Training: planned, under way, or finished some weeks after it was arranged.
            let roll = rng.next() % 3
            let finished = start.adding(days: 40 + Int(rng.next() % 30))
            let done = roll == 2 && finished <= today
            let training = RehabStep(id: DemoGenerator.uuid(&rng), kind: rng.next() % 3 == 0 ? .livelihood : .skillTraining,
                                     partnerID: "labour", status: done ? .done : roll == 0 ? .planned : .underway,
                                     due: start.adding(days: 45), completed: done ? finished : nil,
                                     referral: done ? .done : roll == 0 ? .sent : .accepted, referralDay: start,
                                     createdAt: at, createdBy: counsellorID)
            try? record.putStep(own(training), by: counsellorID, at: at)
        }
    }

    /// The sections an FIR of each kind usually carries (no random draw: the rest of the history stays as it was).
    static func sections(_ r: CaseRecord) -> [Offence] {
        let child = r.isMinor
        switch r.incident.category {
        case .domesticViolence: return [.bns85, .bns86, .bns115]
        case .dowry: return [.bns85, .bns86, .dowry3, .dowry4]
        case .sexualAssault: return child ? [.pocso4, .bns64] : [.bns64, .bns351]
        case .stalking: return child ? [.bns78, .pocso12] : [.bns78, .bns79]
        case .cyber: return [.it66E, .bns78]
        case .trafficking: return [.bns143, .itpa5]
        case .childMarriage: return [.pcma9, .pcma11]
        case .missing: return [.bns137]
        case .other: return [.bns115, .bns351]
        }
    }

    private func addProsecution(_ record: inout CaseRecord, rng: inout SeededRandom) {
        guard [.fir, .eFIR, .zeroFIR].contains(record.legal.kind) else { return }
        let fir = Day(record.reportedAt).adding(days: Int(rng.next() % 3))
        guard fir <= today else { return }
        var p = Prosecution(firDay: fir, offences: Self.sections(record))
        let sinceFIR = today.days(since: fir)
        if sinceFIR > 40, rng.next() % 3 != 0 { p.chargeSheetDay = fir.adding(days: 30 + Int(rng.next() % 40)) }
        if let cs = p.chargeSheetDay, cs > today { p.chargeSheetDay = nil }
        if sinceFIR > 30, rng.next() % 2 == 0 { p.informedDay = fir.adding(days: 20 + Int(rng.next() % 50)) }
        if let d = p.informedDay, d > today { p.informedDay = nil }
        if let cs = p.chargeSheetDay { p.courtDays = [cs.adding(days: 30), cs.adding(days: 75)] }
        record.setProsecution(p, by: record.deskOfficerID, at: fir.startDate.addingTimeInterval(14 * 3600))
    }
}
