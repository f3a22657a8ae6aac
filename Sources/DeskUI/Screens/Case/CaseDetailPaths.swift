import DeskModel
import Foundation

/// The case's paths from the case screen (issue 14): which of their forms she may open here, and
/// the closure form that closing a case goes through.
extension CaseDetailScreen {
    func pathOptions(_ r: CaseRecord, ctx: DeskContext) -> [String] {
        var out: [String] = []
        let at = r.stationID
        if r.status != .closed || r.closure?.followUpsOpen == true,
           Access.allows(ctx.user, .addRemark, stationID: at) || Access.allows(ctx.user, .counsel, stationID: at) {
            out.append("contact")
        }
        guard r.status != .closed else { return out }
        if Access.allows(ctx.user, .counsel, stationID: at) {
            out.append("safetyPlan")
            if r.safetyPlan != nil { out.append("safetyReview") }
        }
        if Access.allows(ctx.user, .editLegal, stationID: at) {
            if r.dvApplies { out.append("dv") }
            if r.traffickingApplies { out.append("trafficking") }
            if r.childPathApplies { out.append("child") }
            out.append("compensation")
        }
        // A transfer is asked by those who may edit the case, and answered by the receiving desk.
        if let t = r.transfers.last, t.state == .pending {
            if Access.allows(ctx.user, .editCase, stationID: t.to) { out += ["transferAccept", "transferDecline"] }
        } else if Access.allows(ctx.user, .editCase, stationID: at) {
            out.append("transfer")
        }
        if r.closureRequest != nil, Access.allows(ctx.user, .approveClosure, stationID: at) { out.append("closure") }
        return out
    }

    /// The transfer form offers the directory's stations, her own left out.
    func transferForm(_ record: CaseRecord, ctx: DeskContext) -> Transition {
        tab = .legal
        var form = EntryForm.blank(.transfer, for: record, partnerIDs: [], clock: ctx.clock)
        form.pathFields = ctx.directory.stations.map(\.id).filter { $0 != record.stationID }
        return .push(EntryScreen(form: form, ctx: ctx))
    }

    /// The receiving desk accepts or declines a pending transfer; an accepted case is hers from now on.
    func answerTransfer(_ record: CaseRecord, accept: Bool, ctx: DeskContext) -> Transition {
        guard let user = ctx.user, let to = record.transfers.last?.to else { return .stay }
        var updated = record
        do {
            try updated.answerTransfer(accept: accept, by: user.id, at: ctx.clock.now())
            try ctx.saveChange(updated, what: accept ? "transfer accepted" : "transfer declined")
            ctx.say(accept ? .detail_transferAccepted : .detail_transferDeclined, .ok, ctx.stationName(to))
        } catch let e as PathError {
            ctx.say(.dynamic("path.error." + e.rawValue), .error)
        } catch {
            if !(error is SaveConflict) { ctx.say(.detail_saveFailed, .error) }
        }
        tab = .legal
        return .stay
    }

    /// Closing goes through its form: reason, checks, and the SP's approval where the law of care
    /// asks for it (high risk, a child).
    func closureForm(_ record: CaseRecord, ctx: DeskContext) -> Transition {
        tab = .legal
        return .push(EntryScreen(form: .blank(.closure, for: record, partnerIDs: [], clock: ctx.clock), ctx: ctx))
    }
}
