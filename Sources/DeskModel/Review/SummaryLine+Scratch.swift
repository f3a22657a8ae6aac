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
            if let base = b.base.baseAddress, b.startIndex + 16 <= b.base.count {
                // Sixteen bytes read at once (all inside the buffer), those past the code masked off.
                let raw = UnsafeRawPointer(base + b.startIndex)
                let n = b.count
                let a = raw.loadUnaligned(as: UInt64.self).littleEndian, z = raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self).littleEndian
                lo = n >= 8 ? a : a & ((1 << (UInt64(n) * 8)) &- 1)
                hi |= n <= 8 ? 0 : z & ((1 << (UInt64(n - 8) * 8)) &- 1)
            } else {
                var shift: UInt64 = 0
                for c in b {
                    if shift < 64 { lo |= UInt64(c) << shift } else { hi |= UInt64(c) << (shift - 64) }
                    shift += 8
                }
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
}
