import Foundation

/// The review index's line format: tab-separated fields, days as yyyymmdd, lists comma-separated,
/// plan steps ";"-separated with "|" between their parts. Hand-written both ways because the
/// index of a large district must open in a fraction of a second (JSON decoding of 10,000
/// summaries took a second here). A line that does not parse is skipped; the desk mends the index.
enum SummaryLine {
    /// s3 added the paths (`PathFacts`: safety plan, contacts, closure, DV orders, compensation);
    /// s2 the FIR's sections, the outcome and the child law; s1 and s2 lines still read.
    static let version = "s3"

    static func day(_ d: Day?) -> String { d.map { String($0.year * 10_000 + $0.month * 100 + $0.day) } ?? "" }

    /// Bytes of a line, borrowed (no reference counting while a large index is parsed on both cores).
    typealias Bytes = Slice<UnsafeBufferPointer<UInt8>>

    /// A whole number of ASCII digits (no sign); nil for anything else.
    static func int<C: Collection>(_ b: C) -> Int? where C.Element == UInt8 {
        guard !b.isEmpty, b.count < 19 else { return nil }
        var n = 0
        for c in b {
            guard c >= 48, c <= 57 else { return nil }
            n = n * 10 + Int(c - 48)
        }
        return n
    }

    /// An empty field is no day (.some(nil)); a field that is not a real day is nil.
    static func day(_ b: Bytes) -> Day?? {
        if b.isEmpty { return .some(nil) }
        guard let n = int(b), let d = Day(year: n / 10_000, month: n / 100 % 100, day: n % 100) else { return nil }
        return .some(d)
    }

    static func days(_ b: Bytes) -> [Day]? {
        if b.isEmpty { return [] }
        var out: [Day] = []
        out.reserveCapacity(b.count / 9 + 1)
        var start = b.startIndex
        // By hand, not `split`: a year of sessions is a long list, read for every case.
        while true {
            let end = b[start...].firstIndex(of: 44) ?? b.endIndex
            guard let d = day(b[start..<end]), let value = d else { return nil }
            out.append(value)
            if end == b.endIndex { return out }
            start = end + 1
        }
    }

    /// The fields of a line between tabs (an empty field where two tabs meet), as ranges.
    static func fields(_ line: Bytes, max: Int) -> [Range<Int>] {
        var out: [Range<Int>] = []
        out.reserveCapacity(max)
        var start = line.startIndex
        while out.count < max - 1, let tab = line[start...].firstIndex(of: 9) {
            out.append(start..<tab)
            start = tab + 1
        }
        out.append(start..<line.endIndex)
        return out
    }

    static func text<C: Collection>(_ b: C) -> String where C.Element == UInt8 { String(decoding: b, as: UTF8.self) }

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
            s.offenceCodes.map(clean).joined(separator: ","), s.outcome.rawValue, s.childDuty?.rawValue ?? "",
            s.paths.encoded,
        ]
        return fields.joined(separator: "\t")
    }

    static func decode(_ line: Substring) -> CaseSummary? { decode(Array(line.utf8)[...]) }

    static func decode(_ line: ArraySlice<UInt8>) -> CaseSummary? { line.withUnsafeBufferPointer { decode(bytes: $0[...]) } }

    static func stepFields(_ part: Bytes) -> [Range<Int>] {
        var out: [Range<Int>] = []
        out.reserveCapacity(8)
        var start = part.startIndex
        while let bar = part[start...].firstIndex(of: 124) {
            out.append(start..<bar)
            start = bar + 1
        }
        out.append(start..<part.endIndex)
        return out
    }

    /// Fields of a line by number, without an array of slices.
    struct FieldView {
        let line: Bytes
        let ranges: [Range<Int>]
        var count: Int { ranges.count }
        subscript(i: Int) -> Bytes { line[ranges[i]] }
    }

    /// Reads a line from its bytes (it is ASCII but for nothing): no grapheme work on a large index.
    static func decode(bytes line: Bytes) -> CaseSummary? {
        let ranges = fields(line, max: 27)
        // An over-long line (27 fields or more) is not one this desk wrote.
        guard ranges.count < 27 else { return nil }
        let f = FieldView(line: line, ranges: ranges)
        let v3 = f.count == 26 && text(f[0]) == version
        let v2 = v3 || (f.count == 25 && text(f[0]) == "s2")
        guard v2 || (f.count == 22 && text(f[0]) == "s1"), let id = ListIndex.uuid(f[1]), let revision = int(f[4]),
              let reported = int(f[5]), let status = CaseStatus(rawValue: text(f[6])),
              let category = IncidentCategory(rawValue: text(f[7])), let arrival = ArrivalMode(rawValue: text(f[8])),
              let risk = RiskLevel(rawValue: text(f[10])), let sessionDays = days(f[12]), let next = day(f[13]),
              let screeningDays = days(f[14]), let fir = day(f[17]), let charge = day(f[18]), let informed = day(f[19]),
              let cwc = day(f[20]), let complaint = ComplaintKind(rawValue: text(f[21])) else { return nil }
        let age: Int?
        if f[9].isEmpty { age = nil } else if let a = int(f[9]) { age = a } else { return nil }
        var steps: [CaseSummary.Step] = []
        for part in f[16].split(separator: 59) {
            let p = FieldView(line: part, ranges: stepFields(part))
            guard p.count == 8, let kind = StepKind(rawValue: text(p[0])), let st = StepStatus(rawValue: text(p[1])),
                  let referral = ReferralState(rawValue: text(p[3])), let due = day(p[4]), let completed = day(p[5]),
                  let joined = day(p[6]), let referralDay = day(p[7]) else { return nil }
            steps.append(CaseSummary.Step(kind: kind, status: st, partnerID: p[2].isEmpty ? nil : text(p[2]), referral: referral,
                                          due: due, completed: completed, joined: joined, referralDay: referralDay))
        }
        var s = CaseSummary(id: id, number: text(f[2]), stationID: text(f[3]), revision: revision,
                           reportedAt: Date(timeIntervalSince1970: Double(reported)), status: status, category: category,
                           arrival: arrival, age: age, risk: RiskAssessment.shown(risk, alertOpen: f[15].elementsEqual([49])), countable: f[11].elementsEqual([49]), sessionDays: sessionDays,
                           nextSession: next, screeningDays: screeningDays, alertOpen: f[15].elementsEqual([49]), steps: steps,
                           firDay: fir, chargeSheetDay: charge, informedDay: informed, cwcReportDay: cwc, complaint: complaint)
        if v3 {
            guard let paths = PathFacts(encoded: f[25]) else { return nil }
            s.paths = paths
        }
        if v2 {
            s.offenceCodes = f[22].split(separator: 44).map(text)
            guard let outcome = CourtOutcome(rawValue: text(f[23])) else { return nil }
            s.outcome = outcome
            if !f[24].isEmpty {
                guard let duty = ChildDuty(rawValue: text(f[24])) else { return nil }
                s.childDuty = duty
            }
        } else if let a = age, a < 18 {
            // An s1 line did not know the child law: as before, every child's CWC report is asked for.
            s.childDuty = category == .sexualAssault ? .pocso : .careAndProtection
        }
        return s
    }
}
