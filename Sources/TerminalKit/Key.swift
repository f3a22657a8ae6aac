/// A key press as the screens see it, whatever terminal it came from.
public enum Key: Hashable, Sendable {
    case char(Unicode.Scalar)
    case ctrl(Character)
    case function(Int)
    case enter, tab, backTab, escape, backspace, delete
    case up, down, left, right, home, end, pageUp, pageDown
    case resize

    /// A printable character that a text field takes.
    public var printable: Unicode.Scalar? {
        if case .char(let s) = self, s.value >= 0x20, s.value != 0x7F { return s }
        return nil
    }

    /// Parses a key name of the key table: "F1", "Enter", "Ctrl-S", "?", "Shift-Tab".
    public init?(name: String) {
        switch name {
        case "Enter": self = .enter
        case "Tab": self = .tab
        case "Shift-Tab", "BackTab": self = .backTab
        case "Esc": self = .escape
        case "Backspace": self = .backspace
        case "Delete": self = .delete
        case "Up": self = .up
        case "Down": self = .down
        case "Left": self = .left
        case "Right": self = .right
        case "Home": self = .home
        case "End": self = .end
        case "PageUp": self = .pageUp
        case "PageDown": self = .pageDown
        case "Space": self = .char(" ")
        default:
            if name.hasPrefix("F"), let n = Int(name.dropFirst()), (1...12).contains(n) {
                self = .function(n)
            } else if name.hasPrefix("Ctrl-"), name.count == 6, let c = name.last, c.isLetter {
                self = .ctrl(Character(c.lowercased()))
            } else if name.unicodeScalars.count == 1, let s = name.unicodeScalars.first {
                self = .char(s)
            } else {
                return nil
            }
        }
    }

    /// How the key is written in the bar and the help.
    public var name: String {
        switch self {
        case .char(" "): return "Space"
        case .char(let s): return String(s)
        case .ctrl(let c): return "Ctrl-\(c.uppercased())"
        case .function(let n): return "F\(n)"
        case .enter: return "Enter"
        case .tab: return "Tab"
        case .backTab: return "Shift-Tab"
        case .escape: return "Esc"
        case .backspace: return "Backspace"
        case .delete: return "Delete"
        case .up: return "↑"
        case .down: return "↓"
        case .left: return "←"
        case .right: return "→"
        case .home: return "Home"
        case .end: return "End"
        case .pageUp: return "PgUp"
        case .pageDown: return "PgDn"
        case .resize: return "Resize"
        }
    }
}
