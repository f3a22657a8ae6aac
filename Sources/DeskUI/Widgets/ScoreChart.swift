import DeskModel

/// A questionnaire's scores over time, drawn as one bar per score with its band, and the change
/// since the first score (3 points or more down is improvement).
enum ScoreChart {
    static let barWidth = 27

    static func lines(_ instrument: Instrument, _ scores: [Screening], ctx: Words) -> [DetailLine] {
        guard let first = scores.first, let last = scores.last else { return [] }
        var out = [DetailLine(label: ctx.t(.dynamic("chart.title." + instrument.rawValue), instrument.maxTotal), style: .label)]
        for s in scores {
            out.append(DetailLine(label: "   " + bar(s, instrument: instrument) + "  " + ctx.t(.dynamic("severity." + s.severity.rawValue)),
                                  style: style(s)))
        }
        if scores.count > 1 {
            let change = last.change(since: first)
            let key: StringKey = last.isImprovement(since: first) ? .chart_improved : change <= -3 ? .chart_worse : .chart_noChange
            let signed = change > 0 ? "−\(change)" : change < 0 ? "+\(-change)" : "0"
            out.append(DetailLine(label: "   " + ctx.t(key, first.total, last.total, signed),
                                  style: key == .chart_improved ? .ok : key == .chart_worse ? .error : .dim))
        }
        return out
    }

    /// "02-09-2026 14/27 ██████████████·············" — the day, the total out of the maximum, a bar
    /// drawn to that maximum (the dots run to it): a GAD-7 of 13/21 is longer than a PHQ-9 of 12/27
    /// because each bar is its own scale, and both say so.
    static func bar(_ s: Screening, instrument: Instrument) -> String {
        let filled = (s.total * barWidth + instrument.maxTotal / 2) / instrument.maxTotal
        let total = (s.total < 10 ? " \(s.total)" : "\(s.total)") + "/\(instrument.maxTotal)"
        return s.day.description + " " + total + " " + String(repeating: "█", count: filled)
            + String(repeating: "·", count: barWidth - filled)
    }

    static func style(_ s: Screening) -> Style {
        if s.needsImmediateAction { return .high }
        switch s.severity {
        case .minimal, .mild: return .ok
        case .moderate: return .warning
        case .moderatelySevere, .severe: return .error
        }
    }
}
