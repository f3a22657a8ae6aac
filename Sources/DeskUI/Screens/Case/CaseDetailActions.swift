import DeskModel
import Foundation

/// What a case's keys do beyond moving: its plan in order, what may be added, a status or an
/// entry picked, a reveal with its reason, a directive, a prompt's text acted on.
extension CaseDetailScreen {
    /// Steps in the order the plan tab shows them (`CaseSheet.orderedPlan`).
    static func orderedPlan(_ r: CaseRecord) -> [RehabStep] { CaseSheet.orderedPlan(r) }

    /// What she may add to this case, her tab's own kind first.
    func addOptions(_ r: CaseRecord, ctx: DeskContext) -> [String] {
        var out: [String] = []
        if Access.allows(ctx.user, .counsel, stationID: r.stationID) { out += ["session", "phq9", "gad7"] }
        if Access.allows(ctx.user, .editPlan, stationID: r.stationID) { out.append("step") }
        if Access.allows(ctx.user, .editLegal, stationID: r.stationID) { out.append("prosecution") }
        if Access.allows(ctx.user, .addRemark, stationID: r.stationID) { out.append("remark") }
        out += pathOptions(r, ctx: ctx)
        let first: [DetailTab: [String]] = [.counselling: ["session", "phq9", "gad7", "safetyPlan", "safetyReview", "contact"],
                                            .plan: ["step"], .legal: ["prosecution", "dv", "trafficking", "child", "compensation", "transfer", "transferAccept", "transferDecline"], .timeline: ["remark"]]
        let preferred = first[tab] ?? []
        return out.filter { preferred.contains($0) } + out.filter { !preferred.contains($0) }
    }

    func picked(_ code: String, record: CaseRecord, ctx: DeskContext) -> Transition {
        switch pickerPurpose {
        case .conflict:
            pickedConflict(code, record: record, ctx: ctx)
            return .stay
        case .status:
            guard let status = CaseStatus(rawValue: code), status != record.status, let user = ctx.user else { return .stay }
            if status == .closed { return closureForm(record, ctx: ctx) }
            var updated = record
            if record.status == .closed {
                do { try updated.reopen(on: ctx.today, by: user.id, at: ctx.clock.now()) } catch { return .stay }
            }
            updated.setStatus(status, by: user.id, at: ctx.clock.now())
            do {
                try ctx.saveChange(updated, what: "status " + status.rawValue)
                ctx.say(.detail_statusChanged, .ok, ctx.label(status))
            } catch {
                if !(error is SaveConflict) { ctx.say(.detail_saveFailed, .error) }
            }
            return .stay
        case .add:
            if code == "remark" {
                prompt = Prompt(.remark, titleKey: .remark_prompt, hintKey: .remark_hint, fields: [(nil, "", 200)])
                return .stay
            }
            if code == "transferAccept" || code == "transferDecline" { return answerTransfer(record, accept: code == "transferAccept", ctx: ctx) }
            guard let kind = EntryKind(rawValue: code) else { return .stay }
            if record.status == .closed, kind != .prosecution, kind != .contact {
                ctx.say(.error_caseClosed, .error)
                return .stay
            }
            if kind == .transfer { return transferForm(record, ctx: ctx) }
            tab = kind == .step ? .plan : [.prosecution, .dv, .compensation, .closure, .trafficking, .child].contains(kind) ? .legal : .counselling
            return .push(EntryScreen(form: .blank(kind, for: record, partnerIDs: ctx.partners.map(\.id), partnerKinds: Self.partnerKinds(ctx), clock: ctx.clock),
                                     ctx: ctx))
        }
    }

    func reveal(_ record: CaseRecord, ctx: DeskContext) {
        if revealed {
            revealed = false
            notesRevealed = false
        } else if Access.allows(ctx.user, .revealIdentity, stationID: record.stationID) {
            // Shown only once it is on record.
            guard ctx.log(.revealIdentity, caseID: record.id, detail: record.number.description) else {
                ctx.say(.audit_cannotWrite, .error)
                return
            }
            revealed = true
        } else if Access.allows(ctx.user, .revealWithReason, stationID: record.stationID) {
            prompt = Prompt(.revealReason, titleKey: .detail_reasonPrompt, hintKey: .detail_reasonHint,
                            fields: [(nil, "", 120)])
        } else {
            ctx.say(.detail_revealNotAllowed, .warning)
        }
    }

    func directive(_ record: CaseRecord, ctx: DeskContext) {
        if Access.allows(ctx.user, .giveDirective, stationID: record.stationID) {
            prompt = Prompt(.directive, titleKey: .directive_prompt, hintKey: .directive_hint,
                            fields: [(.directive_text, "", 200), (.directive_due, ctx.today.adding(days: 7).description, 10)])
        } else if Access.allows(ctx.user, .answerDirective, stationID: record.stationID) {
            guard let open = ctx.directives(for: caseID).first(where: { $0.doneAt == nil }) else {
                ctx.say(.directive_noneOpen, .warning)
                return
            }
            prompt = Prompt(.reply(open.id), titleKey: .directive_replyPrompt, hintKey: .directive_replyHint,
                            fields: [(nil, "", 200)])
            // What she answers, whole, above her answer.
            prompt?.note = ctx.t(.directive_line, ctx.t(.dynamic("directive.state." + open.state(today: ctx.today).rawValue)),
                                 open.due.description, ctx.userName(open.by), open.text)
        } else {
            ctx.say(.directive_notAllowed, .warning)
        }
    }

    /// Each partner's kind, so that a plan step offers the partners of its kind.
    static func partnerKinds(_ ctx: DeskContext) -> [String: String] {
        Dictionary(ctx.partners.map { ($0.id, $0.kind) }, uniquingKeysWith: { a, _ in a })
    }

    /// Acts on a filled prompt; false keeps it open (with a message) to be corrected.
    func submit(_ p: Prompt, record: CaseRecord, ctx: DeskContext) -> Bool {
        guard let user = ctx.user else { return false }
        switch p.purpose {
        case .revealReason:
            let text = p.values[0]
            guard text.count >= Self.shortestReason else {
                ctx.say(.detail_reasonNeeded, .error, Self.shortestReason)
                return false
            }
            guard ctx.log(.revealIdentity, caseID: record.id, detail: record.number.description, note: text) else {
                ctx.say(.audit_cannotWrite, .error)
                return true
            }
            revealed = true
            notesRevealed = true
        case .directive:
            switch Directive.make(caseID: record.id, text: p.values[0], due: p.values[1], by: user.id, clock: ctx.clock) {
            case .failure(let problem):
                ctx.say(.dynamic("directive.error." + problem.rawValue), .error)
                return false
            case .success(let d):
                do { try ctx.addDirective(d) } catch {
                    if !(error is SaveConflict) { ctx.say(.detail_saveFailed, .error) }
                    return false
                }
                ctx.say(.directive_given, .ok, d.due.description)
            }
        case .reply(let id):
            do {
                try ctx.answerDirective(id, caseID: record.id, reply: p.values[0])
                ctx.say(.directive_answered, .ok)
            } catch {
                ctx.say(.dynamic("directive.error." + ((error as? Directive.Problem) ?? .replyTooShort).rawValue), .error)
                return false
            }
        case .reportDays:
            return true
        case .remark, .closeAlert:
            var updated = record
            do {
                if p.purpose == .remark {
                    try updated.addRemark(p.values[0], by: user.id, at: ctx.clock.now())
                } else {
                    try updated.closeAlert(note: p.values[0], by: user.id, at: ctx.clock.now())
                }
            } catch {
                ctx.say(p.purpose == .remark ? .remark_tooShort : .alert_noteTooShort, .error, CaseRecord.shortestActionNote)
                return false
            }
            do {
                try ctx.saveChange(updated, what: p.purpose == .remark ? "remark" : "alert closed")
            } catch {
                if !(error is SaveConflict) { ctx.say(.detail_saveFailed, .error) }
                return false
            }
            ctx.say(p.purpose == .remark ? .remark_saved : .alert_closed, .ok)
            if p.purpose == .remark { tab = .timeline }
        }
        return true
    }
}
