import DeskModel
import Foundation

/// All user-facing text, per language, loaded from Resources/strings/<lang>.json.
public struct Strings: Sendable {
    public let table: [Language: [String: String]]
    /// Whom the strings name as the supervising officer (SP unless the store's settings say DCP).
    public private(set) var supervisor: SupervisorTitle = .sp

    public init(table: [Language: [String: String]]) {
        self.table = table
    }

    public init(json: [Language: Data]) throws {
        var table: [Language: [String: String]] = [:]
        for (lang, data) in json { table[lang] = try JSONDecoder().decode([String: String].self, from: data) }
        self.init(table: table)
    }

    /// The text of a key: the language asked for, else English, else the key itself (a test
    /// makes sure every key exists in both).
    public func text(_ key: StringKey, _ lang: Language) -> String {
        if let own = table[lang]?[key.raw] { return fillTitle(own, lang) }
        return fillTitle(table[.en]?[key.raw] ?? key.raw, .en)
    }

    /// With "{0}", "{1}" … replaced by the arguments.
    public func text(_ key: StringKey, _ lang: Language, _ args: CustomStringConvertible...) -> String {
        text(key, lang, arguments: args)
    }

    /// A count of exactly 1 as the first argument takes the key's ".one" form where there is one
    /// ("1 पुराना प्रकरण … हो सकता है", not "1 पुराने प्रकरण … हो सकते हैं").
    public func text(_ key: StringKey, _ lang: Language, arguments: [CustomStringConvertible]) -> String {
        let one = StringKey.dynamic(key.raw + ".one")
        var out = (arguments.first as? Int) == 1 && has(one, lang) ? text(one, lang) : text(key, lang)
        for (i, arg) in arguments.enumerated() { out = out.replacingOccurrences(of: "{\(i)}", with: arg.description) }
        return out
    }

    public func has(_ key: StringKey, _ lang: Language) -> Bool { table[lang]?[key.raw] != nil }

    /// The strings with the supervising officer's title put in where they name her (`{sup}`: SP /
    /// DCP, एसपी / डीसीपी; `{supLong}`: पुलिस अधीक्षक / पुलिस उपायुक्त): a setting of the store.
    public func withSupervisor(_ title: SupervisorTitle) -> Strings {
        var out = self
        out.supervisor = title
        return out
    }

    private func fillTitle(_ text: String, _ lang: Language) -> String {
        guard text.contains("{sup") else { return text }
        let texts = table[lang] ?? table[.en] ?? [:]
        let short = texts["supervisor.short." + supervisor.rawValue] ?? supervisor.rawValue.uppercased()
        let long = texts["supervisor.long." + supervisor.rawValue] ?? short
        return text.replacingOccurrences(of: "{supLong}", with: long).replacingOccurrences(of: "{sup}", with: short)
    }
}
