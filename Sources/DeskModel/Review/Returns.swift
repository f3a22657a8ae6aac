import Foundation

/// The returns a district sends upward: one row per station for a month (or since the desk
/// began), by the report's own definitions (`Report.make`, counted cases only), with the
/// Prevention figures and the papers the desk gave under the DV Act s.5 and BNSS s.396(6).
public struct Returns: Equatable, Sendable {
    public struct Row: Equatable, Sendable {
        public var stationID: String
        public var identified = 0
        public var counselled = 0
        public var screened = 0
        public var linkedToSHG = 0
        /// Referrals made, by the partner's kind (wcd, livelihood, legal, health, ngo, …).
        public var referredByKind: [String: Int] = [:]
        public var firs = 0
        public var chargeSheets = 0
        /// Women given the DV Act s.5 notice (a printed notice, once per case).
        public var dvNotices = 0
        /// Certificates for interim relief or compensation (BNSS s.396(6)) issued, once per case.
        public var reliefCertificates = 0
        public var events = 0
        public var reached = 0

        public init(stationID: String) { self.stationID = stationID }

        public var referred: Int { referredByKind.values.reduce(0, +) }

        /// The figures in the order of the return's columns.
        public var figures: [Int] {
            [identified, counselled, screened, linkedToSHG, referred, firs, chargeSheets, dvNotices, reliefCertificates, events,
             reached]
        }

        mutating func add(_ o: Row) {
            identified += o.identified
            counselled += o.counselled
            screened += o.screened
            linkedToSHG += o.linkedToSHG
            for (k, v) in o.referredByKind { referredByKind[k, default: 0] += v }
            firs += o.firs
            chargeSheets += o.chargeSheets
            dvNotices += o.dvNotices
            reliefCertificates += o.reliefCertificates
            events += o.events
            reached += o.reached
        }
    }

    /// The columns' keys, in order (strings "returns.col.<key>").
    public static let columns = ["identified", "counselled", "screened", "shg", "referred", "firs", "chargeSheets", "dvNotices",
                                 "reliefCertificates", "events", "reached"]
    /// The partner kinds the referral table shows, in order; any other kind counts under "other".
    public static let partnerKinds = ["wcd", "livelihood", "legal", "health", "ngo", "scheme", "other"]

    /// The period; nil: since the desk began.
    public var period: ReportPeriod?
    public var generated: Day
    public var rows: [Row]
    public var total: Row
    /// Cases left out of every figure for want of consent to statistics.
    public var leftOut: Int

    /// A paper given, as the audit log holds it (kind, case, day): the return counts each kind once per case.
    public struct PaperGiven: Hashable, Sendable {
        public var kind: PaperKind
        public var caseID: UUID
        public var day: Day
        public init(kind: PaperKind, caseID: UUID, day: Day) {
            self.kind = kind
            self.caseID = caseID
            self.day = day
        }

        /// The papers of an audit log's lines ("slip hi browser IND-VJN-2026-0001").
        public static func from(_ entries: [AuditEntry]) -> [PaperGiven] {
            entries.compactMap { e in
                guard e.kind == .paperPrinted, let id = e.caseID,
                      let kind = e.detail.split(separator: " ").first.flatMap({ PaperKind(rawValue: String($0)) }) else { return nil }
                return PaperGiven(kind: kind, caseID: id, day: Day(e.at))
            }
        }
    }

    /// The first day any return looks at when it counts "since the desk began".
    public static let beginning = Day(year: 2000, month: 1, day: 1) ?? Day(Date(timeIntervalSince1970: 946_684_800))

    public static func make(_ summaries: [CaseSummary], events: [AwarenessEvent], papers: [PaperGiven], partners: [Partner],
                            stationIDs: [String], period: ReportPeriod?, today: Day) -> Returns {
        let p = period ?? ReportPeriod(start: beginning, end: today)
        let kinds = Dictionary(partners.map { ($0.id, $0.kind) }, uniquingKeysWith: { a, _ in a })
        let caseStation = Dictionary(summaries.map { ($0.id, ($0.stationID, $0.countable)) }, uniquingKeysWith: { a, _ in a })
        var rows: [Row] = []
        var leftOut = 0
        for id in stationIDs {
            let r = Report.make(summaries, period: p, stationIDs: [id], today: today, events: events)
            leftOut += r.leftOut
            var row = Row(stationID: id)
            row.identified = r.identified
            row.counselled = r.counselled
            row.screened = r.screened
            row.linkedToSHG = r.linkedToSHG
            for (partner, states) in r.referrals {
                let kind = kinds[partner].flatMap { partnerKinds.contains($0) ? $0 : nil } ?? "other"
                row.referredByKind[kind, default: 0] += states.values.reduce(0, +)
            }
            row.firs = r.firs
            row.chargeSheets = r.chargeSheets
            // Papers: counted cases of this station, once per case and kind, given in the period.
            let given = Set(papers.filter { paper in
                guard let (station, countable) = caseStation[paper.caseID] else { return false }
                return station == id && countable && p.contains(paper.day)
            }.map { [$0.caseID.uuidString, $0.kind.rawValue] })
            row.dvNotices = given.filter { $0[1] == PaperKind.dvNotice.rawValue }.count
            row.reliefCertificates = given.filter { $0[1] == PaperKind.reliefCertificate.rawValue }.count
            row.events = r.prevention.events
            row.reached = r.prevention.reached
            rows.append(row)
        }
        var total = Row(stationID: "")
        for row in rows { total.add(row) }
        return Returns(period: period, generated: today, rows: rows, total: total, leftOut: leftOut)
    }
}
