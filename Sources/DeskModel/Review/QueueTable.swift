import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The station queue prepared once per change of the cases, so that a keystroke in its search only
/// scans bytes: every case's folded name, case number, phone and name keys laid out in one buffer,
/// and each order worked out once (as positions, not copies of the listings). `CaseQuery.apply`
/// gives the same answers on the same cases (a test compares them on random searches); this is
/// the form the desk uses on a large station, where sorting and copying listings at every key took
/// most of a keystroke.
public final class QueueTable {
    public let listings: [CaseListing]
    /// What a search scans, made at the first search (drawing the queue needs none of it).
    private struct Search {
        /// Name lowercased, number lowercased, phone, then the name keys, of every case, end to end.
        var bytes: [UInt8] = []
        /// Where each case's parts start in `bytes`: name, number, phone, keys, end (5 per case).
        var starts: [Int32] = []
        /// The end of each name key in `bytes`, per case in `keyEnds[keyRange(i)]`.
        var keyEnds: [Int32] = []
        var keyFirst: [Int32] = [0]
    }
    private let nameKeys: (CaseListing) -> [String]
    private lazy var search: Search = Self.search(listings, nameKeys: nameKeys)
    /// Each case's station, the station it is being transferred to (-1: none) and status, as small
    /// values: a keystroke filters every case by them without touching the listings.
    private let stationNames: [String]
    private let rowStation: [Int32]
    private let rowTransfer: [Int32]
    private let rowStatus: [CaseStatus]
    private var orders: [CaseSort: [Int32]] = [:]
    private var reviews: [(CaseSummary, Set<ReviewFlag>)]?

    /// `nameKeys`: a case's name keys (a cache may keep them).
    public init(_ listings: [CaseListing], nameKeys: @escaping (CaseListing) -> [String] = { NameKey.words($0.listedName) }) {
        self.listings = listings
        self.nameKeys = nameKeys
        var stationIndex: [String: Int32] = [:]
        var stationNames: [String] = []
        func index(_ s: String) -> Int32 {
            if let i = stationIndex[s] { return i }
            stationNames.append(s)
            stationIndex[s] = Int32(stationNames.count - 1)
            return Int32(stationNames.count - 1)
        }
        var rowStation: [Int32] = [], rowTransfer: [Int32] = [], rowStatus: [CaseStatus] = []
        rowStation.reserveCapacity(listings.count)
        rowTransfer.reserveCapacity(listings.count)
        rowStatus.reserveCapacity(listings.count)
        for l in listings {
            rowStation.append(index(l.stationID))
            rowTransfer.append(l.transferTo.map(index) ?? -1)
            rowStatus.append(l.status)
        }
        self.stationNames = stationNames
        self.rowStation = rowStation
        self.rowTransfer = rowTransfer
        self.rowStatus = rowStatus
    }

    private static func search(_ listings: [CaseListing], nameKeys: (CaseListing) -> [String]) -> Search {
        var s = Search()
        s.bytes.reserveCapacity(listings.count * 64)
        s.starts.reserveCapacity(listings.count * 5)
        s.keyFirst.reserveCapacity(listings.count + 1)
        for l in listings {
            s.starts.append(Int32(s.bytes.count))
            s.bytes.append(contentsOf: CaseQuery.folded(l.name).utf8)
            s.starts.append(Int32(s.bytes.count))
            s.bytes.append(contentsOf: l.number.description.lowercased().utf8)
            s.starts.append(Int32(s.bytes.count))
            s.bytes.append(contentsOf: (l.phone ?? "").utf8)
            s.starts.append(Int32(s.bytes.count))
            for key in nameKeys(l) {
                s.bytes.append(contentsOf: key.utf8)
                s.keyEnds.append(Int32(s.bytes.count))
            }
            s.keyFirst.append(Int32(s.keyEnds.count))
            s.starts.append(Int32(s.bytes.count))
        }
        return s
    }

    public var count: Int { listings.count }

    /// The cases the query selects, in its order, as positions in `listings`. `review` gives a
    /// case's summary and flags (the flag filter and the urgency order need them; worked out once).
    public func select(_ query: CaseQuery, review: ((CaseListing) -> (CaseSummary, Set<ReviewFlag>))? = nil) -> [Int32] {
        let needle = CaseQuery.Needle(query.search)
        let text = Array(needle.text.utf8)
        let phone = needle.phoneDigits.map { Array($0.utf8) }
        let keys = needle.keys.map { Array($0.utf8) }
        let flags: [(CaseSummary, Set<ReviewFlag>)]? = query.flag != nil || query.sort == .urgency ? reviewed(review) : nil
        var hits: [Int32] = []
        let order = self.order(query.sort, review: review)
        hits.reserveCapacity(text.isEmpty ? order.count : 64)
        // A station not in the table matches no case (-2 is no row's station or transfer).
        let station: Int32? = query.stationID.map { s in stationNames.firstIndex(of: s).map(Int32.init) ?? -2 }
        func keep(_ i: Int) -> Bool {
            if let station, rowStation[i] != station, rowTransfer[i] != station { return false }
            if let status = query.status, rowStatus[i] != status { return false }
            if let flag = query.flag, let flags, !flags[i].1.contains(flag) { return false }
            return true
        }
        guard !text.isEmpty else {
            for p in order where keep(Int(p)) { hits.append(p) }
            return hits
        }
        let search = self.search
        search.bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            for p in order {
                let i = Int(p)
                guard keep(i), matches(i, search, base: base, text: text, keys: keys, phone: phone) else { continue }
                hits.append(p)
            }
        }
        return hits
    }

    /// The listings of `select`, for callers that want the cases themselves.
    public func apply(_ query: CaseQuery, review: ((CaseListing) -> (CaseSummary, Set<ReviewFlag>))? = nil) -> [CaseListing] {
        select(query, review: review).map { listings[Int($0)] }
    }

    private func part(_ s: Search, _ i: Int, _ k: Int) -> (Int, Int) { (Int(s.starts[i * 5 + k]), Int(s.starts[i * 5 + k + 1])) }

    private func matches(_ i: Int, _ s: Search, base: UnsafePointer<UInt8>, text: [UInt8], keys: [[UInt8]], phone: [UInt8]?) -> Bool {
        let name = part(s, i, 0)
        if Self.contains(base + name.0, name.1 - name.0, text) { return true }
        if !keys.isEmpty, keysMatch(i, s, base: base, query: keys) { return true }
        let number = part(s, i, 1)
        if Self.contains(base + number.0, number.1 - number.0, text) { return true }
        if let phone {
            let p = part(s, i, 2)
            if Self.contains(base + p.0, p.1 - p.0, phone) { return true }
        }
        return false
    }

    /// `NameKey.matches` on the bytes: each query key the start of a different name key.
    private func keysMatch(_ i: Int, _ s: Search, base: UnsafePointer<UInt8>, query: [[UInt8]]) -> Bool {
        let first = Int(s.keyFirst[i]), end = Int(s.keyFirst[i + 1])
        var used: UInt64 = 0
        for q in query {
            var found = false
            var start = Int(s.starts[i * 5 + 3])
            for k in first..<end {
                let stop = Int(s.keyEnds[k])
                defer { start = stop }
                let bit: UInt64 = k - first < 64 ? 1 << UInt64(k - first) : 0
                guard used & bit == 0, stop - start >= q.count else { continue }
                if q.withUnsafeBufferPointer({ q in q.baseAddress.map { memcmp(base + start, $0, q.count) == 0 } ?? true }) {
                    used |= bit
                    found = true
                    break
                }
            }
            if !found { return false }
        }
        return true
    }

    /// Whether `needle` occurs in the `count` bytes at `hay` (UTF-8 on both sides: a match always
    /// starts at a character's first byte).
    static func contains(_ hay: UnsafePointer<UInt8>, _ count: Int, _ needle: [UInt8]) -> Bool {
        guard !needle.isEmpty else { return true }
        guard count >= needle.count else { return false }
        return needle.withUnsafeBufferPointer { n in
            guard let first = n.baseAddress else { return true }
            // memchr finds each candidate first byte; memcmp the rest (glibc's memmem is not exported to Swift).
            var at = hay
            let last = hay + (count - needle.count)
            while at <= last {
                guard let found = memchr(at, Int32(first.pointee), last - at + 1) else { return false }
                let p = UnsafePointer(found.assumingMemoryBound(to: UInt8.self))
                if memcmp(p, first, needle.count) == 0 { return true }
                at = p + 1
            }
            return false
        }
    }

    private func reviewed(_ review: ((CaseListing) -> (CaseSummary, Set<ReviewFlag>))?) -> [(CaseSummary, Set<ReviewFlag>)]? {
        guard let review else { return nil }
        if let reviews { return reviews }
        let made = listings.map(review)
        reviews = made
        return made
    }

    /// Every case in the sort's order, worked out once per table.
    private func order(_ sort: CaseSort, review: ((CaseListing) -> (CaseSummary, Set<ReviewFlag>))?) -> [Int32] {
        let key = sort == .urgency && review == nil ? CaseSort.newest : sort
        if let kept = orders[key] { return kept }
        var order = (0..<listings.count).map { Int32($0) }
        let l = listings
        switch key {
        case .urgency:
            let r = reviewed(review) ?? []
            order.sort { Urgency.precedes(r[Int($0)], r[Int($1)]) }
        case .newest, .oldest:
            // The times taken out once (a listing read in each comparison was copied each time);
            // the case number only where two times are equal.
            let t = l.map(\.reportedAt)
            let newest = key == .newest
            order.sort { a, b in
                let (x, y) = (Int(a), Int(b))
                if t[x] != t[y] { return newest ? t[x] > t[y] : t[x] < t[y] }
                return newest ? l[x].number > l[y].number : l[x].number < l[y].number
            }
        case .number:
            order.sort { l[Int($0)].number < l[Int($1)].number }
        case .risk:
            func rank(_ a: CaseListing) -> (Int, Int, Int, Int, Date) {
                (a.status == .closed ? 0 : 1, a.hasOpenAlert ? 1 : 0, a.riskLevel.rank, a.isMinor ? 1 : 0, a.reportedAt)
            }
            let ranks = l.map(rank)
            order.sort { ranks[Int($0)] > ranks[Int($1)] }
        }
        orders[key] = order
        return order
    }
}

/// What a query selected from a `QueueTable`: its cases in order, without copying them.
public struct QueueRows: RandomAccessCollection {
    let table: QueueTable
    let positions: [Int32]

    public init(table: QueueTable = QueueTable([]), positions: [Int32] = []) {
        self.table = table
        self.positions = positions
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { positions.count }
    /// Positions come from the table's own `select`: always inside its listings.
    public subscript(i: Int) -> CaseListing { table.listings[Int(positions[i])] }
}
