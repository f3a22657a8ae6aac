import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The review index: one JSON line per saved case summary, appended on every save (O(1), under a
/// lock), the last line of each case winning. It is derived data: the desk checks it against the
/// cases it loads and rewrites it when they differ, so a crash between a case and its line costs
/// nothing. The SP's overview and the reports read only this file, which is why they open fast.
public struct SummaryIndex: Sendable {
    public let url: URL

    public init(store: CaseStore) {
        url = store.root.appendingPathComponent("index.jsonl")
    }

    static func encoder() -> JSONEncoder {
        let e = JSONEncoder()
        e.dateEncodingStrategy = .secondsSince1970
        return e
    }

    /// Adds one case's summary. Not fsynced: a lost line is found and mended at the next open.
    public func append(_ summary: CaseSummary) throws {
        var line = try SummaryIndex.encoder().encode(summary)
        line.append(0x0A)
        let fd = open(url.path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw StoreError.writeFailed(path: url.path) }
        defer { close(fd) }
        guard flock(fd, LOCK_EX) == 0 else { throw StoreError.writeFailed(path: url.path) }
        defer { flock(fd, LOCK_UN) }
        let written = line.withUnsafeBytes { buf in buf.baseAddress.map { Glibc.write(fd, $0, buf.count) } ?? -1 }
        guard written == line.count else { throw StoreError.writeFailed(path: url.path) }
    }

    /// The latest summary of every case, and how many lines the file holds; nil when there is no index.
    public func load() -> (summaries: [CaseSummary], lines: Int)? {
        guard let data = try? Data(contentsOf: url) else { return nil }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .secondsSince1970
        var latest: [UUID: CaseSummary] = [:]
        var order: [UUID] = []
        var lines = 0
        for line in data.split(separator: 0x0A) {
            lines += 1
            // A torn last line (a crash mid-append) is skipped; the desk mends the index.
            guard let s = try? decoder.decode(CaseSummary.self, from: Data(line)) else { continue }
            if latest.updateValue(s, forKey: s.id) == nil { order.append(s.id) }
        }
        return (order.compactMap { latest[$0] }, lines)
    }

    /// Writes the index anew from the cases themselves (temp file, fsync, rename).
    public func rebuild(from summaries: [CaseSummary]) throws {
        let encoder = SummaryIndex.encoder()
        var data = Data()
        for s in summaries {
            data.append(try encoder.encode(s))
            data.append(0x0A)
        }
        try DurableFile.write(data, to: url)
    }

    /// True when the index holds exactly these cases at these revisions.
    public static func matches(_ index: [CaseSummary], _ cases: [CaseRecord]) -> Bool {
        guard index.count == cases.count else { return false }
        let revisions = Dictionary(index.map { ($0.id, $0.revision) }, uniquingKeysWith: { a, _ in a })
        return cases.allSatisfy { revisions[$0.id] == $0.revision }
    }
}
