import DeskModel

/// The one form screen: the intake and every entry form, one field at a time. Every change is
/// kept as a draft at once (leaving, a crash or a resize loses nothing); errors are shown at the
/// field in her language. What differs between forms is the spec's (FormSpec).
final class FormScreen<Spec: FormSpec>: Screen {
    typealias Field = Spec.Field
    let spec: Spec
    var focus = 0
    var editors: [Field: LineEditor] = [:]
    var shownErrors: [Field: ValidationError] = [:]
    var picker: PickList?
    /// The body's lines shown below the heading.
    var body = Viewport()
    /// Set once saved: nothing is left to keep as a draft.
    var finished = false

    init(spec: Spec, focus: Int = 0) {
        self.spec = spec
        self.focus = focus
        makeEditors()
    }

    var form: Spec.Form {
        get { spec.form }
        set { spec.form = newValue }
    }

    var fields: [Field] { form.shownFields }
    var field: Field { fields[max(0, min(focus, fields.count - 1))] }
    var isChoice: Bool { form.kind(of: field).isChoice }

    /// Fields that come and go with a choice (the SHG group, a decline reason) get editors as they come.
    private func makeEditors() {
        for f in fields where !form.kind(of: f).isChoice && editors[f] == nil {
            editors[f] = LineEditor(form[f], maxLength: form.kind(of: f).editorLength)
        }
    }

    var keyContexts: [KeyContext] { spec.contexts + (isChoice ? [.choice] : [.edit]) }

    var handledActions: Set<Action> {
        Set<Action>([.nextField, .prevField, .nextSection, .prevSection, .select, .save, .back])
            .union(isChoice ? [.optionNext, .optionPrev] : Action.editing)
    }

    var acceptsText: Bool { !isChoice }
    var overlay: Overlay? { spec.overlay ?? picker }

    func title(_ ctx: DeskContext) -> String { spec.title(ctx) }

    // MARK: Input

    func handle(_ input: Input, ctx: DeskContext) -> Transition {
        if let done = spec.handleOverlay(input, screen: self, ctx: ctx) { return done }
        if var p = picker {
            let outcome = p.handle(input)
            picker = outcome == .open ? p : nil
            if case .picked(let value) = outcome { set(field, value, ctx: ctx) }
            return .stay
        }
        switch input {
        case .action(.nextField), .action(.down): move(to: focus + 1, ctx: ctx)
        case .action(.prevField), .action(.up): move(to: focus - 1, ctx: ctx)
        case .action(.nextSection): move(to: spec.sectionJump(from: focus, by: 1), ctx: ctx)
        case .action(.prevSection): move(to: spec.sectionJump(from: focus, by: -1), ctx: ctx)
        case .action(.select):
            if isChoice { picker = spec.pickList(for: field, ctx: ctx) } else { move(to: focus + 1, ctx: ctx) }
        case .action(.optionNext): cycle(by: 1, ctx: ctx)
        case .action(.optionPrev): cycle(by: -1, ctx: ctx)
        case .action(.save): return spec.save(self, ctx: ctx)
        case .action(.back): return spec.leave(self, ctx: ctx)
        case .text(let scalar) where isChoice:
            if let value = spec.shortcut(scalar, for: field) { set(field, value, ctx: ctx) }
        default:
            let kind = form.kind(of: field)
            guard var editor = editors[field], TextFieldView.edit(&editor, input, transliterate: ctx.transliterating && kind.isText)
            else { return .stay }
            editors[field] = editor
            form[field] = editor.text
            // A questionnaire's answer is one digit: checked at once, and on to the next question.
            let oneKey = kind == .number(0...3)
            // A wrong kind of character is pointed out at once; other errors when she leaves the field.
            if shownErrors[field] != nil || form.hasForeignCharacters(field) || oneKey {
                shownErrors[field] = spec.error(for: field, ctx: ctx)
            }
            keepDraft(ctx)
            if oneKey, shownErrors[field] == nil, !editor.text.isEmpty, focus < fields.count - 1 { focus += 1 }
        }
        return .stay
    }

    /// Sets a field (from the pick list, ← →, or a shortcut) and checks it and what hangs on it.
    func set(_ f: Field, _ value: String, ctx: DeskContext) {
        form[f] = value
        shownErrors[f] = spec.error(for: f, ctx: ctx)
        makeEditors()
        for other in spec.alsoCheck(after: f, moving: false, shown: Array(shownErrors.keys)) where other != f {
            shownErrors[other] = spec.error(for: other, ctx: ctx)
        }
        keepDraft(ctx)
    }

    private func cycle(by step: Int, ctx: DeskContext) {
        guard let (_, codes) = spec.options(field), !codes.isEmpty, spec.cycles(field, ctx: ctx) else { return }
        let i = codes.firstIndex(of: form[field]) ?? 0
        set(field, codes[(i + step + codes.count) % codes.count], ctx: ctx)
    }

    func move(to index: Int, ctx: DeskContext) {
        shownErrors[field] = spec.error(for: field, ctx: ctx)
        for other in spec.alsoCheck(after: field, moving: true, shown: Array(shownErrors.keys)) {
            shownErrors[other] = spec.error(for: other, ctx: ctx)
        }
        focus = (index + fields.count) % fields.count
    }

    /// After a refused save: every error shown, the focus on the first.
    func show(_ errors: [(Field, ValidationError)], ctx: DeskContext, replacing: Bool) {
        if replacing { shownErrors = [:] }
        for (f, e) in errors { shownErrors[f] = e }
        if let (f, _) = errors.first, let i = fields.firstIndex(of: f) {
            focus = i
            ctx.say(.intake_fixFirst, .error, errors.count, spec.labelWord(f, ctx))
        }
    }

    func keepDraft(_ ctx: DeskContext) {
        guard spec.keepsDrafts(self) else { return }
        form.lastField = field
        do {
            try spec.storeDraft(form, ctx: ctx)
        } catch {
            ctx.say(.intake_draftFailed, .error)
        }
    }

    /// Leaving keeps the draft, unless nothing was ever typed into it.
    func suspend(ctx: DeskContext) {
        if spec.worthKeeping(self, ctx: ctx) { keepDraft(ctx) }
    }
}
