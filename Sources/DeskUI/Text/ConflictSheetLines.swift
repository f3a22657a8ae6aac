import DeskModel
import Foundation

/// A field changed on two machines at once (replication): shown at the top of the case with both
/// values, who and when, her identity masked until revealed.
extension CaseSheet {
    func conflictLines(_ r: CaseRecord, ctx: Context) -> [DetailLine] {
        guard !r.conflicts.isEmpty else { return [] }
        var out: [DetailLine] = []
        for c in r.conflicts {
            out.append(DetailLine(label: ctx.t("conflict.banner", Self.conflictField(c.path, ctx.strings, ctx.language)), style: .error))
            for choice in c.choices {
                let shown = Self.shownValue(choice, path: c.path, revealed: revealed, strings: ctx.strings, language: ctx.language)
                out.append(DetailLine(label: "   " + ctx.t("conflict.choice", shown, ctx.userName(choice.by), Self.stamp(choice.at)),
                                      style: .warning))
            }
        }
        out.append(DetailLine(label: ctx.t("conflict.hint"), style: .dim))
        out.append(DetailLine(label: ""))
        return out
    }

    static func conflictField(_ path: String, _ strings: Strings, _ language: Language) -> String {
        let name = CaseRecord.fieldName(of: path)
        return strings.has("field." + name, language) ? strings.text("field." + name, language) : name
    }

    static func shownValue(_ choice: FieldConflict.Choice, path: String, revealed: Bool, strings: Strings, language: Language) -> String {
        if path.hasPrefix("identity."), !revealed { return "•••" }
        let key = "choice.\(CaseRecord.fieldName(of: path)).\(choice.shown)"
        return strings.has(key, language) ? strings.text(key, language) : choice.shown
    }
}
