import Foundation

/// The JSON files in `seeds/`: stations, partners and demo users, editable by hand.
public enum SeedFormat {
    public enum SeedError: Error, Equatable {
        case unreadable(file: String, reason: String)
    }

    public static func directory(stations: Data, partners: Data, users: Data) throws -> Directory {
        Directory(stations: try decode([Station].self, stations, "stations.json"),
                  partners: try decode([Partner].self, partners, "partners.json"),
                  users: try decode([User].self, users, "users.json"))
    }

    private static func decode<T: Decodable>(_ type: T.Type, _ data: Data, _ name: String) throws -> T {
        do {
            return try JSONDecoder().decode(T.self, from: data)
        } catch {
            throw SeedError.unreadable(file: name, reason: CaseStore.describe(error))
        }
    }
}
