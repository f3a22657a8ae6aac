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
        let wanted = stations.map { Set($0.map { Array(tag($0).utf8) }) }
        let blocks = (file.table?.blocks ?? []).filter { wanted?.contains($0.tag) ?? true }
        // A station's block twice in the table (a copy of its bytes listed again: it opens, being
        // the same sealed block) would count its cases twice: not counted from the lines at all
        // (the caller reads the index case by case, and the desk's check writes it anew).
        guard Set(blocks.map(\.tag)).count == blocks.count else { return nil }
        // Blocks are opened side by side (`pread` at their offsets: the reader is safe to share),
        // each with the places of its lines, and kept as the `Data` its seal gives (not copied
        // again into an array). Beside them, the lines after the blocks (few): the last of each
        // case, whatever its station.
        var opened = [(bytes: Data, lines: [Range<Int>])?](repeating: nil, count: blocks.count)
        var tailRead: (later: [UUID: CaseSummary], order: [UUID]) = ([:], [])
        nonisolated(unsafe) let reader = file
        let sealing = BlockFile.Sealing(encrypted: encrypted, sealer: sealer)
        withUnsafeMutablePointer(to: &tailRead) { tailSlot in
            nonisolated(unsafe) let tailSlot = tailSlot
            opened.withUnsafeMutableBufferPointer { buffer in
                nonisolated(unsafe) let slots = buffer
                Cores.perform(blocks.count + 1) { i in
                    guard i < blocks.count else { tailSlot.pointee = readTail(reader); return }
                    slots[i] = sealing.openData(reader, blocks[i], of: url).map { data in
                        (data, data.withUnsafeBytes { BlockFile.lineRanges($0.bindMemory(to: UInt8.self)) })
                    }
                }
            }
        }
        let (later, laterOrder) = tailRead
        let passed = skipping.union(later.keys)
        // The cases passed over, marked by their ids' first two bytes: most lines are not among
        // them, and are known so without hashing their ids.
        var marks = [UInt64](repeating: 0, count: passed.isEmpty ? 0 : 1_024)
        for id in passed { let m = Self.mark(id); marks[m >> 6] |= 1 << UInt64(m & 63) }
        let passedMarks = marks
        // Then every block's lines in parts of the same size, all parts on both cores at once (a
        // part per block and core left one core idle while the other finished a large block).
        let chunk = 2_048
        let blocksOpened = opened
        let parts: [(block: Int, lines: Range<Int>)] = blocksOpened.enumerated().flatMap { b, o in
            stride(from: 0, to: o?.lines.count ?? 0, by: chunk).map { (b, $0..<min(o?.lines.count ?? 0, $0 + chunk)) }
        }
        var tallies = [Tally?](repeating: nil, count: parts.count)
        tallies.withUnsafeMutableBufferPointer { buffer in
            nonisolated(unsafe) let slots = buffer
            Cores.perform(parts.count) { c in
                guard let (plain, ranges) = blocksOpened[parts[c].block] else { return }
                var tally = start
                // One summary per part, each line decoded into it (its lists' room kept).
                var s = CaseSummary.blank()
                var scratch = SummaryLine.Scratch(remember: true)
                // Whether a station is hers, remembered from the line before (a block is one station's).
                var last: (id: String, wanted: Bool)?
                func passedOver(_ id: UUID) -> Bool {
                    guard !passedMarks.isEmpty else { return false }
                    let m = Self.mark(id)
                    return passedMarks[m >> 6] & (1 << UInt64(m & 63)) != 0 && passed.contains(id)
                }
                func wanted(_ id: String) -> Bool {
                    guard let stations else { return true }
                    if last?.id != id { last = (id, stations.contains(id)) }
                    return last?.wanted == true
                }
                plain.withUnsafeBytes { raw in
                    let bytes = raw.bindMemory(to: UInt8.self)
                    for i in parts[c].lines {
                        guard SummaryLine.decode(bytes: bytes[ranges[i]], into: &s, scratch: &scratch),
                              !passedOver(s.id), wanted(s.stationID) else { continue }
                        tally.add(s)
                    }
                }
                slots[c] = tally
            }
        }
        var total = start
        for case let t? in tallies { total.merge(t) }
        for id in laterOrder {
            guard let s = later[id], !skipping.contains(id), stations?.contains(s.stationID) ?? true else { continue }
            total.add(s)
        }
        return total
    }

    @inline(__always) private static func mark(_ id: UUID) -> Int { Int(id.uuid.0) << 8 | Int(id.uuid.1) }

    /// The lines after the blocks, decoded: the last line of each case, and the cases in the order
    /// their last lines came.
    private func readTail(_ file: BlockFile.Reader) -> (later: [UUID: CaseSummary], order: [UUID]) {
        let tail = file.tail()
        var later: [UUID: CaseSummary] = [:]
        var order: [UUID] = []
        for r in BlockFile.lineRanges(tail) {
            guard let s = decode(tail[r]) else { continue }
            if later.updateValue(s, forKey: s.id) == nil { order.append(s.id) }
        }
        return (later, order)
    }
}
