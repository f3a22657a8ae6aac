import DeskModel
import Foundation

/// One case as text for the command line: every tab of the case sheet, one after the other,
/// with identity and session notes masked unless revealed. Made from the record, her words, the
/// clock and the case's directives: no desk, no screen.
public enum CaseReport {
    public static func text(_ record: CaseRecord, words: Words, clock: DeskClock, directives: [Directive],
                            reveal: Bool, notes: Bool) -> String {
        let ctx = CaseSheet.Context(words: words, clock: clock, caseDirectives: directives)
        var sheet = CaseSheet(tab: .intake, revealed: reveal, notesShown: notes, printing: true)
        var out = ctx.t(.detail_title, record.number.description) + " · "
            + ctx.t(.detail_summary, ctx.label(record.status), ctx.label(record.riskLevel), words.stationName(record.stationID)) + "\n"
        if let alert = record.openAlert { out += ctx.t(.alert_banner, Day(alert.raisedAt).description) + "\n" }
        for tab in DetailTab.allCases {
            sheet.tab = tab
            out += "\n== " + ctx.t(.dynamic("tab." + tab.rawValue)) + " ==\n"
            for line in sheet.lines(record, ctx: ctx) {
                let text = line.value.isEmpty ? line.label : "  " + TextWidth.fit(line.label, to: 30) + "  " + line.value
                out += text.replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression) + "\n"
            }
        }
        return out
    }
}
