import Foundation

/// The desk's first read of her lists: her stations' blocks and the tail, each case's last line,
/// its payload decoded. The lines are found and chosen by their bytes (no line copied, no array
/// made per line) and the listings decoded on both cores straight into their places: reading her
/// station's tens of thousands of lines is what her PIN waits for before her queue.
extension ListIndex {
    /// What `load` read: the listings of the cases the stations see (all with nil), in the order
    /// of their ids, and the cases whose line did not open (the check decodes their files).
    public struct Loaded: Sendable {
        public var listings: [CaseListing]
        public var unreadable: Set<UUID>
        public var lines: Int
    }

    /// Where one line is: in which piece (an opened block, or the tail last), its start, where its
    /// tags and its payload start, and its end.
    struct Spot {
        var id: UUID
        var piece: Int
        var start: Int
        var tags: Int
        var payload: Int
        var end: Int
    }

    /// The index as it is, without a file listed or stamped: what a desk draws her first screen
    /// from. Only the blocks and tail lines of `stations` are opened (every one with nil).
    public func load(stations: Set<String>?) -> Loaded {
        let read = read(stations: stations) { $0 }
        return Loaded(listings: read.kept, unreadable: read.unreadable, lines: read.lines)
    }

    /// Each case's id, station and revision, as `load` reads them (what the check of a
    /// supervisor's lists compares the review index with): no listing kept, so a district's
    /// check holds none of its cases' listings.
    public func loadRevisions(stations: Set<String>?) -> (revisions: [Revision], unreadable: Set<UUID>) {
        let read = read(stations: stations, Revision.init)
        return (read.kept, read.unreadable)
    }

    /// A case's id, station and revision.
    public struct Revision: Sendable {
        public var id: UUID
        public var station: String
        public var revision: Int
        public init(id: UUID, station: String, revision: Int) {
            self.id = id
            self.station = station
            self.revision = revision
        }

        /// A listing's.
        public init(_ l: CaseListing) { self.init(id: l.id, station: l.stationID, revision: l.revision) }
    }

    /// `load`, each listing read given to `keep` (on both cores) and what it makes kept instead.
    func read<T>(stations: Set<String>?, _ keep: @escaping @Sendable (CaseListing) -> T) -> (kept: [T], unreadable: Set<UUID>, lines: Int) {
        guard !store.isLocked, let file = File(path: url.path) else { return ([], [], 0) }
        let wanted = stations.map { $0.map { Array(tag($0).utf8) } }
        var pieces: [[UInt8]] = []
        for block in file.table?.blocks ?? [] where wanted?.contains(block.tag) ?? true {
            guard let plain = openBlock(file, block) else { continue }
            pieces.append(plain)
        }
        // The tail's lines are newer than any block: a case that left her station has its last
        // line there, tagged for the other.
        let tailPiece = pieces.count
        pieces.append(file.tail())
        var spots: [Spot] = []
        spots.reserveCapacity(pieces.reduce(0) { $0 + $1.count / 400 })
        var lines = 0
        for (p, bytes) in pieces.enumerated() { lines += Self.spots(bytes, piece: p, into: &spots) }
        var last: [UUID: Int] = [:]
        last.reserveCapacity(spots.count)
        for (k, s) in spots.enumerated() { last[s.id] = k }
        var chosen: [Int] = []
        chosen.reserveCapacity(last.count)
        for k in last.values {
            let s = spots[k]
            if let wanted, !pieces[s.piece].withUnsafeBufferPointer({ Self.tagged($0[s.tags..<(s.payload - 1)], wanted) }) { continue }
            chosen.append(k)
        }
        // Decoded straight into the order of their ids.
        chosen.sort { Self.idOrder(spots[$0].id, spots[$1].id) }
        let n = chosen.count
        // 0: did not open; 1: read; 2: read, not seen by these stations.
        var state = [UInt8](repeating: 0, count: n)
        let out = UnsafeMutableBufferPointer<T>.allocate(capacity: max(1, n))
        defer { out.deallocate() }
        let plainPieces = store.meta.encrypted ? tailPiece : pieces.count
        nonisolated(unsafe) let places = out
        let (spotList, chosenList, pieceList) = (spots, chosen, pieces)
        let read: @Sendable (Int, inout SummaryLine.Scratch) -> UInt8 = { k, scratch in
            let (spots, chosen, pieces) = (spotList, chosenList, pieceList)
            let s = spots[chosen[k]]
            let listing: CaseListing?
            if s.piece < plainPieces {
                // A block's payload is in the clear.
                listing = pieces[s.piece].withUnsafeBufferPointer { Self.decodePayload(borrowed: $0[s.payload..<s.end], scratch: &scratch) }
            } else {
                listing = Self.head(pieces[s.piece][s.start..<s.end]).flatMap { decodePayload($0, scratch: &scratch) }
            }
            guard let listing, listing.id == s.id else { return 0 }
            guard stations.map({ s in Self.stations(of: listing).contains(where: s.contains) }) ?? true else { return 2 }
            (places.baseAddress.unsafelyUnwrapped + k).initialize(to: keep(listing))
            return 1
        }
        state.withUnsafeMutableBufferPointer { buffer in
            nonisolated(unsafe) let slots = buffer
            let chunk = 256
            Cores.perform((n + chunk - 1) / chunk) { c in
                var scratch = SummaryLine.Scratch(remember: true)
                for k in (c * chunk)..<min(n, (c + 1) * chunk) { slots[k] = read(k, &scratch) }
            }
        }
        var unreadable = Set<UUID>()
        let kept = state.reduce(0) { $0 + ($1 == 1 ? 1 : 0) }
        // Moved out of the buffer, not copied.
        let listings = [T](unsafeUninitializedCapacity: kept) { buffer, count in
            count = 0
            for k in 0..<n {
                switch state[k] {
                case 1:
                    (buffer.baseAddress.unsafelyUnwrapped + count).moveInitialize(from: out.baseAddress.unsafelyUnwrapped + k, count: 1)
                    count += 1
                case 0: unreadable.insert(spots[chosen[k]].id)
                default: break
                }
            }
        }
        return (listings, unreadable, lines)
    }

    /// The lines of `bytes` that parse (as `head` reads them) added to `spots`; how many lines there were.
    static func spots(_ bytes: [UInt8], piece: Int, into spots: inout [Spot]) -> Int {
        let ranges = lineRanges(bytes)
        bytes.withUnsafeBufferPointer { b in
            for r in ranges {
                let line = b[r]
                guard let t0 = line.firstIndex(of: 9), let t1 = line[(t0 + 1)...].firstIndex(of: 9),
                      let t2 = line[(t1 + 1)...].firstIndex(of: 9), let t3 = line[(t2 + 1)...].firstIndex(of: 9),
                      line[line.startIndex..<t0].elementsEqual(version.utf8),
                      let id = uuid(line[(t0 + 1)..<t1]), Stamp(bytes: line[(t1 + 1)..<t2]) != nil else { continue }
                spots.append(Spot(id: id, piece: piece, start: r.lowerBound, tags: t2 + 1, payload: t3 + 1, end: r.upperBound))
            }
        }
        return ranges.count
    }

    /// Whether a line's tags (comma-separated) hold one of `wanted`.
    static func tagged(_ tags: SummaryLine.Bytes, _ wanted: [[UInt8]]) -> Bool {
        var start = tags.startIndex
        while start <= tags.endIndex {
            let end = tags[start...].firstIndex(of: 44) ?? tags.endIndex
            let t = tags[start..<end]
            if wanted.contains(where: { t.elementsEqual($0) }) { return true }
            start = end + 1
        }
        return false
    }
}
