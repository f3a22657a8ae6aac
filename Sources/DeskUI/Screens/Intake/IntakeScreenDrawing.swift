import DeskModel

/// How the intake form is drawn: heading with live risk, section tabs, fields with their errors.
extension IntakeScreen {
    func label(_ listKey: String, _ code: String, _ ctx: DeskContext) -> String {
        code.isEmpty ? ctx.t(.intake_notSet) : ctx.t(.dynamic("choice.\(listKey).\(code)"))
    }

    func draw(on s: Surface, in area: Rect, ctx: DeskContext) {
        let sections = IntakeSection.allCases
        let section = field.section
        let sectionIndex = (sections.firstIndex(of: section) ?? 0) + 1
        var row = area.top
        // Heading with the live risk and minor flags.
        let risk = form.risk.level
        var badges = ctx.t(.intake_riskBadge, ctx.t(.dynamic("choice.risk." + risk.rawValue)))
        if let age = Int(Digits.toASCII(form[.age])), age < 18 { badges = ctx.t(.intake_minorBadge) + "  " + badges }
        let badgeWidth = TextWidth.of(badges) + 1
        s.text(" " + ctx.t(.intake_sectionOf, sectionIndex, sections.count, ctx.t(.dynamic("section." + section.rawValue))),
               row: row, col: 0, width: area.cols - badgeWidth, style: .label)
        s.text(badges, row: row, col: area.cols - badgeWidth, width: badgeWidth - 1,
               style: risk == .high ? .high : risk == .medium ? .warning : .ok, alignRight: true)
        row += 1
        drawTabs(on: s, row: row, width: area.cols, current: section, ctx: ctx)
        row += 1
        s.rule(row: row)
        row += 1

        let labelWidth = area.cols >= 100 ? 36 : 30
        let valueCol = labelWidth + 3
        let valueWidth = min(44, area.cols - valueCol - 2)
        // Lines of this section: a field, its error, or a note.
        enum Line { case field(IntakeField), error(IntakeField, ValidationError), note(String, Style) }
        var lines: [Line] = []
        if section == .consent {
            // Informed consent: what the desk will do with what she says, before anything is written down.
            lines.append(.note(ctx.t(.intake_dataUse), .label))
        }
        for f in IntakeField.fields(in: section) {
            lines.append(.field(f))
            if let e = shownErrors[f] { lines.append(.error(f, e)) }
            if let w = form.warning(for: f) { lines.append(.note("⚠ " + ctx.t(.dynamic("warn." + w.rawValue)), .warning)) }
        }
        if section == .risk {
            let key: StringKey = form.risk.safetyPlanNeeded ? .intake_safetyPlanNeeded : .intake_safetyPlanNotNeeded
            lines.append(.note(ctx.t(.intake_riskLevel, ctx.t(.dynamic("choice.risk." + risk.rawValue))) + " · " + ctx.t(key),
                               risk == .high ? .high : .label))
        }
        if section == .identity || section == .incident, let age = Int(Digits.toASCII(form[.age])), age < 18,
           let id = editing, let done = ctx.record(id)?.prosecution.cwcReportDay {
            // Editing a child's case whose CWC report is recorded: the 24 hours are behind her.
            lines.append(.note(ctx.t(.child_bannerDone, done.description), .ok))
        } else if section == .identity || section == .incident, let age = Int(Digits.toASCII(form[.age])), age < 18 {
            let duty = ChildDuty.applying(age: age, category: IncidentCategory(rawValue: form[.category]) ?? .other, offences: [],
                                          relation: Relation(rawValue: form[.relation]), needsCare: Answer(rawValue: form[.childNeedsCare]) ?? .unknown)
            lines.append(.note(duty.map { ctx.t(.dynamic("child.banner." + $0.rawValue)) } ?? ctx.t(.intake_minorNote), .warning))
        }
        if section == .legal { lines.append(.note(ctx.t(.intake_sectionsNote), .dim)) }
        if section == .identity, !ctx.transliterating {
            lines.append(.note(ctx.t(.translit_hint), .dim))
        }
        if section == .consent {
            lines.append(.note(ctx.t(.intake_consentNote), .dim))
        }
        let height = area.bottom - row
        let focusLine = lines.firstIndex { if case .field(let f) = $0 { return f == field } else { return false } } ?? 0
        if focusLine < bodyTop { bodyTop = focusLine }
        if focusLine + 1 >= bodyTop + height { bodyTop = min(focusLine + 2, lines.count) - height }
        bodyTop = max(0, min(bodyTop, max(0, lines.count - height)))

        var cursorSet = false
        for line in lines.dropFirst(bodyTop).prefix(height) {
            switch line {
            case .field(let f):
                let focused = f == field
                let mark = f.isRequired ? "*" : " "
                s.text(mark + " " + ctx.t(.dynamic("field." + f.rawValue)), row: row, col: 1, width: labelWidth + 1,
                       style: focused ? .selected : shownErrors[f] != nil ? .error : .label)
                if case .choice(let key, _, _) = f.kind {
                    let text = label(key, form[f], ctx)
                    s.text(focused ? "‹ " + text + " ›" : "  " + text, row: row, col: valueCol, width: valueWidth,
                           style: focused ? .fieldFocus : .field)
                } else if var editor = editors[f] {
                    TextFieldView.draw(&editor, on: s, row: row, col: valueCol, width: valueWidth, focused: focused,
                                       placeholder: f.kind == .date ? ctx.t(.intake_datePlaceholder) : "")
                    editors[f] = editor
                    cursorSet = cursorSet || focused
                }
            case .error(_, let e):
                let text = "⚠ " + ctx.t(.dynamic("error." + e.rawValue))
                let col = max(3, min(valueCol, area.cols - TextWidth.of(text) - 1))
                s.text(text, row: row, col: col, width: area.cols - col - 1, style: .error)
            case .note(let text, let style):
                s.text(text, row: row, col: 3, width: area.cols - 4, style: style)
            }
            row += 1
        }
        if !cursorSet { s.hideCursor() }
        if let found = duplicates { drawDuplicates(found, on: s, area: area, ctx: ctx) }
        if var p = picker {
            let at = lines.dropFirst(bodyTop).firstIndex { if case .field(let f) = $0 { return f == field } else { return false } } ?? bodyTop
            s.hideCursor()
            p.draw(on: s, row: area.top + 3 + (at - bodyTop) + 1, col: valueCol, area: area)
            picker = p
        }
    }

    /// A box over the form: the earlier cases that may be her, masked, with what matched.
    private func drawDuplicates(_ found: [DuplicateFinder.Match<CaseListing>], on s: Surface, area: Rect, ctx: DeskContext) {
        let width = area.cols - 4
        let top = area.top + 3
        let rows = [ctx.t(.dup_title, found.count), ctx.t(.dup_hint)] + found.map { _ in "" } + [""]
        for i in rows.indices { s.fill(row: top + i, col: 2, width: width, style: .selected) }
        s.text(" " + rows[0], row: top, col: 2, width: width, style: .selected)
        s.text(" " + rows[1], row: top + 1, col: 2, width: width, style: .selected)
        for (i, m) in found.enumerated() {
            let r = m.record
            let chosen = i == duplicateList.selected
            let why = m.reasons.map { ctx.t(.dynamic("dup.reason." + $0.rawValue)) }.joined(separator: ", ")
            let line = (chosen ? "▶ " : "  ") + r.number.description + "  " + Mask.name(r.name) + "  "
                + (r.age.map(String.init) ?? "?") + "  " + Day(r.reportedAt).description + "  "
                + ctx.t(.dup_matched, why)
            s.text(" " + line, row: top + 2 + i, col: 2, width: width, style: chosen ? .fieldFocus : .field)
        }
        s.hideCursor()
    }

    private func drawTabs(on s: Surface, row: Int, width: Int, current: IntakeSection, ctx: DeskContext) {
        let sections = IntakeSection.allCases
        let named = sections.enumerated().map { " \($0.offset + 1) \(ctx.t(.dynamic("section." + $0.element.rawValue))) " }
        let useNames = TextWidth.of(named.joined()) + 1 <= width
        var col = 1
        for (i, section) in sections.enumerated() {
            let text = useNames ? named[i] : " \(i + 1) "
            let hasError = shownErrors.keys.contains { $0.section == section }
            s.put(text, row: row, col: col, style: section == current ? .selected : hasError ? .error : .dim)
            col += TextWidth.of(text)
        }
    }
}
