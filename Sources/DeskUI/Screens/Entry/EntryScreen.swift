import DeskModel
import Foundation

/// The forms of the counselling log, questionnaires, plan steps and the legal track. Like the
/// intake: one field at a time, errors at the field in her language, a draft kept at every change.
final class EntryScreen: Screen {
    var form: EntryForm
    var focus = 0
    var editors: [String: LineEditor] = [:]
    var shownErrors: [String: ValidationError] = [:]
    var picker: PickList?
    var bodyTop = 0
    var finished = false
    /// The values it opened with: leaving an untouched form keeps no draft.
    let initialValues: [String: String]

    init(form: EntryForm, ctx: DeskContext) {
        initialValues = form.values
        if let draft = ctx.entryDraft(form.kind, caseID: form.caseID, itemID: form.itemID) {
            self.form = draft
            if let last = draft.lastField, let i = draft.fields.firstIndex(where: { $0.key == last }) { focus = i }
            ctx.say(.dynamic("entry.resumed." + form.kind.rawValue), .ok)
        } else {
            self.form = form
            // A questionnaire's day is today already: start at the first question.
            if form.kind == .phq9 || form.kind == .gad7 { focus = 1 }
        }
        for f in self.form.fields where !f.kind.isChoice { editors[f.key] = editor(for: f) }
    }

    private func editor(for f: EntryField) -> LineEditor { LineEditor(form[f.key], maxLength: f.kind.editorLength) }

    var fields: [EntryField] { form.fields }
    var field: EntryField { fields[min(focus, fields.count - 1)] }

    var keyContexts: [KeyContext] {
        if picker != nil { return [.picker] }
        return [.form] + (field.kind.isChoice ? [.choice] : [.edit])
    }
    var acceptsText: Bool { picker == nil && !field.kind.isChoice }

    func title(_ ctx: DeskContext) -> String {
        let number = ctx.record(form.caseID)?.number.description ?? ""
        return ctx.t(.dynamic("entry.title." + form.kind.rawValue), number)
    }

    func choiceLabel(_ listKey: String, _ code: String, _ ctx: DeskContext) -> String {
        if code.isEmpty { return ctx.t(.intake_notSet) }
        if listKey == Offence.listKey {
            // Several sections: their act and number ("BNS 85, DP Act 3"), the words are on the list.
            return Offence.parse(Offence.codes(code)).map { CaseDetailScreen.code($0, ctx) }.joined(separator: ", ")
        }
        return listKey == "partner" ? ctx.partnerName(code) : ctx.t(.dynamic("choice.\(listKey).\(code)"))
    }

    func label(_ f: EntryField, _ ctx: DeskContext, language: Language? = nil) -> String {
        let key: StringKey
        if form.kind == .phq9 || form.kind == .gad7, f.key.hasPrefix("item") {
            key = .dynamic("screen.\(form.kind.rawValue).\(f.key.dropFirst(4))")
        } else {
            key = .dynamic("entry." + f.key)
        }
        return ctx.strings.text(key, language ?? ctx.language)
    }

    // MARK: Input

    func handle(_ input: Input, ctx: DeskContext) -> Transition {
        if var p = picker {
            let outcome = p.handle(input)
            picker = outcome == .open ? p : nil
            if case .picked(let value) = outcome { set(field.key, value, ctx: ctx) }
            return .stay
        }
        switch input {
        case .action(.nextField), .action(.down): move(to: focus + 1, ctx: ctx)
        case .action(.prevField), .action(.up): move(to: focus - 1, ctx: ctx)
        case .action(.nextSection): move(to: fields.count - 1, ctx: ctx)
        case .action(.prevSection): move(to: 0, ctx: ctx)
        case .action(.select):
            if case .choice(let key, let options, let empty) = field.kind {
                let opts = (empty ? [""] : []) + options
                let labels = opts.map { $0.isEmpty || key != Offence.listKey ? choiceLabel(key, $0, ctx) : ctx.t(.dynamic("choice.\(key).\($0)")) }
                picker = key == Offence.listKey
                    ? PickList(several: opts, labels: labels, current: form[field.key], hint: ctx.t(.picker_several))
                    : PickList(options: opts, labels: labels, current: form[field.key])
            } else {
                move(to: focus + 1, ctx: ctx)
            }
        case .action(.optionNext): cycle(by: 1, ctx: ctx)
        case .action(.optionPrev): cycle(by: -1, ctx: ctx)
        case .action(.save): return save(ctx)
        case .action(.back):
            if form.values != initialValues {
                keepDraft(ctx)
                ctx.say(.dynamic("entry.draftKept." + form.kind.rawValue), .ok)
            } else {
                ctx.dropEntryDraft(form)
            }
            return .pop
        case .text(let scalar) where field.kind.isChoice:
            // A digit picks the option with that number, as printed in the list.
            if case .choice(let key, let options, let empty) = field.kind, key != Offence.listKey, let n = Int(Digits.toASCII(String(scalar))) {
                let opts = (empty ? [""] : []) + options
                if opts.indices.contains(n - (empty ? 0 : 1)) { set(field.key, opts[n - (empty ? 0 : 1)], ctx: ctx) }
            }
        default:
            guard var editor = editors[field.key], TextFieldView.edit(&editor, input, transliterate: ctx.transliterating && field.kind.isText) else { return .stay }
            editors[field.key] = editor
            form[field.key] = editor.text
            // A questionnaire answer is one digit: take it and go on to the next question.
            let isScore = field.kind == .number(0...3)
            if shownErrors[field.key] != nil || form.hasForeignCharacters(field.key) || isScore {
                shownErrors[field.key] = errorAt(field.key, ctx)
            }
            keepDraft(ctx)
            if isScore, shownErrors[field.key] == nil, !editor.text.isEmpty, focus < fields.count - 1 { focus += 1 }
        }
        return .stay
    }

    private func errorAt(_ key: String, _ ctx: DeskContext) -> ValidationError? {
        guard let record = ctx.record(form.caseID) else { return nil }
        return form.error(for: key, record: record, today: ctx.today)
    }

    private func set(_ key: String, _ value: String, ctx: DeskContext) {
        form[key] = value
        shownErrors[key] = errorAt(key, ctx)
        // Fields that come and go with a choice (the SHG group, a decline reason) get editors.
        for f in fields where !f.kind.isChoice && editors[f.key] == nil { editors[f.key] = editor(for: f) }
        for k in shownErrors.keys where k != key { shownErrors[k] = errorAt(k, ctx) }
        keepDraft(ctx)
    }

    private func cycle(by step: Int, ctx: DeskContext) {
        // Several sections are picked from the list (Enter), never stepped through one at a time.
        guard case .choice(let key, let options, let empty) = field.kind else { return }
        guard key != Offence.listKey else { return ctx.say(.picker_useEnter, .warning) }
        let opts = (empty ? [""] : []) + options
        let i = opts.firstIndex(of: form[field.key]) ?? 0
        set(field.key, opts[(i + step + opts.count) % opts.count], ctx: ctx)
    }

    private func move(to index: Int, ctx: DeskContext) {
        shownErrors[field.key] = errorAt(field.key, ctx)
        focus = (index + fields.count) % fields.count
    }

    private func save(_ ctx: DeskContext) -> Transition {
        guard let user = ctx.user, let record = ctx.record(form.caseID) else { return .pop }
        switch form.apply(to: record, by: user.id, clock: ctx.clock) {
        case .failure(let problems):
            shownErrors = [:]
            for (k, e) in problems.errors { shownErrors[k] = e }
            if let (k, _) = problems.errors.first, let i = fields.firstIndex(where: { $0.key == k }) {
                focus = i
                ctx.say(.intake_fixFirst, .error, problems.errors.count, label(fields[i], ctx))
            }
            keepDraft(ctx)
            return .stay
        case .success(let updated):
            do {
                try ctx.saveChange(updated, what: form.kind.rawValue)
            } catch {
                keepDraft(ctx)
                if !(error is SaveConflict) { ctx.say(.intake_saveFailed, .error) }
                return .stay
            }
            finished = true
            ctx.dropEntryDraft(form)
            if !record.hasOpenAlert, updated.hasOpenAlert {
                ctx.say(.alert_raised, .high)
            } else {
                ctx.say(.dynamic("entry.saved." + form.kind.rawValue), .ok)
            }
            return .pop
        }
    }

    private func keepDraft(_ ctx: DeskContext) {
        guard !finished else { return }
        form.lastField = field.key
        do { try ctx.keepEntryDraft(form) } catch { ctx.say(.intake_draftFailed, .error) }
    }

    func suspend(ctx: DeskContext) {
        if !finished, form.values != initialValues { keepDraft(ctx) }
    }
}
