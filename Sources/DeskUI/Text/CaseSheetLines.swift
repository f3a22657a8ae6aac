import DeskModel
import Foundation

/// The lines of each tab of a case.
extension CaseSheet {
    func lines(_ r: CaseRecord, ctx: Context) -> [DetailLine] {
        switch tab {
        case .intake: return intakeLines(r, ctx: ctx)
        case .counselling: return counsellingLines(r, ctx: ctx)
        case .plan: return planLines(r, ctx: ctx)
        case .legal: return legalLines(r, ctx: ctx)
        case .timeline: return TimelineLines.lines(r, directives: ctx.directives(for: r.id), ctx: ctx)
        }
    }

    private func intakeLines(_ r: CaseRecord, ctx: Context) -> [DetailLine] {
        var out: [DetailLine] = []
        func head(_ key: StringKey) { out.append(DetailLine(label: "")); out.append(DetailLine(label: ctx.t(key), style: .label)) }
        func row(_ key: StringKey, _ value: String, _ style: Style = .normal) {
            out.append(DetailLine(label: ctx.t(key), value: value.isEmpty ? "—" : value, style: style))
        }
        func ans(_ a: Answer) -> String { ctx.label(a) }
        let masked = !revealed
        out += conflictLines(r, ctx: ctx)
        if let duty = r.childDuty, r.prosecution.cwcReportDay == nil {
            out.append(DetailLine(label: ctx.t(.dynamic("child.banner." + duty.rawValue)), style: r.cwcLate(now: ctx.clock.now()) ? .error : .warning))
        } else if r.childDuty != nil, let done = r.prosecution.cwcReportDay {
            out.append(DetailLine(label: ctx.t(.child_bannerDone, done.description), style: .ok))
        } else if r.isMinor, r.childDuty == nil {
            out.append(DetailLine(label: ctx.t(.child_none), style: .dim))
        }
        let directives = ctx.directives(for: r.id)
        if !directives.isEmpty {
            out.append(DetailLine(label: ctx.t(.directive_section), style: .label))
            for d in directives {
                let state = d.state(today: ctx.today)
                let style: Style = state == .late ? .error : state == .done ? .ok : .warning
                out.append(DetailLine(label: "   " + ctx.t(.directive_line, ctx.t(.dynamic("directive.state." + state.rawValue)),
                                                           d.due.description, ctx.userName(d.by), d.text), style: style))
                if state == .done {
                    out.append(DetailLine(label: "     ↳ " + ctx.t(.directive_replyLine, ctx.userName(d.doneBy ?? ""), d.reply)))
                }
            }
            out.append(DetailLine(label: ""))
        }
        out.append(DetailLine(label: ctx.t(.section_report), style: .label))
        row(.detail_reportedAt, Self.stamp(r.reportedAt))
        row(.field_arrival, ctx.label(r.arrival))
        row(.detail_deskOfficer, ctx.userName(r.deskOfficerID))
        head(.section_identity)
        row(.field_name, masked ? Mask.name(r.identity.name) + "  " + ctx.t(.detail_masked) : r.identity.name,
            masked ? .dim : .normal)
        row(.field_age, (r.identity.age.map(String.init) ?? "?") + (r.identity.ageEstimated ? " " + ctx.t(.detail_estimated) : ""))
        row(.field_phone, masked ? Mask.phone(r.identity.phone) : (r.identity.phone ?? "—"), masked ? .dim : .normal)
        row(.field_safeToCall, ans(r.identity.safeToCall))
        row(.field_address, masked ? Mask.address : r.identity.address, masked ? .dim : .normal)
        row(.field_maritalStatus, r.identity.maritalStatus.map { ctx.label($0) } ?? "—")
        row(.field_occupation, r.identity.occupation.isEmpty ? "—" : r.identity.occupation)
        row(.field_dependents, r.identity.dependents.map(String.init) ?? "—")
        row(.field_disability, ans(r.identity.disability))
        head(.section_incident)
        row(.field_incidentDate, r.incident.date?.description ?? "—")
        row(.field_place, r.incident.place.map { ctx.label($0) } ?? "—")
        row(.field_category, ctx.label(r.incident.category))
        row(.field_relation, r.incident.relation.map { ctx.label($0) } ?? "—")
        row(.field_previousIncidents, ans(r.incident.previousIncidents))
        if r.isMinor { row(.field_childNeedsCare, ans(r.incident.childNeedsCare)) }
        head(.section_risk)
        for q in DangerQuestion.allCases {
            row(.dynamic("field." + q.rawValue), ans(r.risk.answer(q)), r.risk.answer(q) == .yes && q.isSevere ? .high : .normal)
        }
        row(.detail_riskLevel, ctx.label(r.riskLevel) + (r.hasOpenAlert && r.risk.level < .high ? " · " + ctx.t(.detail_riskAlert) : "")
            + (r.risk.safetyPlanNeeded ? " · " + ctx.t(.intake_safetyPlanNeeded) : ""), r.riskLevel == .high ? .high : .normal)
        head(.section_legal)
        row(.field_complaintKind, ctx.label(r.legal.kind))
        row(.field_complaintNumber, r.legal.number.isEmpty ? "—" : r.legal.number)
        row(.field_sections, r.prosecution.offences.isEmpty ? "—" : r.prosecution.offences.map { Self.code($0, ctx) }.joined(separator: ", "))
        if !r.legal.sections.isEmpty { row(.legal_oldSections, r.legal.sections, .dim) }
        row(.field_investigatingOfficer, r.legal.investigatingOfficer.isEmpty ? "—" : r.legal.investigatingOfficer)
        row(.field_medicalExam, ans(r.legal.medicalExamDone))
        row(.field_statementByWoman, ans(r.legal.statementByWomanOfficer))
        head(.section_needs)
        row(.field_needMedical, ans(r.needs.medical))
        row(.field_needShelter, ans(r.needs.shelter))
        row(.field_needLegalAid, ans(r.needs.legalAid))
        row(.field_needCounselling, ans(r.needs.counselling))
        head(.section_consent)
        row(.field_consentServices, ans(r.consent.services))
        row(.field_consentSharing, ans(r.consent.sharing))
        row(.field_consentStatistics, ans(r.consent.statistics))
        row(.field_consentGivenBy, ctx.label(r.consent.givenBy))
        if Consent.guardianMayBeAccusedSide(givenBy: r.consent.givenBy, age: r.identity.age, relation: r.incident.relation) {
            out.append(DetailLine(label: "   ⚠ " + ctx.t(.warn_guardianAccusedSide), style: .warning))
        }
        return out
    }

    private func counsellingLines(_ r: CaseRecord, ctx: Context) -> [DetailLine] {
        var out: [DetailLine] = []
        let today = ctx.today
        let due: (String, Style)
        switch r.sessionDue(today: today) {
        case .waitingFirst: due = (ctx.t(.care_waitingFirst), .warning)
        case .dueToday: due = (ctx.t(.care_dueToday), .warning)
        case .overdue(let since): due = (ctx.t(.care_overdue, since.description), .error)
        case .scheduled(let day): due = (ctx.t(.care_scheduled, day.description), .ok)
        case .noneSet: due = (ctx.t(.care_noneSet), .dim)
        case .closed: due = (ctx.t(.care_closed), .dim)
        }
        out.append(DetailLine(label: ctx.t(.care_summary, r.sessions.count) + " · " + due.0, style: due.1))
        // Questionnaires over time.
        for instrument in Instrument.allCases {
            let scores = r.scores(instrument)
            guard !scores.isEmpty else { continue }
            out.append(DetailLine(label: ""))
            out += ScoreChart.lines(instrument, scores.map(\.screening), ctx: ctx.words)
        }
        // Alerts, open first.
        for alert in r.alerts.sorted(by: { ($0.isOpen ? 0 : 1, $1.raisedAt) < ($1.isOpen ? 0 : 1, $0.raisedAt) }) {
            out.append(DetailLine(label: ""))
            if alert.isOpen {
                out.append(DetailLine(label: ctx.t(.alert_openLine, Self.stamp(alert.raisedAt), ctx.userName(alert.raisedBy)),
                                      style: .high))
                out.append(DetailLine(label: "   " + ctx.t(.alert_whatToDo), style: .warning))
            } else {
                out.append(DetailLine(label: ctx.t(.alert_closedLine, Self.stamp(alert.raisedAt),
                                                   Self.stamp(alert.closedAt ?? alert.raisedAt),
                                                   ctx.userName(alert.closedBy ?? "")), style: .ok))
                out.append(DetailLine(label: "   ↳ " + alert.actionNote))
            }
        }
        // Sessions, newest first.
        let notes = notesShown
        let sessions = r.sessions.sorted { ($0.day, $0.number) > ($1.day, $1.number) }
        if sessions.isEmpty {
            out.append(DetailLine(label: ""))
            out.append(DetailLine(label: ctx.t(.care_noSessions), style: .dim))
        }
        for s in sessions {
            out.append(DetailLine(label: ""))
            out.append(DetailLine(label: ctx.t(.care_sessionLine, s.number, s.day.description, ctx.label(s.mode), s.minutes,
                                               ctx.userName(s.counsellorID)), style: .label))
            if !notes {
                out.append(DetailLine(label: "   " + ctx.t(.care_notesHidden), style: .dim))
            } else {
                if !s.present.isEmpty { out.append(DetailLine(label: ctx.t(.entry_present), value: s.present)) }
                out.append(DetailLine(label: ctx.t(.entry_problem), value: s.problem))
                out.append(DetailLine(label: ctx.t(.care_mood), value: ctx.label(s.moodStart) + " → " + ctx.label(s.moodEnd)))
                if !s.whatWasDone.isEmpty { out.append(DetailLine(label: ctx.t(.entry_done), value: s.whatWasDone)) }
                if !s.agreements.isEmpty { out.append(DetailLine(label: ctx.t(.entry_agreements), value: s.agreements)) }
                let progress = GoalArea.allCases.compactMap { area -> String? in
                    guard let p = s.progress[area], p != .notDiscussed else { return nil }
                    return ctx.t(.dynamic("area." + area.rawValue)) + ": " + ctx.label(p)
                }
                if !progress.isEmpty { out.append(DetailLine(label: ctx.t(.care_progress), value: progress.joined(separator: " · "))) }
            }
            out.append(DetailLine(label: ctx.t(.entry_nextDay), value: s.nextDay?.description ?? "—"))
        }
        return out
    }

    private func planLines(_ r: CaseRecord, ctx: Context) -> [DetailLine] {
        var out: [DetailLine] = []
        let today = ctx.today
        let steps = Self.orderedPlan(r)
        let stepIndex = Self.clamped(stepIndex, steps.count)
        let overdue = r.overdueSteps(today: today).count
        let waiting = r.waitingReferrals.count
        out.append(DetailLine(label: ctx.t(.plan_summary, steps.count, overdue, waiting), style: overdue > 0 ? .error : .label))
        if steps.isEmpty {
            out.append(DetailLine(label: ""))
            out.append(DetailLine(label: ctx.t(.plan_empty), style: .dim))
            return out
        }
        for (i, step) in steps.enumerated() {
            out.append(DetailLine(label: ""))
            var head = ctx.label(step.kind) + " · " + ctx.label(step.status)
            if let due = step.due { head += " · " + ctx.t(.plan_due, due.description) }
            if let done = step.completed { head += " · " + ctx.t(.plan_completed, done.description) }
            let isOverdue = step.isOverdue(today: today)
            if isOverdue { head += " · " + ctx.t(.plan_overdue) }
            let selected = !printing && i == stepIndex
            out.append(DetailLine(label: (selected ? "▶ " : "  ") + head,
                                  style: selected ? .selected : isOverdue ? .error : step.status.isFinished ? .dim : .normal,
                                  stepID: step.id))
            if let partner = step.partnerID {
                var referral = ctx.partnerName(partner) + " · " + ctx.label(step.referral)
                if let d = step.referralDay { referral += " " + d.description }
                if step.referral == .declined, !step.declineReason.isEmpty { referral += " · " + step.declineReason }
                out.append(DetailLine(label: ctx.t(.plan_referral), value: referral,
                                      style: step.referral == .declined ? .warning : .normal))
                if let e = step.sharingException {
                    out.append(DetailLine(label: ctx.t(.entry_sharingException), value: ctx.label(e), style: .warning))
                }
            }
            if step.kind == .shgLinkage, !step.groupName.isEmpty {
                var group = step.groupName
                if !step.groupVillage.isEmpty { group += ", " + step.groupVillage }
                if let j = step.joined { group += " · " + ctx.t(.plan_joined, j.description) }
                out.append(DetailLine(label: ctx.t(.entry_groupName), value: group))
            }
            if !step.note.isEmpty { out.append(DetailLine(label: ctx.t(.entry_note), value: step.note)) }
        }
        return out
    }

    private func legalLines(_ r: CaseRecord, ctx: Context) -> [DetailLine] {
        var out: [DetailLine] = []
        let today = ctx.today
        let p = r.prosecution
        func row(_ key: StringKey, _ value: String, _ style: Style = .normal) {
            out.append(DetailLine(label: ctx.t(key), value: value, style: style))
        }
        /// Where the rule comes from, on a line of its own under the deadline.
        func cite(_ key: StringKey, _ args: CustomStringConvertible...) {
            out.append(DetailLine(label: "     " + ctx.strings.text(key, ctx.language, arguments: args), style: .dim))
        }
        if let duty = r.childDuty { out += Self.childDutyLines(duty, r, ctx: ctx) }
        row(.field_complaintKind, ctx.label(r.legal.kind))
        row(.field_complaintNumber, r.legal.number.isEmpty ? "—" : r.legal.number)
        let offences = p.offences
        if offences.isEmpty {
            row(.field_sections, ctx.t(.legal_noSections), .dim)
        } else {
            for (i, o) in offences.enumerated() { out.append(DetailLine(label: i == 0 ? ctx.t(.field_sections) : "", value: ctx.label(o))) }
            if offences.allCompoundable {
                cite(.legal_compoundable)
            } else {
                cite(.legal_notCompoundable, offences.filter { !$0.isCompoundable }.map { Self.code($0, ctx) }.joined(separator: ", "))
            }
        }
        if !r.legal.sections.isEmpty { row(.legal_oldSections, r.legal.sections, .dim) }
        row(.field_investigatingOfficer, r.legal.investigatingOfficer.isEmpty ? "—" : r.legal.investigatingOfficer)
        out.append(DetailLine(label: ""))
        row(.entry_firDay, p.firDay?.description ?? "—")
        if p.closedByReport {
            row(.legal_investigation, ctx.t(.legal_closureReport), .ok)
            cite(.legal_closureNote)
        } else if let d = p.deadlines {
            if let due = d.investigationDue {
                if let filed = p.chargeSheetDay {
                    row(.legal_investigation, ctx.t(.legal_chargeSheetFiled, filed.description), .ok)
                } else if p.investigationOverdue(today: today) {
                    row(.legal_investigation, ctx.t(.legal_overdueBy, due.description, today.days(since: due)), .error)
                } else {
                    row(.legal_investigation, ctx.t(.legal_dueBy, due.description))
                }
                cite(.legal_cite_twoMonths)
            } else {
                row(.legal_investigation, offences.isEmpty ? ctx.t(.legal_pickSections) : ctx.t(.legal_noTwoMonth),
                    offences.isEmpty ? .warning : .normal)
                cite(.legal_cite_twoMonthsOnly)
            }
            if let informed = p.informedDay, informed <= d.informDue {
                row(.legal_inform, ctx.t(.legal_informedOn, informed.description), .ok)
            } else if p.informOverdue(today: today) {
                row(.legal_inform, ctx.t(.legal_overdueBy, d.informDue.description, today.days(since: d.informDue)), .error)
            } else {
                row(.legal_inform, ctx.t(.legal_dueBy, d.informDue.description))
            }
            cite(.legal_cite_inform)
        } else {
            out.append(DetailLine(label: "   " + ctx.t(.legal_noFIR), style: .dim))
        }
        row(.entry_chargeSheetDay, p.chargeSheetDay?.description ?? "—")
        let court = p.courtDays.map { $0 < today ? $0.description : "▸ " + $0.description }
        row(.legal_courtDays, court.isEmpty ? "—" : court.joined(separator: ", "))
        row(.entry_outcome, ctx.label(p.outcome))
        out += PathSheetLines.lines(r, ctx: ctx)
        return out
    }

    /// "BNS 85": the act and section of an offence, without its words.
    static func code(_ o: Offence, _ ctx: Context) -> String {
        ctx.label(o).components(separatedBy: " · ").first ?? o.rawValue
    }

    /// A child's case: which law, what is due and by when (the law's 24 hours), until the CWC day is recorded.
    static func childDutyLines(_ duty: ChildDuty, _ r: CaseRecord, ctx: Context) -> [DetailLine] {
        let due = CaseSheet.stamp(ChildDuty.due(reportedAt: r.reportedAt))
        if let done = r.prosecution.cwcReportDay {
            return [DetailLine(label: ctx.t(.dynamic("child.title." + duty.rawValue)), style: .label),
                    DetailLine(label: "   " + ctx.t(.child_done, done.description), style: .ok), DetailLine(label: "")]
        }
        let late = r.cwcLate(now: ctx.clock.now())
        return [DetailLine(label: ctx.t(.dynamic("child.title." + duty.rawValue)), style: late ? .error : .warning),
                DetailLine(label: "   " + ctx.t(.dynamic("child.due." + duty.rawValue)), style: late ? .error : .warning),
                DetailLine(label: "   " + ctx.t(late ? .child_late : .child_by, due), style: late ? .error : .warning),
                DetailLine(label: "")]
    }
}
