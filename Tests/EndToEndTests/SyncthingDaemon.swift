import DeskModel
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
#if canImport(Glibc)
import Glibc
#endif

/// One real Syncthing daemon on 127.0.0.1 with a home of its own: generated keys, a config from
/// `SyncthingConfig`, its GUI and REST API on a loopback port. Stopped by its own pid.
final class SyncthingDaemon {
    let program: String
    let home: URL
    let name: String
    let deviceID: String
    let apiKey = SyncthingConfig.newAPIKey()
    let guiPort: Int
    let listenPort: Int
    var process: Process?

    init(program: String, home: URL, name: String) throws {
        self.program = program
        self.home = home
        self.name = name
        guiPort = try Self.freePort()
        listenPort = try Self.freePort()
        _ = try Self.run(program, ["generate", "--home=\(home.path)", "--no-default-folder"])
        deviceID = try Self.run(program, ["--device-id", "--home=\(home.path)"]).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    var address: String { "tcp://127.0.0.1:\(listenPort)" }

    func configure(peers: [SyncthingDaemon], folders: [(station: String, path: URL, peers: [SyncthingDaemon])]) throws {
        let config = SyncthingConfig(deviceID: deviceID, name: name, apiKey: apiKey, guiPort: guiPort, listenAddress: address,
                                     peers: peers.map { .init(deviceID: $0.deviceID, name: $0.name, address: $0.address) },
                                     folders: folders.map { .init(stationID: $0.station, path: $0.path.path, peers: $0.peers.map(\.deviceID)) })
        for f in folders {
            try FileManager.default.createDirectory(at: f.path.appendingPathComponent(".stfolder"), withIntermediateDirectories: true)
        }
        try config.xml.write(to: home.appendingPathComponent("config.xml"), atomically: true, encoding: .utf8)
    }

    func start() throws {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: program)
        p.arguments = ["serve", "--home=\(home.path)", "--no-browser", "--no-restart", "--logfile=\(home.path)/syncthing.log"]
        var env = ProcessInfo.processInfo.environment
        env["STNODEFAULTFOLDER"] = "1"
        env["STNOUPGRADE"] = "1"
        p.environment = env
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        try p.run()
        process = p
    }

    func stop() {
        guard let p = process, p.isRunning else { return }
        kill(p.processIdentifier, SIGTERM)
        p.waitUntilExit()
        process = nil
    }

    /// A REST GET as JSON (nil while the daemon is not answering).
    func get(_ path: String) -> Any? {
        guard let url = URL(string: "http://127.0.0.1:\(guiPort)\(path)") else { return nil }
        var request = URLRequest(url: url)
        request.setValue(apiKey, forHTTPHeaderField: "X-API-Key")
        request.timeoutInterval = 5
        let box = ResultBox()
        let done = DispatchSemaphore(value: 0)
        URLSession.shared.dataTask(with: request) { data, _, _ in
            box.data = data
            done.signal()
        }.resume()
        done.wait()
        return box.data.flatMap { try? JSONSerialization.jsonObject(with: $0) }
    }

    final class ResultBox: @unchecked Sendable { var data: Data?; var status = 0 }

    /// A REST call with a JSON body (PATCH a folder to pause it); the HTTP status.
    @discardableResult
    func send(_ method: String, _ path: String, json: String) -> Int {
        guard let url = URL(string: "http://127.0.0.1:\(guiPort)\(path)") else { return 0 }
        var request = URLRequest(url: url)
        request.httpMethod = method
        request.setValue(apiKey, forHTTPHeaderField: "X-API-Key")
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        request.httpBody = Data(json.utf8)
        request.timeoutInterval = 5
        let box = ResultBox()
        let done = DispatchSemaphore(value: 0)
        URLSession.shared.dataTask(with: request) { _, response, _ in
            box.status = (response as? HTTPURLResponse)?.statusCode ?? 0
            done.signal()
        }.resume()
        done.wait()
        return box.status
    }

    /// Device ids this daemon is connected to now.
    func connectedPeers() -> Set<String> {
        guard let json = get("/rest/system/connections") as? [String: Any],
              let conns = json["connections"] as? [String: [String: Any]] else { return [] }
        return Set(conns.filter { ($0.value["connected"] as? Bool) == true }.keys)
    }

    /// The folder's state ("idle", "scanning", "syncing") and its count of files.
    func folderStatus(_ station: String) -> (state: String, files: Int)? {
        guard let json = get("/rest/db/status?folder=urja-\(station.lowercased())") as? [String: Any] else { return nil }
        return ((json["state"] as? String) ?? "?", (json["localFiles"] as? Int) ?? 0)
    }

    static func freePort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw CocoaError(.featureUnsupported) }
        defer { close(fd) }
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_addr.s_addr = inet_addr("127.0.0.1")
        addr.sin_port = 0
        var len = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, len) == 0 && getsockname(fd, $0, &len) == 0 }
        }
        guard bound else { throw CocoaError(.featureUnsupported) }
        return Int(UInt16(bigEndian: addr.sin_port))
    }

    @discardableResult
    static func run(_ program: String, _ args: [String]) throws -> String {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: program)
        p.arguments = args
        let out = Pipe()
        p.standardOutput = out
        p.standardError = FileHandle.nullDevice
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}
