import DeskModel
import Foundation

/// One case, all its intake sections. Identity is masked until revealed; a reveal is audited.
final class CaseDetailScreen: Screen {
    let caseID: UUID
    var revealed = false
    var scroll = ScrollList()
    var picker: PickList?
    /// A reason, a directive or a reply being typed.
    var prompt: Prompt?
    /// Shortest reason accepted: a word or two, not a keystroke.
    static let shortestReason = 8

    init(caseID: UUID) {
        self.caseID = caseID
    }

    var keyContexts: [KeyContext] {
        if prompt != nil { return [.prompt, .edit] }
        return picker != nil ? [.picker] : [.detail]
    }
    var acceptsText: Bool { prompt != nil }

    func appear(ctx: DeskContext) {
        ctx.markDirectivesRead(caseID: caseID)
    }

    func title(_ ctx: DeskContext) -> String {
        ctx.t("detail.title", ctx.record(caseID)?.number.description ?? "")
    }

    func handle(_ input: Input, ctx: DeskContext) -> Transition {
        guard let record = ctx.record(caseID) else { return .pop }
        if var p = picker {
            let outcome = p.handle(input)
            picker = outcome == .open ? p : nil
            if case .picked(let code) = outcome, let status = CaseStatus(rawValue: code), status != record.status {
                var updated = record
                updated.status = status
                do {
                    try ctx.save(updated, isNew: false)
                    ctx.say("detail.statusChanged", .ok, ctx.label(status))
                } catch {
                    ctx.say("detail.saveFailed", .error)
                }
            }
            return .stay
        }
        if var p = prompt {
            switch p.handle(input) {
            case .open: prompt = p
            case .cancelled: prompt = nil
            case .submitted: prompt = submit(p, record: record, ctx: ctx) ? nil : p
            }
            return .stay
        }
        switch input {
        case .action(.back):
            return .pop
        case .action(.reveal):
            if revealed {
                revealed = false
            } else if Access.allows(ctx.user, .revealIdentity, stationID: record.stationID) {
                revealed = true
                ctx.log(.revealIdentity, caseID: record.id, detail: record.number.description)
            } else if Access.allows(ctx.user, .revealWithReason, stationID: record.stationID) {
                prompt = Prompt(.revealReason, titleKey: "detail.reasonPrompt", hintKey: "detail.reasonHint",
                                fields: [("", "", 120)])
            } else {
                ctx.say("detail.revealNotAllowed", .warning)
            }
        case .action(.directive):
            if Access.allows(ctx.user, .giveDirective, stationID: record.stationID) {
                prompt = Prompt(.directive, titleKey: "directive.prompt", hintKey: "directive.hint",
                                fields: [("directive.text", "", 200), ("directive.due", ctx.today.adding(days: 7).description, 10)])
            } else if Access.allows(ctx.user, .answerDirective, stationID: record.stationID) {
                guard let open = ctx.directives(for: caseID).first(where: { $0.doneAt == nil }) else {
                    ctx.say("directive.noneOpen", .warning)
                    return .stay
                }
                prompt = Prompt(.reply(open.id), titleKey: "directive.replyPrompt", hintKey: "directive.replyHint",
                                fields: [("", "", 200)])
            } else {
                ctx.say("directive.notAllowed", .warning)
            }
        case .action(.edit):
            guard Access.allows(ctx.user, .editCase, stationID: record.stationID) else {
                ctx.say("detail.editNotAllowed", .warning)
                return .stay
            }
            return .push(IntakeScreen(editing: record))
        case .action(.changeStatus):
            guard Access.allows(ctx.user, .changeStatus, stationID: record.stationID) else {
                ctx.say("detail.statusNotAllowed", .warning)
                return .stay
            }
            let options = CaseStatus.allCases.map(\.rawValue)
            picker = PickList(options: options, labels: CaseStatus.allCases.map { ctx.label($0) },
                              current: record.status.rawValue)
        case .action(let a):
            _ = scroll.apply(a, count: 200, page: 10)
        case .text:
            break
        }
        return .stay
    }

    /// Acts on a filled prompt; false keeps it open (with a message) to be corrected.
    private func submit(_ p: Prompt, record: CaseRecord, ctx: DeskContext) -> Bool {
        switch p.purpose {
        case .revealReason:
            let text = p.values[0]
            guard text.count >= Self.shortestReason else {
                ctx.say("detail.reasonNeeded", .error, Self.shortestReason)
                return false
            }
            revealed = true
            ctx.log(.revealIdentity, caseID: record.id, detail: record.number.description + " · " + text)
        case .directive:
            guard let user = ctx.user else { return false }
            switch Directive.make(caseID: record.id, text: p.values[0], due: p.values[1], by: user.id, clock: ctx.clock) {
            case .failure(let problem):
                ctx.say("directive.error." + problem.rawValue, .error)
                return false
            case .success(let d):
                do { try ctx.addDirective(d) } catch {
                    ctx.say("detail.saveFailed", .error)
                    return false
                }
                ctx.say("directive.given", .ok, d.due.description)
            }
        case .reply(let id):
            do {
                try ctx.answerDirective(id, caseID: record.id, reply: p.values[0])
                ctx.say("directive.answered", .ok)
            } catch {
                ctx.say("directive.error." + ((error as? Directive.Problem) ?? .replyTooShort).rawValue, .error)
                return false
            }
        }
        return true
    }

    func lines(_ r: CaseRecord, ctx: DeskContext) -> [(String, String, Style)] {
        var out: [(String, String, Style)] = []
        func head(_ key: String) { out.append(("", "", .normal)); out.append((ctx.t(key), "", .label)) }
        func row(_ key: String, _ value: String, _ style: Style = .normal) { out.append((ctx.t(key), value, style)) }
        func ans(_ a: Answer) -> String { ctx.label(a) }
        let masked = !revealed
        out.append((ctx.t("detail.summary", ctx.label(r.status), ctx.label(r.riskLevel), ctx.stationName(r.stationID)),
                    "", r.riskLevel == .high ? .high : .label))
        if r.isMinor { out.append((ctx.t("detail.minorWarning"), "", .warning)) }
        let directives = ctx.directives(for: r.id)
        if !directives.isEmpty {
            head("directive.section")
            for d in directives {
                let state = d.state(today: ctx.today)
                let style: Style = state == .late ? .error : state == .done ? .ok : .warning
                out.append(("   " + ctx.t("directive.line", ctx.t("directive.state." + state.rawValue), d.due.description,
                                               ctx.userName(d.by), d.text), "", style))
                if state == .done {
                    out.append(("     ↳ " + ctx.t("directive.replyLine", ctx.userName(d.doneBy ?? ""), d.reply), "", .normal))
                }
            }
        }
        head("section.report")
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
        head("section.risk")
        for q in DangerQuestion.allCases {
            row("field." + q.rawValue, ans(r.risk.answer(q)), r.risk.answer(q) == .yes && q.isSevere ? .high : .normal)
        }
        row("detail.riskLevel", ctx.label(r.riskLevel) + (r.risk.safetyPlanNeeded ? " · " + ctx.t("intake.safetyPlanNeeded") : ""),
            r.riskLevel == .high ? .high : .normal)
        head("section.legal")
        row("field.complaintKind", ctx.label(r.legal.kind))
        row("field.complaintNumber", r.legal.number.isEmpty ? "—" : r.legal.number)
        row("field.sections", r.legal.sections.isEmpty ? "—" : r.legal.sections)
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
        return out
    }

    static func stamp(_ date: Date) -> String {
        let c = DeskCalendar.calendar.dateComponents([.hour, .minute], from: date)
        return Day(date).description + String(format: " %02d:%02d", c.hour ?? 0, c.minute ?? 0)
    }

    func draw(on s: Surface, in area: Rect, ctx: DeskContext) {
        guard let record = ctx.record(caseID) else { return }
        let all = lines(record, ctx: ctx)
        let maxTop = max(0, all.count - area.rows)
        scroll.selected = min(scroll.selected, maxTop)
        let labelWidth = area.cols >= 100 ? 38 : 32
        for (i, line) in all.dropFirst(scroll.selected).prefix(area.rows).enumerated() {
            let row = area.top + i
            if line.1.isEmpty {
                s.text(" " + line.0, row: row, col: 0, width: area.cols, style: line.2)
            } else {
                s.text("   " + line.0, row: row, col: 0, width: labelWidth, style: .dim)
                s.text(line.1, row: row, col: labelWidth + 1, width: area.cols - labelWidth - 2, style: line.2)
            }
        }
        if all.count > area.rows {
            let more = ctx.t("detail.scrollHint", min(all.count, scroll.selected + area.rows), all.count)
            s.text(more, row: area.top, col: area.cols - TextWidth.of(more) - 1, style: .dim)
        }
        if var p = picker {
            p.draw(on: s, row: area.top + 2, col: labelWidth + 1, area: area)
            picker = p
        }
        if var p = prompt {
            p.draw(on: s, in: area, ctx: ctx)
            prompt = p
        }
    }
}
