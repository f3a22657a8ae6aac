// Over 300 lines: the one place where keys, the screen stack, questions and the frame meet.
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
    /// The yes/no question waiting for an answer: while it shows, only y / n / Esc are taken.
    public private(set) var question: (key: StringKey, args: [String], yes: () -> Transition)?
    /// The window was smaller than 80 × 24 when last drawn: keys are ignored, never applied blind.
    public private(set) var tooSmall = false
    /// When the screen on top last changed: a queue's search takes no typing for a moment after
    /// it (`typeAheadGuard`), so that keys meant for the screen before never land in it.
    public private(set) var screenChangedAt: Date
    public var typeAheadGuard: TimeInterval = 1.0

    public init(ctx: DeskContext) {
        self.ctx = ctx
        stack = [LoginScreen()]
        lastKeyAt = ctx.clock.now()
        screenChangedAt = lastKeyAt
    }

    /// True for a moment after the screen changed (see `typeAheadGuard`).
    public var justChanged: Bool { ctx.clock.now().timeIntervalSince(screenChangedAt) < typeAheadGuard }

    /// Called when no key came for a while. Locks an idle desk; returns true if the screen changed.
    @discardableResult
    public func tick() -> Bool {
        // The check of the lists against the case files, run beside her since the sign-in (the
        // supervisor's from her first pause).
        ctx.startPendingReviewCheck()
        if ctx.repository.takeInCheck() {
            if !ctx.damaged.isEmpty, ctx.user != nil { ctx.say(.store_damagedSetAside, .warning, ctx.damaged.count) }
            return true
        }
        guard let limit = idleLimit, let user = ctx.user, !(top is LockScreen),
              ctx.clock.now().timeIntervalSince(lastKeyAt) >= limit else { return takeInBetweenKeys() }
        suspendAll()
        ctx.lockForIdle()
        ctx.message = nil
        question = nil
        screenChangedAt = ctx.clock.now()
        stack.append(LockScreen(userID: user.id, minutes: Int((limit / 60).rounded())))
        return true
    }

    public var top: Screen? { stack.last }

    /// Handles one key. Returns false once the desk should close.
    @discardableResult
    public func handle(_ key: Key) -> Bool {
        guard isRunning, let screen = top else { return false }
        if key == .resize { return true }
        // Behind the "make the window larger" message nothing is seen: nothing typed is applied.
        if tooSmall { return true }
        lastKeyAt = ctx.clock.now()
        ctx.message = nil
        if let q = question {
            switch ctx.keymap.action(for: key, in: [.confirm]) {
            case .confirmYes?:
                question = nil
                apply(q.yes(), asked: true)
            case .confirmNo?:
                question = nil
                ctx.say(.confirm_kept, .ok)
            default:
                break  // anything else leaves the question standing: it is answered, not typed past
            }
            return isRunning
        }
        let input: Input
        if screen.activeAcceptsText, let scalar = key.printable {
            input = .text(scalar)
        } else if let action = ctx.keymap.action(for: key, in: screen.activeContexts) {
            input = .action(action)
        } else if let scalar = key.printable {
            input = .text(scalar)
        } else {
            return true
        }
        if case .action(let action) = input, handleGlobal(action, screen: screen) { return isRunning }
        // Digits typed in the first moment after a queue opened were meant for the screen before
        // (a PIN typed by someone who thought she was at the login): never shown, never searched.
        if case .text(let scalar) = input, justChanged, let guarded = screen as? GuardsTypeAhead,
           guarded.looksLikeSecret(adding: scalar) {
            ctx.say(.list_typeAheadDropped, .warning)
            return true
        }
        apply(screen.handle(input, ctx: ctx))
        return isRunning
    }

    private func handleGlobal(_ action: Action, screen: Screen) -> Bool {
        switch action {
        case .help:
            if screen is HelpScreen { return false }
            apply(.push(HelpScreen(contexts: screen.activeContexts)))
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

    private func apply(_ transition: Transition, asked: Bool = false) {
        let before = top.map(ObjectIdentifier.init)
        defer { if top.map(ObjectIdentifier.init) != before { screenChangedAt = ctx.clock.now() } }
        defer { adaptToTerminal() }
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
            ctx.takeInIfDue(every: 2)  // a queue shown again shows what other machines sent
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
            guard asked || ctx.user == nil else {
                question = (.confirm_logout, [ctx.user?.name(ctx.language) ?? ""], { .logout })
                return
            }
            suspendAll()
            ctx.signOut()
            stack = [LoginScreen()]
        case .quit:
            guard asked else {
                question = (.confirm_quit, [], { .quit })
                return
            }
            close()
        case .ask(let key, let args, let yes):
            question = (key, args, yes)
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

    /// The terminal lays Devanagari out by other widths than the desk (`TerminalProbe` at start):
    /// whoever signs in with Hindi gets Hinglish on it, with a word why; F2 still reaches Hindi.
    public var hindiBroken = false
    private var adaptedFor: String?

    private func adaptToTerminal() {
        guard hindiBroken, let user = ctx.user else { adaptedFor = nil; return }
        guard adaptedFor != user.id else { return }
        adaptedFor = user.id
        if ctx.language == .hi {
            ctx.language = .hinglish
            ctx.say(.terminal_hindiBroken, .warning)
        }
    }

    public func render(on terminal: Surface) {
        adaptToTerminal()
        // In Hinglish, Devanagari that a screen draws (her name, what was typed) shows in Roman letters.
        let surface = ctx.language == .hinglish ? RomanizingSurface(terminal) : terminal
        surface.clear()
        surface.hideCursor()
        let size = surface.size
        tooSmall = !size.isLargeEnough
        guard !tooSmall else {
            drawTooSmall(on: surface)
            return
        }
        guard let screen = top else { return }
        drawTopBar(on: surface, title: screen.title(ctx))
        let area = Rect(top: 1, left: 0, rows: size.rows - 3, cols: size.cols)
        screen.layout(in: area, ctx: ctx)
        screen.draw(on: surface, in: area, ctx: ctx)
        if let q = question {
            drawQuestion(ctx.strings.text(q.key, ctx.language, arguments: q.args), on: surface)
            drawAnswerBar(on: surface, row: size.rows - 1)
            return
        }
        if let message = ctx.message {
            // A long message goes on over the rows above it (up to three), never cut.
            let lines = TextWidth.wrap(message.text, width: size.cols - 2).suffix(3)
            for (i, line) in lines.enumerated() {
                let row = size.rows - 1 - lines.count + i
                surface.fill(row: row, style: message.style)
                surface.text(" " + line, row: row, col: 0, width: size.cols, style: message.style)
            }
        }
        drawKeyBar(on: surface, contexts: screen.activeContexts, row: size.rows - 1, screen: screen)
    }

    /// The question in a box across the middle of the screen, wrapped, with its keys below it.
    private func drawQuestion(_ text: String, on surface: Surface) {
        let size = surface.size
        let width = size.cols - 2
        let left = 1
        let lines = TextWidth.wrap(text, width: width - 4) + ["", ctx.t(.confirm_keys)]
        var row = max(2, size.rows / 2 - lines.count / 2 - 1)
        for line in [""] + lines + [""] {
            surface.fill(row: row, col: left, width: width, style: .selected)
            surface.text("  " + line, row: row, col: left, width: width, style: .selected)
            row += 1
        }
    }

    private func drawTooSmall(on surface: Surface) {
        let size = surface.size
        let lines = [ctx.t(.app_tooSmall), ctx.t(.app_tooSmallSize, size.cols, size.rows), ctx.t(.app_tooSmallKeys)]
        for (i, line) in lines.enumerated() where i < size.rows {
            surface.text(line, row: min(size.rows - 1, size.rows / 2 - 1 + i), col: 0, width: size.cols, style: i == 0 ? .warning : .normal)
        }
    }

    /// Who is signed in, whole, on the right of every screen (with the language): the one thing
    /// the top line never cuts. The app name and screen title take the room left on the left, and
    /// the date shows where there is room for it too.
    private func drawTopBar(on surface: Surface, title: String) {
        let cols = surface.size.cols
        surface.fill(row: 0, style: .title)
        let language = (ctx.transliterating ? ctx.t(.translit_badge) + "  " : "") + ctx.t(.app_languageName) + " "
        // Her name always; her role, then the date, where the title leaves room for them.
        let name = ctx.user?.name(ctx.language) ?? ""
        let role = ctx.user.map { ctx.t(.dynamic("role." + $0.role.rawValue)) } ?? ""
        let left = " " + ctx.t(.app_name) + " │ " + title
        func fits(_ right: String) -> Bool { TextWidth.of(left) + 2 + TextWidth.of(right) + 2 + TextWidth.of(language) <= cols }
        var right = name
        if !role.isEmpty, fits(name + " · " + role) { right = name + " · " + role }
        // Replicated: when data last came in from another machine, before the date.
        if let sync = ctx.lastSyncText, fits(right + "  " + sync) { right += "  " + sync }
        let date = ctx.today.description
        if fits(right.isEmpty ? date : right + "  " + date) { right = right.isEmpty ? date : right + "  " + date }
        let shown = right + "  " + language
        let width = min(cols, TextWidth.of(shown))
        surface.text(shown, row: 0, col: cols - width, width: width, style: .title)
        let leftWidth = max(0, cols - width - 1)
        surface.text(TextWidth.truncate(left, to: leftWidth), row: 0, col: 0, width: leftWidth, style: .title)
    }

    /// While a question waits, the bar shows its answers only: nothing else is taken.
    private func drawAnswerBar(on surface: Surface, row: Int) {
        surface.fill(row: row, style: .bar)
        var col = 0
        for b in ctx.keymap.bindings where b.contexts.contains(.confirm) {
            guard let key = b.keys.first.flatMap(Key.init(name:)) else { continue }
            let label = ctx.actionLabel(b.action, in: .confirm)
            surface.put(key.name, row: row, col: col, style: .barKey)
            col += TextWidth.of(key.name)
            surface.put(" " + label + " ", row: row, col: col, style: .bar)
            col += TextWidth.of(label) + 2
        }
    }

    private func drawKeyBar(on surface: Surface, contexts: [KeyContext], row: Int, screen: Screen? = nil) {
        let cols = surface.size.cols
        surface.fill(row: row, style: .bar)
        var col = 0
        let offering = screen as? OffersActions
        for item in ctx.keymap.barItems(for: contexts) where offering?.offers(item.action, ctx: ctx) ?? true {
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
