import DeskModel
import Foundation
import UrjaResources

/// Strings, key table and help, loaded once from Resources/.
public struct DeskResources: Sendable {
    public let strings: Strings
    public let keymap: Keymap
    public let help: [Language: String]

    public static func load() throws -> DeskResources {
        var json: [Language: Data] = [:]
        var help: [Language: String] = [:]
        for lang in Language.allCases {
            json[lang] = try UrjaResources.strings(lang.rawValue)
            help[lang] = (try? UrjaResources.help(lang.rawValue)) ?? help[.en]
        }
        return DeskResources(strings: try Strings(json: json), keymap: try Keymap(json: UrjaResources.keymap()),
                             help: help)
    }
}
