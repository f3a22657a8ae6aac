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
        guard encrypted else { return SummaryLine.decode(line) }
        guard let sealer, let data = Data(base64Encoded: Data(line)), let plain = try? sealer.open(data, binding: "index.tsv") else { return nil }
        return SummaryLine.decode([UInt8](plain)[...])
    }

    /// Adds one case's summary. Not fsynced: a lost line is found and mended at the next open.
    public func append(_ summary: CaseSummary) throws {
        guard let text = line(summary) else { return }
        IndexLines.settle()
        try StoreFS.appendLine(Data((text + "\n").utf8), to: url.path)
    }

    /// The latest summary of every case (of `stations`, or every one), and how many lines the file
    /// holds; nil when there is no index. A block that does not open leaves its cases out (the
    /// desk's check finds them missing and writes the index anew).
    public func load(stations: Set<String>? = nil) -> (summaries: [CaseSummary], lines: Int)? {
        guard let read = latest(stations: stations) else { return nil }
        return (read.order.compactMap { read.byID[$0] }, read.lines)
    }

    /// The same by case (what the overview keeps), with the order in which the cases first appear.
    public func latest(stations: Set<String>? = nil) -> (byID: [UUID: CaseSummary], order: [UUID], lines: Int)? {
        latestRead(stations: stations).map { ($0.byID, $0.order, $0.lines) }
    }

    /// The same, and whether a case has more than one line in the blocks (never so as written: the
    /// overview's count from the lines would count it twice, so the check writes such an index anew).
    public func latestRead(stations: Set<String>?) -> (byID: [UUID: CaseSummary], order: [UUID], lines: Int, repeated: Bool)? {
        guard !encrypted || sealer != nil, let file = BlockFile.Reader(path: url.path) else { return nil }
        let wanted = stations.map { Set($0.map { Array(tag($0).utf8) }) }
        var parsed: [[CaseSummary?]] = []
        var lines = 0
        for block in file.table?.blocks ?? [] where wanted?.contains(block.tag) ?? true {
            guard let plain = openBlock(file, block) else { continue }
            let ranges = BlockFile.lineRanges(plain)
            lines += ranges.count
            parsed.append(Self.parallel(ranges.count) { i in plain.withUnsafeBufferPointer { SummaryLine.decode(bytes: $0[ranges[i]]) } })
        }
        let tail = file.tail()
        let tailRanges = BlockFile.lineRanges(tail)
        lines += tailRanges.count
        parsed.append(Self.parallel(tailRanges.count) { i in self.decode(tail[tailRanges[i]]) })
        var byID: [UUID: CaseSummary] = [:]
        byID.reserveCapacity(lines)
        var order: [UUID] = []
        order.reserveCapacity(lines)
        // A torn last line (a crash mid-append) is skipped (nil); the desk mends the index. The
        // tail holds every station's lines: only hers are kept, and a case whose last line is at
        // another station is not hers (moved, as `fold` counts it: what the check compares with
        // her listings must be what her overview counts, or a line of its former station copied
        // to the end would take a case out of her count unseen).
        var repeated = false
        var movedOut: Set<UUID> = []
        for (n, part) in parsed.enumerated() {
            let inBlocks = n < parsed.count - 1
            for case let s? in part {
                guard stations?.contains(s.stationID) ?? true else {
                    if !inBlocks, byID.removeValue(forKey: s.id) != nil { movedOut.insert(s.id) }
                    continue
                }
                if byID.updateValue(s, forKey: s.id) == nil {
                    // Back again after a line elsewhere: already in `order`.
                    if movedOut.remove(s.id) == nil { order.append(s.id) }
                } else if inBlocks { repeated = true }
            }
        }
        if !movedOut.isEmpty { order.removeAll { movedOut.contains($0) } }
        return (byID, order, lines, repeated)
    }

    /// Parsing is the cost of opening the index: spread over the cores, in chunks.
    static func parallel(_ count: Int, _ work: @escaping @Sendable (Int) -> CaseSummary?) -> [CaseSummary?] {
        var out = [CaseSummary?](repeating: nil, count: count)
        let chunk = 512
        out.withUnsafeMutableBufferPointer { buffer in
            nonisolated(unsafe) let slots = buffer
            Cores.perform((count + chunk - 1) / chunk) { c in
                for i in (c * chunk)..<min(count, (c + 1) * chunk) { slots[i] = work(i) }
            }
        }
        return out
    }

    /// A station's tag in the table (its code in a plain store; a keyed hash of it when encrypted).
    public func tag(_ station: String) -> String {
        guard encrypted, let sealer else { return SummaryLine.clean(station) }
        return sealer.tag("index.tsv station " + station)
    }

    func openBlock(_ file: BlockFile.Reader, _ block: BlockFile.Table.Block) -> [UInt8]? {
        BlockFile.Sealing(encrypted: encrypted, sealer: sealer).open(file, block, of: url)
    }

    /// Writes the index anew from the cases themselves: a block per station (`BlockFile`), durably.
    public func rebuild(from summaries: [CaseSummary]) throws {
        let byStation = Dictionary(grouping: summaries, by: { Array(tag($0.stationID).utf8) })
        let tags = byStation.keys.sorted { $0.lexicographicallyPrecedes($1) }
        try BlockFile.write(to: url, tags: tags, sealing: BlockFile.Sealing(encrypted: encrypted, sealer: sealer), lines: { t in Array((byStation[t] ?? []).map { SummaryLine.encode($0) + "\n" }.joined().utf8) })
    }

    /// The quick check a desk makes when the list index held every case file as it is: the index
    /// is in blocks, every block opens, it has a line for as many cases as there are files, and few
    /// lines after the blocks. No line is decoded; one block is in memory at a time.
    public func quickCheck(files: Int) -> Bool {
        guard let file = BlockFile.Reader(path: url.path), let table = file.table, !file.tailTooLong else { return false }
        let tail = BlockFile.lineRanges(file.tail()).count
        guard tail <= 64 + files / 32 else { return false }
        var lines = tail
        for block in table.blocks {
            guard let plain = openBlock(file, block) else { return false }
            lines += BlockFile.lineRanges(plain).count
        }
        return lines >= files
    }

    /// True when the summaries the index gives for `stations` (every one with nil), what an
    /// overview of them reads, are exactly these listings' cases of those stations at their
    /// revisions. Every line of those stations is decoded: an older sealed line copied to the end,
    /// or an older block put back, opens as well as a current one, and only this finds it.
    /// It compares what her overview counts (`fold`, the same lines read the same way), keeping
    /// only each case's revision.
    public func agrees(with listings: [CaseListing], stations: Set<String>?) -> Bool {
        agrees(with: listings.map(ListIndex.Revision.init), stations: stations)
    }

    /// The same, given only the cases' ids, stations and revisions (what the check beside her reads).
    public func agrees(with hers: [ListIndex.Revision], stations: Set<String>?) -> Bool {
        guard let read = fold(stations: stations, from: RevisionTally()), !read.repeated else { return false }
        var count = 0
        for l in hers where stations?.contains(l.station) ?? true {
            guard read.revisions[l.id] == l.revision else { return false }
            count += 1
        }
        return read.revisions.count == count
    }

    /// True when the index holds exactly these cases at these revisions.
    public static func matches(_ index: [CaseSummary], _ cases: [CaseRecord]) -> Bool {
        guard index.count == cases.count else { return false }
        let revisions = Dictionary(index.map { ($0.id, $0.revision) }, uniquingKeysWith: { a, _ in a })
        return cases.allSatisfy { revisions[$0.id] == $0.revision }
    }
}
