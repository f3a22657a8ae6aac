import Foundation

extension SummaryLine {
    /// Room a reader keeps from one line to the next: the places of a line's fields, and the codes
    /// already read. What counts a district's index reads a hundred thousand lines that say "open"
    /// or "walkIn" again and again; a code seen before is known by its bytes, with no string made.
    struct Scratch {
        var ranges: [Range<Int>] = []
        var status: Known<CaseStatus>
        var category: Known<IncidentCategory>
        var arrival: Known<ArrivalMode>
        var risk: Known<RiskLevel>
        var complaint: Known<ComplaintKind>
        var outcome: Known<CourtOutcome>
        var stepKind: Known<StepKind>
        var stepStatus: Known<StepStatus>
        var referral: Known<ReferralState>

        /// `remember`: keep the codes read (a reader of many lines); without, every code is read
        /// afresh (one line, nothing kept).
        init(remember: Bool) {
            ranges.reserveCapacity(remember ? 27 : 0)
            status = Known(remember)
            category = Known(remember)
            arrival = Known(remember)
            risk = Known(remember)
            complaint = Known(remember)
            outcome = Known(remember)
            stepKind = Known(remember)
            stepStatus = Known(remember)
            referral = Known(remember)
        }
    }

    /// The values of a code already read, by its bytes (up to 16, packed into two numbers).
    struct Known<E: RawRepresentable> where E.RawValue == String {
        private var keys: [(UInt64, UInt64)] = []
        private var values: [E] = []
        private let remember: Bool

        init(_ remember: Bool) { self.remember = remember }

        mutating func value(_ b: Bytes) -> E? {
            guard remember, b.count < 16 else { return E(rawValue: text(b)) }
            // The length in the top byte: "a" and "a\0" differ.
            var lo: UInt64 = 0, hi = UInt64(b.count) << 56
            var shift: UInt64 = 0
            for c in b {
                if shift < 64 { lo |= UInt64(c) << shift } else { hi |= UInt64(c) << (shift - 64) }
                shift += 8
            }
            for i in keys.indices where keys[i].0 == lo && keys[i].1 == hi { return values[i] }
            guard let v = E(rawValue: text(b)) else { return nil }
            if keys.count < 64 {
                keys.append((lo, hi))
                values.append(v)
            }
            return v
        }
    }

    /// False only when nothing of the case the report looks at can fall in the period: the day she
    /// came (the line's time, field 6) is outside it; no day of a session, a screening, a step's
    /// referral, completion or joining, a charge sheet or a path's event (every day is eight digits,
    /// yyyymmdd) is inside it; and no FIR is recorded (whose legal deadlines, worked out from it,
    /// could fall in the period). Days the report does not look at (the next session, a step's due
    /// day, a safety review's or follow-up's due day) are passed over. True otherwise, or for a
    /// line it cannot tell about: the line is then decoded and the report's own rule decides. The
    /// month's report of a district reads every line; this look costs a fraction of decoding one.
    static func mayTouch(_ line: Bytes, _ p: ReportPeriod) -> Bool {
        let base = line.base
        let start = p.start.year * 10_000 + p.start.month * 100 + p.start.day
        let end = p.end.year * 10_000 + p.end.month * 100 + p.end.day
        var field = 0
        // Within a step (field 17), its part: the fifth (4) is its due day.
        var part = 0
        var i = line.startIndex
        var fieldStart = i
        while i < line.endIndex {
            let c = base[i]
            if c == 9 {
                // The day she came: field 6 (seconds since 1970).
                if field == 5 {
                    guard let t = int(line[fieldStart..<i]) else { return true }
                    if p.contains(Day(Date(timeIntervalSince1970: Double(t)))) { return true }
                }
                // The FIR's day: field 18.
                if field == 17, i > fieldStart { return true }
                field += 1
                part = 0
                i += 1
                fieldStart = i
                continue
            }
            if field == 16 {
                if c == 124 { part += 1 } else if c == 59 { part = 0 }
            }
            // A run of digits from here: eight of them, not part of a longer number, is a day.
            if c &- 48 < 10, i == line.startIndex || base[i - 1] &- 48 >= 10 {
                var n = 0
                var j = i
                while j < line.endIndex, base[j] &- 48 < 10 {
                    n = n &* 10 &+ Int(base[j] &- 48)
                    j += 1
                }
                if j - i == 8, n >= start, n <= end, looksAt(field: field, part: part, line, before: i) { return true }
                i = j
                continue
            }
            i += 1
        }
        // A line that ended before its FIR's field is not one to judge here.
        return field < 17
    }

    /// Whether the report looks at a day written at `at` in this field (see `mayTouch`).
    private static func looksAt(field: Int, part: Int, _ line: Bytes, before at: Int) -> Bool {
        switch field {
        case 12, 14, 18: return true  // sessions, screenings, the charge sheet
        case 16: return part != 4  // a step's days but its due day
        case 25:
            // A path's day: "pd=", "fu=" and "da=" (due days, the DV application) are not looked at.
            guard at - 3 >= line.startIndex, line.base[at - 1] == 61 else { return true }
            let key = (line.base[at - 3], line.base[at - 2])
            let before = at - 4 >= line.startIndex ? line.base[at - 4] : 59
            guard before == 59 || before == 9 else { return true }
            return !(key == (112, 100) || key == (102, 117) || key == (100, 97))
        default: return false
        }
    }
}
