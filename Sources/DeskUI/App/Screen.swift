/// What a screen receives: an action from the key table, or a character for its text field.
public enum Input: Equatable, Sendable {
    case action(Action)
    case text(Unicode.Scalar)
}

/// What a screen asks the app to do after an input.
public enum Transition {
    case stay
    case push(Screen)
    case pop
    case replace(Screen)
    /// Replaces the top screen with several, the last one shown.
    case replaceWith([Screen])
    case logout
    case quit
    /// A yes/no question in her language (a strings key and its arguments) before something that
    /// cannot be taken back; `yes` runs only on a yes. Logging out and quitting always ask.
    case ask(StringKey, [String], yes: () -> Transition)
}

/// A rectangle of the surface given to a screen.
public struct Rect: Equatable, Sendable {
    public var top: Int
    public var left: Int
    public var rows: Int
    public var cols: Int
    public init(top: Int, left: Int, rows: Int, cols: Int) {
        self.top = top
        self.left = left
        self.rows = rows
        self.cols = cols
    }
    public var bottom: Int { top + rows }
}

/// One workflow's screen. Screens hold their own view state; the records live in the context.
public protocol Screen: AnyObject {
    /// Key-table contexts, most specific first (`global` is always searched last).
    var keyContexts: [KeyContext] { get }
    /// True while a text field has the focus: printable keys are then text, not commands.
    var acceptsText: Bool { get }
    /// The box open over the screen (a pick list, a prompt), which takes the keys first.
    var overlay: Overlay? { get }
    /// The actions this screen acts on as it stands (the app's own, help, language, quit, aside;
    /// an open overlay's are its own). Each must have a key in `keyContexts`: a test checks it.
    var handledActions: Set<Action> { get }
    /// Title shown in the top bar.
    func title(_ ctx: DeskContext) -> String
    /// Settles what drawing in `area` needs (where a list or page is scrolled to, the height of a
    /// pick list): called before every `draw`, after the keys are handled.
    func layout(in area: Rect, ctx: DeskContext)
    /// Draws the screen as it stands. Changes nothing of the screen (the text fields' own
    /// sideways scroll aside): what it needs was settled by `handle` and `layout`.
    func draw(on surface: Surface, in area: Rect, ctx: DeskContext)
    func handle(_ input: Input, ctx: DeskContext) -> Transition
    /// Called before the app quits or logs out, and when the screen is left: keep what must be kept.
    func suspend(ctx: DeskContext)
    /// Called when the screen is shown again after the one above it closed.
    func resume(ctx: DeskContext)
    /// Called once when the screen is first shown.
    func appear(ctx: DeskContext)
}

/// A screen whose text box must not take digits typed blind as it opens (a queue's search box:
/// a PIN typed by someone who thought she was at the login must never show there).
protocol GuardsTypeAhead {
    /// True when `scalar`, added to what is typed so far, would make what looks like a PIN.
    func looksLikeSecret(adding scalar: Unicode.Scalar) -> Bool
}

/// A screen whose key bar depends on who she is and what is in front of her: the bar leaves out
/// what this user may not (or cannot, here and now) do; F1 still lists every key.
protocol OffersActions {
    func offers(_ action: Action, ctx: DeskContext) -> Bool
}

extension Screen {
    public var acceptsText: Bool { false }
    public var overlay: Overlay? { nil }
    public func layout(in area: Rect, ctx: DeskContext) {}
    public func suspend(ctx: DeskContext) {}
    public func resume(ctx: DeskContext) {}
    public func appear(ctx: DeskContext) {}
}

extension Action {
    /// Moving in a list or a page: the keys of the shared `navigate` context.
    public static let moving: Set<Action> = [.up, .down, .pageUp, .pageDown, .first, .last]
    /// Editing the text of a field (the `edit` context).
    public static let editing: Set<Action> = [.cursorLeft, .cursorRight, .lineStart, .lineEnd, .deleteBack, .deleteForward, .clearLine]
}
