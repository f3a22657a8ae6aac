import DeskModel
import Foundation

/// The district's returns as text (the screen and the file: one row per station, the total, the
/// referrals by partner, what each column counts) and as CSV, in her language.
public struct ReturnsText {
    let strings: Strings
    let language: Language
    let directory: Directory
    static let nameWidth = 12
    static let cell = 6

    public init(strings: Strings, language: Language, directory: Directory) {
        self.strings = strings
        self.language = language
        self.directory = directory
    }

    func t(_ key: StringKey, _ args: CustomStringConvertible...) -> String { strings.text(key, language, arguments: args) }

    func cells(_ values: [String]) -> String {
        values.map { String(repeating: " ", count: max(1, Self.cell - TextWidth.of($0))) + $0 }.joined()
    }

    func name(_ id: String) -> String {
        TextWidth.fit(id.isEmpty ? t(.returns_total) : directory.station(id)?.name(language) ?? id, to: Self.nameWidth)
    }

    public func heading(_ r: Returns) -> String {
        guard let p = r.period else { return t(.returns_sinceStart, r.generated.description) }
        return t(.returns_month, String(format: "%02d-%04d", p.start.month, p.start.year))
    }

    public func lines(_ r: Returns) -> [String] {
        var out: [String] = []
        if r.period == nil {
            // How the initiative counts: women identified and counselled, since the desk began.
            out.append(t(.returns_headline, r.total.identified, r.total.counselled, r.total.linkedToSHG))
            out.append(t(.returns_headline2, r.total.events, r.total.reached))
            out.append("")
        }
        out.append(TextWidth.fit(t(.returns_station), to: Self.nameWidth) + cells(Returns.columns.map { t(.dynamic("returns.col." + $0)) }))
        for row in r.rows { out.append(name(row.stationID) + cells(row.figures.map(String.init))) }
        out.append(String(repeating: "─", count: Self.nameWidth + Self.cell * Returns.columns.count))
        out.append(name("") + cells(r.total.figures.map(String.init)))
        out.append("")
        out.append(t(.returns_byPartner))
        out.append(TextWidth.fit(t(.returns_station), to: Self.nameWidth) + cells(Returns.partnerKinds.map { t(.dynamic("returns.kind." + $0)) }))
        for row in r.rows + [r.total] {
            out.append(name(row.stationID) + cells(Returns.partnerKinds.map { String(row.referredByKind[$0] ?? 0) }))
        }
        out.append("")
        out.append(t(.returns_papersAndPaid, r.total.compensationPaid, r.total.dvNotices, r.total.reliefCertificates))
        out.append("")
        for key in [StringKey.returns_legend1, .returns_legend2, .returns_legend3, .returns_legend4] { out.append(t(key)) }
        out.append(t(.returns_consent, r.leftOut))
        return out
    }

    /// The page for a file: the returns' heading, the district, then the table.
    public func text(_ r: Returns, stationIDs: [String]) -> String {
        let names = stationIDs.map { directory.station($0)?.name(language) ?? $0 }.joined(separator: ", ")
        return ([t(.returns_title), heading(r), t(.report_scope, names), ""] + lines(r)).joined(separator: "\n") + "\n"
    }

    /// station,column,count in English codes (a spreadsheet sums it).
    public static func csv(_ r: Returns) -> String {
        var out = "station,item,count\n"
        for row in r.rows + [r.total] {
            let station = row.stationID.isEmpty ? "total" : row.stationID
            for (key, value) in zip(Returns.columns, row.figures) { out += "\(station),\(key),\(value)\n" }
            out += "\(station),compensation paid,\(row.compensationPaid)\n"
            out += "\(station),dv notices given,\(row.dvNotices)\n"
            out += "\(station),relief certificates issued,\(row.reliefCertificates)\n"
            for kind in Returns.partnerKinds { out += "\(station),referred \(kind),\(row.referredByKind[kind] ?? 0)\n" }
        }
        return out
    }
}
