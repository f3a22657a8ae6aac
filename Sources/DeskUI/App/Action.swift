/// Everything a key can ask for. Keys reach screens only as actions, through the one key table.
public enum Action: String, CaseIterable, Codable, Sendable {
    // everywhere
    case help, toggleLanguage, quit, back, transliterate
    // moving in lists and menus
    case up, down, pageUp, pageDown, first, last, select
    // forms
    case nextField, prevField, nextSection, prevSection, save, optionNext, optionPrev
    // line editing
    case cursorLeft, cursorRight, lineStart, lineEnd, deleteBack, deleteForward, clearLine
    // the queue
    case search, filterStatus, sortNext, newCase
    // a case
    case reveal, changeStatus, edit, directive, logout
    // a case's tabs and what can be added to it
    case nextTab, prevTab, add, closeAlert
    // the SP's review and reports
    case openReport, filterFlag, prevPeriod, nextPeriod, periodKind, scope
    // a yes/no question of the desk (log out? quit? delete the draft?), and the way to the menu
    case confirmYes, confirmNo, menu
}

/// Which part of the key table applies: the screen's own contexts, each followed by the shared
/// one it falls back to, then `global`.
public enum KeyContext: String, CaseIterable, Codable, Sendable {
    case global, mainMenu, menu, login, pinChange, caseEdit, form, edit, choice, picker, list, search, prompt, detail, help, caseload,
         duplicates, overview, report, confirm, audit
    /// Moving in a list or a page (↑ ↓ PgUp PgDn Home End): written once, used by every context that falls back to it.
    case navigate

    /// The shared contexts searched right after this one (like tig's "generic" keymap).
    public var fallbacks: [KeyContext] {
        switch self {
        case .menu, .list, .picker, .detail, .help, .caseload, .duplicates, .overview, .report, .audit: return [.navigate]
        default: return []
        }
    }

    /// The order a key is looked up in for a screen's contexts: each with its fallbacks, then `global`.
    public static func searchOrder(_ contexts: [KeyContext]) -> [KeyContext] {
        var out: [KeyContext] = []
        for c in contexts + [.global] {
            for each in [c] + c.fallbacks where !out.contains(each) { out.append(each) }
        }
        return out
    }
}
