import DeskModel
import Foundation

/// One case as lines, tab by tab: what the case screen shows and `case show` prints. Made from
/// the record and a `Context` (her words, the clock, the case's directives), never from a desk.
struct CaseSheet {
    var tab: DetailTab
    /// Her name, phone and address shown (else masked).
    var revealed = false
    /// Session notes shown: hers to read, or revealed with a reason.
    var notesShown = false
    /// For paper or the command line: no selection marker.
    var printing = false
    /// The plan step marked as selected (kept within the plan).
    var stepIndex = 0

    /// What the lines are made with besides the record.
    struct Context {
        var words: Words
        var clock: DeskClock
        /// This case's directives.
        var caseDirectives: [Directive]

        func t(_ key: StringKey) -> String { words.t(key) }
        func t(_ key: StringKey, _ args: CustomStringConvertible...) -> String { words.t(key, arguments: args) }
        func label<C: Choice>(_ choice: C) -> String { words.label(choice) }
        func userName(_ id: String) -> String { words.userName(id) }
        func partnerName(_ id: String) -> String { words.partnerName(id) }
        var strings: Strings { words.strings }
        var language: Language { words.language }
        var today: Day { Day(clock.now()) }
        func directives(for caseID: UUID) -> [Directive] { caseDirectives }
    }

    /// "29-11-2026 10:30": a moment as the desk writes it (IST).
    static func stamp(_ date: Date) -> String {
        let c = DeskCalendar.calendar.dateComponents([.hour, .minute], from: date)
        return Day(date).description + String(format: " %02d:%02d", c.hour ?? 0, c.minute ?? 0)
    }

    /// Steps in the order the plan tab shows them: open ones by due day, then finished ones.
    static func orderedPlan(_ r: CaseRecord) -> [RehabStep] {
        r.plan.enumerated().sorted { a, b in
            let ka = (a.element.status.isFinished ? 1 : 0, a.element.due ?? Day(r.reportedAt), a.offset)
            let kb = (b.element.status.isFinished ? 1 : 0, b.element.due ?? Day(r.reportedAt), b.offset)
            return ka < kb
        }.map(\.element)
    }

    /// A step index kept within a plan of `count` steps (0 when there are none).
    static func clamped(_ index: Int, _ count: Int) -> Int { max(0, min(index, count - 1)) }
}
