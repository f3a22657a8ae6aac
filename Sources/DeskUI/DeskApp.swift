import DeskModel
import Foundation

/// The desk as a whole: a stack of screens over a shared context. It turns keys into inputs
/// through the key table, handles the keys that work everywhere, and draws the frame.
public final class DeskApp {
    public let ctx: DeskContext
    private(set) var stack: [Screen]
    public private(set) var isRunning = true
    /// Seconds without a key before the desk locks itself and hides everything; nil: never.
    public var idleLimit: TimeInterval? = 300
    private var lastKeyAt: Date

    public init(ctx: DeskContext) {
        self.ctx = ctx
        stack = [LoginScreen()]
        lastKeyAt = ctx.clock.now()
    }

    /// Called when no key came for a while. Locks an idle desk; returns true if the screen changed.
    @discardableResult
    public func tick() -> Bool {
        guard let limit = idleLimit, let user = ctx.user, !(top is LockScreen),
              ctx.clock.now().timeIntervalSince(lastKeyAt) >= limit else { return false }
        suspendAll()
        ctx.lockForIdle()
        ctx.message = nil
        stack.append(LockScreen(userID: user.id, minutes: Int((limit / 60).rounded())))
        return true
    }

    public var top: Screen? { stack.last }

    /// Handles one key. Returns false once the desk should close.
    @discardableResult
    public func handle(_ key: Key) -> Bool {
        guard isRunning, let screen = top else { return false }
        if key == .resize { return true }
        lastKeyAt = ctx.clock.now()
        ctx.message = nil
        let input: Input
        if screen.acceptsText, let scalar = key.printable {
            input = .text(scalar)
        } else if let action = ctx.keymap.action(for: key, in: screen.keyContexts) {
            input = .action(action)
        } else if let scalar = key.printable {
            input = .text(scalar)
        } else {
            return true
        }
        if case .action(let action) = input, handleGlobal(action, screen: screen) { return isRunning }
        apply(screen.handle(input, ctx: ctx))
        return isRunning
    }

    private func handleGlobal(_ action: Action, screen: Screen) -> Bool {
        switch action {
        case .help:
            if screen is HelpScreen { return false }
            apply(.push(HelpScreen(contexts: screen.keyContexts)))
            return true
        case .toggleLanguage:
            ctx.toggleLanguage()
            return true
        case .transliterate:
            ctx.toggleTransliteration()
            return true
        case .quit:
            apply(.quit)
            return true
        default:
            return false
        }
    }

    private func apply(_ transition: Transition) {
        switch transition {
        case .stay:
            break
        case .push(let next):
            top?.suspend(ctx: ctx)
            stack.append(next)
            next.appear(ctx: ctx)
        case .pop:
            stack.last?.suspend(ctx: ctx)
            if stack.count > 1 { stack.removeLast() }
            top?.resume(ctx: ctx)
        case .replace(let next):
            stack.last?.suspend(ctx: ctx)
            stack.removeLast()
            stack.append(next)
            next.appear(ctx: ctx)
        case .replaceWith(let screens):
            stack.last?.suspend(ctx: ctx)
            stack.removeLast()
            stack += screens
            screens.last?.appear(ctx: ctx)
        case .logout:
            suspendAll()
            ctx.signOut()
            stack = [LoginScreen()]
        case .quit:
            close()
        }
    }

    /// Closes the desk: drafts kept, then a logout line, and the key dropped from memory.
    public func close() {
        guard isRunning else { return }
        suspendAll()
        ctx.signOut()
        isRunning = false
    }

    /// Keeps every screen's unsaved work (drafts) before the desk closes.
    public func suspendAll() {
        for screen in stack.reversed() { screen.suspend(ctx: ctx) }
    }

    // MARK: Drawing

    public func render(on surface: Surface) {
        surface.clear()
        surface.hideCursor()
        let size = surface.size
        guard size.isLargeEnough else {
            drawTooSmall(on: surface)
            return
        }
        guard let screen = top else { return }
        drawTopBar(on: surface, title: screen.title(ctx))
        let area = Rect(top: 1, left: 0, rows: size.rows - 3, cols: size.cols)
        screen.draw(on: surface, in: area, ctx: ctx)
        if let message = ctx.message {
            surface.text(" " + message.text, row: size.rows - 2, col: 0, width: size.cols, style: message.style)
        }
        drawKeyBar(on: surface, contexts: screen.keyContexts, row: size.rows - 1)
    }

    private func drawTooSmall(on surface: Surface) {
        let size = surface.size
        let lines = [ctx.t("app.tooSmall"), ctx.t("app.tooSmallSize", size.cols, size.rows)]
        for (i, line) in lines.enumerated() where i < size.rows {
            surface.text(line, row: min(size.rows - 1, size.rows / 2 - 1 + i), col: 0, width: size.cols, style: i == 0 ? .warning : .normal)
        }
    }

    /// App name and screen title on the left (they come first); on the right who is logged in,
    /// the date where there is room, and always the language.
    private func drawTopBar(on surface: Surface, title: String) {
        let cols = surface.size.cols
        surface.fill(row: 0, style: .title)
        let left = " " + ctx.t("app.name") + " │ " + title
        let leftWidth = min(TextWidth.of(left), cols * 3 / 5)
        surface.text(left, row: 0, col: 0, width: leftWidth, style: .title)
        let language = (ctx.transliterating ? ctx.t("translit.badge") + "  " : "") + ctx.t("app.languageName") + " "
        var room = cols - leftWidth - TextWidth.of(language) - 5
        var right = ""
        if let user = ctx.user {
            right = "\(user.name(ctx.language)) · \(ctx.t("role." + user.role.rawValue))"
        }
        let date = ctx.today.description
        if TextWidth.of(right) + TextWidth.of(date) + 2 <= room {
            right = right.isEmpty ? date : right + "  " + date
        }
        room = max(0, room)
        let shown = TextWidth.truncate(right, to: room) + "  " + language
        let width = TextWidth.of(shown)
        surface.text(shown, row: 0, col: cols - width, width: width, style: .title)
    }

    private func drawKeyBar(on surface: Surface, contexts: [KeyContext], row: Int) {
        let cols = surface.size.cols
        surface.fill(row: row, style: .bar)
        var col = 0
        for item in ctx.keymap.barItems(for: contexts) {
            let label = ctx.actionLabel(item.action, in: item.context)
            let need = TextWidth.of(item.keys) + TextWidth.of(label) + 2
            guard col + need <= cols else { break }
            surface.put(item.keys, row: row, col: col, style: .barKey)
            col += TextWidth.of(item.keys)
            surface.put(" " + label + " ", row: row, col: col, style: .bar)
            col += TextWidth.of(label) + 2
        }
    }
}
