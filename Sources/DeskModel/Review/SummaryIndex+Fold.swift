import Foundation

/// A count over the review index's cases (the overview's, a report's): one case added at a time,
/// parts counted apart merged (`SummaryIndex.fold` counts a part on each core).
public protocol SummaryTally: Sendable {
    mutating func add(_ s: CaseSummary)
    mutating func merge(_ other: Self)
}

extension SummaryIndex {
    /// Counts the latest summary of every case of `stations` (every one with nil) without keeping
    /// any: the overview and the reports of a district or a state add up tens of thousands of
    /// summaries, and what costs is holding them (a summary made, kept in a dictionary by case,
    /// freed), not counting them. The lines are counted in parallel, each part from `start`,
    /// the parts merged in the order of the file. Cases in `skipping` are left out (the caller adds
    /// its own fresher copies). The last line of a case wins, as in `latest`: a case with lines
    /// after the blocks is counted once, from its last line, wherever its older line is (a case
    /// moved to another station included). A line that does not parse is skipped; the desk's check
    /// finds what is missing and writes the index anew. Nil when there is no index, or when a station's
    /// block is listed twice.
    public func fold<Tally: SummaryTally>(stations: Set<String>?, skipping: Set<UUID> = [], from start: Tally) -> Tally? {
        guard !encrypted || sealer != nil, let file = BlockFile.Reader(path: url.path) else { return nil }
        // The lines after the blocks first (few): the last of each case, whatever its station.
        let tail = file.tail()
        let tailRanges = BlockFile.lineRanges(tail)
        var later: [UUID: CaseSummary] = [:]
        var laterOrder: [UUID] = []
        for r in tailRanges {
            guard let s = decode(tail[r]) else { continue }
            if later.updateValue(s, forKey: s.id) == nil { laterOrder.append(s.id) }
        }
        let passed = skipping.union(later.keys)
        let wanted = stations.map { Set($0.map { Array(tag($0).utf8) }) }
        let blocks = (file.table?.blocks ?? []).filter { wanted?.contains($0.tag) ?? true }
        // A station's block twice in the table (a copy of its bytes listed again: it opens, being
        // the same sealed block) would count its cases twice: not counted from the lines at all
        // (the caller reads the index case by case, and the desk's check writes it anew).
        guard Set(blocks.map(\.tag)).count == blocks.count else { return nil }
        var opened = [[UInt8]?](repeating: nil, count: blocks.count)
        // Blocks are opened side by side (`pread` at their offsets: the reader is safe to share).
        nonisolated(unsafe) let reader = file
        opened.withUnsafeMutableBufferPointer { buffer in
            nonisolated(unsafe) let slots = buffer
            Cores.perform(blocks.count) { i in slots[i] = openBlock(reader, blocks[i]) }
        }
        var total = start
        for case let plain? in opened {
            let ranges = BlockFile.lineRanges(plain)
            let chunk = 2_048
            let parts = (ranges.count + chunk - 1) / chunk
            var tallies = [Tally?](repeating: nil, count: parts)
            tallies.withUnsafeMutableBufferPointer { buffer in
                nonisolated(unsafe) let slots = buffer
                Cores.perform(parts) { c in
                    var tally = start
                    // One summary per part, each line decoded into it (its lists' room kept).
                    var s = CaseSummary.blank()
                    var scratch = SummaryLine.Scratch(remember: true)
                    plain.withUnsafeBufferPointer { bytes in
                        for i in (c * chunk)..<min(ranges.count, (c + 1) * chunk) {
                            guard SummaryLine.decode(bytes: bytes[ranges[i]], into: &s, scratch: &scratch),
                                  passed.isEmpty || !passed.contains(s.id), stations?.contains(s.stationID) ?? true else { continue }
                            tally.add(s)
                        }
                    }
                    slots[c] = tally
                }
            }
            for case let t? in tallies { total.merge(t) }
        }
        for id in laterOrder {
            guard let s = later[id], !skipping.contains(id), stations?.contains(s.stationID) ?? true else { continue }
            total.add(s)
        }
        return total
    }
}
