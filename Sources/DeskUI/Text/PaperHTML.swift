import DeskModel
import Foundation

/// A paper as one self-contained HTML page (no file, font or script from outside) with print CSS:
/// A4, Noto Sans Devanagari (Debian's fonts-noto-core), black on white. Terminals and `lp` cannot
/// shape Devanagari; a browser can.
public struct PaperHTML {
    let strings: Strings
    let directory: Directory

    public init(strings: Strings, directory: Directory) {
        self.strings = strings
        self.directory = directory
    }

    static let style = """
        @page { size: A4; margin: 18mm 16mm; }
        html { background: #fff; }
        body { font-family: "Noto Sans Devanagari", "Noto Sans", sans-serif; font-size: 12pt; line-height: 1.5;
               color: #000; margin: 0; }
        @media screen { body { max-width: 178mm; margin: 10mm auto; } }
        header { border-bottom: 1.5pt solid #000; padding-bottom: 3mm; margin-bottom: 6mm; }
        header .org { font-size: 10.5pt; }
        h1 { font-size: 17pt; margin: 1mm 0 0; }
        .to { margin-bottom: 5mm; }
        table.facts { border-collapse: collapse; margin: 2mm 0 5mm; width: 100%; }
        table.facts td { padding: 1.6mm 3mm 1.6mm 0; vertical-align: top; border-bottom: 0.5pt solid #999; }
        table.facts td.label { width: 52mm; color: #222; }
        ul.ticks, ul.lines { padding-left: 0; list-style: none; }
        ul.ticks li::before { content: "\\2611\\00a0\\00a0"; }
        ul.lines li { margin: 1mm 0; }
        p { margin: 0 0 3mm; }
        .sign { margin-top: 18mm; display: flex; justify-content: space-between; }
        .sign div { border-top: 0.8pt solid #000; padding-top: 1.5mm; min-width: 60mm; }
        footer { margin-top: 12mm; font-size: 9pt; color: #333; }
        """

    func t(_ key: StringKey, _ lang: Language, _ args: CustomStringConvertible...) -> String {
        strings.text(key, lang, arguments: args)
    }

    static func escape(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }

    func value(_ pieces: [PaperPiece], _ lang: Language) -> String {
        pieces.map { piece in
            switch piece {
            case .key(let k): return Self.escape(strings.text(.dynamic(k), lang))
            case .text(let s): return Self.escape(s)
            }
        }.joined()
    }

    func partnerName(_ id: String, _ lang: Language) -> String {
        guard let p = directory.partners.first(where: { $0.id == id }) else { return id }
        return lang == .hi ? p.nameHi : p.nameEn
    }

    /// A district's name in her language (as written in the directory when the strings have none).
    func district(_ name: String, _ lang: Language) -> String {
        strings.has(.dynamic("district." + name), lang) ? strings.text(.dynamic("district." + name), lang) : name
    }

    /// The whole page.
    public func page(_ paper: Paper, signer: User?) -> String {
        let lang = paper.options.language
        let discreet = paper.kind == .slip && paper.options.discreet
        let station = directory.station(paper.stationID)
        let stationName = station?.name(lang) ?? paper.stationID
        let titleKey = discreet ? StringKey.paper_title_slipDiscreet : .dynamic("paper.title." + paper.kind.rawValue)
        var body: [String] = []
        body.append("<header>")
        if !discreet {
            body.append("<div class=\"org\">" + Self.escape(t(.paper_org, lang, stationName, district(station?.district ?? "", lang))) + "</div>")
        }
        body.append("<h1>" + Self.escape(t(titleKey, lang)) + "</h1>")
        if let phone = station?.deskPhone, !phone.isEmpty {
            body.append("<div>" + Self.escape(t(discreet ? .paper_callDiscreet : .paper_deskPhone, lang, phone)) + "</div>")
        }
        body.append("</header>")
        switch paper.kind {
        case .referral:
            let names = paper.partnerIDs.map { partnerName($0, lang) }.joined(separator: ", ")
            body.append("<div class=\"to\">" + Self.escape(t(.paper_to, lang, names)) + "</div>")
        case .reliefCertificate:
            body.append("<div class=\"to\">" + Self.escape(t(.paper_cert_to, lang, district(station?.district ?? "", lang))) + "</div>")
        default: break
        }
        let fixedFirst = paper.paragraphs.first.map { [$0] } ?? []
        for key in fixedFirst { body.append("<p>" + Self.escape(t(.dynamic(key), lang, stationName)) + "</p>") }
        if !paper.rows.isEmpty {
            body.append("<table class=\"facts\">")
            for row in paper.rows {
                body.append("<tr><td class=\"label\">" + Self.escape(t(.dynamic("paper.field." + row.label), lang)) + "</td><td>"
                            + value(row.value, lang) + "</td></tr>")
            }
            body.append("</table>")
        }
        if !paper.ticks.isEmpty {
            let helplines = paper.kind == .slip
            if helplines { body.append("<p><b>" + Self.escape(t(.paper_helplines, lang)) + "</b></p>") }
            body.append(helplines ? "<ul class=\"lines\">" : "<ul class=\"ticks\">")
            for key in paper.ticks {
                body.append("<li>" + Self.escape(t(.dynamic(discreet ? key.replacingOccurrences(of: "paper.helpline.", with: "paper.helplineDiscreet.")
                                                                      : key), lang)) + "</li>")
            }
            body.append("</ul>")
        }
        if paper.kind == .dvNotice, !paper.partnerIDs.isEmpty {
            body.append("<p><b>" + Self.escape(t(.paper_dv_contacts, lang)) + "</b></p><ul class=\"lines\">")
            for id in paper.partnerIDs { body.append("<li>" + Self.escape(partnerName(id, lang)) + "</li>") }
            body.append("</ul>")
        }
        for key in paper.paragraphs.dropFirst() { body.append("<p>" + Self.escape(t(.dynamic(key), lang, stationName)) + "</p>") }
        if paper.kind != .slip {
            let who = signer.map { $0.name(lang) + " · " + strings.text(.dynamic("role." + $0.role.rawValue), lang) } ?? ""
            var sign = "<div class=\"sign\"><div>" + Self.escape(t(paper.kind == .reliefCertificate ? .paper_signOIC : .paper_signOfficer,
                                                                 lang, who)) + "</div>"
            if paper.kind == .dvNotice { sign += "<div>" + Self.escape(t(.paper_signHer, lang)) + "</div>" }
            body.append(sign + "</div>")
        }
        body.append("<footer>" + Self.escape(discreet ? t(.paper_printedDiscreet, lang, paper.printedOn.description)
                                              : t(.paper_printed, lang, paper.printedOn.description, paper.caseNumber)) + "</footer>")
        return """
            <!DOCTYPE html>
            <html lang="\(lang.rawValue)">
            <head>
            <meta charset="utf-8">
            <title>\(Self.escape(t(titleKey, lang)))</title>
            <style>
            \(Self.style)
            </style>
            </head>
            <body>
            \(body.joined(separator: "\n"))
            </body>
            </html>

            """
    }
}
