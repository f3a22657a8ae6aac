import DeskModel

/// How a case is laid out and drawn: the summary, an open alert, the tabs, then the tab's lines
/// scrolled (the chosen plan step kept in view); a pick list or a prompt over them.
extension CaseDetailScreen {
    /// Rows above the tab's lines: the summary, the alert when one is open, the tabs and a rule.
    func bodyTop(_ record: CaseRecord, in area: Rect) -> Int { area.top + (record.openAlert != nil ? 4 : 3) }

    func layout(in area: Rect, ctx: DeskContext) {
        guard let record = ctx.record(caseID) else { return }
        let top = bodyTop(record, in: area)
        let all = Self.wrapped(lines(record, ctx: ctx), cols: area.cols, labelWidth: area.cols >= 100 ? 38 : 32)
        scroll.fit(count: all.count, height: area.bottom - top)
        // The chosen plan step and the line under it stay in view.
        if tab == .plan, let at = all.firstIndex(where: { $0.stepID != nil && $0.style == .selected }) {
            scroll.reveal(at, after: 1)
        }
        if var p = picker {
            p.layout(in: area)
            picker = p
        }
        if var p = prompt {
            p.layout(in: area, ctx: ctx)
            prompt = p
        }
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
        // Room is left at the right for the scroll hint.
        TabBar.draw(DetailTab.allCases.map { ctx.t(.dynamic("tab." + $0.rawValue)) }, current: DetailTab.allCases.firstIndex(of: tab) ?? 0,
                    on: s, row: row, room: area.cols - 16)
        row += 1
        s.rule(row: row)
        row += 1
        let body = Rect(top: row, left: 0, rows: area.bottom - row, cols: area.cols)
        let labelWidth = area.cols >= 100 ? 38 : 32
        let all = Self.wrapped(lines(record, ctx: ctx), cols: area.cols, labelWidth: labelWidth)
        for (i, line) in all.dropFirst(scroll.top).prefix(body.rows).enumerated() {
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
            let more = ctx.t(.detail_scrollHint, min(all.count, scroll.top + body.rows), all.count)
            s.text(more, row: body.top - 2, col: area.cols - TextWidth.of(more) - 1, style: .dim)
        }
        picker?.draw(on: s, row: body.top, col: labelWidth + 1, area: area)
        prompt?.draw(on: s, in: area, ctx: ctx)
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
}
