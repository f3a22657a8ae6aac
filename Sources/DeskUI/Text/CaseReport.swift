import DeskModel
import Foundation

/// One case as text for the command line: every tab of the case view, one after the other,
/// with identity and session notes masked unless revealed.
public enum CaseReport {
    public static func text(_ record: CaseRecord, ctx: DeskContext, reveal: Bool, notes: Bool) -> String {
        let view = CaseDetailScreen(caseID: record.id)
        view.revealed = reveal
        view.notesRevealed = notes
        view.printing = true
        var out = ctx.t("detail.title", record.number.description) + " · "
            + ctx.t("detail.summary", ctx.label(record.status), ctx.label(record.riskLevel), ctx.stationName(record.stationID)) + "\n"
        if let alert = record.openAlert { out += ctx.t("alert.banner", Day(alert.raisedAt).description) + "\n" }
        for tab in DetailTab.allCases {
            view.tab = tab
            out += "\n== " + ctx.t("tab." + tab.rawValue) + " ==\n"
            for line in view.lines(record, ctx: ctx) {
                let text = line.value.isEmpty ? line.label : "  " + TextWidth.fit(line.label, to: 30) + "  " + line.value
                out += text.replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression) + "\n"
            }
        }
        return out
    }
}
