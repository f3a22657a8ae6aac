import DeskModel
import Foundation

/// Cases as rows for the command line: a text table, CSV or JSON. Identity masked unless `reveal`.
public struct CaseTable {
    let strings: Strings
    let language: Language
    let directory: Directory
    let reveal: Bool

    public init(strings: Strings, language: Language, directory: Directory, reveal: Bool) {
        self.strings = strings
        self.language = language
        self.directory = directory
        self.reveal = reveal
    }

    static let columns = ["number", "station", "reported", "name", "age", "phone", "category", "risk", "status", "tracks", "minor"]

    func label<C: Choice>(_ c: C) -> String { strings.text(.dynamic(c.labelKey), language) }

    /// The tracks she is on (counselling, rehabilitation, legal): one mark each in its place for
    /// the text table ("C·L"), codes for CSV and JSON ("counselling+legal").
    func tracks<C: ListedCase>(_ r: C, marks: Bool) -> String {
        let on = r.listedSummary.tracks
        guard marks else { return on.map(\.rawValue).joined(separator: "+") }
        return CaseTrack.allCases.map { on.contains($0) ? strings.text(.dynamic("list.track." + $0.rawValue), language) : "·" }.joined()
    }

    public func values<C: ListedCase>(_ r: C, marks: Bool = false) -> [String] {
        [r.number.description, r.stationID, Day(r.reportedAt).description,
         reveal ? r.listedName : Mask.name(r.listedName),
         r.listedAge.map(String.init) ?? "",
         reveal ? (r.listedPhone ?? "") : Mask.phone(r.listedPhone),
         label(r.listedCategory), label(r.riskLevel), label(r.status), tracks(r, marks: marks),
         r.isMinor ? strings.text(.choice_answer_yes, language) : ""]
    }

    public func text<C: ListedCase>(_ rows: [C]) -> String {
        let headers = Self.columns.map { strings.text(.dynamic("cli.col." + $0), language) }
        let body = rows.map { values($0, marks: true) }
        var widths = headers.map { TextWidth.of($0) }
        for row in body { for (i, v) in row.enumerated() { widths[i] = max(widths[i], TextWidth.of(v)) } }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { TextWidth.fit($0.element, to: widths[$0.offset]) }.joined(separator: "  ")
                .replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression) + "\n"
        }
        var out = line(headers)
        out += line(widths.map { String(repeating: "-", count: $0) })
        for row in body { out += line(row) }
        out += strings.text(.cli_caseCount, language, rows.count) + "\n"
        return out
    }

    public func csv<C: ListedCase>(_ rows: [C]) -> String {
        func quote(_ v: String) -> String {
            // A leading =, +, - or @ would run as a formula in a spreadsheet.
            var v = v
            if let first = v.first, "=+-@".contains(first) { v = "'" + v }
            return v.contains(where: { ",\"\n".contains($0) }) || v != v.trimmingCharacters(in: .whitespaces)
                ? "\"" + v.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : v
        }
        var out = Self.columns.joined(separator: ",") + "\n"
        for r in rows { out += values(r).map(quote).joined(separator: ",") + "\n" }
        return out
    }

    public func json<C: ListedCase>(_ rows: [C]) -> String {
        let objects = rows.map { r in Dictionary(uniqueKeysWithValues: zip(Self.columns, values(r))) }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(objects) else { return "[]" }
        return String(decoding: data, as: UTF8.self)
    }
}
