import DeskModel
import Foundation

/// A report as a printable page (header, sections, totals), as CSV rows and as JSON, in her
/// language. The same words as the screen, from the strings.
public struct ReportText {
    let strings: Strings
    let language: Language
    let directory: Directory
    public static let width = 72

    public init(strings: Strings, language: Language, directory: Directory) {
        self.strings = strings
        self.language = language
        self.directory = directory
    }

    func t(_ key: StringKey, _ args: CustomStringConvertible...) -> String { strings.text(key, language, arguments: args) }
    func label<C: Choice>(_ c: C) -> String { strings.text(.dynamic(c.labelKey), language) }
    func stationNames(_ r: Report) -> String {
        r.stationIDs.map { directory.station($0)?.name(language) ?? $0 }.joined(separator: ", ")
    }
    func partner(_ id: String) -> String {
        guard let p = directory.partners.first(where: { $0.id == id }) else { return id.isEmpty ? "—" : id }
        return language == .hi ? p.nameHi : p.nameEn
    }

    /// "  Label ........ 12": a row with dot leaders, right-aligned figure.
    func row(_ text: String, _ value: Int, indent: Int = 2) -> String {
        let left = String(repeating: " ", count: indent) + text + " "
        let number = " \(value)"
        let dots = max(1, Self.width - TextWidth.of(left) - TextWidth.of(number))
        return left + String(repeating: ".", count: dots) + number
    }

    /// The sections as (heading, rows) pairs: the one source of the text page and the CSV.
    func sections(_ r: Report) -> [(String, [(String, Int)])] {
        var out: [(String, [(String, Int)])] = []
        out.append((t(.report_women), [
            (t(.report_identified), r.identified), (t(.report_counselled), r.counselled),
            (t(.report_screened), r.screened), (t(.report_linkedSHG), r.linkedToSHG),
            (t(.report_training), r.trainingOrLivelihood), (t(.report_sessions), r.sessionsHeld),
        ]))
        out.append((t(.report_byCategory), IncidentCategory.allCases.map { (label($0), r.byCategory[$0] ?? 0) }
                    + [(t(.report_total), r.byCategory.values.reduce(0, +))]))
        out.append((t(.report_byAge), AgeBand.allCases.map { (t(.dynamic("age." + $0.rawValue)), r.byAgeBand[$0] ?? 0) }
                    + [(t(.report_total), r.byAgeBand.values.reduce(0, +))]))
        out.append((t(.report_byArrival), ArrivalMode.allCases.map { (label($0), r.byArrival[$0] ?? 0) }
                    + [(t(.report_total), r.byArrival.values.reduce(0, +))]))
        out.append((t(.report_legal), [(t(.report_firs), r.firs), (t(.report_chargeSheets), r.chargeSheets),
                                        (t(.report_deadlinesMissed), r.deadlinesMissed)]))
        out.append((t(.report_paths), pathRows(r)))
        out += preventionSections(r.prevention)
        return out
    }

    /// The case's paths (issue 14): DV Act orders, compensation, safety plans, the trafficking
    /// outcomes, closures by reason and the middle of the days from intake to closure.
    func pathRows(_ r: Report) -> [(String, Int)] {
        var rows: [(String, Int)] = [
            (t(.report_dvReliefs), r.dvReliefs), (t(.report_compensationApplied), r.compensationApplied),
            (t(.report_compensationPaid), r.compensationPaid), (t(.report_safetyPlansMade), r.safetyPlansMade),
            (t(.report_safetyPlansReviewed), r.safetyPlansReviewed),
            (t(.report_repatriated), r.traffickingOutcomes[.repatriated] ?? 0),
            (t(.report_rehabilitated), r.traffickingOutcomes[.rehabilitated] ?? 0),
        ]
        rows += ClosureReason.allCases.map { (t(.report_closedBecause, label($0)), r.closuresByReason[$0] ?? 0) }
        if let days = r.medianDaysToClosure { rows.append((t(.report_daysToClosure), days)) }
        return rows
    }

    static let referralStates: [ReferralState] = [.sent, .accepted, .done, .declined]

    public func text(_ r: Report) -> String {
        var lines: [String] = []
        let rule = String(repeating: "=", count: Self.width)
        lines.append(t(.report_heading))
        lines.append(t(.report_scope, stationNames(r)))
        lines.append(t(.report_period, r.period.description))
        lines.append(t(.report_counted, r.generated.description, r.counted, r.leftOut))
        lines.append(rule)
        for (heading, rows) in sections(r) {
            lines.append("")
            lines.append(heading)
            for (text, value) in rows { lines.append(row(text, value)) }
        }
        lines.append("")
        lines.append(t(.report_referrals))
        let cols = Self.referralStates.map { t(.dynamic("report.col." + $0.rawValue)) } + [t(.report_total)]
        let nameWidth = Self.width - cols.count * 10
        lines.append("  " + TextWidth.fit(t(.report_partner), to: nameWidth - 2)
                     + cols.map { String(repeating: " ", count: max(1, 10 - TextWidth.of($0))) + $0 }.joined())
        var totals = [Int](repeating: 0, count: cols.count)
        for id in r.referrals.keys.sorted() {
            let counts = Self.referralStates.map { r.referrals[id]?[$0] ?? 0 }
            let all = counts + [counts.reduce(0, +)]
            for i in all.indices { totals[i] += all[i] }
            lines.append("  " + TextWidth.fit(partner(id), to: nameWidth - 2) + all.map { String(format: "%10d", $0) }.joined())
        }
        if r.referrals.isEmpty { lines.append("  " + t(.report_none)) }
        lines.append("  " + TextWidth.fit(t(.report_total), to: nameWidth - 2) + totals.map { String(format: "%10d", $0) }.joined())
        lines.append("")
        lines.append(rule)
        lines.append(t(.report_consentNote, r.leftOut))
        return lines.map { $0.replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression) }.joined(separator: "\n") + "\n"
    }

    /// section,item,count; a spreadsheet-safe CSV in English codes so that it sorts and sums.
    public static func csv(_ r: Report) -> String {
        var out = "section,item,count\n"
        func add(_ section: String, _ item: String, _ n: Int) { out += "\(section),\(item),\(n)\n" }
        add("period", "\(r.period.start)..\(r.period.end)", 0)
        add("scope", r.stationIDs.joined(separator: " "), r.stationIDs.count)
        add("consent", "counted", r.counted)
        add("consent", "leftOut", r.leftOut)
        add("women", "identified", r.identified)
        add("women", "counselled", r.counselled)
        add("women", "screened", r.screened)
        add("women", "linkedToSHG", r.linkedToSHG)
        add("women", "trainingOrLivelihood", r.trainingOrLivelihood)
        add("women", "sessionsHeld", r.sessionsHeld)
        for c in IncidentCategory.allCases { add("category", c.rawValue, r.byCategory[c] ?? 0) }
        for a in AgeBand.allCases { add("age", a.rawValue, r.byAgeBand[a] ?? 0) }
        for a in ArrivalMode.allCases { add("arrival", a.rawValue, r.byArrival[a] ?? 0) }
        for id in r.referrals.keys.sorted() {
            for s in referralStates { add("referral " + (id.isEmpty ? "none" : id), s.rawValue, r.referrals[id]?[s] ?? 0) }
        }
        add("legal", "firs", r.firs)
        add("legal", "chargeSheets", r.chargeSheets)
        add("legal", "deadlinesMissed", r.deadlinesMissed)
        add("paths", "dvReliefs", r.dvReliefs)
        add("paths", "compensationApplied", r.compensationApplied)
        add("paths", "compensationPaid", r.compensationPaid)
        add("paths", "safetyPlansMade", r.safetyPlansMade)
        add("paths", "safetyPlansReviewed", r.safetyPlansReviewed)
        for o in [TraffickingOutcome.repatriated, .rehabilitated] { add("trafficking", o.rawValue, r.traffickingOutcomes[o] ?? 0) }
        for c in ClosureReason.allCases { add("closedBecause", c.rawValue, r.closuresByReason[c] ?? 0) }
        if let days = r.medianDaysToClosure { add("paths", "medianDaysToClosure", days) }
        let e = r.prevention
        add("prevention", "events", e.events)
        add("prevention", "reached", e.reached)
        add("prevention", "women", e.women)
        add("prevention", "men", e.men)
        add("prevention", "children", e.children)
        for a in EventAudience.allCases { add("reachedByAudience", a.rawValue, e.reachedByAudience[a] ?? 0) }
        for t in EventTopic.allCases { add("eventsByTopic", t.rawValue, e.eventsByTopic[t] ?? 0) }
        return out
    }

    public static func json(_ r: Report) -> String {
        func dict<K: RawRepresentable>(_ d: [K: Int]) -> [String: Int] where K.RawValue == String {
            Dictionary(uniqueKeysWithValues: d.map { ($0.key.rawValue, $0.value) })
        }
        let object: [String: Any] = [
            "period": ["start": r.period.start.description, "end": r.period.end.description],
            "stations": r.stationIDs, "generated": r.generated.description,
            "counted": r.counted, "leftOutNoConsent": r.leftOut,
            "women": ["identified": r.identified, "counselled": r.counselled, "screened": r.screened,
                      "linkedToSHG": r.linkedToSHG, "trainingOrLivelihood": r.trainingOrLivelihood],
            "sessionsHeld": r.sessionsHeld,
            "byCategory": dict(r.byCategory), "byAgeBand": dict(r.byAgeBand), "byArrival": dict(r.byArrival),
            "referrals": r.referrals.mapValues { dict($0) },
            "legal": ["firs": r.firs, "chargeSheets": r.chargeSheets, "deadlinesMissed": r.deadlinesMissed],
            "paths": ["dvReliefs": r.dvReliefs, "compensationApplied": r.compensationApplied, "compensationPaid": r.compensationPaid,
                      "safetyPlansMade": r.safetyPlansMade, "safetyPlansReviewed": r.safetyPlansReviewed,
                      "trafficking": dict(r.traffickingOutcomes), "closedBecause": dict(r.closuresByReason),
                      "medianDaysToClosure": r.medianDaysToClosure ?? NSNull()],
            "prevention": ["events": r.prevention.events, "reached": r.prevention.reached, "women": r.prevention.women,
                           "men": r.prevention.men, "children": r.prevention.children,
                           "eventsByAudience": dict(r.prevention.eventsByAudience),
                           "reachedByAudience": dict(r.prevention.reachedByAudience),
                           "eventsByTopic": dict(r.prevention.eventsByTopic)],
        ]
        guard let data = try? JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys]) else { return "{}" }
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}

extension ReportText {
    /// Prevention: events held and people reached, then by audience (people) and by topic (events).
    func preventionSections(_ e: EventCount) -> [(String, [(String, Int)])] {
        [
            (t(.report_prevention), [(t(.report_events), e.events), (t(.report_reached), e.reached),
                                      (t(.report_reachedWomen), e.women), (t(.report_reachedMen), e.men),
                                      (t(.report_reachedChildren), e.children)]),
            (t(.report_byAudience), EventAudience.allCases.map { (label($0), e.reachedByAudience[$0] ?? 0) }),
            (t(.report_byTopic), EventTopic.allCases.map { (label($0), e.eventsByTopic[$0] ?? 0) }),
        ]
    }
}
