/// The screening questionnaires a counsellor may use, with their published scoring.
public enum Instrument: String, Codable, CaseIterable, Sendable {
    /// Patient Health Questionnaire, nine items: depression.
    case phq9
    /// Generalised Anxiety Disorder scale, seven items.
    case gad7

    public var itemCount: Int { self == .phq9 ? 9 : 7 }
    public var maxTotal: Int { itemCount * 3 }
    public var displayName: String { self == .phq9 ? "PHQ-9" : "GAD-7" }

    /// PHQ-9: 0–4 minimal, 5–9 mild, 10–14 moderate, 15–19 moderately severe, 20–27 severe.
    /// GAD-7: 0–4 minimal, 5–9 mild, 10–14 moderate, 15–21 severe.
    public func severity(total: Int) -> Severity {
        switch (self, total) {
        case (_, ...4): return .minimal
        case (_, 5...9): return .mild
        case (_, 10...14): return .moderate
        case (.phq9, 15...19): return .moderatelySevere
        default: return .severe
        }
    }
}

/// How severe a total is, in the bands the instruments publish.
public enum Severity: String, Codable, CaseIterable, Sendable, Comparable {
    case minimal, mild, moderate, moderatelySevere, severe

    public static func < (a: Severity, b: Severity) -> Bool {
        allCases.firstIndex(of: a) ?? 0 < allCases.firstIndex(of: b) ?? 0
    }
}

public enum ScreeningError: Error, Equatable, Sendable {
    case wrongItemCount(expected: Int, got: Int)
    /// Item `item` (1-based) is not 0, 1, 2 or 3.
    case itemOutOfRange(item: Int)
}

/// One completed questionnaire: each item scored 0–3.
public struct Screening: Codable, Hashable, Sendable {
    public let instrument: Instrument
    public let items: [Int]
    public let day: Day

    public init(_ instrument: Instrument, items: [Int], day: Day) throws {
        guard items.count == instrument.itemCount else {
            throw ScreeningError.wrongItemCount(expected: instrument.itemCount, got: items.count)
        }
        if let bad = items.firstIndex(where: { !(0...3).contains($0) }) {
            throw ScreeningError.itemOutOfRange(item: bad + 1)
        }
        self.instrument = instrument
        self.items = items
        self.day = day
    }

    public var total: Int { items.reduce(0, +) }

    /// PHQ-9: 0–4 minimal, 5–9 mild, 10–14 moderate, 15–19 moderately severe, 20–27 severe.
    /// GAD-7: 0–4 minimal, 5–9 mild, 10–14 moderate, 15–21 severe.
    public var severity: Severity { instrument.severity(total: total) }

    /// PHQ-9 item 9 (thoughts of self-harm) above 0 needs action now, whatever the total.
    public var needsImmediateAction: Bool {
        instrument == .phq9 && itemNine > 0
    }

    /// PHQ-9's ninth answer (0 when absent, as in a GAD-7).
    public var itemNine: Int { instrument == .phq9 ? items.dropFirst(8).first ?? 0 : 0 }

    /// GAD-7 of 10 or more calls for further evaluation.
    public var needsFurtherEvaluation: Bool {
        instrument == .gad7 && total >= 10
    }

    /// Points fallen since the first score of the same instrument; 3 or more counts as improvement.
    public func change(since first: Screening) -> Int { first.total - total }

    public func isImprovement(since first: Screening) -> Bool { change(since: first) >= 3 }
}
