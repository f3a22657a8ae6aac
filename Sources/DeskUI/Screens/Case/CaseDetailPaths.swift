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
            out.append("compensation")
        }
        if r.closureRequest != nil, Access.allows(ctx.user, .approveClosure, stationID: at) { out.append("closure") }
        return out
    }

    /// Closing goes through its form: reason, checks, and the SP's approval where the law of care
    /// asks for it (high risk, a child).
    func closureForm(_ record: CaseRecord, ctx: DeskContext) -> Transition {
        tab = .legal
        return .push(EntryScreen(form: .blank(.closure, for: record, partnerIDs: [], clock: ctx.clock), ctx: ctx))
    }
}
