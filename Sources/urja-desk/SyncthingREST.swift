import DeskModel
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// This machine's Syncthing, asked through its REST API on 127.0.0.1 with the key from sync.plist.
struct SyncthingREST {
    let settings: SyncSettings

    final class Box: @unchecked Sendable { var data: Data? }

    /// JSON from a GET, or nil when Syncthing is not answering.
    func get(_ path: String) -> Any? {
        guard let url = URL(string: "http://127.0.0.1:\(settings.guiPort)\(path)") else { return nil }
        var request = URLRequest(url: url)
        request.setValue(settings.apiKey, forHTTPHeaderField: "X-API-Key")
        request.timeoutInterval = 5
        let box = Box(), done = DispatchSemaphore(value: 0)
        URLSession.shared.dataTask(with: request) { data, response, _ in
            if (response as? HTTPURLResponse)?.statusCode == 200 { box.data = data }
            done.signal()
        }.resume()
        done.wait()
        return box.data.flatMap { try? JSONSerialization.jsonObject(with: $0) }
    }

    /// Device ids connected now; nil when Syncthing is not running.
    func connected() -> Set<String>? {
        guard let json = get("/rest/system/connections") as? [String: Any] else { return nil }
        let conns = json["connections"] as? [String: [String: Any]] ?? [:]
        return Set(conns.filter { ($0.value["connected"] as? Bool) == true }.keys)
    }

    struct FolderState {
        var state: String
        var needFiles: Int
        var paused: Bool
        /// When a file last changed in the folder (received from a peer or saved here).
        var lastFile: Date?
        var error: String?
    }

    func folder(_ station: String) -> FolderState? {
        let id = "urja-" + station.lowercased()
        guard let status = get("/rest/db/status?folder=\(id)") as? [String: Any] else { return nil }
        let stats = (get("/rest/stats/folder") as? [String: [String: Any]])?[id]
        let last = ((stats?["lastFile"] as? [String: Any])?["at"] as? String).flatMap(Self.date)
        let config = get("/rest/config/folders/\(id)") as? [String: Any]
        return FolderState(state: status["state"] as? String ?? "?", needFiles: status["needFiles"] as? Int ?? 0,
                           paused: config?["paused"] as? Bool ?? false, lastFile: last.flatMap { $0.timeIntervalSince1970 > 0 ? $0 : nil },
                           error: (status["error"] as? String).flatMap { $0.isEmpty ? nil : $0 })
    }

    static func date(_ text: String) -> Date? {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        if let d = f.date(from: text) { return d }
        f.formatOptions = [.withInternetDateTime]
        // Syncthing writes nanoseconds; ISO8601DateFormatter takes at most milliseconds.
        let trimmed = text.replacingOccurrences(of: #"\.\d+"#, with: "", options: .regularExpression)
        return f.date(from: trimmed)
    }
}
