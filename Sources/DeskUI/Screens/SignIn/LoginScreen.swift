import DeskModel
import Foundation

/// Who is at the desk: login name and PIN.
final class LoginScreen: Screen {
    var userField = LineEditor("", maxLength: 24)
    var pinField = LineEditor("", maxLength: 64)
    var focusOnPIN = false

    var keyContexts: [KeyContext] { [.login, .edit] }
    var handledActions: Set<Action> { Action.editing.union([.nextField, .prevField, .select, .back]) }
    var acceptsText: Bool { true }
    func title(_ ctx: DeskContext) -> String { ctx.t(.login_title) }

    func layout(in area: Rect, ctx: DeskContext) {
        _ = userField.layout(width: 24)
    }

    func draw(on s: Surface, in area: Rect, ctx: DeskContext) {
        let width = min(72, area.cols - 4)
        let left = (area.cols - width) / 2
        var row = area.top + max(1, area.rows / 2 - 6)
        s.text(ctx.t(.login_heading), row: row, col: left, width: width, style: .label)
        row += 1
        s.text(ctx.t(.login_subheading), row: row, col: left, width: width, style: .dim)
        row += 2
        let labelWidth = 16
        s.text(ctx.t(.login_user), row: row, col: left, width: labelWidth, style: .label)
        TextFieldView.draw(userField, on: s, row: row, col: left + labelWidth + 1, width: 24, focused: !focusOnPIN)
        row += 2
        s.text(ctx.t(.login_pin), row: row, col: left, width: labelWidth, style: .label)
        TextFieldView.draw(pinField, on: s, row: row, col: left + labelWidth + 1, width: 24, focused: focusOnPIN,
                           secret: true)
        row += 2
        s.text(ctx.t(.login_hint), row: row, col: left, width: width, style: .dim)
        if ctx.store.meta.demo {
            row += 2
            s.text(ctx.t(.login_demoStore), row: row, col: left, width: width, style: .warning)
        }
    }

    func handle(_ input: Input, ctx: DeskContext) -> Transition {
        switch input {
        case .action(.nextField), .action(.prevField), .action(.down), .action(.up):
            focusOnPIN.toggle()
            return .stay
        case .action(.select):
            if !focusOnPIN {
                focusOnPIN = true
                return .stay
            }
            return attempt(ctx)
        case .action(.back):
            return .quit
        default:
            if focusOnPIN { _ = TextFieldView.edit(&pinField, input) } else { _ = TextFieldView.edit(&userField, input) }
            return .stay
        }
    }

    private func attempt(_ ctx: DeskContext) -> Transition {
        let name = userField.text.trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty else {
            focusOnPIN = false
            ctx.say(.login_needUser, .error)
            return .stay
        }
        let check = ctx.signIn(name: name, pin: pinField.text)
        pinField.clear()
        guard case .accepted(let user) = check else {
            ctx.sayRefusal(check)
            return .stay
        }
        if user.mustChangePIN { return .replace(ChangePINScreen()) }
        return LoginScreen.start(ctx, user)
    }

    /// Where a user starts once signed in: her language, her unread directives, her first screen.
    static func start(_ ctx: DeskContext, _ user: User) -> Transition {
        if ctx.auditCutAtSignIn { ctx.say(.audit_cutAtSignIn, .error) }
        let prefs = ctx.store.loadPrefs(userID: user.id)
        if let prefs { ctx.language = prefs.language }
        ctx.transliterating = prefs?.transliterate ?? false
        let unread = Access.allows(user, .answerDirective)
            ? ctx.visibleDirectives.filter { $0.state(today: ctx.today) == .unread }.count : 0
        if unread > 0, !ctx.auditCutAtSignIn { ctx.say(.directive_unreadAtLogin, .warning, unread) }
        // (An SP's overview reads the index; her cases, and any damaged file, when she opens a queue.)
        if user.role != .sp || ctx.casesLoaded, !ctx.damaged.isEmpty { ctx.say(.store_damagedSetAside, .warning, ctx.damaged.count) }
        // A counsellor starts at her caseload; Esc takes her to the menu.
        if Access.allows(user, .counsel) { return .replaceWith([MainMenuScreen(), CaseloadScreen()]) }
        // An SP starts at her district overview.
        if user.role.supervises { return .replaceWith([MainMenuScreen(), OverviewScreen()]) }
        return .replace(MainMenuScreen())
    }
}
