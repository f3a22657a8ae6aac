import DeskModel

/// A user whose PIN was given by the admin sets her own before anything opens: typed twice,
/// checked as a secret that guards the store's key. Esc logs out.
final class ChangePINScreen: Screen {
    var first = LineEditor("", maxLength: 64)
    var again = LineEditor("", maxLength: 64)
    var onSecond = false

    var keyContexts: [KeyContext] { [.pinChange, .login, .edit] }
    /// Esc logs out: her own PIN must be set before anything else.
    var handledActions: Set<Action> { Action.editing.union([.nextField, .prevField, .select, .logout]) }
    var acceptsText: Bool { true }
    func title(_ ctx: DeskContext) -> String { ctx.t(.pinChange_title) }

    func draw(on s: Surface, in area: Rect, ctx: DeskContext) {
        let width = min(72, area.cols - 4)
        let left = (area.cols - width) / 2
        var row = area.top + max(1, area.rows / 2 - 5)
        s.text(ctx.t(.pinChange_heading), row: row, col: left, width: width, style: .label)
        row += 1
        s.text(ctx.t(ctx.store.meta.encrypted ? .pinChange_ruleKey : .pinChange_rulePlain, SecretPolicy.shortest),
               row: row, col: left, width: width, style: .dim)
        row += 2
        s.text(ctx.t(.pinChange_new), row: row, col: left, width: 20, style: .label)
        TextFieldView.draw(first, on: s, row: row, col: left + 21, width: 24, focused: !onSecond, secret: true)
        row += 2
        s.text(ctx.t(.pinChange_again), row: row, col: left, width: 20, style: .label)
        TextFieldView.draw(again, on: s, row: row, col: left + 21, width: 24, focused: onSecond, secret: true)
    }

    func handle(_ input: Input, ctx: DeskContext) -> Transition {
        switch input {
        case .action(.nextField), .action(.prevField), .action(.down), .action(.up):
            onSecond.toggle()
        case .action(.select):
            guard onSecond else { onSecond = true; return .stay }
            return submit(ctx)
        case .action(.logout), .action(.back):
            return .logout
        default:
            if onSecond { _ = TextFieldView.edit(&again, input) } else { _ = TextFieldView.edit(&first, input) }
        }
        return .stay
    }

    private func submit(_ ctx: DeskContext) -> Transition {
        defer { again.clear() }
        guard first.text == again.text else {
            ctx.say(.pinChange_mismatch, .error)
            return .stay
        }
        switch ctx.setOwnSecret(first.text) {
        case .success(let user):
            ctx.say(.pinChange_done, .ok)
            return LoginScreen.start(ctx, user)
        case .failure(let problem):
            first.clear()
            onSecond = false
            switch problem {
            case .tooShort: ctx.say(ctx.store.meta.encrypted ? .pinChange_ruleKey : .pinChange_rulePlain, .error, SecretPolicy.shortest)
            case .weak(let why): ctx.say(.pinChange_weak, .error, ctx.t(.dynamic("secret." + why.rawValue)))
            case .same: ctx.say(.pinChange_same, .error)
            default: ctx.say(.audit_cannotWrite, .error)
            }
            return .stay
        }
    }
}
