import Foundation

/// Decides each paper: who may make it, and which of her case's facts it may carry.
public enum PaperMaker {
    /// The helplines on her slip and on the s.5 notice.
    public static let helplines = ["paper.helpline.112", "paper.helpline.181", "paper.helpline.1098", "paper.helpline.1930",
                                   "paper.helpline.14416"]
    /// The s.5 duties of the DV Act, in the order of the section.
    public static let dvDuties = ["paper.dv.duty.relief", "paper.dv.duty.services", "paper.dv.duty.protectionOfficer",
                                  "paper.dv.duty.legalAid", "paper.dv.duty.complaint"]

    /// The kinds `user` may print for this case (the menu offers these).
    public static func kinds(for user: User?, stationID: String) -> [PaperKind] {
        guard Access.allows(user, .printPapers, stationID: stationID) else { return [] }
        return PaperKind.allCases.filter { $0 != .counsellingSummary || Access.allows(user, .counsel, stationID: stationID) }
    }

    public static func make(_ kind: PaperKind, for record: CaseRecord, by user: User?, partners: [Partner],
                            options: PaperOptions, today: Day) -> Result<Paper, PaperRefusal> {
        guard let user, kinds(for: user, stationID: record.stationID).contains(kind) else {
            return .failure(kind == .counsellingSummary && Access.allows(user, .printPapers, stationID: record.stationID)
                            ? .counsellorsOnly : .notAllowed)
        }
        var paper = Paper(kind: kind, options: options, caseNumber: record.number.description, stationID: record.stationID,
                          printedOn: today, signedBy: user.id)
        switch kind {
        case .slip: slip(&paper, record, today: today)
        case .referral:
            // The step: the one asked for, else the latest referred to a partner.
            let referred = record.plan.filter { $0.referral != .notReferred && $0.partnerID != nil }
            guard let step = options.stepID.flatMap({ id in referred.first { $0.id == id } }) ?? referred.last else {
                return .failure(record.consent.sharing == .yes ? .noReferral : .noSharingConsent)
            }
            // Her consent, or the exception recorded on the step (a child; danger to life), checked as the step was.
            guard record.referralRefusal(exception: step.sharingException) == nil else { return .failure(.noSharingConsent) }
            referral(&paper, record, step)
        case .dvNotice:
            guard record.incident.category == .domesticViolence || record.incident.category == .dowry else {
                return .failure(.notDomesticViolence)
            }
            paper.rows = [PaperRow("name", text: record.identity.name), PaperRow("caseNumber", text: paper.caseNumber)]
            paper.ticks = dvDuties
            paper.paragraphs = ["paper.dv.intro", "paper.dv.sign"]
            paper.partnerIDs = partners.filter { ["wcd", "legal"].contains($0.kind) }.map(\.id)
        case .reliefCertificate: certificate(&paper, record)
        case .counsellingSummary:
            guard !record.sessions.isEmpty else { return .failure(.noSessions) }
            summary(&paper, record, notes: options.notesAgreed)
        }
        return .success(paper)
    }

    /// Her slip: no offence, no other name; in discreet wording not even hers, nor the word police.
    static func slip(_ p: inout Paper, _ r: CaseRecord, today: Day) {
        var rows: [PaperRow] = []
        if !p.options.discreet { rows.append(PaperRow("name", text: r.identity.name)) }
        rows.append(PaperRow(p.options.discreet ? "reference" : "caseNumber", text: p.caseNumber))
        if let next = nextDay(r, today: today) { rows.append(PaperRow("nextDay", text: next.description)) }
        p.rows = rows
        p.paragraphs = [p.options.discreet ? "paper.slip.discreetBody" : "paper.slip.body"]
        p.ticks = helplines
    }

    /// The next day she is expected: a session, or a hearing, whichever comes first from today.
    public static func nextDay(_ r: CaseRecord, today: Day) -> Day? {
        let days = r.sessions.compactMap(\.nextDay) + r.prosecution.courtDays
        return days.filter { $0 >= today }.min()
    }

    /// What the partner needs for the step: who she is, how to reach her (only when safe to call),
    /// what is asked; never the incident's story, her risk answers or the sessions.
    static func referral(_ p: inout Paper, _ r: CaseRecord, _ step: RehabStep) {
        var rows = [PaperRow("name", text: r.identity.name)]
        if let age = r.identity.age { rows.append(PaperRow("age", text: String(age))) }
        if let phone = r.identity.phone, r.identity.safeToCall == .yes { rows.append(PaperRow("phone", text: phone)) }
        rows.append(PaperRow("service", [.key(step.kind.labelKey)]))
        if !step.note.isEmpty { rows.append(PaperRow("stepNote", text: step.note)) }
        if let day = step.referralDay { rows.append(PaperRow("referredOn", text: day.description)) }
        rows.append(PaperRow("consentBasis", [.key(step.sharingException.map { "paper.basis." + $0.rawValue } ?? "paper.basis.consent")]))
        p.rows = rows
        p.partnerIDs = step.partnerID.map { [$0] } ?? []
        p.paragraphs = ["paper.referral.body", "paper.referral.confidential"]
    }

    /// BNSS s.396(6): she is a victim of the case and needs first aid or medical care at once.
    static func certificate(_ p: inout Paper, _ r: CaseRecord) {
        var rows = [PaperRow("name", text: r.identity.name)]
        if let age = r.identity.age { rows.append(PaperRow("age", text: String(age))) }
        rows.append(PaperRow("caseNumber", text: p.caseNumber))
        if !r.legal.number.isEmpty { rows.append(PaperRow("complaint", [.key(r.legal.kind.labelKey), .text(" " + r.legal.number)])) }
        let sections = r.prosecution.offences.enumerated().flatMap { i, o in (i > 0 ? [PaperPiece.text("; ")] : []) + [.key(o.labelKey)] }
        if !sections.isEmpty { rows.append(PaperRow("sections", sections)) }
        if let d = r.incident.date { rows.append(PaperRow("incidentDay", text: d.description)) }
        var needs: [PaperPiece] = []
        if r.needs.medical == .yes { needs.append(.key("paper.need.medical")) }
        if r.needs.shelter == .yes { needs.append(.key("paper.need.shelter")) }
        if needs.isEmpty { needs.append(.key("paper.need.firstAid")) }
        rows.append(PaperRow("needs", needs))
        p.rows = rows
        p.partnerIDs = []
        p.paragraphs = ["paper.cert.body", "paper.cert.sign"]
    }

    /// Sessions, scores and progress; what was said only when she agreed.
    static func summary(_ p: inout Paper, _ r: CaseRecord, notes: Bool) {
        var rows = [PaperRow("caseNumber", text: p.caseNumber)]
        let sessions = r.sessions.sorted { ($0.day, $0.number) < ($1.day, $1.number) }
        rows.append(PaperRow("sessions", text: String(sessions.count)))
        for s in sessions {
            var value: [PaperPiece] = [.text("\(s.day) · "), .key(s.mode.labelKey), .text(" · \(s.minutes) min")]
            if notes {
                for t in [s.problem, s.whatWasDone, s.agreements] where !t.isEmpty { value.append(.text(" · " + t)) }
            }
            rows.append(PaperRow("session", [.text("\(s.number): ")] + value))
        }
        for instrument in Instrument.allCases {
            let scored = r.screenings.map(\.screening).filter { $0.instrument == instrument }.sorted { $0.day < $1.day }
            guard let first = scored.first, let last = scored.last else { continue }
            rows.append(PaperRow(instrument.rawValue, [.text("\(first.total) → \(last.total)/\(instrument.maxTotal) · "),
                                                       .key("severity." + last.severity.rawValue)]))
        }
        if let latest = r.latestSession {
            for area in GoalArea.allCases {
                if let progress = latest.progress[area], progress != .notDiscussed {
                    rows.append(PaperRow("goal." + area.rawValue, [.key(progress.labelKey)]))
                }
            }
            if let next = latest.nextDay { rows.append(PaperRow("nextDay", text: next.description)) }
        }
        p.rows = rows
        p.paragraphs = [notes ? "paper.summary.withNotes" : "paper.summary.noNotes"]
    }
}
