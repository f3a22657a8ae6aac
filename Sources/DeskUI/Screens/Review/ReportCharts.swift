import DeskModel
import Foundation

/// The three charts of a report, with their words in her language.
public struct ReportCharts {
    let strings: Strings
    let language: Language
    let directory: Directory

    public init(strings: Strings, language: Language, directory: Directory) {
        self.strings = strings
        self.language = language
        self.directory = directory
    }

    func t(_ key: StringKey) -> String { strings.text(key, language) }

    /// The charts without a report period (the command line's SVG): counted over all time.
    public func all(_ summaries: [CaseSummary], stationIDs: [String], last: Day) -> [ChartData] {
        all(summaries, stationIDs: stationIDs, period: nil, last: last)
    }

    /// The charts of a report page: each says its period, and the per-station figures are the
    /// page's own (worked out by `Report.make` for each station, so that the bars add up to the
    /// page's totals).
    public func all(_ summaries: [CaseSummary], stationIDs: [String], period: ReportPeriod?, last: Day,
                    events: [AwarenessEvent] = []) -> [ChartData] {
        let stations = stationIDs.map { ($0, directory.station($0)?.name(language) ?? $0) }
        let stages: [CaseStatus] = [.open, .counselling, .rehabilitation, .legal]
        let months = String(format: "%02d-%04d", last.month, last.year)
        let during = period.map { strings.text(.chart_during, language, arguments: [$0.start.description, $0.end.description]) }
            ?? t(.chart_allTime)
        return [
            ChartData(title: t(.chart_stages) + " · " + strings.text(.chart_asOf, language, arguments: [last.description]),
                      partNames: stages.map { strings.text(.dynamic($0.labelKey), language) },
                      bars: ChartData.stages(summaries, stations: stations)),
            ChartData(title: t(.chart_trend) + " · " + strings.text(.chart_monthsTo, language, arguments: [months]),
                      partNames: [t(.chart_trend)],
                      bars: ChartData.newByMonth(summaries, stationIDs: Set(stationIDs), last: last)),
            ChartData(title: t(.chart_shg) + " · " + during, partNames: [t(.chart_counselled), t(.chart_linked)],
                      bars: ChartData.counselledVsSHG(summaries, stations: stations, period: period), stacked: false),
        ] + eventCharts(EventCount.make(events, period: period, stationIDs: stationIDs), during: during)
    }

    /// Prevention: people reached by audience (women, men, children stacked), events by topic.
    func eventCharts(_ c: EventCount, during: String) -> [ChartData] {
        [
            ChartData(title: t(.chart_reachedByAudience) + " · " + during,
                      partNames: [t(.report_reachedWomen), t(.report_reachedMen), t(.report_reachedChildren)],
                      bars: EventAudience.allCases.map { a in
                          ChartData.Bar(label: strings.text(.dynamic(a.labelKey), language), parts: c.partsByAudience[a] ?? [0, 0, 0])
                      }),
            ChartData(title: t(.chart_eventsByTopic) + " · " + during, partNames: [t(.report_events)],
                      bars: EventTopic.allCases.map { ChartData.Bar(label: strings.text(.dynamic($0.labelKey), language),
                                                                    parts: [c.eventsByTopic[$0] ?? 0]) }),
        ]
    }

    /// The charts one below the other in one SVG document.
    public static func svgDocument(_ charts: [ChartData]) -> String {
        var y = 0
        var body = ""
        for chart in charts {
            let one = chart.svg()
            let height = Int(one.components(separatedBy: "height=\"").dropFirst().first?.prefix { $0.isNumber } ?? "") ?? 200
            body += "<g transform=\"translate(0,\(y))\">\n" + one.split(separator: "\n").dropFirst().dropLast().joined(separator: "\n") + "\n</g>\n"
            y += height + 10
        }
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"720\" height=\"\(y)\" "
            + "font-family=\"Noto Sans, Noto Sans Devanagari, sans-serif\" font-size=\"13\">\n" + body + "</svg>\n"
    }

    /// A chart as terminal lines: one row per bar, parts drawn with different shades, the total after.
    public static func lines(_ chart: ChartData, width: Int) -> [String] {
        let shades: [Character] = ["█", "▓", "▒", "░", "▪"]
        let labelWidth = min(18, max(8, chart.bars.map { TextWidth.of($0.label) }.max() ?? 8))
        let barWidth = max(4, width - labelWidth - 8)
        let scale = Double(barWidth) / Double(max(1, chart.maxTotal))
        var out = [chart.title]
        if chart.partNames.count > 1 {
            out.append("  " + chart.partNames.enumerated().map { "\(shades[$0.offset % shades.count]) \($0.element)" }.joined(separator: "  "))
        }
        for bar in chart.bars {
            if !chart.stacked {
                // Side by side: one line per part, the label on the first.
                for (i, part) in bar.parts.enumerated() {
                    let label = i == 0 ? bar.label : ""
                    let cells = min(barWidth, Int((Double(part) * scale).rounded()))
                    out.append("  " + TextWidth.fit(label, to: labelWidth) + " "
                               + String(repeating: shades[i % shades.count], count: cells) + " \(part)")
                }
                continue
            }
            var line = "  " + TextWidth.fit(bar.label, to: labelWidth) + " "
            var used = 0
            for (i, part) in bar.parts.enumerated() {
                let cells = Int((Double(part) * scale).rounded())
                line += String(repeating: shades[i % shades.count], count: min(cells, barWidth - used))
                used += min(cells, barWidth - used)
            }
            out.append(line + " \(bar.total)")
        }
        return out
    }
}
