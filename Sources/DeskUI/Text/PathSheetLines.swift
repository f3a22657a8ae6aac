import DeskModel
import Foundation

/// The case's paths under the Legal tab (issue 14): her safety plan, the desk's contacts, the DV
/// Act's civil path, compensation and the s.184 medical, a transfer, and the closure with its
/// follow-ups. Only what was recorded is shown; each rule's section is cited beside it.
enum PathSheetLines {
    static func lines(_ r: CaseRecord, ctx: CaseSheet.Context) -> [DetailLine] {
        var out: [DetailLine] = []
        let today = ctx.today
        func head(_ key: String) { out.append(DetailLine(label: "")); out.append(DetailLine(label: ctx.t(key), style: .label)) }
        func row(_ key: String, _ value: String, _ style: Style = .normal) {
            out.append(DetailLine(label: ctx.t(key), value: value.isEmpty ? "—" : value, style: style))
        }
        func day(_ d: Day?) -> String { d?.description ?? "—" }

        if let plan = r.safetyPlan {
            head("path.safetyPlan")
            row("path.made", plan.made.description + (plan.madeWithHer == .yes ? "  " + ctx.t("path.withHer") : ""))
            let late = plan.reviewOverdue(today: today)
            row("path.reviewDue", day(plan.reviewDue) + (late ? "  " + ctx.t("path.late") : ""), late ? .error : .normal)
            row("path.reviewed", plan.reviewed.map(\.description).joined(separator: ", "))
            row("path.helplines", plan.helplines.map(\.number).joined(separator: " · "))
        } else if r.needsSafetyPlan, r.status != .closed {
            out.append(DetailLine(label: ""))
            out.append(DetailLine(label: ctx.t("path.safetyPlanNeeded"), style: .warning))
        }

        if !r.contacts.isEmpty {
            head("path.contacts")
            for c in r.contacts.suffix(3).reversed() {
                row("path.contactLine", c.day.description + "  " + ctx.label(c.kind) + (c.reached ? "" : "  " + ctx.t("timeline.unreached")),
                    c.reached ? .normal : .dim)
            }
            row("detail.lastContact", r.lastContact.description)
        }

        if let dv = r.dv {
            head("path.dv")
            let told = dv.dutiesTold.count, all = DVDuty.allCases.count
            row("path.dvDuties", "\(told)/\(all)", told == all ? .ok : .warning)
            out.append(DetailLine(label: "     " + ctx.t("path.cite.dv5"), style: .dim))
            row("path.dvPO", day(dv.protectionOfficerReferred))
            row("path.dvDIR", dv.dirNumber)
            row("path.dvApplication", day(dv.application))
            for o in dv.orders { row("path.dvOrder", ctx.label(o.kind) + "  " + o.day.description, .ok) }
            for b in dv.breaches { row("path.dvBreach", b.description, .error) }
            if dv.breachUnreviewed { out.append(DetailLine(label: "     " + ctx.t("path.dvBreachRisk"), style: .error)) }
        }

        let e = r.entitlements
        if e != Entitlements() {
            head("path.entitlements")
            let c = e.compensation
            if c != Compensation() {
                row("path.compApplied", day(c.applied))
                row("path.compInterim", day(c.interimCertificate))
                out.append(DetailLine(label: "     " + ctx.t("path.cite.bnss396"), style: .dim))
                row("path.compAmount", c.amount.map { "₹ \($0)" } ?? "—")
                row("path.compPaid", day(c.paid), c.paid == nil ? .normal : .ok)
            }
            if let m = e.medical {
                let late = m.late(now: ctx.clock.now())
                row("path.medical", m.examinedAt.map(CaseSheet.stamp) ?? ctx.t("path.notYet"), late ? .error : .normal)
                out.append(DetailLine(label: "     " + ctx.t("path.cite.bnss184", CaseSheet.stamp(m.due)), style: late ? .error : .dim))
            }
            if let l = e.legalAidLawyer { row("path.legalAid", l.description) }
            if let s = e.shelter { row("path.shelter", s.description) }
        }

        if let t = r.transfers.last {
            head("path.transfer")
            row("path.transferTo", ctx.words.stationName(t.to) + "  " + ctx.t("timeline.transfer." + t.state.rawValue))
        }

        if let c = r.closures.last {
            head("path.closure")
            row("path.closureReason", ctx.label(c.reason) + "  " + c.day.description)
            if let a = c.approvedBy { row("path.approvedBy", ctx.userName(a)) }
            if let reopened = c.reopened {
                row("path.reopened", reopened.description)
            } else if let next = c.followUpsDue.first {
                let late = c.followUpLate(today: today)
                row("path.followUp", next.description + (late ? "  " + ctx.t("path.late") : ""), late ? .error : .normal)
            }
        }
        return out
    }
}
