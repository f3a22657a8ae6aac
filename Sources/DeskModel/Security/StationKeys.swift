import Crypto
import Foundation

/// One data key per replicated station folder (issue 13, item 2). `station-keys.plist`, kept in the
/// clear beside `keys.plist` and never replicated, holds for each station:
/// - `escrow`: the station's key sealed under this store's data key (whoever opens the store here
///   opens the stations this store holds: at the SP's office every station, on a thana PC its own);
/// - `users`: the station's key wrapped for each user who works there (`User.stationIDs`; empty =
///   every station), under her PIN or passphrase and bound to her name, as `keys.plist` wraps the
///   store's key. These copies are what a thana PC's `keys.plist` is made of (`makeStationStore`).
///
/// The files of `sync/<station>/` are sealed with that station's key (bound to their place as
/// before). A store without this file, or a station without an entry, keeps sealing with the
/// store's one key: stores made before are unchanged. A station that has an entry here but no
/// escrow this store can open (a thana PC handed another station's files) is refused plainly.
public struct StationKeys: Codable, Equatable, Sendable {
    public struct Entry: Codable, Equatable, Sendable {
        public var escrow: Data
        public var users: [String: KeyRing.Wrapped] = [:]
        /// While the station's key is being rotated (`rotateStationKey`): the new key, sealed like the escrow.
        public var next: Data?
        /// The station's keys before its rotations, sealed like the escrow: files written before
        /// by other machines, and notes of audit lines, still open with them.
        public var retired: [Data]?

        /// The station's key from her own copy, with her PIN or passphrase.
        public func unlock(user: String, secret: String) throws -> SymmetricKey {
            guard let w = users[user.lowercased()] else { throw KeyRing.Problem.noKeyForUser }
            return try KeyRing.unwrap(w, secret: secret, holder: user.lowercased())
        }
    }
    public var stations: [String: Entry] = [:]
    /// The district's matching key (`DistrictMatch`), sealed under this store's key: the same on
    /// every machine of the district though each holds other keys (first taken from the store's key,
    /// so tokens written before stay valid).
    public var match: Data?
    /// Stations this store had shared before its first station key (folder names): their files
    /// stay sealed with the store's key. Any other station without an entry is not this store's.
    public var sharedBefore: [String] = []
    static let matchBinding = fileName + "#match"

    public static let fileName = "station-keys.plist"

    /// What the seal of a station's escrow is bound to.
    static func escrowBinding(_ stationID: String) -> String { fileName + "#" + stationID }

    public enum Problem: Error, Equatable {
        /// This store holds no key for the station: its files are not for this machine.
        case noKeyForStation(String)
    }
}

extension CaseStore {
    var stationKeysURL: URL { root.appendingPathComponent(StationKeys.fileName) }

    public func loadStationKeys() -> StationKeys? {
        guard let data = try? Data(contentsOf: stationKeysURL) else { return nil }
        return try? PropertyListDecoder().decode(StationKeys.self, from: data)
    }

    func saveStationKeys(_ keys: StationKeys) throws {
        let encoder = PropertyListEncoder()
        encoder.outputFormat = .binary
        do { try DurableFile.write(try encoder.encode(keys), to: stationKeysURL) } catch { throw StoreError.writeFailed(path: stationKeysURL.path) }
    }

    /// The station's own key (entries are kept under the station's folder name), opened with this store's key; nil when the station has none here.
    public func stationKey(_ stationID: String) -> SymmetricKey? {
        let folder = fileKey(stationID)
        guard let sealer, let entry = loadStationKeys()?.stations[folder],
              let raw = try? sealer.open(entry.escrow, binding: StationKeys.escrowBinding(folder)) else { return nil }
        return SymmetricKey(data: raw)
    }

    /// True when this store keeps keys per station (then a station without one is not for it).
    public var keysPerStation: Bool { meta.encrypted && loadStationKeys() != nil }

    /// Gives a station its own key (the key open; an encrypted store), unless it has one. Made only
    /// for a station whose folder holds no file yet: files already sealed with the store's key stay so.
    @discardableResult
    public func makeStationKey(_ stationID: String) throws -> Bool {
        guard meta.encrypted, let sealer else { return false }
        var keys = loadStationKeys() ?? StationKeys(sharedBefore: (loadMachine()?.stations ?? []).map(fileKey))
        let name = fileKey(stationID)
        if keys.stations[name] != nil { return false }
        let folder = stationFolder(stationID)
        let held = (FileManager.default.enumerator(atPath: folder.path)?.allObjects as? [String] ?? [])
            .contains { !$0.hasPrefix(".") && !$0.contains("/.") && $0.contains(".") }
        if held { return false }
        let key = SymmetricKey(size: .bits256)
        let raw = key.withUnsafeBytes { Data($0) }
        keys.stations[name] = StationKeys.Entry(escrow: try sealer.seal(raw, binding: StationKeys.escrowBinding(name)))
        if keys.match == nil, let match = matchKey {
            keys.match = try sealer.seal(match.withUnsafeBytes { Data($0) }, binding: StationKeys.matchBinding)
        }
        try saveStationKeys(keys)
        return true
    }

    /// Wraps, under her secret, a copy of the key of each station she works at that she has no
    /// copy of yet (or of all of them, with `replace`: her secret changed). Returns how many were made.
    @discardableResult
    public func giveStationCopies(to user: User, secret: String, replace: Bool = false, rounds: Int? = nil) throws -> Int {
        guard var keys = loadStationKeys(), sealer != nil else { return 0 }
        let id = user.id.lowercased()
        let rounds = rounds ?? loadKeyRing()?.users[id]?.rounds ?? PinHash.defaultRounds
        var made = 0
        for (station, entry) in keys.stations.sorted(by: { $0.key < $1.key }) {
            let works = user.stationIDs.isEmpty || user.stationIDs.map(fileKey).contains(station)
            if !works {
                if keys.stations[station]?.users.removeValue(forKey: id) != nil { made += 1 }
                continue
            }
            if entry.users[id] != nil, !replace { continue }
            guard let key = stationKey(station) else { continue }
            keys.stations[station]?.users[id] = try KeyRing.wrap(key, secret: secret, rounds: rounds, holder: id)
            made += 1
        }
        if made > 0 { try saveStationKeys(keys) }
        return made
    }

    /// Takes a user's copies of every station's key away.
    func revokeStationCopies(userID: String) throws {
        guard var keys = loadStationKeys() else { return }
        for station in keys.stations.keys { keys.stations[station]?.users.removeValue(forKey: userID.lowercased()) }
        try saveStationKeys(keys)
    }

    /// The seal for a replicated file: its station's key when the station has one, the store's
    /// otherwise (stores made before keys per station); refused when keys are per station and this
    /// store holds none for that station.
    func replicaSealer(for url: URL) throws -> Sealer? {
        guard meta.encrypted, let sealer else { return nil }
        let parts = replicaBinding(url).split(separator: "/")
        guard parts.count > 2, parts[0] == "sync", String(parts[1]) != DistrictMatch.folderName else { return sealer }
        let station = String(parts[1])
        guard let keys = loadStationKeys() else { return sealer }
        guard keys.stations[station] != nil else {
            // A station shared before keys per station keeps the store's key; a thana store holds
            // only its own station's entry, so another station's files are not for it (whatever
            // machine.plist, kept in the clear, may claim).
            if keys.sharedBefore.contains(station) { return sealer }
            throw StationKeys.Problem.noKeyForStation(station)
        }
        guard let key = stationKey(station) else { throw StationKeys.Problem.noKeyForStation(station) }
        return Sealer(key: key)
    }

    /// The district's matching key kept here, when keys are per station.
    var keptMatchKey: SymmetricKey? {
        guard let sealer, let sealed = loadStationKeys()?.match,
              let raw = try? sealer.open(sealed, binding: StationKeys.matchBinding) else { return nil }
        return SymmetricKey(data: raw)
    }

    /// After a rotation of the store's key: every escrow sealed again under the new key.
    func resealStationEscrows(from old: Sealer, to new: Sealer) throws {
        guard var keys = loadStationKeys() else { return }
        for (station, entry) in keys.stations {
            let binding = StationKeys.escrowBinding(station)
            if (try? new.open(entry.escrow, binding: binding)) != nil { continue }
            guard let raw = try? old.open(entry.escrow, binding: binding) else { continue }
            keys.stations[station]?.escrow = try new.seal(raw, binding: binding)
        }
        if let sealed = keys.match, (try? new.open(sealed, binding: StationKeys.matchBinding)) == nil,
           let raw = try? old.open(sealed, binding: StationKeys.matchBinding) {
            keys.match = try new.seal(raw, binding: StationKeys.matchBinding)
        }
        try saveStationKeys(keys)
    }
}
