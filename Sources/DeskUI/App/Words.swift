import DeskModel
import Foundation

/// The desk's words in one language: the strings, and the names of stations, users and partners
/// from the directory. The screens reach them through `ctx.t`, `ctx.label` …; the text the command
/// line prints (Text/) is made from them without a desk.
public struct Words: Sendable {
    public let strings: Strings
    public let language: Language
    public let directory: Directory

    public init(strings: Strings, language: Language, directory: Directory) {
        self.strings = strings
        self.language = language
        self.directory = directory
    }

    /// The text of a key in this language.
    public func t(_ key: StringKey) -> String { strings.text(key, language) }
    public func t(_ key: StringKey, _ args: CustomStringConvertible...) -> String {
        strings.text(key, language, arguments: args)
    }
    public func t(_ key: StringKey, arguments args: [CustomStringConvertible]) -> String {
        strings.text(key, language, arguments: args)
    }

    public func label<C: Choice>(_ choice: C) -> String { t(.dynamic(choice.labelKey)) }

    /// Partners a step can be referred to, in the directory's order.
    public var partners: [Partner] { directory.partners }

    public func partnerName(_ id: String) -> String {
        guard let p = directory.partners.first(where: { $0.id == id }) else { return id }
        return language == .hi ? p.nameHi : p.nameEn
    }

    public func stationName(_ id: String) -> String { directory.station(id)?.name(language) ?? id }

    public func userName(_ id: String) -> String { directory.user(id)?.name(language) ?? id }
}
