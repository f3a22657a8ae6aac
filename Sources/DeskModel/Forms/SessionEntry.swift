import Foundation

/// The session log form: what DOMAIN.md asks a counsellor to record.
enum SessionEntry {
    static let progressKeys = GoalArea.allCases.map { "progress." + $0.rawValue }

    static let fields: [EntryField] = [
        EntryField("day", .date, required: true),
        .choice("mode", SessionMode.self, required: true),
        EntryField("minutes", .number(5...480), required: true),
        EntryField("present", .text(maxLength: 60)),
        EntryField("problem", .text(maxLength: 160), required: true),
        .choice("moodStart", EmotionalState.self, empty: true, required: true),
        .choice("moodEnd", EmotionalState.self, empty: true, required: true),
        EntryField("done", .text(maxLength: 200)),
        EntryField("agreements", .text(maxLength: 160)),
    ] + progressKeys.map { .choice($0, GoalProgress.self) } + [
        EntryField("nextDay", .plannedDate),
    ]

    static func fillDefaults(_ form: inout EntryForm, record: CaseRecord, today: String) {
        form["day"] = today
        form["mode"] = SessionMode.inPerson.rawValue
        form["minutes"] = "45"
        for key in progressKeys { form[key] = GoalProgress.notDiscussed.rawValue }
    }

    static func crossCheck(_ form: EntryForm, _ key: String) -> ValidationError? {
        if key == "nextDay", let next = form.day("nextDay"), let day = form.day("day"), next <= day {
            return .notAfterSession
        }
        return nil
    }

    static func session(_ form: EntryForm, record: CaseRecord, by: String, at: Date) -> CounsellingSession {
        var progress: [GoalArea: GoalProgress] = [:]
        for area in GoalArea.allCases {
            progress[area] = GoalProgress(rawValue: form.text("progress." + area.rawValue)) ?? .notDiscussed
        }
        return CounsellingSession(
            number: (record.sessions.map(\.number).max() ?? 0) + 1, day: form.day("day") ?? Day(at),
            mode: SessionMode(rawValue: form.text("mode")) ?? .inPerson, minutes: form.int("minutes") ?? 0,
            counsellorID: by, present: form.text("present"), problem: form.text("problem"),
            moodStart: EmotionalState(rawValue: form.text("moodStart")) ?? .calm,
            moodEnd: EmotionalState(rawValue: form.text("moodEnd")) ?? .calm,
            whatWasDone: form.text("done"), agreements: form.text("agreements"), progress: progress,
            nextDay: form.day("nextDay"), recordedAt: at)
    }
}

/// PHQ-9 or GAD-7: each item 0–3, and the day.
enum ScreeningEntry {
    static func itemKey(_ i: Int) -> String { "item\(i)" }

    static func fields(_ instrument: Instrument) -> [EntryField] {
        [EntryField("day", .date, required: true)]
            + (1...instrument.itemCount).map { EntryField(itemKey($0), .number(0...3), required: true) }
    }

    static func screening(_ form: EntryForm) -> Screening? {
        let instrument: Instrument = form.kind == .gad7 ? .gad7 : .phq9
        let items = (1...instrument.itemCount).compactMap { form.int(itemKey($0)) }
        guard let day = form.day("day") else { return nil }
        return try? Screening(instrument, items: items, day: day)
    }

    /// The total so far and the items still to answer, for the live line above the form.
    public static func runningTotal(_ form: EntryForm) -> (total: Int, answered: Int) {
        let instrument: Instrument = form.kind == .gad7 ? .gad7 : .phq9
        let scores = (1...instrument.itemCount).compactMap { form.int(itemKey($0)) }.filter { (0...3).contains($0) }
        return (scores.reduce(0, +), scores.count)
    }
}

extension EntryForm {
    /// The live total of a questionnaire being filled: total, items answered, and its band once complete.
    public var screeningProgress: (total: Int, answered: Int, severity: Severity?, itemNineRaised: Bool)? {
        guard kind == .phq9 || kind == .gad7 else { return nil }
        let (total, answered) = ScreeningEntry.runningTotal(self)
        let instrument: Instrument = kind == .gad7 ? .gad7 : .phq9
        let band = instrument.severity(total: total)
        let nine = kind == .phq9 && (int(ScreeningEntry.itemKey(9)) ?? 0) > 0
        return (total, answered, answered == instrument.itemCount ? band : nil, nine)
    }
}
