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

    /// Fields of a line by number, without an array of slices.
    struct FieldView {
        let line: Bytes
        let ranges: [Range<Int>]
        let count: Int
        subscript(i: Int) -> Bytes { line[ranges[i]] }
    }

    /// Reads a line from its bytes (it is ASCII but for nothing): no grapheme work on a large index.
    static func decode(bytes line: Bytes) -> CaseSummary? {
        var s = CaseSummary.blank()
        var scratch = Scratch(remember: false)
        return decode(bytes: line, into: &s, scratch: &scratch) ? s : nil
    }

    /// Reads a line into `s`, every field set, its lists' room kept (`scratch` keeps the fields'
    /// places and the codes read so far): what counts a district's index (`SummaryIndex.fold`) decodes every line
    /// into one summary instead of making one per case. False (and `s` left half-read) when the
    /// line does not parse.
    static func decode(bytes line: Bytes, into s: inout CaseSummary, scratch k: inout Scratch) -> Bool {
        let count = fields(line, max: 27, into: &k.ranges)
        // An over-long line (27 fields or more) is not one this desk wrote.
        guard count < 27 else { return false }
        let f = FieldView(line: line, ranges: k.ranges, count: count)
        let v3 = f.count == 26 && f[0].elementsEqual(version.utf8)
        let v2 = v3 || (f.count == 25 && f[0].elementsEqual("s2".utf8))
        guard v2 || (f.count == 22 && f[0].elementsEqual("s1".utf8)) else { return false }
        return s.updateFields { x in
            guard let id = uuid(f[1]), let revision = int(f[4]), let reported = int(f[5]),
                  let status = k.status.value(f[6]), let category = k.category.value(f[7]),
                  let arrival = k.arrival.value(f[8]), let risk = k.risk.value(f[10]),
                  days(f[12], into: &x.sessionDays), let next = day(f[13]), days(f[14], into: &x.screeningDays),
                  let fir = day(f[17]), let charge = day(f[18]), let informed = day(f[19]), let cwc = day(f[20]),
                  let complaint = k.complaint.value(f[21]) else { return false }
            let age: Int?
            if f[9].isEmpty { age = nil } else if let a = int(f[9]) { age = a } else { return false }
            guard steps(f[16], into: &x.steps, scratch: &k) else { return false }
            x.id = id
            if !same(x.number, f[2]) { x.number = text(f[2]) }
            if !same(x.stationID, f[3]) { x.stationID = text(f[3]) }
            x.revision = revision
            x.reportedAt = Date(timeIntervalSince1970: Double(reported))
            x.status = status
            x.category = category
            x.arrival = arrival
            x.age = age
            let alertOpen = f[15].elementsEqual([49])
            x.risk = RiskAssessment.shown(risk, alertOpen: alertOpen)
            x.countable = f[11].elementsEqual([49])
            x.nextSession = next
            x.alertOpen = alertOpen
            x.firDay = fir
            x.chargeSheetDay = charge
            x.informedDay = informed
            x.cwcReportDay = cwc
            x.complaint = complaint
            if v3 {
                guard x.paths.decode(f[25]) else { return false }
            } else {
                x.paths = PathFacts()
            }
            x.offenceCodes.removeAll(keepingCapacity: true)
            x.outcome = .pending
            x.childDuty = nil
            if v2 {
                var start = f[22].startIndex
                while start < f[22].endIndex {
                    let end = f[22][start...].firstIndex(of: 44) ?? f[22].endIndex
                    if end > start { x.offenceCodes.append(text(f[22][start..<end])) }
                    start = end + 1
                }
                guard let outcome = k.outcome.value(f[23]) else { return false }
                x.outcome = outcome
                if !f[24].isEmpty {
                    guard let duty = ChildDuty(rawValue: text(f[24])) else { return false }
                    x.childDuty = duty
                }
            } else if let a = age, a < 18 {
                // An s1 line did not know the child law: as before, every child's CWC report is asked for.
                x.childDuty = category == .sexualAssault ? .pocso : .careAndProtection
            }
            return true
        }
    }

    /// The plan's steps (";" between steps, "|" between a step's eight parts) into `out`.
    static func steps(_ b: Bytes, into out: inout [CaseSummary.Step], scratch k: inout Scratch) -> Bool {
        out.removeAll(keepingCapacity: true)
        guard let base = b.base.baseAddress else { return b.isEmpty }
        let end = b.endIndex
        var start = b.startIndex
        while start < end {
            // The step's end, and its eight parts' places, found in one walk of its bytes.
            var stop = start
            var bars: (Int, Int, Int, Int, Int, Int, Int) = (0, 0, 0, 0, 0, 0, 0)
            var n = 0
            while stop < end, base[stop] != 59 {
                if base[stop] == 124 {
                    switch n {
                    case 0: bars.0 = stop
                    case 1: bars.1 = stop
                    case 2: bars.2 = stop
                    case 3: bars.3 = stop
                    case 4: bars.4 = stop
                    case 5: bars.5 = stop
                    case 6: bars.6 = stop
                    default: break
                    }
                    n += 1
                }
                stop += 1
            }
            defer { start = stop + 1 }
            guard stop > start else { continue }
            // Exactly eight parts.
            guard n == 7 else { return false }
            let kindB = b.base[start..<bars.0], st = b.base[(bars.0 + 1)..<bars.1], partner = b.base[(bars.1 + 1)..<bars.2]
            let ref = b.base[(bars.2 + 1)..<bars.3], dueB = b.base[(bars.3 + 1)..<bars.4]
            let completedB = b.base[(bars.4 + 1)..<bars.5], joinedB = b.base[(bars.5 + 1)..<bars.6], referralB = b.base[(bars.6 + 1)..<stop]
            guard let kind = k.stepKind.value(kindB), let status = k.stepStatus.value(st),
                  let referral = k.referral.value(ref), let due = day(dueB), let completed = day(completedB),
                  let joined = day(joinedB), let referralDay = day(referralB) else { return false }
            out.append(CaseSummary.Step(kind: kind, status: status, partnerID: partner.isEmpty ? nil : text(partner),
                                        referral: referral, due: due, completed: completed, joined: joined,
                                        referralDay: referralDay))
        }
        return true
    }
}
