import DeskModel
import Foundation

/// The case's paths under the Legal tab (issue 14): her safety plan, the desk's contacts, the DV
/// Act's civil path, compensation and the s.184 medical, a transfer, and the closure with its
/// follow-ups. Only what was recorded is shown; each rule's section is cited beside it.
enum PathSheetLines {
    static func lines(_ r: CaseRecord, ctx: CaseSheet.Context) -> [DetailLine] {
        var out: [DetailLine] = []
        let today = ctx.today
        func head(_ key: StringKey) { out.append(DetailLine(label: "")); out.append(DetailLine(label: ctx.t(key), style: .label)) }
        func row(_ key: StringKey, _ value: String, _ style: Style = .normal) {
            out.append(DetailLine(label: ctx.t(key), value: value.isEmpty ? "—" : value, style: style))
        }
        func day(_ d: Day?) -> String { d?.description ?? "—" }

        if let plan = r.safetyPlan {
            head(.path_safetyPlan)
            row(.path_made, plan.made.description + (plan.madeWithHer == .yes ? "  " + ctx.t(.path_withHer) : ""))
            let late = plan.reviewOverdue(today: today)
            row(.path_reviewDue, day(plan.reviewDue) + (late ? "  " + ctx.t(.path_late) : ""), late ? .error : .normal)
            row(.path_reviewed, plan.reviewed.map(\.description).joined(separator: ", "))
            row(.path_helplines, plan.helplines.map(\.number).joined(separator: " · "))
        } else if r.needsSafetyPlan, r.status != .closed {
            out.append(DetailLine(label: ""))
            out.append(DetailLine(label: ctx.t(.path_safetyPlanNeeded), style: .warning))
        }

        if !r.contacts.isEmpty {
            head(.path_contacts)
            for c in r.contacts.suffix(3).reversed() {
                row(.path_contactLine, c.day.description + "  " + ctx.label(c.kind) + (c.reached ? "" : "  " + ctx.t(.timeline_unreached)),
                    c.reached ? .normal : .dim)
            }
            row(.detail_lastContact, r.lastContact.description)
        }

        if let dv = r.dv {
            head(.path_dv)
            let told = dv.dutiesTold.count, all = DVDuty.allCases.count
            row(.path_dvDuties, "\(told)/\(all)", told == all ? .ok : .warning)
            out.append(DetailLine(label: "     " + ctx.t(.path_cite_dv5), style: .dim))
            row(.path_dvPO, day(dv.protectionOfficerReferred))
            row(.path_dvDIR, dv.dirNumber)
            row(.path_dvApplication, day(dv.application))
            for o in dv.orders { row(.path_dvOrder, ctx.label(o.kind) + "  " + o.day.description, .ok) }
            for b in dv.breaches { row(.path_dvBreach, b.description, .error) }
            if dv.breachUnreviewed { out.append(DetailLine(label: "     " + ctx.t(.path_dvBreachRisk), style: .error)) }
        }

        let e = r.entitlements
        if e != Entitlements() {
            head(.path_entitlements)
            let c = e.compensation
            if c != Compensation() {
                row(.path_compApplied, day(c.applied))
                row(.path_compInterim, day(c.interimCertificate))
                out.append(DetailLine(label: "     " + ctx.t(.path_cite_bnss396), style: .dim))
                row(.path_compAmount, c.amount.map { "₹ \($0)" } ?? "—")
                row(.path_compPaid, day(c.paid), c.paid == nil ? .normal : .ok)
            }
            if let m = e.medical {
                let late = m.late(now: ctx.clock.now())
                row(.path_medical, m.examinedAt.map(CaseSheet.stamp) ?? ctx.t(.path_notYet), late ? .error : .normal)
                out.append(DetailLine(label: "     " + ctx.t(.path_cite_bnss184, CaseSheet.stamp(m.due)), style: late ? .error : .dim))
            }
            if let l = e.legalAidLawyer { row(.path_legalAid, l.description) }
            if let s = e.shelter { row(.path_shelter, s.description) }
        }

        out += childLines(r, ctx: ctx)

        if let t = r.trafficking {
            head(.path_trafficking)
            row(.path_ahtu, day(t.ahtuInformed))
            row(.path_rescued, day(t.rescued))
            row(.path_shelterName, t.shelter)
            row(.path_homeInvestigation, day(t.homeInvestigation))
            row(.path_traffickingOutcome, ctx.label(t.outcome), t.outcome == .pending ? .normal : .ok)
        }

        if let t = r.transfers.last {
            head(.path_transfer)
            row(.path_transferTo, ctx.words.stationName(t.to) + "  " + ctx.t(.dynamic("timeline.transfer." + t.state.rawValue)))
        }

        if let c = r.closures.last {
            head(.path_closure)
            row(.path_closureReason, ctx.label(c.reason) + "  " + c.day.description)
            if let a = c.approvedBy { row(.path_approvedBy, ctx.userName(a)) }
            if let reopened = c.reopened {
                row(.path_reopened, reopened.description)
            } else if let next = c.followUpsDue.first {
                let late = c.followUpLate(today: today)
                row(.path_followUp, next.description + (late ? "  " + ctx.t(.path_late) : ""), late ? .error : .normal)
            }
        }
        return out
    }

    /// A child's POCSO path: the support person (POCSO Rules 2020 r.4(7)), the s.27 medical with
    /// its 24 hours, the Special Court's dates (the next one marked ▸).
    static func childLines(_ r: CaseRecord, ctx: CaseSheet.Context) -> [DetailLine] {
        guard r.childPathApplies else { return [] }
        let t = r.child ?? ChildTrack(), today = ctx.today
        var out: [DetailLine] = [DetailLine(label: ""), DetailLine(label: ctx.t(.path_child), style: .label)]
        func row(_ key: StringKey, _ value: String, _ style: Style = .normal) {
            out.append(DetailLine(label: ctx.t(key), value: value.isEmpty ? "—" : value, style: style))
        }
        let support = t.supportPerson + (t.supportAppointed.map { "  " + $0.description } ?? "")
        row(.path_supportPerson, support, t.supportAppointed == nil ? .warning : .normal)
        out.append(DetailLine(label: "     " + ctx.t(.path_cite_pocsoRules), style: .dim))
        let late = r.childMedicalLate(today: today)
        row(.path_childMedical, (t.medicalExam?.description ?? ctx.t(.path_notYet)) + (late ? "  " + ctx.t(.path_late) : ""),
            late ? .error : t.medicalExam == nil ? .warning : .ok)
        out.append(DetailLine(label: "     " + ctx.t(.path_cite_pocso27, ChildTrack.medicalDue(reportedAt: r.reportedAt).description),
                              style: late ? .error : .dim))
        let next = t.nextHearing(today: today)
        row(.path_specialCourt, t.specialCourtDays.map { $0 == next ? "▸ " + $0.description : $0.description }.joined(separator: ", "))
        out.append(DetailLine(label: "     " + ctx.t(.path_cite_pocso35), style: .dim))
        return out
    }
}
