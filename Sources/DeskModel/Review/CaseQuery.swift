/// How the station queue is ordered.
public enum CaseSort: String, CaseIterable, Sendable {
    /// Newest report first.
    case newest
    /// Open cases before closed ones; among them an open self-harm alert first, then high risk,
    /// then minors, then newest.
    case risk
    /// By case number.
    case number
    case oldest
    /// For review: alerts, minors, overdue, then risk and waiting time (see `Urgency`).
    case urgency

    public var next: CaseSort {
        let all = CaseSort.allCases
        let i = all.firstIndex(of: self) ?? 0
        return all[(i + 1) % all.count]
    }
}

/// The queue's search, filter and sort, as a value.
public struct CaseQuery: Equatable, Sendable {
    public var search: String
    public var status: CaseStatus?
    public var stationID: String?
    public var sort: CaseSort
    /// Only cases with this review flag.
    public var flag: ReviewFlag?

    public init(search: String = "", status: CaseStatus? = nil, stationID: String? = nil, sort: CaseSort = .newest,
                flag: ReviewFlag? = nil) {
        self.search = search
        self.status = status
        self.stationID = stationID
        self.sort = sort
        self.flag = flag
    }

    /// Next flag filter in the cycle: all, then each flag.
    public static func nextFlag(after flag: ReviewFlag?) -> ReviewFlag? {
        let all = ReviewFlag.allCases
        guard let flag, let i = all.firstIndex(of: flag) else { return all.first }
        return i + 1 < all.count ? all[i + 1] : nil
    }

    /// Next status filter in the cycle: all, then each status.
    public static func nextStatus(after status: CaseStatus?) -> CaseStatus? {
        let all = CaseStatus.allCases
        guard let status, let i = all.firstIndex(of: status) else { return all.first }
        return i + 1 < all.count ? all[i + 1] : nil
    }

    func matches<C: ListedCase>(_ record: C, needle: Needle, nameKeys: (C) -> [String]) -> Bool {
        // A case with a transfer pending to this station is in its queue too, to be answered.
        if let stationID, record.stationID != stationID, record.listedSummary.paths.transferTo != stationID { return false }
        if let status, record.status != status { return false }
        return needle.matches(record, nameKeys: nameKeys)
    }

    /// The search text, folded once per query rather than once per case.
    struct Needle {
        let text: String
        /// The digits when the search is a phone number (three or more digits and nothing else).
        let phoneDigits: String?
        /// The search as name keys, to match any spelling in either script.
        let keys: [String]

        init(_ search: String) {
            text = CaseQuery.fold(search)
            let digits = text.filter(\.isNumber)
            phoneDigits = digits.count >= 3 && digits.count == text.filter({ $0 != " " && $0 != "-" }).count ? digits : nil
            keys = NameKey.words(text)
        }

        /// Search as you type: part of her name (in any script or common spelling), of her phone
        /// number, or of the case number.
        func matches<C: ListedCase>(_ record: C, nameKeys: (C) -> [String]) -> Bool {
            if text.isEmpty { return true }
            if Self.contains(CaseQuery.folded(record.listedName), text) { return true }
            if !keys.isEmpty, NameKey.matches(query: keys, name: nameKeys(record)) { return true }
            if Self.contains(record.number.description.lowercased(), text) { return true }
            if let phoneDigits, let phone = record.listedPhone, Self.contains(phone, phoneDigits) { return true }
            return false
        }

        /// Part of a text, letter by letter (a search for क finds कि: a vowel sign typed next does
        /// not hide the consonant typed first), as `QueueTable` compares bytes.
        static func contains(_ text: String, _ part: String) -> Bool {
            let hay = Array(text.utf8), needle = Array(part.utf8)
            return hay.withUnsafeBufferPointer { h in
                guard let base = h.baseAddress else { return needle.isEmpty }
                return QueueTable.contains(base, hay.count, needle)
            }
        }
    }

    /// Lower case, ASCII digits, single spaces.
    static func fold(_ text: String) -> String {
        folded(Digits.toASCII(text)).split(separator: " ").joined(separator: " ")
    }

    /// Lower case in one Unicode form (NFC): a ज़ typed as one key or as ज and a nukta, an é typed
    /// either way, are the same letters to the search.
    static func folded(_ text: String) -> String {
        // Most names are plain ASCII or Devanagari without a nukta: for them the canonical form is
        // the text itself and only ASCII letters change case, done on the bytes (a queue folds
        // every name of a station when it opens). Anything else goes through Foundation.
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        for s in text.unicodeScalars {
            switch s.value {
            case 0x41...0x5A: out.append(UInt8(s.value + 32))
            case 0...0x7F: out.append(UInt8(s.value))
            // Letters with a nukta compose or decompose, and marks with a combining class may be
            // reordered: Foundation's.
            case 0x0929, 0x0931, 0x0934, 0x093C, 0x0951...0x0954, 0x0958...0x095F: return slowFolded(text)
            case 0x0900...0x097F:
                out.append(UInt8(0xE0 | (s.value >> 12)))
                out.append(UInt8(0x80 | ((s.value >> 6) & 0x3F)))
                out.append(UInt8(0x80 | (s.value & 0x3F)))
            default: return slowFolded(text)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    static func slowFolded(_ text: String) -> String {
        text.precomposedStringWithCanonicalMapping.lowercased()
    }

    /// The matching cases in order. `nameKeys` gives a case's name keys (a cache may keep them);
    /// `review` its summary and flags, for the flag filter and the urgency order. Whole records or
    /// their listings: the same answers.
    public func apply<C: ListedCase>(to records: [C],
                                     nameKeys: (C) -> [String] = { NameKey.words($0.listedName) },
                                     review: ((C) -> (CaseSummary, Set<ReviewFlag>))? = nil) -> [C] {
        let needle = Needle(search)
        var hits = records.filter { matches($0, needle: needle, nameKeys: nameKeys) }
        if let flag, let review { hits = hits.filter { review($0).1.contains(flag) } }
        switch sort {
        case .urgency:
            guard let review else { fallthrough }
            let keyed = hits.map { ($0, review($0)) }
            return keyed.sorted { Urgency.precedes($0.1, $1.1) }.map(\.0)
        case .newest:
            return hits.sorted { ($0.reportedAt, $0.number) > ($1.reportedAt, $1.number) }
        case .oldest:
            return hits.sorted { ($0.reportedAt, $0.number) < ($1.reportedAt, $1.number) }
        case .number:
            return hits.sorted { $0.number < $1.number }
        case .risk:
            return hits.sorted { a, b in
                let ka = (a.status == .closed ? 0 : 1, a.hasOpenAlert ? 1 : 0, a.riskLevel.rank, a.isMinor ? 1 : 0, a.reportedAt)
                let kb = (b.status == .closed ? 0 : 1, b.hasOpenAlert ? 1 : 0, b.riskLevel.rank, b.isMinor ? 1 : 0, b.reportedAt)
                return ka > kb
            }
        }
    }
}
