import Foundation

/// The seed files (stations, partners, demo users) as shipped in `seeds/`.
public enum UrjaSeeds {
    public enum Missing: Error { case file(String) }

    public static func data(_ name: String) throws -> Data {
        guard let url = Bundle.module.url(forResource: name, withExtension: "json") else { throw Missing.file(name) }
        return try Data(contentsOf: url)
    }

    public static func stations() throws -> Data { try data("stations") }
    public static func partners() throws -> Data { try data("partners") }
    public static func users() throws -> Data { try data("users") }
}
