/// A box over a screen that takes the keys while it is open: a pick list, a prompt, the intake's
/// possible duplicates. Every screen shows one the same way: it returns it as its `overlay`; the
/// app then looks keys up in the overlay's contexts, builds the key bar and F1's help from them,
/// and lets printable keys be text only if the overlay takes text. The screen passes the keys on
/// to it, lays it out in `layout` and draws it last, over itself. (Help is not an overlay: it is
/// a screen of its own, pushed over the one it explains.)
public protocol Overlay {
    var keyContexts: [KeyContext] { get }
    var handledActions: Set<Action> { get }
    var acceptsText: Bool { get }
}

extension Screen {
    /// What the keys reach now: the overlay when one is open, else the screen.
    var activeContexts: [KeyContext] { overlay?.keyContexts ?? keyContexts }
    var activeActions: Set<Action> { overlay?.handledActions ?? handledActions }
    var activeAcceptsText: Bool { overlay?.acceptsText ?? acceptsText }
}
