import DeskModel
import Foundation

/// The parts of a case, one tab each.
enum DetailTab: String, CaseIterable {
    case intake, counselling, plan, legal, timeline
}

/// One line of a case tab: a label and value, or a heading or note (value empty).
struct DetailLine {
    var label: String
    var value: String = ""
    var style: Style = .normal
    /// The plan step this line shows, when it is one that Enter opens.
    var stepID: UUID?
}

/// One case in five tabs: intake, counselling, plan, legal track, timeline. Identity is masked
/// until revealed, session notes until an SP reveals with a reason; each reveal is audited.
final class CaseDetailScreen: Screen, OffersActions {
    let caseID: UUID
    var tab: DetailTab
    var revealed = false
    /// Session notes shown to someone without the right to read them (an SP after a reason).
    var notesRevealed = false
    var scroll = ScrollList()
    /// The chosen step in the plan tab.
    var stepIndex = 0
    /// Drawn for the command line: no selection marks.
    var printing = false
    enum PickerPurpose { case status, add }
    var picker: PickList?
    var pickerPurpose = PickerPurpose.status
    /// A reason, a directive, a reply, a remark or an alert's action note being typed.
    var prompt: Prompt?
    /// Shortest reason accepted: a word or two, not a keystroke.
    static let shortestReason = Access.shortestReason

    init(caseID: UUID, tab: DetailTab = .intake) {
        self.caseID = caseID
        self.tab = tab
    }

    var keyContexts: [KeyContext] {
        if prompt != nil { return [.prompt, .edit] }
        return picker != nil ? [.picker] : [.detail]
    }
    var acceptsText: Bool { prompt != nil }

    func appear(ctx: DeskContext) {
        // The case is read whole when it is opened, and kept: a save from here is over this revision.
        _ = ctx.record(caseID)
        ctx.markDirectivesRead(caseID: caseID)
    }

    func title(_ ctx: DeskContext) -> String {
        ctx.t(.detail_title, ctx.record(caseID)?.number.description ?? "")
    }

    /// What the bar offers this user on this case now.
    func offers(_ action: Action, ctx: DeskContext) -> Bool {
        guard prompt == nil, picker == nil, let r = ctx.record(caseID) else { return true }
        switch action {
        case .add: return !addOptions(r, ctx: ctx).isEmpty
        case .closeAlert: return r.hasOpenAlert && Access.allows(ctx.user, .closeAlert, stationID: r.stationID)
        case .edit: return Access.allows(ctx.user, .editCase, stationID: r.stationID)
        case .changeStatus: return Access.allows(ctx.user, .changeStatus, stationID: r.stationID)
        case .directive:
            if Access.allows(ctx.user, .giveDirective, stationID: r.stationID) { return true }
            return Access.allows(ctx.user, .answerDirective, stationID: r.stationID)
                && ctx.directives(for: caseID).contains { $0.doneAt == nil }
        case .reveal:
            return Access.allows(ctx.user, .revealIdentity, stationID: r.stationID)
                || Access.allows(ctx.user, .revealWithReason, stationID: r.stationID)
        case .nextTab: return false  // the tabs are on the screen with their numbers
        default: return true
        }
    }

    func canReadNotes(_ ctx: DeskContext, _ r: CaseRecord) -> Bool {
        notesRevealed || Access.allows(ctx.user, .readNotes, stationID: r.stationID)
    }

    func handle(_ input: Input, ctx: DeskContext) -> Transition {
        guard let record = ctx.record(caseID) else { return .pop }
        if var p = picker {
            let outcome = p.handle(input)
            picker = outcome == .open ? p : nil
            if case .picked(let code) = outcome { return picked(code, record: record, ctx: ctx) }
            return .stay
        }
        if var p = prompt {
            switch p.handle(input, transliterate: ctx.transliterating) {
            case .open: prompt = p
            case .cancelled: prompt = nil
            case .submitted:
                if submit(p, record: record, ctx: ctx) {
                    prompt = nil
                } else {
                    // What is needed is said in the box, under the field, as well as on the message line.
                    if let m = ctx.message, m.style == .error { p.error = m.text }
                    prompt = p
                }
            }
            return .stay
        }
        switch input {
        case .action(.back):
            return .pop
        case .action(.nextTab), .action(.prevTab):
            let all = DetailTab.allCases
            let step = input == .action(.nextTab) ? 1 : all.count - 1
            tab = all[((all.firstIndex(of: tab) ?? 0) + step) % all.count]
            scroll = ScrollList()
        case .action(.reveal):
            reveal(record, ctx: ctx)
        case .action(.directive):
            directive(record, ctx: ctx)
        case .action(.edit):
            guard Access.allows(ctx.user, .editCase, stationID: record.stationID) else {
                ctx.say(.detail_editNotAllowed, .warning)
                return .stay
            }
            return .push(IntakeScreen(editing: record))
        case .action(.changeStatus):
            guard Access.allows(ctx.user, .changeStatus, stationID: record.stationID) else {
                ctx.say(.detail_statusNotAllowed, .warning)
                return .stay
            }
            pickerPurpose = .status
            picker = PickList(options: CaseStatus.allCases.map(\.rawValue), labels: CaseStatus.allCases.map { ctx.label($0) },
                              current: record.status.rawValue)
        case .action(.add):
            let options = addOptions(record, ctx: ctx)
            guard !options.isEmpty else {
                ctx.say(.detail_addNotAllowed, .warning)
                return .stay
            }
            pickerPurpose = .add
            picker = PickList(options: options, labels: options.map { ctx.t(.dynamic("add." + $0)) }, current: "")
        case .action(.closeAlert):
            guard record.hasOpenAlert else {
                ctx.say(.alert_noneOpen, .warning)
                return .stay
            }
            guard Access.allows(ctx.user, .closeAlert, stationID: record.stationID) else {
                ctx.say(.alert_closeNotAllowed, .warning)
                return .stay
            }
            prompt = Prompt(.closeAlert, titleKey: .alert_closePrompt, hintKey: .alert_closeHint, fields: [(nil, "", 200)])
        case .action(.select) where tab == .plan:
            guard record.plan.indices.contains(stepIndex) else { return .stay }
            guard Access.allows(ctx.user, .editPlan, stationID: record.stationID) else {
                ctx.say(.detail_addNotAllowed, .warning)
                return .stay
            }
            let ordered = Self.orderedPlan(record)
            return .push(EntryScreen(form: .editing(ordered[stepIndex], of: record, partnerIDs: ctx.partners.map(\.id),
                                                                     partnerKinds: Self.partnerKinds(ctx)), ctx: ctx))
        case .action(.up) where tab == .plan && !record.plan.isEmpty:
            stepIndex = max(0, stepIndex - 1)
        case .action(.down) where tab == .plan && !record.plan.isEmpty:
            stepIndex = min(record.plan.count - 1, stepIndex + 1)
        case .action(let a):
            _ = scroll.apply(a, count: 400, page: 10)
        case .text(let scalar):
            // 1–5 jump to a tab.
            if let n = Int(Digits.toASCII(String(scalar))), (1...DetailTab.allCases.count).contains(n) {
                tab = DetailTab.allCases[n - 1]
                scroll = ScrollList()
            }
        }
        return .stay
    }

    /// Steps in the order the plan tab shows them: open ones by due day, then finished ones.
    static func orderedPlan(_ r: CaseRecord) -> [RehabStep] {
        r.plan.enumerated().sorted { a, b in
            let ka = (a.element.status.isFinished ? 1 : 0, a.element.due ?? Day(r.reportedAt), a.offset)
            let kb = (b.element.status.isFinished ? 1 : 0, b.element.due ?? Day(r.reportedAt), b.offset)
            return ka < kb
        }.map(\.element)
    }

    /// What she may add to this case, her tab's own kind first.
    func addOptions(_ r: CaseRecord, ctx: DeskContext) -> [String] {
        var out: [String] = []
        if Access.allows(ctx.user, .counsel, stationID: r.stationID) { out += ["session", "phq9", "gad7"] }
        if Access.allows(ctx.user, .editPlan, stationID: r.stationID) { out.append("step") }
        if Access.allows(ctx.user, .editLegal, stationID: r.stationID) { out.append("prosecution") }
        if Access.allows(ctx.user, .addRemark, stationID: r.stationID) { out.append("remark") }
        let first: [DetailTab: [String]] = [.counselling: ["session", "phq9", "gad7"], .plan: ["step"],
                                            .legal: ["prosecution"], .timeline: ["remark"]]
        let preferred = first[tab] ?? []
        return out.filter { preferred.contains($0) } + out.filter { !preferred.contains($0) }
    }

    private func picked(_ code: String, record: CaseRecord, ctx: DeskContext) -> Transition {
        switch pickerPurpose {
        case .status:
            guard let status = CaseStatus(rawValue: code), status != record.status, let user = ctx.user else { return .stay }
            var updated = record
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
            guard let kind = EntryKind(rawValue: code) else { return .stay }
            if record.status == .closed, kind != .prosecution {
                ctx.say(.error_caseClosed, .error)
                return .stay
            }
            tab = kind == .step ? .plan : kind == .prosecution ? .legal : .counselling
            return .push(EntryScreen(form: .blank(kind, for: record, partnerIDs: ctx.partners.map(\.id), partnerKinds: Self.partnerKinds(ctx), clock: ctx.clock),
                                     ctx: ctx))
        }
    }

    private func reveal(_ record: CaseRecord, ctx: DeskContext) {
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

    private func directive(_ record: CaseRecord, ctx: DeskContext) {
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
    private func submit(_ p: Prompt, record: CaseRecord, ctx: DeskContext) -> Bool {
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

    func draw(on s: Surface, in area: Rect, ctx: DeskContext) {
        guard let record = ctx.record(caseID) else { return }
        var row = area.top
        // Summary, alert and tabs stay put; the tab's lines scroll below them.
        s.text(" " + ctx.t(.detail_summary, ctx.label(record.status), ctx.label(record.riskLevel),
                           ctx.stationName(record.stationID)), row: row, col: 0, width: area.cols - 1,
               style: record.riskLevel == .high ? .high : .label)
        row += 1
        if let alert = record.openAlert {
            s.fill(row: row, style: .high)
            s.text(" " + ctx.t(.alert_banner, Day(alert.raisedAt).description), row: row,
                   col: 0, width: area.cols - 1, style: .high)
            row += 1
        }
        drawTabs(on: s, row: row, width: area.cols, ctx: ctx)
        row += 1
        s.rule(row: row)
        row += 1
        let body = Rect(top: row, left: 0, rows: area.bottom - row, cols: area.cols)
        let labelWidth = area.cols >= 100 ? 38 : 32
        let all = Self.wrapped(lines(record, ctx: ctx), cols: area.cols, labelWidth: labelWidth)
        if tab == .plan, let at = all.firstIndex(where: { $0.stepID != nil && $0.style == .selected }) {
            if at < scroll.selected { scroll.selected = at }
            if at + 2 > scroll.selected + body.rows { scroll.selected = at + 2 - body.rows }
        }
        let maxTop = max(0, all.count - body.rows)
        scroll.selected = max(0, min(scroll.selected, maxTop))
        for (i, line) in all.dropFirst(scroll.selected).prefix(body.rows).enumerated() {
            let r = body.top + i
            if line.style == .selected { s.fill(row: r, style: .selected) }
            if line.value.isEmpty {
                s.text(" " + line.label, row: r, col: 0, width: area.cols, style: line.style)
            } else {
                s.text("   " + line.label, row: r, col: 0, width: labelWidth, style: .dim)
                s.text(line.value, row: r, col: labelWidth + 1, width: area.cols - labelWidth - 2, style: line.style)
            }
        }
        if all.count > body.rows {
            let more = ctx.t(.detail_scrollHint, min(all.count, scroll.selected + body.rows), all.count)
            s.text(more, row: body.top - 2, col: area.cols - TextWidth.of(more) - 1, style: .dim)
        }
        if var p = picker {
            p.draw(on: s, row: body.top, col: labelWidth + 1, area: area)
            picker = p
        }
        if var p = prompt {
            p.draw(on: s, in: area, ctx: ctx)
            prompt = p
        }
    }

    /// Lines too long for the screen go on over the next lines (a directive, a declined
    /// referral's reason): nothing is cut. A note keeps its indent; a value stays in its column.
    static func wrapped(_ lines: [DetailLine], cols: Int, labelWidth: Int) -> [DetailLine] {
        var out: [DetailLine] = []
        for line in lines {
            if line.value.isEmpty, TextWidth.of(line.label) + 1 <= cols {
                out.append(line)
            } else if !line.value.isEmpty, TextWidth.of(line.value) <= cols - labelWidth - 2 {
                out.append(line)
            } else if line.value.isEmpty {
                let indent = String(line.label.prefix { $0 == " " })
                let body = String(line.label.dropFirst(indent.count))
                let pieces = TextWidth.wrap(body, width: max(10, cols - 2 - TextWidth.of(indent)))
                for (i, piece) in pieces.enumerated() {
                    var next = line
                    next.label = (i == 0 ? indent : String(repeating: " ", count: indent.count + (indent.isEmpty ? 0 : 2))) + piece
                    if i > 0 { next.stepID = nil }
                    out.append(next)
                }
            } else {
                let pieces = TextWidth.wrap(line.value, width: max(10, cols - labelWidth - 2))
                for (i, piece) in pieces.enumerated() {
                    var next = line
                    if i > 0 { next.label = ""; next.stepID = nil }
                    next.value = piece
                    out.append(next)
                }
            }
        }
        return out
    }

    private func drawTabs(on s: Surface, row: Int, width: Int, ctx: DeskContext) {
        let all = DetailTab.allCases
        let named = all.enumerated().map { " \($0.offset + 1) \(ctx.t(.dynamic("tab." + $0.element.rawValue))) " }
        let useNames = TextWidth.of(named.joined()) + 1 <= width - 16
        var col = 1
        for (i, t) in all.enumerated() {
            let text = useNames ? named[i] : " \(i + 1) "
            s.put(text, row: row, col: col, style: t == tab ? .selected : .dim)
            col += TextWidth.of(text)
        }
    }
}
