import DeskModel
import Foundation

extension DeskContext {
    /// Sends papers somewhere else than the browser or the printer (tests, the command line).
    public func routePapers(_ sink: ((String, PaperOutput.Way) throws -> Void)?) { eventBook.paperSink = sink }

    /// Makes a paper of a case as the model allows it, writes the audit line, then sends the page
    /// to the browser or the printer. Returns why not, in a strings key, or nil when sent.
    @discardableResult
    public func printPaper(_ kind: PaperKind, caseID: UUID, options: PaperOptions, way: PaperOutput.Way) -> StringKey? {
        guard let record = record(caseID) else { return StringKey.paper_refused_notAllowed }
        switch PaperMaker.make(kind, for: record, by: user, partners: partners, options: options, today: today) {
        case .failure(let refusal): return .dynamic("paper.refused." + refusal.rawValue)
        case .success(let paper):
            let html = PaperHTML(strings: strings, directory: directory).page(paper, signer: user)
            // On record first: a paper that cannot be audited is not printed.
            let detail = "\(kind.rawValue) \(options.language.rawValue) \(way.rawValue) \(record.number)"
                + (options.discreet && kind == .slip ? " discreet" : "") + (options.notesAgreed && kind == .counsellingSummary ? " notes" : "")
            guard log(.paperPrinted, caseID: record.id, detail: detail) else { return StringKey.audit_cannotWrite }
            do {
                if let sink = eventBook.paperSink {
                    try sink(html, way)
                } else if way == .browser {
                    try PaperOutput.openInBrowser(html)
                } else {
                    try PaperOutput.sendToPrinter(html)
                }
            } catch PaperOutput.Problem.noProgram {
                return StringKey.paper_noProgram
            } catch {
                return StringKey.paper_failed
            }
            return nil
        }
    }
}
