import DeskModel

/// How every form is laid out and drawn: the spec's heading, then the body's lines scrolled so the
/// field she is at shows, each field with its label, its value and its error; the pick list over it.
extension FormScreen {
    /// Where the body starts and how many rows it has.
    private func bodyRect(in area: Rect, ctx: DeskContext) -> Rect {
        let top = area.top + spec.headingRows
        return Rect(top: top, left: area.left, rows: area.bottom - top - (spec.footer(ctx) != nil ? 1 : 0), cols: area.cols)
    }

    private func focusLine(_ lines: [FormLine<Field>]) -> Int? {
        lines.firstIndex { if case .field(let f) = $0 { return f == field } else { return false } }
    }

    func layout(in area: Rect, ctx: DeskContext) {
        let lines = spec.lines(self, ctx: ctx)
        let rect = bodyRect(in: area, ctx: ctx)
        body.fit(count: lines.count, height: rect.rows)
        body.reveal(focusLine(lines) ?? 0, after: spec.linesAfterFocus)
        // Each text field scrolled sideways so that its cursor shows.
        for f in fields {
            let place = spec.columns(cols: area.cols, for: f)
            _ = editors[f]?.layout(width: place.fieldWidth)
        }
        if var p = picker {
            p.layout(in: area)
            picker = p
        }
    }

    func draw(on s: Surface, in area: Rect, ctx: DeskContext) {
        spec.drawHeading(on: s, in: area, screen: self, ctx: ctx)
        var row = bodyRect(in: area, ctx: ctx).top
        let lines = spec.lines(self, ctx: ctx)
        let general = spec.columns(cols: area.cols, for: nil)
        var cursorSet = false
        var pickerRow = row
        for line in lines[body.visible] {
            switch line {
            case .field(let f):
                let focused = f == field
                let place = spec.columns(cols: area.cols, for: f)
                s.text(spec.fieldLabel(f, ctx), row: row, col: 1, width: place.labelWidth + 1,
                       style: focused ? .selected : shownErrors[f] != nil ? .error : .label)
                if case .choice(let key, _, _) = form.kind(of: f) {
                    let text = spec.choiceLabel(key, form[f], ctx)
                    s.text(focused ? "‹ " + text + " ›" : "  " + text, row: row, col: place.fieldCol, width: place.fieldWidth,
                           style: focused ? .fieldFocus : .field)
                    if focused { pickerRow = row }
                } else if let editor = editors[f] {
                    TextFieldView.draw(editor, on: s, row: row, col: place.fieldCol, width: place.fieldWidth, focused: focused,
                                       placeholder: form.kind(of: f).isDate ? ctx.t(.intake_datePlaceholder) : "")
                    cursorSet = cursorSet || focused
                }
            case .aside(let text):
                s.text(text, row: row, col: 1, width: general.labelWidth + 1, style: .dim)
            case .error(_, let e):
                let text = "⚠ " + ctx.t(.dynamic("error." + e.rawValue))
                let col = max(3, min(general.fieldCol, area.cols - TextWidth.of(text) - 1))
                s.text(text, row: row, col: col, width: area.cols - col - 1, style: .error)
            case .note(let text, let style):
                s.text(text, row: row, col: 3, width: area.cols - 4, style: style)
            }
            row += 1
        }
        if let (text, style) = spec.footer(ctx) {
            s.text(" " + text, row: area.bottom - 1, col: 0, width: area.cols, style: style)
        }
        if !cursorSet { s.hideCursor() }
        spec.drawOverlay(on: s, in: area, ctx: ctx)
        if let p = picker {
            s.hideCursor()
            p.draw(on: s, row: pickerRow + 1, col: general.fieldCol, area: area)
        }
    }
}
