import DeskModel
import Foundation

/// The intake form: seven sections, one field at a time. Every change is kept as a draft at once,
/// so leaving, a crash or a resize loses nothing; errors are shown at the field in her language.
final class IntakeScreen: Screen {
    let stationID: String
    /// The case being corrected, or nil for a new intake. Edits are not kept as drafts.
    let editing: UUID?
    var form: IntakeForm
    let fields = IntakeField.allCases
    var focus = 0
    var editors: [IntakeField: LineEditor] = [:]
    var shownErrors: [IntakeField: ValidationError] = [:]
    var picker: PickList?
    var bodyTop = 0
    /// Set once the case is saved: nothing is left to keep as a draft.
    var finished = false
    /// Earlier cases that may be the same woman, shown before a new intake is saved.
    var duplicates: [DuplicateFinder.Match<CaseListing>]?
    var duplicateList = ScrollList()
    /// The answers she chose to save as a new case despite the matches shown for them.
    var acknowledged: [String: String]?

    init(ctx: DeskContext, stationID: String) {
        self.stationID = stationID
        editing = nil
        if let draft = ctx.draft {
            form = draft
            if let last = draft.lastField, let i = fields.firstIndex(of: last) { focus = i }
            ctx.say(.intake_resumed, .ok)
        } else {
            form = IntakeForm.blank(stationID: stationID, clock: ctx.clock)
        }
        makeEditors()
    }

    /// The form of a saved case, to correct or complete.
    init(editing record: CaseRecord) {
        stationID = record.stationID
        editing = record.id
        form = IntakeForm(editing: record)
        makeEditors()
    }

    private func makeEditors() {
        for field in fields where !isChoice(field) {
            editors[field] = LineEditor(form[field], maxLength: maxLength(field))
        }
    }

    var field: IntakeField { fields[focus] }

    var keyContexts: [KeyContext] {
        if duplicates != nil { return [.duplicates] }
        if picker != nil { return [.picker] }
        let own: [KeyContext] = editing == nil ? [.form] : [.caseEdit, .form]
        return own + (isChoice(field) ? [.choice] : [.edit])
    }
    var acceptsText: Bool { duplicates == nil && picker == nil && !isChoice(field) }

    func title(_ ctx: DeskContext) -> String {
        if let editing, let record = ctx.record(editing) { return ctx.t(.intake_editTitle, record.number.description) }
        return ctx.t(.intake_title, ctx.stationName(stationID))
    }

    func isChoice(_ f: IntakeField) -> Bool {
        if case .choice = f.kind { return true }
        return false
    }

    private func maxLength(_ f: IntakeField) -> Int { f.kind.editorLength }

    // MARK: Input

    func handle(_ input: Input, ctx: DeskContext) -> Transition {
        if let found = duplicates { return handleDuplicates(input, found, ctx: ctx) }
        if picker != nil { return handlePicker(input, ctx: ctx) }
        switch input {
        case .action(.nextField), .action(.down):
            move(to: focus + 1, ctx: ctx)
        case .action(.prevField), .action(.up):
            move(to: focus - 1, ctx: ctx)
        case .action(.nextSection):
            jumpSection(by: 1, ctx: ctx)
        case .action(.prevSection):
            jumpSection(by: -1, ctx: ctx)
        case .action(.select):
            if case .choice(let key, let options, let empty) = field.kind {
                let opts = (empty ? [""] : []) + options
                picker = PickList(options: opts, labels: opts.map { label(key, $0, ctx) }, current: form[field])
            } else {
                move(to: focus + 1, ctx: ctx)
            }
        case .action(.optionNext):
            cycle(by: 1, ctx: ctx)
        case .action(.optionPrev):
            cycle(by: -1, ctx: ctx)
        case .action(.save):
            return save(ctx)
        case .action(.back):
            // suspend() keeps the draft as the screen closes.
            if editing != nil {
                if let id = editing, let original = ctx.record(id), form.values != IntakeForm(editing: original).values {
                    ctx.say(.intake_editDiscarded, .warning)
                }
            } else if worthKeeping(ctx) {
                ctx.say(.intake_draftKept, .ok)
            }
            return .pop
        case .text(let scalar) where isChoice(field):
            answerShortcut(scalar, ctx: ctx)
        default:
            guard var editor = editors[field], TextFieldView.edit(&editor, input, transliterate: ctx.transliterating && field.kind.isText) else { return .stay }
            editors[field] = editor
            form[field] = editor.text
            // A wrong kind of character is pointed out at once; other errors when she leaves the field.
            if shownErrors[field] != nil || form.hasForeignCharacters(field) {
                shownErrors[field] = form.error(for: field, today: ctx.today)
            }
            keepDraft(ctx)
        }
        return .stay
    }

    /// Enter opens the earlier case (the draft stays), F10 saves as a new case anyway, Esc goes back.
    private func handleDuplicates(_ input: Input, _ found: [DuplicateFinder.Match<CaseListing>], ctx: DeskContext) -> Transition {
        switch input {
        case .action(.select):
            duplicates = nil
            keepDraft(ctx)
            guard found.indices.contains(duplicateList.selected) else { return .stay }
            ctx.say(.dup_opened, .ok)
            return .push(CaseDetailScreen(caseID: found[duplicateList.selected].record.id))
        case .action(.save):
            duplicates = nil
            acknowledged = form.values
            return save(ctx)
        case .action(.back):
            duplicates = nil
        case .action(let a):
            _ = duplicateList.apply(a, count: found.count, page: 5)
        case .text:
            break
        }
        return .stay
    }

    private func handlePicker(_ input: Input, ctx: DeskContext) -> Transition {
        guard var p = picker else { return .stay }
        let outcome = p.handle(input)
        picker = outcome == .open ? p : nil
        if case .picked(let value) = outcome { set(field, value, ctx: ctx) }
        return .stay
    }

    private func set(_ f: IntakeField, _ value: String, ctx: DeskContext) {
        form[f] = value
        shownErrors[f] = form.error(for: f, today: ctx.today)
        if f == .age || f == .consentGivenBy {
            shownErrors[.consentGivenBy] = form.error(for: .consentGivenBy, today: ctx.today)
        }
        keepDraft(ctx)
    }

    private func cycle(by step: Int, ctx: DeskContext) {
        guard case .choice(_, let options, let empty) = field.kind else { return }
        let opts = (empty ? [""] : []) + options
        let i = opts.firstIndex(of: form[field]) ?? 0
        set(field, opts[(i + step + opts.count) % opts.count], ctx: ctx)
    }

    /// y / n (and हाँ's ह / न) answer a yes/no question without opening the list. An answer only
    /// answers: the focus stays on the question (moving on is Tab's job), so that her usual Tab
    /// after it never skips the next field, nor PgDn a section.
    private func answerShortcut(_ scalar: Unicode.Scalar, ctx: DeskContext) {
        guard case .choice(let key, _, _) = field.kind, key == Answer.listKey else { return }
        switch scalar {
        case "y", "Y", "ह": set(field, Answer.yes.rawValue, ctx: ctx)
        case "n", "N", "न": set(field, Answer.no.rawValue, ctx: ctx)
        default: return
        }
    }

    private func move(to index: Int, ctx: DeskContext) {
        shownErrors[field] = form.error(for: field, today: ctx.today)
        if field == .age { shownErrors[.consentGivenBy] = form.error(for: .consentGivenBy, today: ctx.today) }
        focus = (index + fields.count) % fields.count
    }

    private func jumpSection(by step: Int, ctx: DeskContext) {
        let sections = IntakeSection.allCases
        let current = sections.firstIndex(of: field.section) ?? 0
        let target = sections[(current + step + sections.count) % sections.count]
        if let i = fields.firstIndex(where: { $0.section == target }) { move(to: i, ctx: ctx) }
    }

    private func save(_ ctx: DeskContext) -> Transition {
        guard let user = ctx.user else { return .stay }
        let result: Result<CaseRecord, IntakeErrors>
        if let editing {
            guard let original = ctx.record(editing) else { return .pop }
            result = form.update(original, by: user.id, clock: ctx.clock)
        } else {
            // Check first, so that a form with mistakes does not use up a number.
            let problems = form.errors(today: ctx.today)
            if !problems.isEmpty {
                result = .failure(IntakeErrors(errors: problems))
            } else if acknowledged != form.values,
                      case let found = DuplicateFinder.candidates(for: form.person(today: ctx.today), among: ctx.visibleListings,
                                                                 nameKeys: ctx.nameKeys),
                      !found.isEmpty {
                // One woman should not become two cases: show who she may already be.
                duplicates = found
                duplicateList = ScrollList()
                keepDraft(ctx)
                ctx.say(.dup_found, .warning, found.count)
                return .stay
            } else {
                do {
                    let number = try ctx.claimNumber(stationID: stationID)
                    result = form.makeCase(number: number, deskOfficerID: user.id, clock: ctx.clock)
                } catch {
                    keepDraft(ctx)
                    if !(error is SaveConflict) { ctx.say(.intake_saveFailed, .error) }
                    return .stay
                }
            }
        }
        switch result {
        case .failure(let problems):
            for (f, e) in problems.errors { shownErrors[f] = e }
            if let (f, _) = problems.first, let i = fields.firstIndex(of: f) {
                focus = i
                ctx.say(.intake_fixFirst, .error, problems.errors.count, ctx.t(.dynamic("field." + f.rawValue)))
            }
            keepDraft(ctx)
            return .stay
        case .success(let record) where editing != nil:
            do {
                try ctx.save(record, isNew: false)
            } catch {
                if !(error is SaveConflict) { ctx.say(.intake_saveFailed, .error) }
                return .stay
            }
            finished = true
            ctx.say(.intake_changesSaved, .ok, record.number.description)
            return .pop
        case .success(let record):
            do {
                try ctx.save(record, isNew: true)
            } catch {
                keepDraft(ctx)
                if !(error is SaveConflict) { ctx.say(.intake_saveFailed, .error) }
                return .stay
            }
            finished = true
            ctx.dropDraft()
            if record.isMinor {
                ctx.say(.intake_savedMinor, .warning, record.number.description)
            } else {
                ctx.say(.intake_saved, .ok, record.number.description)
            }
            return .replace(CaseDetailScreen(caseID: record.id))
        }
    }

    private func keepDraft(_ ctx: DeskContext) {
        guard editing == nil else { return }
        form.lastField = field
        do {
            try ctx.keepDraft(form)
        } catch {
            ctx.say(.intake_draftFailed, .error)
        }
    }

    /// Leaving keeps the draft, unless nothing was ever typed into it.
    func suspend(ctx: DeskContext) {
        if worthKeeping(ctx) { keepDraft(ctx) }
    }

    private func worthKeeping(_ ctx: DeskContext) -> Bool {
        editing == nil && !finished && (ctx.draft != nil || !form.isUntouched(comparedTo: .blank(stationID: stationID, clock: ctx.clock)))
    }
}
