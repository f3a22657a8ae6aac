import DeskModel
import Foundation

/// A field changed on two machines at once (replication): shown at the top of the case with both
/// values, who and when; Enter on the Intake tab opens a pick of the first one.
enum ConflictText {
    static func field(_ path: String, _ words: Words) -> String {
        let name = CaseRecord.fieldName(of: path)
        return words.strings.has(.dynamic("field." + name), words.language) ? words.t(.dynamic("field." + name)) : name
    }

    /// Her identity stays masked here as everywhere until revealed; a choice reads as its label.
    static func value(_ choice: FieldConflict.Choice, path: String, revealed: Bool, _ words: Words) -> String {
        if path.hasPrefix("identity."), !revealed { return "•••" }
        let key = "choice.\(CaseRecord.fieldName(of: path)).\(choice.shown)"
        return words.strings.has(.dynamic(key), words.language) ? words.t(.dynamic(key)) : choice.shown
    }

    static func choice(_ choice: FieldConflict.Choice, path: String, revealed: Bool, _ words: Words) -> String {
        words.t(.conflict_choice, arguments: [value(choice, path: path, revealed: revealed, words), words.userName(choice.by),
                                               CaseSheet.stamp(choice.at)])
    }
}

extension CaseSheet {
    func conflictLines(_ r: CaseRecord, ctx: Context) -> [DetailLine] {
        guard !r.conflicts.isEmpty else { return [] }
        var out: [DetailLine] = []
        for c in r.conflicts {
            out.append(DetailLine(label: ctx.t(.conflict_banner, ConflictText.field(c.path, ctx.words)), style: .error))
            for choice in c.choices {
                out.append(DetailLine(label: "   " + ConflictText.choice(choice, path: c.path, revealed: revealed, ctx.words), style: .warning))
            }
        }
        out.append(DetailLine(label: ctx.t(.conflict_hint), style: .dim))
        out.append(DetailLine(label: ""))
        return out
    }
}

extension CaseDetailScreen {
    /// Enter on the Intake tab: pick the value of the first conflict.
    func openConflictPick(_ r: CaseRecord, ctx: DeskContext) {
        guard let c = r.conflicts.first else { return }
        guard [.editCase, .counsel, .editPlan, .editLegal].contains(where: { Access.allows(ctx.user, $0, stationID: r.stationID) }) else {
            ctx.say(.conflict_notAllowed, .warning)
            return
        }
        pickerPurpose = .conflict
        picker = PickList(options: c.choices.indices.map(String.init),
                          labels: c.choices.map { ConflictText.choice($0, path: c.path, revealed: revealed, ctx.words) },
                          current: "0")
    }

    func pickedConflict(_ code: String, record: CaseRecord, ctx: DeskContext) {
        guard let c = record.conflicts.first, let i = Int(code), c.choices.indices.contains(i),
              var updated = try? record.picking(c.choices[i], for: c.path) else { return }
        if let user = ctx.user {
            updated.events.append(CaseEvent(at: ctx.clock.now(), by: user.id, kind: .edited, detail: "conflict " + c.path))
        }
        do {
            try ctx.saveChange(updated, what: "conflict " + c.path)
            ctx.say(.conflict_resolved, .ok, ConflictText.field(c.path, ctx.words))
        } catch {
            if !(error is SaveConflict) { ctx.say(.detail_saveFailed, .error) }
        }
    }
}
