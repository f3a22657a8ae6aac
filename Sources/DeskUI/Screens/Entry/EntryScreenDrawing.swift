import DeskModel

/// How an entry form is drawn: a heading (with the live score for a questionnaire), then the
/// fields with their errors. A questionnaire shows each question in both languages.
extension EntryScreen {
    var isQuestionnaire: Bool { form.kind == .phq9 || form.kind == .gad7 }

    func draw(on s: Surface, in area: Rect, ctx: DeskContext) {
        var row = area.top
        drawHeading(on: s, row: &row, area: area, ctx: ctx)
        s.rule(row: row)
        row += 1

        enum Line { case field(EntryField), other(EntryField), error(ValidationError), note(String, Style) }
        var lines: [Line] = []
        for f in fields {
            lines.append(.field(f))
            if isQuestionnaire, f.key.hasPrefix("item") { lines.append(.other(f)) }
            if let e = shownErrors[f.key] { lines.append(.error(e)) }
        }
        // PHQ-9 item 9 above 0: the self-harm warning stands on a line of its own above the key
        // bar, whatever the scroll position (it decides her safety: it must never scroll away).
        let selfHarm = form.kind == .phq9 && form.screeningProgress?.itemNineRaised == true
        let height = area.bottom - row - (selfHarm ? 1 : 0)
        let focusLine = lines.firstIndex { if case .field(let f) = $0 { return f.key == field.key } else { return false } } ?? 0
        if focusLine < bodyTop { bodyTop = focusLine }
        let after = isQuestionnaire ? 3 : 2
        if focusLine + after > bodyTop + height { bodyTop = min(focusLine + after, lines.count) - height }
        bodyTop = max(0, min(bodyTop, max(0, lines.count - height)))

        let valueWidth = isQuestionnaire ? 4 : min(44, area.cols - 36)
        let valueCol = area.cols - valueWidth - 2
        let labelWidth = isQuestionnaire ? valueCol - 3 : min(32, valueCol - 3)
        let fieldCol = isQuestionnaire ? valueCol : labelWidth + 3
        let fieldWidth = isQuestionnaire ? valueWidth : min(44, area.cols - fieldCol - 2)
        var cursorSet = false
        var pickerRow = row
        for line in lines.dropFirst(bodyTop).prefix(height) {
            switch line {
            case .field(let f):
                let focused = f.key == field.key
                // In a questionnaire the day needs more room than a score.
                let (fieldCol, fieldWidth) = isQuestionnaire && f.kind.isDate ? (area.cols - 14, 12) : (fieldCol, fieldWidth)
                let mark = f.required && !isQuestionnaire ? "*" : " "
                let number = isQuestionnaire && f.key.hasPrefix("item") ? "\(f.key.dropFirst(4)). " : ""
                s.text(mark + " " + number + label(f, ctx), row: row, col: 1, width: labelWidth + 1,
                       style: focused ? .selected : shownErrors[f.key] != nil ? .error : .label)
                if case .choice(let key, _, _) = f.kind {
                    let text = choiceLabel(key, form[f.key], ctx)
                    s.text(focused ? "‹ " + text + " ›" : "  " + text, row: row, col: fieldCol, width: fieldWidth,
                           style: focused ? .fieldFocus : .field)
                    if focused { pickerRow = row }
                } else if var editor = editors[f.key] {
                    TextFieldView.draw(&editor, on: s, row: row, col: fieldCol, width: fieldWidth, focused: focused,
                                       placeholder: f.kind.isDate ? ctx.t(.intake_datePlaceholder) : "")
                    editors[f.key] = editor
                    cursorSet = cursorSet || focused
                }
            case .other(let f):
                s.text("     " + label(f, ctx, language: ctx.language.other), row: row, col: 1, width: labelWidth + 1,
                       style: .dim)
            case .error(let e):
                let text = "⚠ " + ctx.t(.dynamic("error." + e.rawValue))
                let col = max(3, min(fieldCol, area.cols - TextWidth.of(text) - 1))
                s.text(text, row: row, col: col, width: area.cols - col - 1, style: .error)
            case .note(let text, let style):
                s.text(text, row: row, col: 3, width: area.cols - 4, style: style)
            }
            row += 1
        }
        if selfHarm {
            s.text(" " + ctx.t(.alert_willRaise), row: area.bottom - 1, col: 0, width: area.cols, style: .high)
        }
        if !cursorSet { s.hideCursor() }
        if var p = picker {
            s.hideCursor()
            p.draw(on: s, row: pickerRow + 1, col: fieldCol, area: area)
            picker = p
        }
    }

    private func drawHeading(on s: Surface, row: inout Int, area: Rect, ctx: DeskContext) {
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
        }
        s.text(" " + sub, row: row, col: 0, width: area.cols - 1, style: .dim)
        row += 1
    }
}
