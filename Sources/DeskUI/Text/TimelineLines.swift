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

    static func items(_ r: CaseRecord, directives: [Directive], ctx: DeskContext) -> [Item] {
        var out = r.events.map { e in
            Item(at: e.at, by: e.by, text: ctx.t("timeline." + e.kind.rawValue) + detail(e, ctx: ctx),
                 style: e.kind == .alertRaised ? .high : e.kind == .remark ? .normal : .dim)
        }
        if !r.events.contains(where: { $0.kind == .intake }) {
            out.append(Item(at: r.createdAt, by: r.deskOfficerID, text: ctx.t("timeline.intake") + " · " + r.number.description,
                            style: .dim))
        }
        for d in directives {
            out.append(Item(at: d.at, by: d.by, text: ctx.t("timeline.directive") + " · " + d.text, style: .warning))
            if let done = d.doneAt {
                out.append(Item(at: done, by: d.doneBy ?? "", text: ctx.t("timeline.directiveDone") + " · " + d.reply, style: .ok))
            }
        }
        return out.enumerated().sorted { ($0.element.at, $0.offset) > ($1.element.at, $1.offset) }.map(\.element)
    }

    static func lines(_ r: CaseRecord, directives: [Directive], ctx: DeskContext) -> [DetailLine] {
        let all = items(r, directives: directives, ctx: ctx)
        var out = [DetailLine(label: ctx.t("timeline.heading", all.count), style: .label)]
        for item in all {
            out.append(DetailLine(label: CaseDetailScreen.stamp(item.at) + "  " + ctx.userName(item.by), style: .label))
            out.append(DetailLine(label: "   " + item.text, style: item.style == .dim ? .normal : item.style))
        }
        return out
    }

    /// An event's detail with its codes in her language: "shgLinkage · nrlm · sent" → "SHG linkage · NRLM · Sent".
    static func detail(_ e: CaseEvent, ctx: DeskContext) -> String {
        guard !e.detail.isEmpty else { return "" }
        if e.kind == .remark || e.kind == .alertClosed { return " · " + e.detail }
        let lists = ["status", "stepKind", "stepStatus", "referral", "sessionMode", "outcome"]
        let words = e.detail.components(separatedBy: " · ").map { token -> String in
            let parts = token.components(separatedBy: " → ")
            return parts.map { part -> String in
                for list in lists where ctx.strings.has("choice.\(list).\(part)", .en) { return ctx.t("choice.\(list).\(part)") }
                if ctx.partners.contains(where: { $0.id == part }) { return ctx.partnerName(part) }
                // "firDay 12-08-2026": a field and its day.
                let bits = part.split(separator: " ", maxSplits: 1).map(String.init)
                if bits.count == 2, ctx.strings.has("entry." + bits[0], .en) { return ctx.t("entry." + bits[0]) + " " + bits[1] }
                if ctx.strings.has("event." + part, .en) { return ctx.t("event." + part) }
                return part
            }.joined(separator: " → ")
        }
        return " · " + words.joined(separator: " · ")
    }
}
