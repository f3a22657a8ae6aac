import DeskModel
import Foundation

/// The intake form: seven sections on the one form screen. A new intake is kept as a draft at
/// every change; a correction of a saved case is not.
typealias IntakeScreen = FormScreen<IntakeSpec>

extension FormScreen where Spec == IntakeSpec {
    /// A new intake at a station, or the unfinished one where she left it.
    convenience init(ctx: DeskContext, stationID: String) {
        let spec = IntakeSpec(stationID: stationID, editing: nil,
                              form: ctx.draft ?? IntakeForm.blank(stationID: stationID, clock: ctx.clock))
        let resumed = ctx.draft.flatMap { $0.lastField }.flatMap { IntakeField.allCases.firstIndex(of: $0) }
        self.init(spec: spec, focus: resumed ?? 0)
        if ctx.draft != nil { ctx.say(.intake_resumed, .ok) }
    }

    /// The form of a saved case, to correct or complete.
    convenience init(editing record: CaseRecord) {
        self.init(spec: IntakeSpec(stationID: record.stationID, editing: record.id, form: IntakeForm(editing: record)))
    }
}

/// What is the intake's own on the form screen: its sections, the consent that hangs on the age,
/// the yes/no keys, the duplicates shown before a new case is saved, and saving a case.
final class IntakeSpec: FormSpec {
    let stationID: String
    /// The case being corrected, or nil for a new intake. Edits are not kept as drafts.
    let editing: UUID?
    var form: IntakeForm
    /// Earlier cases that may be the same woman, shown before a new intake is saved.
    var duplicates: DuplicatesBox?
    /// The answers she chose to save as a new case despite the matches shown for them.
    var acknowledged: [String: String]?

    init(stationID: String, editing: UUID?, form: IntakeForm) {
        self.stationID = stationID
        self.editing = editing
        self.form = form
    }

    var contexts: [KeyContext] { editing == nil ? [.form] : [.caseEdit, .form] }

    func title(_ ctx: DeskContext) -> String {
        if let editing, let record = ctx.record(editing) { return ctx.t(.intake_editTitle, record.number.description) }
        return ctx.t(.intake_title, ctx.stationName(stationID))
    }

    func fieldLabel(_ f: IntakeField, _ ctx: DeskContext) -> String { (f.isRequired ? "*" : " ") + " " + labelWord(f, ctx) }
    func labelWord(_ f: IntakeField, _ ctx: DeskContext) -> String { ctx.t(.dynamic("field." + f.rawValue)) }

    func choiceLabel(_ listKey: String, _ code: String, _ ctx: DeskContext) -> String {
        code.isEmpty ? ctx.t(.intake_notSet) : ctx.t(.dynamic("choice.\(listKey).\(code)"))
    }

    func error(for field: IntakeField, ctx: DeskContext) -> ValidationError? { form.error(for: field, today: ctx.today) }

    /// Who gave consent is checked again with the age (a child's consent is her guardian's).
    func alsoCheck(after field: IntakeField, moving: Bool, shown: [IntakeField]) -> [IntakeField] {
        field == .age || (!moving && field == .consentGivenBy) ? [.consentGivenBy] : []
    }

    func sectionJump(from index: Int, by step: Int) -> Int {
        let fields = IntakeField.allCases
        let sections = IntakeSection.allCases
        let current = sections.firstIndex(of: fields[index].section) ?? 0
        let target = sections[(current + step + sections.count) % sections.count]
        return fields.firstIndex { $0.section == target } ?? index
    }

    /// y / n (and हाँ's ह / न) answer a yes/no question without opening the list. An answer only
    /// answers: the focus stays on the question (moving on is Tab's job), so that her usual Tab
    /// after it never skips the next field, nor PgDn a section.
    func shortcut(_ scalar: Unicode.Scalar, for field: IntakeField) -> String? {
        guard case .choice(let key, _, _) = field.kind, key == Answer.listKey else { return nil }
        return answerShortcut(scalar)
    }

    // MARK: Leaving and saving

    func leave(_ screen: FormScreen<IntakeSpec>, ctx: DeskContext) -> Transition {
        // suspend() keeps the draft as the screen closes.
        if let id = editing {
            if let original = ctx.record(id), form.values != IntakeForm(editing: original).values {
                ctx.say(.intake_editDiscarded, .warning)
            }
        } else if worthKeeping(screen, ctx: ctx) {
            ctx.say(.intake_draftKept, .ok)
        }
        return .pop
    }

    func keepsDrafts(_ screen: FormScreen<IntakeSpec>) -> Bool { editing == nil }
    func storeDraft(_ form: IntakeForm, ctx: DeskContext) throws { try ctx.keepDraft(form) }

    func worthKeeping(_ screen: FormScreen<IntakeSpec>, ctx: DeskContext) -> Bool {
        editing == nil && !screen.finished
            && (ctx.draft != nil || !form.isUntouched(comparedTo: .blank(stationID: stationID, clock: ctx.clock)))
    }

    func save(_ screen: FormScreen<IntakeSpec>, ctx: DeskContext) -> Transition {
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
                duplicates = DuplicatesBox(found: found)
                screen.keepDraft(ctx)
                ctx.say(.dup_found, .warning, found.count)
                return .stay
            } else {
                do {
                    let number = try ctx.claimNumber(stationID: stationID)
                    result = form.makeCase(number: number, deskOfficerID: user.id, clock: ctx.clock)
                } catch {
                    screen.keepDraft(ctx)
                    if !(error is SaveConflict || error is LetterClash) { ctx.say(.intake_saveFailed, .error) }
                    return .stay
                }
            }
        }
        switch result {
        case .failure(let problems):
            screen.show(problems.errors, ctx: ctx, replacing: false)
            screen.keepDraft(ctx)
            return .stay
        case .success(let record) where editing != nil:
            do {
                try ctx.save(record, isNew: false)
            } catch {
                if !(error is SaveConflict) { ctx.say(.intake_saveFailed, .error) }
                return .stay
            }
            screen.finished = true
            ctx.say(.intake_changesSaved, .ok, record.number.description)
            return .pop
        case .success(let record):
            do {
                try ctx.save(record, isNew: true)
            } catch {
                screen.keepDraft(ctx)
                if !(error is SaveConflict) { ctx.say(.intake_saveFailed, .error) }
                return .stay
            }
            screen.finished = true
            ctx.dropDraft()
            if record.isMinor {
                ctx.say(.intake_savedMinor, .warning, record.number.description)
            } else {
                ctx.say(.intake_saved, .ok, record.number.description)
            }
            // Replicated: the same woman may have reported at another station (keyed hashes only).
            let elsewhere = ctx.store.earlierCasesElsewhere(name: record.identity.name, phone: record.identity.phone,
                                                            stationID: record.stationID)
            if !elsewhere.isEmpty {
                ctx.say(.match_elsewhere, .warning, record.number.description, elsewhere.map(ctx.stationName).joined(separator: ", "))
            }
            return .replace(CaseDetailScreen(caseID: record.id))
        }
    }

    // MARK: The possible duplicates, over the form

    var overlay: Overlay? { duplicates }

    /// Enter opens the earlier case (the draft stays), F10 saves as a new case anyway, Esc goes back.
    func handleOverlay(_ input: Input, screen: FormScreen<IntakeSpec>, ctx: DeskContext) -> Transition? {
        guard var box = duplicates else { return nil }
        let found = box.found
        switch input {
        case .action(.select):
            duplicates = nil
            screen.keepDraft(ctx)
            guard found.indices.contains(box.list.selected) else { return .stay }
            ctx.say(.dup_opened, .ok)
            return .push(CaseDetailScreen(caseID: found[box.list.selected].record.id))
        case .action(.save):
            duplicates = nil
            acknowledged = form.values
            return save(screen, ctx: ctx)
        case .action(.back):
            duplicates = nil
        case .action(let a):
            _ = box.list.apply(a, count: found.count, page: 5)
            duplicates = box
        case .text:
            break
        }
        return .stay
    }
}

/// The earlier cases that may be the same woman, in a box over the intake: Enter opens one, F10
/// saves as a new case anyway, Esc goes back to the form.
struct DuplicatesBox: Overlay {
    let found: [DuplicateFinder.Match<CaseListing>]
    var list = ScrollList()

    var keyContexts: [KeyContext] { [.duplicates] }
    var handledActions: Set<Action> { Action.moving.union([.select, .save, .back]) }
    var acceptsText: Bool { false }
}
