import DeskModel
import Foundation

/// The admin's review settings: days without contact, and the supervising officer's title (SP in
/// a district, DCP in a commissionerate), shown wherever the desk names her. (The 24 hours for a
/// child's case are the law's, not a setting: shown here, never changed.)
final class SettingsScreen: Screen {
    var fields: [LineEditor]
    var focus = 0
    static let keys = [StringKey.settings_noContactDays, .settings_supervisorTitle]

    init(ctx: DeskContext) {
        fields = [LineEditor(String(ctx.settings.noContactDays), maxLength: 3),
                  LineEditor(ctx.settings.supervisorTitle.rawValue.uppercased(), maxLength: 3)]
    }

    /// "SP" or "DCP" as typed (any case, Devanagari एसपी / डीसीपी too).
    static func title(_ text: String) -> SupervisorTitle? {
        switch text.trimmingCharacters(in: .whitespaces).lowercased() {
        case "sp", "एसपी": return .sp
        case "dcp", "डीसीपी": return .dcp
        default: return nil
        }
    }

    var keyContexts: [KeyContext] { [.form, .edit] }
    var handledActions: Set<Action> { Action.editing.union([.nextField, .prevField, .select, .back, .save]) }
    var acceptsText: Bool { true }
    func title(_ ctx: DeskContext) -> String { ctx.t(.settings_title) }

    func handle(_ input: Input, ctx: DeskContext) -> Transition {
        switch input {
        case .action(.nextField), .action(.down), .action(.select): focus = (focus + 1) % fields.count
        case .action(.prevField), .action(.up): focus = (focus + fields.count - 1) % fields.count
        case .action(.back): return .pop
        case .action(.save):
            let values = fields.map { Int(Digits.toASCII($0.text).trimmingCharacters(in: .whitespaces)) }
            guard let days = values[0], ReviewSettings.noContactRange.contains(days) else {
                focus = 0
                ctx.say(.settings_badDays, .error, ReviewSettings.noContactRange.lowerBound, ReviewSettings.noContactRange.upperBound)
                return .stay
            }
            guard let title = Self.title(fields[1].text) else {
                focus = 1
                ctx.say(.settings_badTitle, .error)
                return .stay
            }
            do {
                // The old hours value is kept as it was read (old settings files stay the same), unused.
                try ctx.saveSettings(ReviewSettings(noContactDays: days, cwcReportHours: ctx.settings.cwcReportHours,
                                                    supervisorTitle: title))
                ctx.say(.settings_saved, .ok)
                return .pop
            } catch {
                ctx.say(.detail_saveFailed, .error)
            }
        default:
            _ = TextFieldView.edit(&fields[focus], input)
        }
        return .stay
    }

    func layout(in area: Rect, ctx: DeskContext) {
        for i in fields.indices { _ = fields[i].layout(width: 6) }
    }

    func draw(on s: Surface, in area: Rect, ctx: DeskContext) {
        var row = area.top + 1
        s.text(" " + ctx.t(.settings_heading), row: row, col: 1, width: area.cols - 2, style: .label)
        row += 2
        for i in fields.indices {
            s.text("  " + ctx.t(Self.keys[i]), row: row, col: 1, width: 44, style: i == focus ? .selected : .label)
            TextFieldView.draw(fields[i], on: s, row: row, col: 47, width: 6, focused: i == focus)
            row += 2
        }
        s.text("  " + ctx.t(.settings_cwcByLaw), row: row, col: 1, width: area.cols - 2, style: .dim)
        row += 2
        s.text(" " + ctx.t(.settings_note), row: row, col: 1, width: area.cols - 2, style: .dim)
    }
}
