import DeskModel
import Foundation

/// Everything that happened to a case, newest first: its events and the SP's directives.
enum TimelineLines {
    struct Item {
        var at: Date
        var by: String
        var text: String
        var style: Style
    }

    static func items(_ r: CaseRecord, directives: [Directive], ctx: CaseSheet.Context) -> [Item] {
        var out = r.events.map { e in
            Item(at: e.at, by: e.by, text: ctx.t(.dynamic("timeline." + e.kind.rawValue)) + detail(e.facts, ctx.words),
                 style: e.kind == .alertRaised ? .high : e.kind == .remark ? .normal : .dim)
        }
        if !r.events.contains(where: { $0.kind == .intake }) {
            out.append(Item(at: r.createdAt, by: r.deskOfficerID, text: ctx.t(.timeline_intake) + " · " + r.number.description,
                            style: .dim))
        }
        for d in directives {
            out.append(Item(at: d.at, by: d.by, text: ctx.t(.timeline_directive) + " · " + d.text, style: .warning))
            if let done = d.doneAt {
                out.append(Item(at: done, by: d.doneBy ?? "", text: ctx.t(.timeline_directiveDone) + " · " + d.reply, style: .ok))
            }
        }
        return out.enumerated().sorted { ($0.element.at, $0.offset) > ($1.element.at, $1.offset) }.map(\.element)
    }

    static func lines(_ r: CaseRecord, directives: [Directive], ctx: CaseSheet.Context) -> [DetailLine] {
        let all = items(r, directives: directives, ctx: ctx)
        var out = [DetailLine(label: ctx.t(.timeline_heading, all.count), style: .label)]
        for item in all {
            out.append(DetailLine(label: CaseSheet.stamp(item.at) + "  " + ctx.userName(item.by), style: .label))
            out.append(DetailLine(label: "   " + item.text, style: item.style == .dim ? .normal : item.style))
        }
        return out
    }

    /// What happened, each value named from its own list in her language:
    /// a referral of `shgLinkage` to `nrlm`, `sent` → " · SHG linkage · NRLM · Sent".
    static func detail(_ facts: CaseEvent.Facts, _ w: Words) -> String {
        let parts: [String]
        switch facts {
        case .none: return ""
        case .text(let text): parts = [text]
        case let .session(number, day, mode, minutes): parts = ["#\(number)", day.description, w.label(mode), "\(minutes)'"]
        case let .screening(instrument, total, day): parts = ["\(instrument.displayName) \(total)", day.description]
        case .alert(let itemNine): parts = ["PHQ-9", "9 = \(itemNine)"]
        case let .stepAdded(kind, due): parts = [w.label(kind), due?.description ?? ""]
        case let .stepUpdated(kind, status): parts = [w.label(kind), w.label(status)]
        case let .referral(kind, partnerID, state): parts = [w.label(kind), w.partnerName(partnerID), w.label(state)]
        case .legal(let changes): parts = changes.map { legal($0, w) }
        case let .status(from, to): parts = [w.label(from) + " → " + w.label(to)]
        case .path(let fact): parts = path(fact, w)
        }
        return " · " + parts.joined(separator: " · ")
    }

    /// "FIR date 12-08-2026", "Convicted", "Sections of the FIR bns85,bns86".
    static func legal(_ change: CaseEvent.LegalChange, _ w: Words) -> String {
        switch change {
        case let .day(which, day): return w.t(.dynamic("entry." + which.rawValue)) + " " + day.description
        case .outcome(let outcome): return w.label(outcome)
        case .sections(let codes): return w.t(.entry_sections) + " " + (codes.isEmpty ? "—" : codes.joined(separator: ","))
        }
    }

    /// A path's event in her language: "Home visit · 27-11-2026", "Goals met · spindore".
    static func path(_ fact: PathFact, _ w: Words) -> [String] {
        switch fact {
        case .safetyPlanMade(let d), .safetyPlanReviewed(let d), .followUp(let d), .reopened(let d), .dvBreach(let d): return [d.description]
        case .safetyPlanChanged: return []
        case let .contact(kind, d, reached): return [w.label(kind), d.description] + (reached ? [] : [w.t(.timeline_unreached)])
        case let .closed(reason, approvedBy): return [w.label(reason)] + (approvedBy.map { [w.userName($0)] } ?? [])
        case .dvOrders(let n): return ["\(n)"]
        case let .entitlement(applied, paid): return [applied, paid].compactMap { $0?.description }
        case .transferAsked(let to): return ["→ " + w.stationName(to)]
        case .trafficking(let outcome): return [w.label(outcome)]
        case let .child(support, medical, hearing):
            return [support.map { w.t(.path_supportPerson) + " " + $0.description }, medical.map { w.t(.path_childMedical) + " " + $0.description },
                    hearing.map { w.t(.path_specialCourt) + " " + $0.description }].compactMap { $0 }
        case let .transferAnswered(to, state): return [w.t(.dynamic("timeline.transfer." + state.rawValue)), w.stationName(to)]
        }
    }
}
