import DeskModel
import Foundation

/// Saving the awareness event's form: the same checks as any entry form, then its own file in the
/// store (no case is touched).
extension EntrySpec {
    func saveEvent(_ screen: FormScreen<EntrySpec>, ctx: DeskContext) -> Transition {
        guard let user = ctx.user else { return .pop }
        let old = form.itemID.flatMap { id in ctx.events.first { $0.id == id } }
        switch EventEntry.event(form, old: old, by: user.id, today: ctx.today, at: ctx.clock.now()) {
        case .failure(let problems):
            screen.show(problems.errors, ctx: ctx, replacing: true)
            screen.keepDraft(ctx)
            return .stay
        case .success(let event):
            do {
                try ctx.saveEvent(event)
            } catch {
                screen.keepDraft(ctx)
                if !(error is EventConflict) { ctx.say(.intake_saveFailed, .error) }
                return .stay
            }
            screen.finished = true
            ctx.dropEntryDraft(form)
            ctx.say(.entry_saved_event, .ok, event.reached)
            return .pop
        }
    }
}
