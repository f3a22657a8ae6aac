import Foundation
import SystemPackage
#if canImport(Glibc)
import Glibc
#endif

/// The review index: one line per saved case summary (`SummaryLine`), appended on every save (O(1), under a
/// lock), the last line of each case winning. It is derived data: the desk checks it against the
/// cases it loads and rewrites it when they differ, so a crash between a case and its line costs
/// nothing. The SP's overview and the reports read only this file, which is why they open fast.
public struct SummaryIndex: Sendable {
    public let url: URL
    /// In an encrypted store each line is sealed too (base64 of the sealed line).
    let encrypted: Bool
    let sealer: Sealer?

    public init(store: CaseStore) {
        url = store.root.appendingPathComponent("index.tsv")
        encrypted = store.meta.encrypted
        sealer = store.sealer
    }

    func line(_ s: CaseSummary) -> String? {
        let plain = SummaryLine.encode(s)
        guard encrypted else { return plain }
        return (try? sealer?.seal(Data(plain.utf8), binding: "index.tsv"))?.map { $0.base64EncodedString() }
    }

    func decode(_ line: ArraySlice<UInt8>) -> CaseSummary? {
        guard encrypted else { return SummaryLine.decode(bytes: line) }
        guard let sealer, let data = Data(base64Encoded: Data(line)), let plain = try? sealer.open(data, binding: "index.tsv") else { return nil }
        return SummaryLine.decode(bytes: [UInt8](plain)[...])
    }

    /// Adds one case's summary. Not fsynced: a lost line is found and mended at the next open.
    public func append(_ summary: CaseSummary) throws {
        guard let text = line(summary) else { return }
        try StoreFS.appendLine(Data((text + "\n").utf8), to: url.path)
    }

    /// The latest summary of every case, and how many lines the file holds; nil when there is no index.
    public func load() -> (summaries: [CaseSummary], lines: Int)? {
        guard !encrypted || sealer != nil, let data = try? Data(contentsOf: url) else { return nil }
        let bytes = [UInt8](data)
        let lines = bytes.split(separator: 10)
        // Parsing is the cost of opening the index: spread it over the cores, in chunks.
        var parsed = [CaseSummary?](repeating: nil, count: lines.count)
        let chunk = 512
        let chunks = (lines.count + chunk - 1) / chunk
        parsed.withUnsafeMutableBufferPointer { buffer in
            nonisolated(unsafe) let slots = buffer
            DispatchQueue.concurrentPerform(iterations: chunks) { c in
                for i in (c * chunk)..<min(lines.count, (c + 1) * chunk) { slots[i] = self.decode(lines[i]) }
            }
        }
        var latest: [UUID: CaseSummary] = [:]
        latest.reserveCapacity(lines.count)
        var order: [UUID] = []
        // A torn last line (a crash mid-append) is skipped (nil); the desk mends the index.
        for s in parsed {
            guard let s else { continue }
            if latest.updateValue(s, forKey: s.id) == nil { order.append(s.id) }
        }
        return (order.compactMap { latest[$0] }, lines.count)
    }

    /// Writes the index anew from the cases themselves (temp file, fsync, rename).
    public func rebuild(from summaries: [CaseSummary]) throws {
        let text = summaries.compactMap { line($0).map { $0 + "\n" } }.joined()
        try DurableFile.write(Data(text.utf8), to: url)
    }

    /// True when the index holds exactly these cases at these revisions.
    public static func matches(_ index: [CaseSummary], _ cases: [CaseRecord]) -> Bool {
        guard index.count == cases.count else { return false }
        let revisions = Dictionary(index.map { ($0.id, $0.revision) }, uniquingKeysWith: { a, _ in a })
        return cases.allSatisfy { revisions[$0.id] == $0.revision }
    }
}
