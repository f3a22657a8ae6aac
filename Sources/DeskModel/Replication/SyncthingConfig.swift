import Foundation

/// Syncthing's `config.xml` for one machine of the district, written whole: this machine and its
/// peers (each with an explicit address), one folder per station shared with the machines that
/// hold that station, the GUI and REST API on localhost only, and discovery, relays, NAT,
/// usage reports and upgrades off unless asked for. Syncthing fills in every setting left out.
public struct SyncthingConfig: Equatable, Sendable {
    public struct Peer: Equatable, Sendable {
        public var deviceID: String
        public var name: String
        /// `tcp://host:port`, or `dynamic` (only useful with discovery on).
        public var address: String
        public init(deviceID: String, name: String, address: String) {
            self.deviceID = deviceID
            self.name = name
            self.address = address
        }
    }

    public struct Folder: Equatable, Sendable {
        public var stationID: String
        public var path: String
        /// Device ids of the peers that hold this station (this machine is always in).
        public var peers: [String]
        public init(stationID: String, path: String, peers: [String]) {
            self.stationID = stationID
            self.path = path
            self.peers = peers
        }
        public var id: String { "urja-" + stationID.lowercased() }
    }

    public var deviceID: String
    public var name: String
    public var apiKey: String
    public var guiPort: Int
    /// `tcp://0.0.0.0:22000` on a police WAN; `tcp://127.0.0.1:PORT` in tests.
    public var listenAddress: String
    public var peers: [Peer]
    public var folders: [Folder]
    /// Global and local discovery, relays and NAT traversal: off for a closed network.
    public var discovery: Bool
    /// How long the file watcher gathers changes before a scan (seconds): small, so a save travels fast.
    public var watcherDelay: Int = 1
    /// A full rescan, in case the watcher missed anything (seconds).
    public var rescanInterval: Int = 60

    public init(deviceID: String, name: String, apiKey: String, guiPort: Int, listenAddress: String, peers: [Peer],
                folders: [Folder], discovery: Bool = false) {
        self.deviceID = deviceID
        self.name = name
        self.apiKey = apiKey
        self.guiPort = guiPort
        self.listenAddress = listenAddress
        self.peers = peers
        self.folders = folders
        self.discovery = discovery
    }

    public static func newAPIKey() -> String {
        let letters = Array("abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789")
        return String((0..<32).map { _ in letters.randomElement() ?? "a" })
    }

    static func esc(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }

    public var xml: String {
        var x = "<configuration version=\"36\">\n"
        for f in folders {
            x += "    <folder id=\"\(Self.esc(f.id))\" label=\"Urja \(Self.esc(f.stationID))\" path=\"\(Self.esc(f.path))\" type=\"sendreceive\""
            x += " rescanIntervalS=\"\(rescanInterval)\" fsWatcherEnabled=\"true\" fsWatcherDelayS=\"\(watcherDelay)\" ignorePerms=\"false\" autoNormalize=\"true\">\n"
            x += "        <filesystemType>basic</filesystemType>\n"
            for id in [deviceID] + f.peers where !id.isEmpty {
                x += "        <device id=\"\(Self.esc(id))\" introducedBy=\"\"></device>\n"
            }
            // Every conflict copy is kept (the desk merges and removes them), none thrown away.
            x += "        <maxConflicts>-1</maxConflicts>\n"
            // Files pulled in name order: a machine's audit log (<machine>.log) before its sealed
            // head (<machine>.log.head), so the head never vouches for lines not yet here.
            x += "        <order>alphabetic</order>\n"
            x += "    </folder>\n"
        }
        x += "    <device id=\"\(Self.esc(deviceID))\" name=\"\(Self.esc(name))\" compression=\"metadata\" introducer=\"false\">\n"
        x += "        <address>dynamic</address>\n    </device>\n"
        for p in peers {
            x += "    <device id=\"\(Self.esc(p.deviceID))\" name=\"\(Self.esc(p.name))\" compression=\"metadata\" introducer=\"false\">\n"
            x += "        <address>\(Self.esc(p.address))</address>\n        <autoAcceptFolders>false</autoAcceptFolders>\n    </device>\n"
        }
        x += "    <gui enabled=\"true\" tls=\"false\" debugging=\"false\">\n"
        x += "        <address>127.0.0.1:\(guiPort)</address>\n        <apikey>\(Self.esc(apiKey))</apikey>\n        <theme>default</theme>\n    </gui>\n"
        let on = discovery ? "true" : "false"
        x += "    <options>\n"
        x += "        <listenAddress>\(Self.esc(listenAddress))</listenAddress>\n"
        x += "        <globalAnnounceEnabled>\(on)</globalAnnounceEnabled>\n"
        x += "        <localAnnounceEnabled>\(on)</localAnnounceEnabled>\n"
        x += "        <relaysEnabled>\(on)</relaysEnabled>\n"
        x += "        <natEnabled>\(on)</natEnabled>\n"
        x += "        <startBrowser>false</startBrowser>\n"
        x += "        <urAccepted>-1</urAccepted>\n"
        x += "        <autoUpgradeIntervalH>0</autoUpgradeIntervalH>\n"
        x += "        <crashReportingEnabled>false</crashReportingEnabled>\n"
        x += "        <reconnectionIntervalS>5</reconnectionIntervalS>\n"
        x += "    </options>\n</configuration>\n"
        return x
    }
}
