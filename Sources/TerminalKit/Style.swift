/// What a piece of text is, not how it looks: the terminal adapter maps each role to colours,
/// or to bold / reverse / underline when colours are off (NO_COLOR, monochrome terminals).
public enum Style: Int, CaseIterable, Sendable {
    case normal
    case title
    case bar
    case barKey
    case label
    case field
    case fieldFocus
    case selected
    case error
    case warning
    case ok
    case dim
    case high
}
