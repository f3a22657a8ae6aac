import Foundation

/// The series a person would rather look at than read: cases by stage per station, new cases by
/// month, counselled against linked to an SHG. Drawn in the terminal and written as SVG.
public struct ChartData: Equatable, Sendable {
    public struct Bar: Equatable, Sendable {
        public var label: String
        /// Stacked parts, in order.
        public var parts: [Int]
        public var total: Int { parts.reduce(0, +) }

        public init(label: String, parts: [Int]) {
            self.label = label
            self.parts = parts
        }
    }

    public var title: String
    public var partNames: [String]
    public var bars: [Bar]
    /// Parts stacked into one bar (stages of a whole), or drawn side by side (a part of another).
    public var stacked: Bool

    public init(title: String, partNames: [String], bars: [Bar], stacked: Bool = true) {
        self.title = title
        self.partNames = partNames
        self.bars = bars
        self.stacked = stacked
    }

    /// The longest bar: a whole stack, or the largest single part.
    public var maxTotal: Int { bars.map { stacked ? $0.total : ($0.parts.max() ?? 0) }.max() ?? 0 }

    /// Open cases by stage at each station (counted cases only, like every statistic).
    public static func stages(_ summaries: [CaseSummary], stations: [(id: String, name: String)]) -> [Bar] {
        let stages: [CaseStatus] = [.open, .counselling, .rehabilitation, .legal]
        return stations.map { st in
            let mine = summaries.filter { $0.stationID == st.id && $0.countable }
            return Bar(label: st.name, parts: stages.map { stage in mine.filter { $0.status == stage }.count })
        }
    }

    /// New cases in each of the `months` months ending with `last`'s month.
    public static func newByMonth<S: Sequence>(_ summaries: S, stationIDs: Set<String>, last: Day, months: Int = 12) -> [Bar]
        where S.Element == CaseSummary {
        var tally = NewByMonth(stationIDs: stationIDs, last: last, months: months)
        for s in summaries { tally.add(s) }
        return tally.bars
    }

    /// New cases by month counted one case at a time, in one pass (the district's cases are many;
    /// twelve passes copied them), and in parts that merge (`SummaryIndex.fold`).
    public struct NewByMonth: Sendable {
        let stationIDs: Set<String>
        let lastMonth: Int
        var counts: [Int]

        public init(stationIDs: Set<String>, last: Day, months: Int = 12) {
            self.stationIDs = stationIDs
            lastMonth = last.year * 12 + last.month - 1
            counts = [Int](repeating: 0, count: max(0, months))
        }

        public mutating func add(_ s: CaseSummary) {
            guard s.countable, stationIDs.contains(s.stationID) else { return }
            let d = s.reportedDay
            let back = lastMonth - (d.year * 12 + d.month - 1)
            if back >= 0, back < counts.count { counts[counts.count - 1 - back] += 1 }
        }

        public mutating func merge(_ other: NewByMonth) {
            for i in counts.indices { counts[i] += other.counts[i] }
        }

        public var bars: [Bar] {
            counts.indices.map { i in
                let m = lastMonth - (counts.count - 1 - i)
                return Bar(label: String(format: "%02d-%04d", m % 12 + 1, m / 12), parts: [counts[i]])
            }
        }
    }

    /// Women counselled and linked to an SHG, per station: in `period` by the report's own
    /// definitions (a session in the period; an SHG linkage done, joined in the period), so that
    /// the bars add up to the report page's totals; without a period, ever.
    public static func counselledVsSHG(_ summaries: [CaseSummary], stations: [(id: String, name: String)],
                                       period: ReportPeriod? = nil) -> [Bar] {
        stations.map { st in
            if let period {
                let r = Report.make(summaries, period: period, stationIDs: [st.id], today: period.end)
                return Bar(label: st.name, parts: [r.counselled, r.linkedToSHG])
            }
            let mine = summaries.filter { $0.stationID == st.id && $0.countable }
            let counselled = mine.filter { !$0.sessionDays.isEmpty }.count
            let linked = mine.filter { $0.steps.contains { $0.kind == .shgLinkage && $0.status == .done } }.count
            return Bar(label: st.name, parts: [counselled, linked])
        }
    }

    /// The chart as an SVG document: horizontal bars, stacked parts, a legend, plain fonts.
    public func svg(width: Int = 720) -> String {
        let colours = ["#3b6ea5", "#e0a030", "#5a9e5a", "#b04a4a", "#7a5ea8"]
        let rowHeight = 22
        let labelWidth = 200
        let legendHeight = partNames.count > 1 ? 24 : 0
        let perBar = stacked ? 1 : max(1, partNames.count)
        let height = 40 + legendHeight + bars.count * rowHeight * perBar + 16
        let scale = Double(width - labelWidth - 60) / Double(max(1, maxTotal))
        func esc(_ s: String) -> String {
            s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
                .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
        }
        func fmt(_ v: Double) -> String { String(Double(Int(v * 10)) / 10) }
        var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(width)\" height=\"\(height)\" "
            + "font-family=\"Noto Sans, Noto Sans Devanagari, sans-serif\" font-size=\"13\">\n"
        out += "  <title>\(esc(title))</title>\n"
        out += "  <text x=\"10\" y=\"24\" font-size=\"16\" font-weight=\"bold\">\(esc(title))</text>\n"
        if partNames.count > 1 {
            var x = 10
            for (i, name) in partNames.enumerated() {
                out += "  <rect x=\"\(x)\" y=\"36\" width=\"12\" height=\"12\" fill=\"\(colours[i % colours.count])\"/>\n"
                out += "  <text x=\"\(x + 16)\" y=\"47\">\(esc(name))</text>\n"
                x += 24 + name.count * 8
            }
        }
        for (row, bar) in bars.enumerated() {
            let y0 = 40 + legendHeight + row * rowHeight * perBar
            out += "  <text x=\"10\" y=\"\(y0 + 15)\">\(esc(bar.label))</text>\n"
            var x = Double(labelWidth)
            for (i, part) in bar.parts.enumerated() {
                let y = stacked ? y0 : y0 + i * rowHeight
                if !stacked { x = Double(labelWidth) }
                let w = Double(part) * scale
                let name = esc(partNames.indices.contains(i) ? partNames[i] : "")
                if part > 0 {
                    out += "  <rect x=\"\(fmt(x))\" y=\"\(y + 3)\" width=\"\(fmt(w))\" height=\"16\" "
                        + "fill=\"\(colours[i % colours.count])\"><title>\(name): \(part)</title></rect>\n"
                }
                x += w
                if !stacked { out += "  <text x=\"\(fmt(x + 6))\" y=\"\(y + 15)\">\(part)</text>\n" }
            }
            if stacked { out += "  <text x=\"\(fmt(x + 6))\" y=\"\(y0 + 15)\">\(bar.total)</text>\n" }
        }
        return out + "</svg>\n"
    }
}
