import DeskModel
import Foundation

/// A field changed on two machines at once (replication): Enter on the Intake tab opens a pick of
/// the first one (the lines are `CaseSheet.conflictLines`).
extension CaseDetailScreen {
    static func conflictField(_ path: String, _ ctx: DeskContext) -> String { CaseSheet.conflictField(path, ctx.strings, ctx.language) }

    /// Her identity stays masked here as everywhere until revealed; a choice reads as its label.
    func shownValue(_ choice: FieldConflict.Choice, path: String, ctx: DeskContext) -> String {
        CaseSheet.shownValue(choice, path: path, revealed: revealed, strings: ctx.strings, language: ctx.language)
    }

    /// Enter on the Intake tab: pick the value of the first conflict.
    func openConflictPick(_ r: CaseRecord, ctx: DeskContext) {
        guard let c = r.conflicts.first else { return }
        guard [.editCase, .counsel, .editPlan, .editLegal].contains(where: { Access.allows(ctx.user, $0, stationID: r.stationID) }) else {
            ctx.say("conflict.notAllowed", .warning)
            return
        }
        pickerPurpose = .conflict
        picker = PickList(options: c.choices.indices.map(String.init),
                          labels: c.choices.map { ctx.t("conflict.choice", shownValue($0, path: c.path, ctx: ctx), ctx.userName($0.by), Self.stamp($0.at)) },
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
            ctx.say("conflict.resolved", .ok, Self.conflictField(c.path, ctx))
        } catch {
            if !(error is SaveConflict) { ctx.say("detail.saveFailed", .error) }
        }
    }
}
