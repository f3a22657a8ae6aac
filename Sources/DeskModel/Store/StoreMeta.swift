import Foundation

/// store.plist: what format the store is in, and its shared lists.
public struct StoreMeta: Codable, Equatable, Sendable {
    /// 2: sealed files are bound to their place (`Sealer`). A version-1 store opens and is
    /// upgraded at the first sign-in that holds its key.
    /// 3: ready for replication (`Replication/StationSharing.swift`): case numbers may carry a
    /// machine's letter, cases may carry field conflicts, `sync/` holds station folders.
    public static let currentVersion = 3
    public static let boundVersion = 2
    public static let replicationVersion = 3
    /// Versions this program opens (older ones are upgraded).
    public static let readableVersions = 1...3

    public var formatVersion: Int
    public var createdAt: Date
    /// Records, drafts, preferences, directives and settings are sealed with the store's data key.
    public var encrypted: Bool
    /// Made by `demo`: synthetic cases and the README's public PINs; the login screen says so.
    public var demo: Bool

    public init(formatVersion: Int = StoreMeta.currentVersion, createdAt: Date, encrypted: Bool = false, demo: Bool = false) {
        self.formatVersion = formatVersion
        self.createdAt = createdAt
        self.encrypted = encrypted
        self.demo = demo
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        formatVersion = try c.decode(Int.self, forKey: .formatVersion)
        createdAt = try c.decode(Date.self, forKey: .createdAt)
        encrypted = try c.decodeIfPresent(Bool.self, forKey: .encrypted) ?? false
        demo = try c.decodeIfPresent(Bool.self, forKey: .demo) ?? false
    }
}

/// The store's reference lists: stations, partners and users.
public struct Directory: Codable, Equatable, Sendable {
    public var stations: [Station]
    public var partners: [Partner]
    public var users: [User]

    public init(stations: [Station], partners: [Partner], users: [User]) {
        self.stations = stations
        self.partners = partners
        self.users = users
    }

    public func station(_ id: String) -> Station? { stations.first { $0.id == id } }
    public func user(_ id: String) -> User? {
        let key = id.trimmingCharacters(in: .whitespaces).lowercased()
        return users.first { $0.id.lowercased() == key }
    }
}

/// What a user chose that should follow her from session to session.
public struct UserPrefs: Codable, Equatable, Sendable {
    public var language: Language
    /// Roman letters typed into text fields become Devanagari.
    public var transliterate: Bool

    public init(language: Language, transliterate: Bool = false) {
        self.language = language
        self.transliterate = transliterate
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        language = try c.decode(Language.self, forKey: .language)
        transliterate = try c.decodeIfPresent(Bool.self, forKey: .transliterate) ?? false
    }
}
