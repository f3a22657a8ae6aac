import DeskModel
import Foundation

/// Saving the awareness event's form: the same checks as any entry form, then its own file in the
/// store (no case is touched).
extension EntryScreen {
    func saveEvent(_ ctx: DeskContext) -> Transition {
        guard let user = ctx.user else { return .pop }
        let old = form.itemID.flatMap { id in ctx.events.first { $0.id == id } }
        switch EventEntry.event(form, old: old, by: user.id, today: ctx.today, at: ctx.clock.now()) {
        case .failure(let problems):
            shownErrors = [:]
            for (k, e) in problems.errors { shownErrors[k] = e }
            if let (k, _) = problems.errors.first, let i = fields.firstIndex(where: { $0.key == k }) {
                focus = i
                ctx.say("intake.fixFirst", .error, problems.errors.count, label(fields[i], ctx))
            }
            keepDraft(ctx)
            return .stay
        case .success(let event):
            do {
                try ctx.saveEvent(event)
            } catch {
                keepDraft(ctx)
                if !(error is EventConflict) { ctx.say("intake.saveFailed", .error) }
                return .stay
            }
            finished = true
            ctx.dropEntryDraft(form)
            ctx.say("entry.saved.event", .ok, event.reached)
            return .pop
        }
    }
}
