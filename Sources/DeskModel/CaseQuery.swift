/// How the station queue is ordered.
public enum CaseSort: String, CaseIterable, Sendable {
    /// Newest report first.
    case newest
    /// High risk and minors first, then newest.
    case risk
    /// By case number.
    case number
    case oldest

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

    public init(search: String = "", status: CaseStatus? = nil, stationID: String? = nil, sort: CaseSort = .newest) {
        self.search = search
        self.status = status
        self.stationID = stationID
        self.sort = sort
    }

    /// Next status filter in the cycle: all, then each status.
    public static func nextStatus(after status: CaseStatus?) -> CaseStatus? {
        let all = CaseStatus.allCases
        guard let status, let i = all.firstIndex(of: status) else { return all.first }
        return i + 1 < all.count ? all[i + 1] : nil
    }

    public func matches(_ record: CaseRecord) -> Bool {
        if let stationID, record.stationID != stationID { return false }
        if let status, record.status != status { return false }
        return CaseQuery.matchesSearch(search, record)
    }

    /// Search as you type: part of her name, of her phone number, or of the case number.
    public static func matchesSearch(_ text: String, _ record: CaseRecord) -> Bool {
        let needle = fold(text)
        guard !needle.isEmpty else { return true }
        if fold(record.identity.name).contains(needle) { return true }
        if fold(record.number.description).contains(needle) { return true }
        let digits = needle.filter(\.isNumber)
        if digits.count >= 3, digits.count == needle.filter({ $0 != " " && $0 != "-" }).count,
           let phone = record.identity.phone, phone.contains(digits) { return true }
        return false
    }

    /// Lower case, ASCII digits, single spaces.
    static func fold(_ text: String) -> String {
        Digits.toASCII(text).lowercased().split(separator: " ").joined(separator: " ")
    }

    public func apply(to records: [CaseRecord]) -> [CaseRecord] {
        let hits = records.filter(matches)
        switch sort {
        case .newest:
            return hits.sorted { ($0.reportedAt, $0.number) > ($1.reportedAt, $1.number) }
        case .oldest:
            return hits.sorted { ($0.reportedAt, $0.number) < ($1.reportedAt, $1.number) }
        case .number:
            return hits.sorted { $0.number < $1.number }
        case .risk:
            return hits.sorted { a, b in
                let ka = (a.riskLevel.rankValue, a.isMinor ? 1 : 0, a.reportedAt)
                let kb = (b.riskLevel.rankValue, b.isMinor ? 1 : 0, b.reportedAt)
                return ka > kb
            }
        }
    }
}

extension RiskLevel {
    var rankValue: Int { rank }
}
