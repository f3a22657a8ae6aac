import DeskModel

/// How the intake is drawn on the form screen: heading with live risk, section tabs, the section's
/// fields among its notes; the possible duplicates in a box over it.
extension IntakeSpec {
    var minorAge: Int? { Int(Digits.toASCII(form[.age])).flatMap { $0 < 18 ? $0 : nil } }

    func drawHeading(on s: Surface, in area: Rect, screen: FormScreen<IntakeSpec>, ctx: DeskContext) {
        let sections = IntakeSection.allCases
        let section = screen.field.section
        let sectionIndex = (sections.firstIndex(of: section) ?? 0) + 1
        let row = area.top
        // Heading with the live risk and minor flags.
        let risk = form.risk.level
        var badges = ctx.t(.intake_riskBadge, ctx.t(.dynamic("choice.risk." + risk.rawValue)))
        if minorAge != nil { badges = ctx.t(.intake_minorBadge) + "  " + badges }
        let badgeWidth = TextWidth.of(badges) + 1
        s.text(" " + ctx.t(.intake_sectionOf, sectionIndex, sections.count, ctx.t(.dynamic("section." + section.rawValue))),
               row: row, col: 0, width: area.cols - badgeWidth, style: .label)
        s.text(badges, row: row, col: area.cols - badgeWidth, width: badgeWidth - 1,
               style: risk == .high ? .high : risk == .medium ? .warning : .ok, alignRight: true)
        TabBar.draw(sections.map { ctx.t(.dynamic("section." + $0.rawValue)) }, current: sectionIndex - 1, on: s, row: row + 1, room: area.cols,
                    flagged: { i in screen.shownErrors.keys.contains { $0.section == sections[i] } })
        s.rule(row: row + 2)
    }

    func columns(cols: Int, for field: IntakeField?) -> FormColumns {
        let labelWidth = cols >= 100 ? 36 : 30
        return FormColumns(labelWidth: labelWidth, fieldCol: labelWidth + 3, fieldWidth: min(44, cols - labelWidth - 5))
    }

    /// The lines of the section she is in: its fields, their errors and warnings, and its notes.
    func lines(_ screen: FormScreen<IntakeSpec>, ctx: DeskContext) -> [FormLine<IntakeField>] {
        let section = screen.field.section
        let risk = form.risk.level
        var lines: [FormLine<IntakeField>] = []
        if section == .consent {
            // Informed consent: what the desk will do with what she says, before anything is written down.
            lines.append(.note(ctx.t(.intake_dataUse), .label))
        }
        for f in IntakeField.fields(in: section) {
            lines.append(.field(f))
            if let e = screen.shownErrors[f] { lines.append(.error(f, e)) }
            if let w = form.warning(for: f) { lines.append(.note("⚠ " + ctx.t(.dynamic("warn." + w.rawValue)), .warning)) }
        }
        if section == .risk {
            let key = form.risk.safetyPlanNeeded ? StringKey.intake_safetyPlanNeeded : .intake_safetyPlanNotNeeded
            lines.append(.note(ctx.t(.intake_riskLevel, ctx.t(.dynamic("choice.risk." + risk.rawValue))) + " · " + ctx.t(key),
                               risk == .high ? .high : .label))
        }
        if section == .identity || section == .incident, let age = minorAge {
            if let id = editing, let done = ctx.record(id)?.prosecution.cwcReportDay {
                // Editing a child's case whose CWC report is recorded: the 24 hours are behind her.
                lines.append(.note(ctx.t(.child_bannerDone, done.description), .ok))
            } else {
                let duty = ChildDuty.applying(age: age, category: IncidentCategory(rawValue: form[.category]) ?? .other, offences: [],
                                              relation: Relation(rawValue: form[.relation]),
                                              needsCare: Answer(rawValue: form[.childNeedsCare]) ?? .unknown)
                lines.append(.note(duty.map { ctx.t(.dynamic("child.banner." + $0.rawValue)) } ?? ctx.t(.intake_minorNote), .warning))
            }
        }
        if section == .legal { lines.append(.note(ctx.t(.intake_sectionsNote), .dim)) }
        if section == .identity, !ctx.transliterating {
            lines.append(.note(ctx.t(.translit_hint), .dim))
        }
        if section == .consent {
            lines.append(.note(ctx.t(.intake_consentNote), .dim))
        }
        return lines
    }

    /// A box over the form: the earlier cases that may be her, masked, with what matched.
    func drawOverlay(on s: Surface, in area: Rect, ctx: DeskContext) {
        guard let box = duplicates else { return }
        let found = box.found
        let width = area.cols - 4
        let top = area.top + 3
        let rows = [ctx.t(.dup_title, found.count), ctx.t(.dup_hint)] + found.map { _ in "" } + [""]
        for i in rows.indices { s.fill(row: top + i, col: 2, width: width, style: .selected) }
        s.text(" " + rows[0], row: top, col: 2, width: width, style: .selected)
        s.text(" " + rows[1], row: top + 1, col: 2, width: width, style: .selected)
        for (i, m) in found.enumerated() {
            let r = m.record
            let chosen = i == box.list.selected
            let why = m.reasons.map { ctx.t(.dynamic("dup.reason." + $0.rawValue)) }.joined(separator: ", ")
            let line = (chosen ? "▶ " : "  ") + r.number.description + "  " + Mask.name(r.name) + "  "
                + (r.age.map(String.init) ?? "?") + "  " + Day(r.reportedAt).description + "  "
                + ctx.t(.dup_matched, why)
            s.text(" " + line, row: top + 2 + i, col: 2, width: width, style: chosen ? .fieldFocus : .field)
        }
        s.hideCursor()
    }
}
