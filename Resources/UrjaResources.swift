import Foundation

/// The files in `Resources/`: strings per language, help text, the default key table.
public enum UrjaResources {
    public enum Missing: Error { case file(String) }

    public static func url(_ path: String) throws -> URL {
        guard let url = Bundle.module.resourceURL?.appendingPathComponent(path),
              FileManager.default.fileExists(atPath: url.path) else { throw Missing.file(path) }
        return url
    }

    public static func data(_ path: String) throws -> Data { try Data(contentsOf: url(path)) }

    public static func strings(_ language: String) throws -> Data { try data("strings/\(language).json") }
    public static func help(_ language: String) throws -> String {
        String(decoding: try data("help/\(language).txt"), as: UTF8.self)
    }
    public static func keymap() throws -> Data { try data("keymap.json") }
}
