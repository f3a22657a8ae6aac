import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// What the last take-in saw (`sync-seen.plist`, kept on this machine only): each replica folder's
/// files as they were (names, sizes, change times), so that a sign-in reads again only the folders
/// that changed; and, per station, when a file of another machine's last arrived here (its change
/// time: Syncthing moves a received file into place then), which is how fresh that station's data is.
public struct TakeInLedger: Codable, Equatable, Sendable {
    public var folders: [String: String] = [:]
    public var lastArrival: [String: Date] = [:]
    public init() {}

    /// The newest arrival from any station: what the top bar shows as the last sync.
    public var lastSync: Date? { lastArrival.values.max() }
}

extension CaseStore {
    var ledgerURL: URL { root.appendingPathComponent("sync-seen.plist") }

    public func loadLedger() -> TakeInLedger {
        guard let data = try? Data(contentsOf: ledgerURL) else { return TakeInLedger() }
        return (try? PropertyListDecoder().decode(TakeInLedger.self, from: data)) ?? TakeInLedger()
    }

    public func saveLedger(_ ledger: TakeInLedger) {
        let encoder = PropertyListEncoder()
        encoder.outputFormat = .binary
        if let data = try? encoder.encode(ledger) { try? DurableFile.write(data, to: ledgerURL) }
    }

    /// A folder's files as they are now, and when the newest file of another machine's came in.
    func folderSignature(_ folder: URL, own: String) -> (signature: String, arrived: Date?) {
        var signature = "", arrived: Date?
        for name in replicaNames(in: folder, suffix: "") {
            var st = stat()
            guard stat(folder.appendingPathComponent(name).path, &st) == 0 else { continue }
            signature += "\(name):\(st.st_size):\(st.st_ctim.tv_sec).\(st.st_ctim.tv_nsec);"
            let parts = ReplicaName.original(of: folder.appendingPathComponent(name)).lastPathComponent.split(separator: ".")
            let machine = name.hasSuffix(".rcase") ? parts.first : name.hasSuffix(".reply") && parts.count == 3 ? parts[1] : nil
            if let machine, machine != own {
                let t = Date(timeIntervalSince1970: Double(st.st_ctim.tv_sec) + Double(st.st_ctim.tv_nsec) / 1e9)
                arrived = max(arrived ?? t, t)
            }
        }
        return (signature, arrived)
    }
}
