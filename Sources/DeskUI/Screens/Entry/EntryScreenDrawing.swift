import DeskModel

/// How an entry form is drawn on the form screen: a heading (with the live score for a
/// questionnaire), then the fields with their errors. A questionnaire shows each question in both
/// languages, its score in a narrow column at the right.
extension EntrySpec {
    /// A questionnaire's question and the line under it (the other language) stay in view.
    var linesAfterFocus: Int { isQuestionnaire ? 2 : 1 }

    func columns(cols: Int, for key: String?) -> FormColumns {
        if isQuestionnaire {
            // The day needs more room than a score.
            if let key, form.kind(of: key).isDate { return FormColumns(labelWidth: cols - 9, fieldCol: cols - 14, fieldWidth: 12) }
            return FormColumns(labelWidth: cols - 9, fieldCol: cols - 6, fieldWidth: 4)
        }
        let valueWidth = min(44, cols - 36)
        let labelWidth = min(32, cols - valueWidth - 5)
        return FormColumns(labelWidth: labelWidth, fieldCol: labelWidth + 3, fieldWidth: min(44, cols - labelWidth - 5))
    }

    func lines(_ screen: FormScreen<EntrySpec>, ctx: DeskContext) -> [FormLine<String>] {
        var lines: [FormLine<String>] = []
        for f in form.fields {
            lines.append(.field(f.key))
            if isQuestionnaire, f.key.hasPrefix("item") { lines.append(.aside("     " + label(f.key, ctx, language: ctx.language.other))) }
            if let e = screen.shownErrors[f.key] { lines.append(.error(f.key, e)) }
        }
        return lines
    }

    /// PHQ-9 item 9 above 0: the self-harm warning stands on a line of its own above the key bar,
    /// whatever the scroll position (it decides her safety: it must never scroll away).
    func footer(_ ctx: DeskContext) -> (String, Style)? {
        form.kind == .phq9 && form.screeningProgress?.itemNineRaised == true ? (ctx.t(.alert_willRaise), .high) : nil
    }

    func drawHeading(on s: Surface, in area: Rect, screen: FormScreen<EntrySpec>, ctx: DeskContext) {
        var row = area.top
        let record = ctx.record(form.caseID)
        let heading: String
        switch form.kind {
        case .session:
            heading = ctx.t(.entry_heading_session, (record?.sessions.map(\.number).max() ?? 0) + 1)
        case .step:
            heading = ctx.t(form.itemID == nil ? .entry_heading_newStep : .entry_heading_step)
        default:
            heading = ctx.t(.dynamic("entry.heading." + form.kind.rawValue))
        }
        var right = ""
        var rightStyle = Style.label
        if let p = form.screeningProgress {
            let max = form.kind == .gad7 ? Instrument.gad7.maxTotal : Instrument.phq9.maxTotal
            let count = form.kind == .gad7 ? Instrument.gad7.itemCount : Instrument.phq9.itemCount
            right = ctx.t(.screen_total, p.total, max)
            if let band = p.severity {
                right += " · " + ctx.t(.dynamic("severity." + band.rawValue))
                rightStyle = band >= .moderate ? .warning : .ok
            } else {
                right += " · " + ctx.t(.screen_answered, p.answered, count)
            }
            if p.itemNineRaised { rightStyle = .high }
        }
        let rightWidth = TextWidth.of(right) + 1
        s.text(" " + heading, row: row, col: 0, width: area.cols - rightWidth - 1, style: .label)
        if !right.isEmpty {
            s.text(right, row: row, col: area.cols - rightWidth, width: rightWidth - 1, style: rightStyle, alignRight: true)
        }
        row += 1
        let sub: String
        switch form.kind {
        case .phq9, .gad7: sub = ctx.t(.screen_scale)
        case .session: sub = ctx.t(.entry_confidential)
        case .step: sub = ctx.t(.entry_stepHint)
        case .prosecution: sub = ctx.t(.entry_legalHint)
        case .contact, .safetyPlan, .safetyReview, .dv, .compensation, .closure, .trafficking, .transfer, .child: sub = ctx.t(.dynamic("entry.hint." + form.kind.rawValue))
        case .event: sub = ctx.t(.entry_eventHint)
        }
        s.text(" " + sub, row: row, col: 0, width: area.cols - 1, style: .dim)
        s.rule(row: row + 1)
    }
}
