import DeskModel
import Foundation

/// The case screen draws the case sheet (Text/CaseSheet) with what it shows now.
extension CaseDetailScreen {
    func lines(_ r: CaseRecord, ctx: DeskContext) -> [DetailLine] {
        // As drawing the plan always did: the selection kept within the plan.
        if tab == .plan { stepIndex = CaseSheet.clamped(stepIndex, r.plan.count) }
        let sheet = CaseSheet(tab: tab, revealed: revealed, notesShown: canReadNotes(ctx, r), printing: printing,
                              stepIndex: stepIndex)
        return sheet.lines(r, ctx: CaseSheet.Context(words: ctx.words, clock: ctx.clock, caseDirectives: ctx.directives(for: r.id)))
    }

    static func stamp(_ date: Date) -> String { CaseSheet.stamp(date) }

    /// "BNS 85": the act and section of an offence, without its words.
    static func code(_ o: Offence, _ ctx: DeskContext) -> String {
        CaseSheet.code(o, CaseSheet.Context(words: ctx.words, clock: ctx.clock, caseDirectives: []))
    }
}
