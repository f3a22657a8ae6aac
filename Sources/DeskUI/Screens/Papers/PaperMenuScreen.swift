import Foundation
import DeskModel

/// The papers of a case (p on the case screen): those her role may print, then the switches
/// (the paper's language, Hindi first; the slip's discreet wording; the summary's notes, only
/// when she agreed; browser or printer). Choosing a paper sends it and says so, or says why not.
final class PaperMenuScreen: MenuScreen {
    let caseID: UUID
    var options = PaperOptions(language: .hi)
    var way = PaperOutput.Way.browser

    init(caseID: UUID) {
        self.caseID = caseID
    }

    override func title(_ ctx: DeskContext) -> String {
        ctx.t(.papers_title, ctx.listing(caseID)?.number.description ?? "")
    }

    override func heading(_ ctx: DeskContext) -> String { ctx.t(.papers_heading) }

    override func items(_ ctx: DeskContext) -> [MenuItem] {
        guard let record = ctx.record(caseID) else { return [] }
        var items: [MenuItem] = PaperMaker.kinds(for: ctx.user, stationID: record.stationID).map { kind in
            MenuItem(label: ctx.t(.dynamic("papers.item." + kind.rawValue)), detail: ctx.t(.dynamic("papers.about." + kind.rawValue))) {
                if let problem = ctx.printPaper(kind, caseID: self.caseID, options: self.options, way: self.way) {
                    ctx.say(problem, .error)
                } else {
                    ctx.say(self.way == .browser ? .papers_opened : .papers_printed, .ok, ctx.t(.dynamic("paper.title." + kind.rawValue)))
                }
                return .stay
            }
        }
        let lang = options.language == .hi ? "हिन्दी" : "English"
        items.append(MenuItem(label: ctx.t(.papers_language), detail: lang, letter: "l") {
            self.options.language = self.options.language.other
            return .stay
        })
        items.append(MenuItem(label: ctx.t(.papers_discreet), detail: ctx.t(options.discreet ? .papers_on : .papers_off), letter: "w") {
            self.options.discreet.toggle()
            return .stay
        })
        if Access.allows(ctx.user, .counsel, stationID: record.stationID) {
            items.append(MenuItem(label: ctx.t(.papers_notes), detail: ctx.t(options.notesAgreed ? .papers_on : .papers_off),
                                  letter: "n") {
                self.options.notesAgreed.toggle()
                return .stay
            })
        }
        items.append(MenuItem(label: ctx.t(.papers_way), detail: ctx.t(.dynamic("papers.way." + way.rawValue)), letter: "o") {
            self.way = self.way == .browser ? .printer : .browser
            return .stay
        })
        return items
    }
}
