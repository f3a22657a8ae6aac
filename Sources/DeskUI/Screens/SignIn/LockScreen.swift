import DeskModel

/// Covers everything after the desk has been left alone: nothing of any case shows until the
/// same user types her PIN. Esc logs out instead; drafts are kept either way.
final class LockScreen: Screen {
    let userID: String
    let minutes: Int
    var pinField = LineEditor("", maxLength: 64)

    init(userID: String, minutes: Int) {
        self.userID = userID
        self.minutes = minutes
    }

    var keyContexts: [KeyContext] { [.login, .edit] }
    var handledActions: Set<Action> { Action.editing.union([.select, .back]) }
    var acceptsText: Bool { true }
    func title(_ ctx: DeskContext) -> String { ctx.t(.lock_title) }

    func draw(on s: Surface, in area: Rect, ctx: DeskContext) {
        let width = min(72, area.cols - 4)
        let left = (area.cols - width) / 2
        var row = area.top + max(1, area.rows / 2 - 4)
        s.text(ctx.t(.lock_heading, minutes), row: row, col: left, width: width, style: .warning)
        row += 2
        s.text(ctx.t(.lock_who, ctx.userName(userID)), row: row, col: left, width: width, style: .label)
        row += 2
        s.text(ctx.t(.login_pin), row: row, col: left, width: 16, style: .label)
        TextFieldView.draw(pinField, on: s, row: row, col: left + 17, width: 24, focused: true, secret: true)
        row += 2
        s.text(ctx.t(.lock_hint), row: row, col: left, width: width, style: .dim)
    }

    func handle(_ input: Input, ctx: DeskContext) -> Transition {
        switch input {
        case .action(.select):
            let check = ctx.signIn(name: userID, pin: pinField.text)
            pinField.clear()
            if case .accepted = check { return .pop }
            ctx.sayRefusal(check)
            return .stay
        case .action(.back):
            return .logout
        default:
            _ = TextFieldView.edit(&pinField, input)
            return .stay
        }
    }
}
