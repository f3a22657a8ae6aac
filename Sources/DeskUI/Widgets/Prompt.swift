import Foundation

/// A small box of one or more text fields over a screen: a reason, a directive, a reply.
struct Prompt: Overlay {
    enum Purpose: Equatable {
        case revealReason
        case directive
        case reply(UUID)
        case remark
        case closeAlert
        case reportDays
    }

    let purpose: Purpose
    let titleKey: StringKey
    let hintKey: StringKey
    /// Each field's label (none for a single field).
    var labels: [StringKey?]
    var fields: [LineEditor]
    var focus = 0
    /// Shown whole (wrapped) under the title: what is being answered (a directive).
    var note = ""
    /// Why Enter was refused (a note too short, a day that does not exist): shown in the box, at the field.
    var error = ""

    init(_ purpose: Purpose, titleKey: StringKey, hintKey: StringKey, fields: [(label: StringKey?, text: String, max: Int)]) {
        self.purpose = purpose
        self.titleKey = titleKey
        self.hintKey = hintKey
        labels = fields.map(\.label)
        self.fields = fields.map { LineEditor($0.text, maxLength: $0.max) }
    }

    var values: [String] { fields.map { $0.text.trimmingCharacters(in: .whitespaces) } }

    enum Outcome { case open, submitted, cancelled }

    /// What a prompt acts on, in its contexts (`prompt`, `edit`).
    var handledActions: Set<Action> { Action.editing.union([.select, .back, .nextField]) }
    var keyContexts: [KeyContext] { [.prompt, .edit] }
    var acceptsText: Bool { true }

    mutating func handle(_ input: Input, transliterate: Bool = false) -> Outcome {
        switch input {
        case .action(.select): return .submitted
        case .action(.back): return .cancelled
        case .action(.nextField), .action(.down): focus = (focus + 1) % fields.count
        case .action(.prevField), .action(.up): focus = (focus + fields.count - 1) % fields.count
        default:
            if TextFieldView.edit(&fields[focus], input, transliterate: transliterate && labels[focus] != .directive_due) { error = "" }
        }
        return .open
    }

    private func labelWidth(_ ctx: DeskContext) -> Int {
        labels.allSatisfy { $0 == nil } ? 0 : min(22, labels.map { $0.map { TextWidth.of(ctx.t($0)) } ?? 0 }.max() ?? 0) + 1
    }

    private func fieldWidth(in area: Rect, ctx: DeskContext) -> Int { area.cols - 2 - labelWidth(ctx) - 4 }

    /// Scrolls each field sideways so that its cursor shows (before drawing).
    mutating func layout(in area: Rect, ctx: DeskContext) {
        let width = fieldWidth(in: area, ctx: ctx)
        for i in fields.indices { _ = fields[i].layout(width: width) }
    }

    /// Drawn across the top of `area`, one row per field between the title and the hint.
    func draw(on s: Surface, in area: Rect, ctx: DeskContext) {
        var row = area.top + 1
        let width = area.cols - 2
        s.fill(row: row, col: 1, width: width, style: .selected)
        s.text(" " + ctx.t(titleKey), row: row, col: 1, width: width, style: .selected)
        row += 1
        if !note.isEmpty {
            for line in TextWidth.wrap(note, width: width - 4) {
                s.fill(row: row, col: 1, width: width, style: .selected)
                s.text("   " + line, row: row, col: 1, width: width, style: .selected)
                row += 1
            }
        }
        let labelWidth = labelWidth(ctx)
        for i in fields.indices {
            s.fill(row: row, col: 1, width: width, style: .selected)
            if labelWidth > 0 { s.text(" " + (labels[i].map { ctx.t($0) } ?? ""), row: row, col: 1, width: labelWidth + 1, style: .selected) }
            TextFieldView.draw(fields[i], on: s, row: row, col: 3 + labelWidth, width: fieldWidth(in: area, ctx: ctx),
                               focused: i == focus)
            row += 1
        }
        for line in error.isEmpty ? [] : TextWidth.wrap("⚠ " + error, width: width - 4) {
            s.fill(row: row, col: 1, width: width, style: .error)
            s.text("   " + line, row: row, col: 1, width: width, style: .error)
            row += 1
        }
        s.fill(row: row, col: 1, width: width, style: .selected)
        s.text(" " + ctx.t(hintKey), row: row, col: 1, width: width, style: .selected)
    }
}
