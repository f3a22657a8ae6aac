import Foundation

/// This machine's Syncthing set-up (`sync.plist`, kept on this machine only): its ports and key for
/// the local REST API, where it listens, whether discovery and relays are on, and its peers with
/// the stations each shares. `urja-desk sync` writes Syncthing's config.xml from it.
public struct SyncSettings: Codable, Equatable, Sendable {
    public struct Peer: Codable, Equatable, Sendable {
        public var deviceID: String
        public var name: String
        public var address: String
        public var stations: [String]
        public init(deviceID: String, name: String, address: String, stations: [String]) {
            self.deviceID = deviceID
            self.name = name
            self.address = address
            self.stations = stations
        }
    }

    public var deviceID: String
    public var guiPort: Int
    public var apiKey: String
    public var listenAddress: String
    public var discovery: Bool
    public var peers: [Peer]
    /// After how long without new data a station is shown as stale (hours).
    public var staleAfterHours: Int

    public init(deviceID: String, guiPort: Int = 8384, apiKey: String = SyncthingConfig.newAPIKey(),
                listenAddress: String = "tcp://0.0.0.0:22000", discovery: Bool = false, peers: [Peer] = [], staleAfterHours: Int = 24) {
        self.deviceID = deviceID
        self.guiPort = guiPort
        self.apiKey = apiKey
        self.listenAddress = listenAddress
        self.discovery = discovery
        self.peers = peers
        self.staleAfterHours = staleAfterHours
    }

    /// Syncthing's home for this store: its keys, config.xml and database (never replicated).
    public static func home(of store: CaseStore) -> URL { store.root.appendingPathComponent("syncthing", isDirectory: true) }
    static func url(of store: CaseStore) -> URL { store.root.appendingPathComponent("sync.plist") }

    public static func load(from store: CaseStore) -> SyncSettings? {
        guard let data = try? Data(contentsOf: url(of: store)) else { return nil }
        return try? PropertyListDecoder().decode(SyncSettings.self, from: data)
    }

    public func save(to store: CaseStore) throws {
        let encoder = PropertyListEncoder()
        encoder.outputFormat = .xml
        do { try DurableFile.write(try encoder.encode(self), to: Self.url(of: store)) } catch {
            throw StoreError.writeFailed(path: Self.url(of: store).path)
        }
    }

    /// A Syncthing device ID: eight groups of seven letters A–Z and digits 2–7 (the short form of
    /// 52 or 56 characters without dashes is taken too). Returned in the dashed form.
    public static func normalizedDeviceID(_ text: String) -> String? {
        let raw = text.uppercased().filter { $0 != "-" && $0 != " " }
        guard raw.count == 56, raw.allSatisfy({ ("A"..."Z").contains($0) || ("2"..."7").contains($0) }) else { return nil }
        var groups: [String] = []
        var rest = Substring(raw)
        while !rest.isEmpty { groups.append(String(rest.prefix(7))); rest = rest.dropFirst(7) }
        return groups.joined(separator: "-")
    }

    /// Syncthing's config.xml for this machine: one folder per station it holds, shared with the
    /// peers that hold that station.
    public func config(name: String, store: CaseStore, machine: MachineIdentity) -> SyncthingConfig {
        let folders = machine.stations.map { station in
            SyncthingConfig.Folder(stationID: station, path: store.stationFolder(station).path,
                                   peers: peers.filter { $0.stations.contains(station) }.map(\.deviceID))
        }
        // The district-wide folder of matching tokens goes to every peer (keyed hashes only).
        let district = SyncthingConfig.Folder(stationID: DistrictMatch.folderName, path: store.districtFolder.path,
                                              peers: peers.map(\.deviceID))
        return SyncthingConfig(deviceID: deviceID, name: name, apiKey: apiKey, guiPort: guiPort, listenAddress: listenAddress,
                               peers: peers.map { .init(deviceID: $0.deviceID, name: $0.name, address: $0.address) },
                               folders: folders + [district], discovery: discovery)
    }
}
