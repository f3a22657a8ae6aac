import Foundation

/// The review index's line format: tab-separated fields, days as yyyymmdd, lists comma-separated,
/// plan steps ";"-separated with "|" between their parts. Hand-written both ways because the
/// index of a large district must open in a fraction of a second (JSON decoding of 10,000
/// summaries took a second here). A line that does not parse is skipped; the desk mends the index.
enum SummaryLine {
    static let version = "s1"

    static func day(_ d: Day?) -> String { d.map { String($0.year * 10_000 + $0.month * 100 + $0.day) } ?? "" }

    static func day(_ s: Substring) -> Day?? {
        if s.isEmpty { return .some(nil) }
        guard let n = Int(s) else { return nil }
        guard let d = Day(year: n / 10_000, month: n / 100 % 100, day: n % 100) else { return nil }
        return .some(d)
    }

    static func days(_ s: Substring) -> [Day]? {
        if s.isEmpty { return [] }
        var out: [Day] = []
        for part in s.split(separator: ",") {
            guard let d = day(part), let value = d else { return nil }
            out.append(value)
        }
        return out
    }

    /// Ids and codes never hold the separators; anything else is dropped rather than break a line.
    static func clean(_ s: String) -> String { s.filter { $0 != "\t" && $0 != "|" && $0 != ";" && $0 != "," && $0 != "\n" } }

    static func encode(_ s: CaseSummary) -> String {
        let steps = s.steps.map { st in
            [st.kind.rawValue, st.status.rawValue, clean(st.partnerID ?? ""), st.referral.rawValue, day(st.due), day(st.completed),
             day(st.joined), day(st.referralDay)].joined(separator: "|")
        }.joined(separator: ";")
        let fields: [String] = [
            version, s.id.uuidString, clean(s.number), clean(s.stationID), String(s.revision),
            String(Int(s.reportedAt.timeIntervalSince1970)), s.status.rawValue, s.category.rawValue, s.arrival.rawValue,
            s.age.map(String.init) ?? "", s.risk.rawValue, s.countable ? "1" : "0", s.sessionDays.map { day($0) }.joined(separator: ","),
            day(s.nextSession), s.screeningDays.map { day($0) }.joined(separator: ","), s.alertOpen ? "1" : "0", steps,
            day(s.firDay), day(s.chargeSheetDay), day(s.informedDay), day(s.cwcReportDay), s.complaint.rawValue,
        ]
        return fields.joined(separator: "\t")
    }

    static func decode(_ line: Substring) -> CaseSummary? {
        let f = line.split(separator: "\t", omittingEmptySubsequences: false)
        guard f.count == 22, f[0] == version, let id = UUID(uuidString: String(f[1])), let revision = Int(f[4]),
              let reported = Double(f[5]), let status = CaseStatus(rawValue: String(f[6])),
              let category = IncidentCategory(rawValue: String(f[7])), let arrival = ArrivalMode(rawValue: String(f[8])),
              let risk = RiskLevel(rawValue: String(f[10])), let sessionDays = days(f[12]), let next = day(f[13]),
              let screeningDays = days(f[14]), let fir = day(f[17]), let charge = day(f[18]), let informed = day(f[19]),
              let cwc = day(f[20]), let complaint = ComplaintKind(rawValue: String(f[21])) else { return nil }
        let age: Int?
        if f[9].isEmpty { age = nil } else if let a = Int(f[9]) { age = a } else { return nil }
        var steps: [CaseSummary.Step] = []
        for part in f[16].split(separator: ";") {
            let p = part.split(separator: "|", omittingEmptySubsequences: false)
            guard p.count == 8, let kind = StepKind(rawValue: String(p[0])), let st = StepStatus(rawValue: String(p[1])),
                  let referral = ReferralState(rawValue: String(p[3])), let due = day(p[4]), let completed = day(p[5]),
                  let joined = day(p[6]), let referralDay = day(p[7]) else { return nil }
            steps.append(CaseSummary.Step(kind: kind, status: st, partnerID: p[2].isEmpty ? nil : String(p[2]), referral: referral,
                                          due: due, completed: completed, joined: joined, referralDay: referralDay))
        }
        return CaseSummary(id: id, number: String(f[2]), stationID: String(f[3]), revision: revision,
                           reportedAt: Date(timeIntervalSince1970: reported), status: status, category: category, arrival: arrival,
                           age: age, risk: risk, countable: f[11] == "1", sessionDays: sessionDays, nextSession: next,
                           screeningDays: screeningDays, alertOpen: f[15] == "1", steps: steps, firDay: fir,
                           chargeSheetDay: charge, informedDay: informed, cwcReportDay: cwc, complaint: complaint)
    }
}
