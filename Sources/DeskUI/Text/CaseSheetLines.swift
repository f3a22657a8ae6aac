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
        func head(_ key: String) { out.append(DetailLine(label: "")); out.append(DetailLine(label: ctx.t(key), style: .label)) }
        func row(_ key: String, _ value: String, _ style: Style = .normal) {
            out.append(DetailLine(label: ctx.t(key), value: value.isEmpty ? "—" : value, style: style))
        }
        func ans(_ a: Answer) -> String { ctx.label(a) }
        let masked = !revealed
        out += conflictLines(r, ctx: ctx)
        if let duty = r.childDuty, r.prosecution.cwcReportDay == nil {
            out.append(DetailLine(label: ctx.t("child.banner." + duty.rawValue), style: r.cwcLate(now: ctx.clock.now()) ? .error : .warning))
        } else if r.childDuty != nil, let done = r.prosecution.cwcReportDay {
            out.append(DetailLine(label: ctx.t("child.bannerDone", done.description), style: .ok))
        } else if r.isMinor, r.childDuty == nil {
            out.append(DetailLine(label: ctx.t("child.none"), style: .dim))
        }
        let directives = ctx.directives(for: r.id)
        if !directives.isEmpty {
            out.append(DetailLine(label: ctx.t("directive.section"), style: .label))
            for d in directives {
                let state = d.state(today: ctx.today)
                let style: Style = state == .late ? .error : state == .done ? .ok : .warning
                out.append(DetailLine(label: "   " + ctx.t("directive.line", ctx.t("directive.state." + state.rawValue),
                                                           d.due.description, ctx.userName(d.by), d.text), style: style))
                if state == .done {
                    out.append(DetailLine(label: "     ↳ " + ctx.t("directive.replyLine", ctx.userName(d.doneBy ?? ""), d.reply)))
                }
            }
            out.append(DetailLine(label: ""))
        }
        out.append(DetailLine(label: ctx.t("section.report"), style: .label))
        row("detail.reportedAt", Self.stamp(r.reportedAt))
        row("field.arrival", ctx.label(r.arrival))
        row("detail.deskOfficer", ctx.userName(r.deskOfficerID))
        head("section.identity")
        row("field.name", masked ? Mask.name(r.identity.name) + "  " + ctx.t("detail.masked") : r.identity.name,
            masked ? .dim : .normal)
        row("field.age", (r.identity.age.map(String.init) ?? "?") + (r.identity.ageEstimated ? " " + ctx.t("detail.estimated") : ""))
        row("field.phone", masked ? Mask.phone(r.identity.phone) : (r.identity.phone ?? "—"), masked ? .dim : .normal)
        row("field.safeToCall", ans(r.identity.safeToCall))
        row("field.address", masked ? Mask.address : r.identity.address, masked ? .dim : .normal)
        row("field.maritalStatus", r.identity.maritalStatus.map { ctx.label($0) } ?? "—")
        row("field.occupation", r.identity.occupation.isEmpty ? "—" : r.identity.occupation)
        row("field.dependents", r.identity.dependents.map(String.init) ?? "—")
        row("field.disability", ans(r.identity.disability))
        head("section.incident")
        row("field.incidentDate", r.incident.date?.description ?? "—")
        row("field.place", r.incident.place.map { ctx.label($0) } ?? "—")
        row("field.category", ctx.label(r.incident.category))
        row("field.relation", r.incident.relation.map { ctx.label($0) } ?? "—")
        row("field.previousIncidents", ans(r.incident.previousIncidents))
        if r.isMinor { row("field.childNeedsCare", ans(r.incident.childNeedsCare)) }
        head("section.risk")
        for q in DangerQuestion.allCases {
            row("field." + q.rawValue, ans(r.risk.answer(q)), r.risk.answer(q) == .yes && q.isSevere ? .high : .normal)
        }
        row("detail.riskLevel", ctx.label(r.riskLevel) + (r.hasOpenAlert && r.risk.level < .high ? " · " + ctx.t("detail.riskAlert") : "")
            + (r.risk.safetyPlanNeeded ? " · " + ctx.t("intake.safetyPlanNeeded") : ""), r.riskLevel == .high ? .high : .normal)
        head("section.legal")
        row("field.complaintKind", ctx.label(r.legal.kind))
        row("field.complaintNumber", r.legal.number.isEmpty ? "—" : r.legal.number)
        row("field.sections", r.prosecution.offences.isEmpty ? "—" : r.prosecution.offences.map { Self.code($0, ctx) }.joined(separator: ", "))
        if !r.legal.sections.isEmpty { row("legal.oldSections", r.legal.sections, .dim) }
        row("field.investigatingOfficer", r.legal.investigatingOfficer.isEmpty ? "—" : r.legal.investigatingOfficer)
        row("field.medicalExam", ans(r.legal.medicalExamDone))
        row("field.statementByWoman", ans(r.legal.statementByWomanOfficer))
        head("section.needs")
        row("field.needMedical", ans(r.needs.medical))
        row("field.needShelter", ans(r.needs.shelter))
        row("field.needLegalAid", ans(r.needs.legalAid))
        row("field.needCounselling", ans(r.needs.counselling))
        head("section.consent")
        row("field.consentServices", ans(r.consent.services))
        row("field.consentSharing", ans(r.consent.sharing))
        row("field.consentStatistics", ans(r.consent.statistics))
        row("field.consentGivenBy", ctx.label(r.consent.givenBy))
        if Consent.guardianMayBeAccusedSide(givenBy: r.consent.givenBy, age: r.identity.age, relation: r.incident.relation) {
            out.append(DetailLine(label: "   ⚠ " + ctx.t("warn.guardianAccusedSide"), style: .warning))
        }
        return out
    }

    private func counsellingLines(_ r: CaseRecord, ctx: Context) -> [DetailLine] {
        var out: [DetailLine] = []
        let today = ctx.today
        let due: (String, Style)
        switch r.sessionDue(today: today) {
        case .waitingFirst: due = (ctx.t("care.waitingFirst"), .warning)
        case .dueToday: due = (ctx.t("care.dueToday"), .warning)
        case .overdue(let since): due = (ctx.t("care.overdue", since.description), .error)
        case .scheduled(let day): due = (ctx.t("care.scheduled", day.description), .ok)
        case .noneSet: due = (ctx.t("care.noneSet"), .dim)
        case .closed: due = (ctx.t("care.closed"), .dim)
        }
        out.append(DetailLine(label: ctx.t("care.summary", r.sessions.count) + " · " + due.0, style: due.1))
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
                out.append(DetailLine(label: ctx.t("alert.openLine", Self.stamp(alert.raisedAt), ctx.userName(alert.raisedBy)),
                                      style: .high))
                out.append(DetailLine(label: "   " + ctx.t("alert.whatToDo"), style: .warning))
            } else {
                out.append(DetailLine(label: ctx.t("alert.closedLine", Self.stamp(alert.raisedAt),
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
            out.append(DetailLine(label: ctx.t("care.noSessions"), style: .dim))
        }
        for s in sessions {
            out.append(DetailLine(label: ""))
            out.append(DetailLine(label: ctx.t("care.sessionLine", s.number, s.day.description, ctx.label(s.mode), s.minutes,
                                               ctx.userName(s.counsellorID)), style: .label))
            if !notes {
                out.append(DetailLine(label: "   " + ctx.t("care.notesHidden"), style: .dim))
            } else {
                if !s.present.isEmpty { out.append(DetailLine(label: ctx.t("entry.present"), value: s.present)) }
                out.append(DetailLine(label: ctx.t("entry.problem"), value: s.problem))
                out.append(DetailLine(label: ctx.t("care.mood"), value: ctx.label(s.moodStart) + " → " + ctx.label(s.moodEnd)))
                if !s.whatWasDone.isEmpty { out.append(DetailLine(label: ctx.t("entry.done"), value: s.whatWasDone)) }
                if !s.agreements.isEmpty { out.append(DetailLine(label: ctx.t("entry.agreements"), value: s.agreements)) }
                let progress = GoalArea.allCases.compactMap { area -> String? in
                    guard let p = s.progress[area], p != .notDiscussed else { return nil }
                    return ctx.t("area." + area.rawValue) + ": " + ctx.label(p)
                }
                if !progress.isEmpty { out.append(DetailLine(label: ctx.t("care.progress"), value: progress.joined(separator: " · "))) }
            }
            out.append(DetailLine(label: ctx.t("entry.nextDay"), value: s.nextDay?.description ?? "—"))
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
        out.append(DetailLine(label: ctx.t("plan.summary", steps.count, overdue, waiting), style: overdue > 0 ? .error : .label))
        if steps.isEmpty {
            out.append(DetailLine(label: ""))
            out.append(DetailLine(label: ctx.t("plan.empty"), style: .dim))
            return out
        }
        for (i, step) in steps.enumerated() {
            out.append(DetailLine(label: ""))
            var head = ctx.label(step.kind) + " · " + ctx.label(step.status)
            if let due = step.due { head += " · " + ctx.t("plan.due", due.description) }
            if let done = step.completed { head += " · " + ctx.t("plan.completed", done.description) }
            let isOverdue = step.isOverdue(today: today)
            if isOverdue { head += " · " + ctx.t("plan.overdue") }
            let selected = !printing && i == stepIndex
            out.append(DetailLine(label: (selected ? "▶ " : "  ") + head,
                                  style: selected ? .selected : isOverdue ? .error : step.status.isFinished ? .dim : .normal,
                                  stepID: step.id))
            if let partner = step.partnerID {
                var referral = ctx.partnerName(partner) + " · " + ctx.label(step.referral)
                if let d = step.referralDay { referral += " " + d.description }
                if step.referral == .declined, !step.declineReason.isEmpty { referral += " · " + step.declineReason }
                out.append(DetailLine(label: ctx.t("plan.referral"), value: referral,
                                      style: step.referral == .declined ? .warning : .normal))
                if let e = step.sharingException {
                    out.append(DetailLine(label: ctx.t("entry.sharingException"), value: ctx.label(e), style: .warning))
                }
            }
            if step.kind == .shgLinkage, !step.groupName.isEmpty {
                var group = step.groupName
                if !step.groupVillage.isEmpty { group += ", " + step.groupVillage }
                if let j = step.joined { group += " · " + ctx.t("plan.joined", j.description) }
                out.append(DetailLine(label: ctx.t("entry.groupName"), value: group))
            }
            if !step.note.isEmpty { out.append(DetailLine(label: ctx.t("entry.note"), value: step.note)) }
        }
        return out
    }

    private func legalLines(_ r: CaseRecord, ctx: Context) -> [DetailLine] {
        var out: [DetailLine] = []
        let today = ctx.today
        let p = r.prosecution
        func row(_ key: String, _ value: String, _ style: Style = .normal) {
            out.append(DetailLine(label: ctx.t(key), value: value, style: style))
        }
        /// Where the rule comes from, on a line of its own under the deadline.
        func cite(_ key: String, _ args: CustomStringConvertible...) {
            out.append(DetailLine(label: "     " + ctx.strings.text(key, ctx.language, arguments: args), style: .dim))
        }
        if let duty = r.childDuty { out += Self.childDutyLines(duty, r, ctx: ctx) }
        row("field.complaintKind", ctx.label(r.legal.kind))
        row("field.complaintNumber", r.legal.number.isEmpty ? "—" : r.legal.number)
        let offences = p.offences
        if offences.isEmpty {
            row("field.sections", ctx.t("legal.noSections"), .dim)
        } else {
            for (i, o) in offences.enumerated() { out.append(DetailLine(label: i == 0 ? ctx.t("field.sections") : "", value: ctx.label(o))) }
            if offences.allCompoundable {
                cite("legal.compoundable")
            } else {
                cite("legal.notCompoundable", offences.filter { !$0.isCompoundable }.map { Self.code($0, ctx) }.joined(separator: ", "))
            }
        }
        if !r.legal.sections.isEmpty { row("legal.oldSections", r.legal.sections, .dim) }
        row("field.investigatingOfficer", r.legal.investigatingOfficer.isEmpty ? "—" : r.legal.investigatingOfficer)
        out.append(DetailLine(label: ""))
        row("entry.firDay", p.firDay?.description ?? "—")
        if p.closedByReport {
            row("legal.investigation", ctx.t("legal.closureReport"), .ok)
            cite("legal.closureNote")
        } else if let d = p.deadlines {
            if let due = d.investigationDue {
                if let filed = p.chargeSheetDay {
                    row("legal.investigation", ctx.t("legal.chargeSheetFiled", filed.description), .ok)
                } else if p.investigationOverdue(today: today) {
                    row("legal.investigation", ctx.t("legal.overdueBy", due.description, today.days(since: due)), .error)
                } else {
                    row("legal.investigation", ctx.t("legal.dueBy", due.description))
                }
                cite("legal.cite.twoMonths")
            } else {
                row("legal.investigation", offences.isEmpty ? ctx.t("legal.pickSections") : ctx.t("legal.noTwoMonth"),
                    offences.isEmpty ? .warning : .normal)
                cite("legal.cite.twoMonthsOnly")
            }
            if let informed = p.informedDay, informed <= d.informDue {
                row("legal.inform", ctx.t("legal.informedOn", informed.description), .ok)
            } else if p.informOverdue(today: today) {
                row("legal.inform", ctx.t("legal.overdueBy", d.informDue.description, today.days(since: d.informDue)), .error)
            } else {
                row("legal.inform", ctx.t("legal.dueBy", d.informDue.description))
            }
            cite("legal.cite.inform")
        } else {
            out.append(DetailLine(label: "   " + ctx.t("legal.noFIR"), style: .dim))
        }
        row("entry.chargeSheetDay", p.chargeSheetDay?.description ?? "—")
        let court = p.courtDays.map { $0 < today ? $0.description : "▸ " + $0.description }
        row("legal.courtDays", court.isEmpty ? "—" : court.joined(separator: ", "))
        row("entry.outcome", ctx.label(p.outcome))
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
            return [DetailLine(label: ctx.t("child.title." + duty.rawValue), style: .label),
                    DetailLine(label: "   " + ctx.t("child.done", done.description), style: .ok), DetailLine(label: "")]
        }
        let late = r.cwcLate(now: ctx.clock.now())
        return [DetailLine(label: ctx.t("child.title." + duty.rawValue), style: late ? .error : .warning),
                DetailLine(label: "   " + ctx.t("child.due." + duty.rawValue), style: late ? .error : .warning),
                DetailLine(label: "   " + ctx.t(late ? "child.late" : "child.by", due), style: late ? .error : .warning),
                DetailLine(label: "")]
    }
}
