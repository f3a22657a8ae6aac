import DeskModel
import Foundation

/// The forms of the counselling log, questionnaires, plan steps and the legal track, on the one
/// form screen. A new kind of entry form is an `EntryKind` with its fields (DeskModel/Forms) and
/// its words in the strings; this spec serves them all.
typealias EntryScreen = FormScreen<EntrySpec>

extension FormScreen where Spec == EntrySpec {
    /// The form, or its draft where she left it.
    convenience init(form: EntryForm, ctx: DeskContext) {
        let draft = ctx.entryDraft(form.kind, caseID: form.caseID, itemID: form.itemID)
        let spec = EntrySpec(form: draft ?? form, initialValues: form.values)
        var focus = 0
        if let draft {
            if let last = draft.lastField, let i = draft.fields.firstIndex(where: { $0.key == last }) { focus = i }
            ctx.say(.dynamic("entry.resumed." + form.kind.rawValue), .ok)
        } else if spec.isQuestionnaire {
            // A questionnaire's day is today already: start at the first question.
            focus = 1
        }
        self.init(spec: spec, focus: focus)
    }
}

/// What is an entry form's own on the form screen: its words (a questionnaire's in both languages),
/// the checks against the case, the FIR's sections picked several at a time, saving the entry.
final class EntrySpec: FormSpec {
    var form: EntryForm
    /// The values it opened with: leaving an untouched form keeps no draft.
    let initialValues: [String: String]

    init(form: EntryForm, initialValues: [String: String]) {
        self.form = form
        self.initialValues = initialValues
    }

    var isQuestionnaire: Bool { form.kind == .phq9 || form.kind == .gad7 }

    func title(_ ctx: DeskContext) -> String {
        let number = ctx.record(form.caseID)?.number.description ?? ""
        return ctx.t(.dynamic("entry.title." + form.kind.rawValue), number)
    }

    func labelWord(_ key: String, _ ctx: DeskContext) -> String { label(key, ctx) }

    func label(_ key: String, _ ctx: DeskContext, language: Language? = nil) -> String {
        let stringKey: StringKey
        if isQuestionnaire, key.hasPrefix("item") {
            stringKey = .dynamic("screen.\(form.kind.rawValue).\(key.dropFirst(4))")
        } else {
            stringKey = .dynamic("entry." + key)
        }
        return ctx.strings.text(stringKey, language ?? ctx.language)
    }

    func fieldLabel(_ key: String, _ ctx: DeskContext) -> String {
        let mark = form.isRequired(key) && !isQuestionnaire ? "*" : " "
        let number = isQuestionnaire && key.hasPrefix("item") ? "\(key.dropFirst(4)). " : ""
        return mark + " " + number + label(key, ctx)
    }

    func choiceLabel(_ listKey: String, _ code: String, _ ctx: DeskContext) -> String {
        if code.isEmpty { return ctx.t(.intake_notSet) }
        if listKey == Offence.listKey {
            // Several sections: their act and number ("BNS 85, DP Act 3"), the words are on the list.
            return Offence.parse(Offence.codes(code)).map { CaseDetailScreen.code($0, ctx) }.joined(separator: ", ")
        }
        if FieldKind.picksSeveral(listKey) {
            return code.split(separator: ",").map { ctx.t(.dynamic("choice.\(listKey).\($0)")) }.joined(separator: ", ")
        }
        if listKey == "station" { return ctx.stationName(code) }
        return listKey == "partner" ? ctx.partnerName(code) : ctx.t(.dynamic("choice.\(listKey).\(code)"))
    }

    func error(for key: String, ctx: DeskContext) -> ValidationError? {
        if form.kind.standsAlone { return form.error(for: key, record: nil, today: ctx.today) }
        guard let record = ctx.record(form.caseID) else { return nil }
        return form.error(for: key, record: record, today: ctx.today)
    }

    /// A change can make or mend an error elsewhere (a decline reason, a closing date): every shown one is checked again.
    func alsoCheck(after key: String, moving: Bool, shown: [String]) -> [String] { moving ? [] : shown }

    /// PgDn to the last field, PgUp to the first.
    func sectionJump(from index: Int, by step: Int) -> Int { step > 0 ? form.fields.count - 1 : 0 }

    /// The FIR's sections are marked several at a time, with their words on the list.
    func pickList(for key: String, ctx: DeskContext) -> PickList? {
        guard let (listKey, codes) = options(key) else { return nil }
        let labels = codes.map { $0.isEmpty || !FieldKind.picksSeveral(listKey) ? choiceLabel(listKey, $0, ctx) : ctx.t(.dynamic("choice.\(listKey).\($0)")) }
        return FieldKind.picksSeveral(listKey)
            ? PickList(several: codes, labels: labels, current: form[key], hint: ctx.t(.picker_several))
            : PickList(options: codes, labels: labels, current: form[key])
    }

    /// Several sections are picked from the list (Enter), never stepped through one at a time.
    func cycles(_ key: String, ctx: DeskContext) -> Bool {
        guard !FieldKind.picksSeveral(options(key)?.listKey ?? "") else {
            ctx.say(.picker_useEnter, .warning)
            return false
        }
        return true
    }

    /// A digit picks the option with that number, as printed in the list.
    func shortcut(_ scalar: Unicode.Scalar, for key: String) -> String? {
        if case .choice(Answer.listKey, _, _)? = form.field(key)?.kind, let yn = answerShortcut(scalar) { return yn }
        guard case .choice(let listKey, _, let empty)? = form.field(key)?.kind, !FieldKind.picksSeveral(listKey),
              let n = Int(Digits.toASCII(String(scalar))), let (_, codes) = options(key) else { return nil }
        let i = n - (empty ? 0 : 1)
        return codes.indices.contains(i) ? codes[i] : nil
    }

    // MARK: Leaving and saving

    func leave(_ screen: FormScreen<EntrySpec>, ctx: DeskContext) -> Transition {
        if form.values != initialValues {
            screen.keepDraft(ctx)
            ctx.say(.dynamic("entry.draftKept." + form.kind.rawValue), .ok)
        } else {
            ctx.dropEntryDraft(form)
        }
        return .pop
    }

    func keepsDrafts(_ screen: FormScreen<EntrySpec>) -> Bool { !screen.finished }
    func storeDraft(_ form: EntryForm, ctx: DeskContext) throws { try ctx.keepEntryDraft(form) }
    func worthKeeping(_ screen: FormScreen<EntrySpec>, ctx: DeskContext) -> Bool { !screen.finished && form.values != initialValues }

    func save(_ screen: FormScreen<EntrySpec>, ctx: DeskContext) -> Transition {
        if form.kind == .event { return saveEvent(screen, ctx: ctx) }
        guard let user = ctx.user, let record = ctx.record(form.caseID) else { return .pop }
        switch form.apply(to: record, by: user.id, role: user.role, clock: ctx.clock) {
        case .failure(let problems):
            screen.show(problems.errors, ctx: ctx, replacing: true)
            screen.keepDraft(ctx)
            return .stay
        case .success(let updated):
            do {
                try ctx.saveChange(updated, what: form.kind.rawValue)
            } catch {
                screen.keepDraft(ctx)
                if !(error is SaveConflict) { ctx.say(.intake_saveFailed, .error) }
                return .stay
            }
            screen.finished = true
            ctx.dropEntryDraft(form)
            if !record.hasOpenAlert, updated.hasOpenAlert {
                ctx.say(.alert_raised, .high)
            } else if form.kind == .closure, updated.status != .closed {
                ctx.say(.entry_saved_closureRequested, .ok)
            } else {
                ctx.say(.dynamic("entry.saved." + form.kind.rawValue), .ok)
            }
            return .pop
        }
    }
}
