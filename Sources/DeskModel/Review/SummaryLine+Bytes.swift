import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The review index's lines read straight from their bytes: a district's report reads every line of
/// a hundred thousand, so a line's id, its fields and its days are read here with no slice walked
/// element by element and no array grown one item at a time.
extension SummaryLine {
    /// A day written yyyymmdd at `p` (eight bytes), or nil if they are not a real day. Most days
    /// pass the quick test (days 1 to 28 of a month are real in every year).
    @inline(__always) static func day8(_ p: UnsafePointer<UInt8>) -> Day? {
        // The eight digits at once: each byte less "0" must be below 10 (no byte of the word
        // borrows or reaches 10), then pairs, fours and the eight are joined by multiplying.
        let w = UnsafeRawPointer(p).loadUnaligned(as: UInt64.self).littleEndian
        let d = w &- 0x3030_3030_3030_3030
        guard (w | (d &+ 0x7676_7676_7676_7676)) & 0x8080_8080_8080_8080 == 0, w & 0xF0F0_F0F0_F0F0_F0F0 == 0x3030_3030_3030_3030 else { return nil }
        let pairs = (d &* 10 &+ (d >> 8)) & 0x00FF_00FF_00FF_00FF
        let fours = (pairs &* 100 &+ (pairs >> 16)) & 0x0000_FFFF_0000_FFFF
        let n = Int((fours &* 10_000 &+ (fours >> 32)) & 0xFFFF_FFFF)
        let year = n / 10_000, month = n / 100 % 100, day = n % 100
        if year >= 1900, year <= 2999, month >= 1, month <= 12, day >= 1, day <= 28 {
            return Day(checked: year, month, day)
        }
        return Day(year: year, month: month, day: day)
    }

    /// An empty field is no day (.some(nil)); a field that is not a real day is nil.
    static func day(_ b: Bytes) -> Day?? {
        if b.isEmpty { return .some(nil) }
        guard b.count == 8, let base = b.base.baseAddress else {
            guard let n = int(b), let d = Day(year: n / 10_000, month: n / 100 % 100, day: n % 100) else { return nil }
            return .some(d)
        }
        guard let d = day8(base + b.startIndex) else { return nil }
        return .some(d)
    }

    /// The days of a comma-separated list into `out` (its room kept); false if one is not a day.
    /// A year of sessions is a long list: its length gives how many days it holds (eight digits
    /// each, a comma between), the array is sized once and the days written in place.
    static func days(_ b: Bytes, into out: inout [Day]) -> Bool {
        if b.isEmpty { out.removeAll(keepingCapacity: true); return true }
        guard (b.count + 1) % 9 == 0, let base = b.base.baseAddress else { out.removeAll(keepingCapacity: true); return false }
        let n = (b.count + 1) / 9
        let p = base + b.startIndex
        // Sized by what it lacks or has too many (no emptying and filling again at every line).
        if out.count < n {
            out.append(contentsOf: repeatElement(Day.placeholder, count: n - out.count))
        } else if out.count > n {
            out.removeLast(out.count - n)
        }
        return out.withUnsafeMutableBufferPointer { o in
            for i in 0..<n {
                let at = p + i * 9
                guard let d = day8(at), i == n - 1 || at[8] == 44 else { return false }
                o[i] = d
            }
            return true
        }
    }

    /// The fields of a line between tabs (an empty field where two tabs meet), as ranges into
    /// `out`'s first places (as many as it returns; `out` keeps `max` places from line to line, so
    /// that no place is added one at a time). Most fields are a few bytes long: their first eight
    /// bytes are searched at once, and only a longer field is searched by the C library.
    static func fields(_ line: Bytes, max: Int, into out: inout [Range<Int>]) -> Int {
        if out.count != max { out = Array(repeating: 0..<0, count: max) }
        guard let base = line.base.baseAddress else { out[0] = line.startIndex..<line.endIndex; return 1 }
        let end = line.endIndex
        let raw = UnsafeRawPointer(base)
        return out.withUnsafeMutableBufferPointer { o in
            var n = 0
            var start = line.startIndex
            var at = start
            while n < max - 1 {
                var tab = -1
                if at + 8 <= end {
                    // A byte equal to 9 becomes 0; the lowest zero byte's high bit marks it.
                    let x = raw.loadUnaligned(fromByteOffset: at, as: UInt64.self).littleEndian ^ 0x0909_0909_0909_0909
                    let hit = (x &- 0x0101_0101_0101_0101) & ~x & 0x8080_8080_8080_8080
                    if hit != 0 {
                        tab = at + hit.trailingZeroBitCount / 8
                    } else if let found = memchr(base + at + 8, 9, end - at - 8) {
                        // A long field (a year of days, the plan): the C library's search.
                        tab = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                    } else {
                        break
                    }
                } else {
                    while at < end, base[at] != 9 { at += 1 }
                    guard at < end else { break }
                    tab = at
                }
                o[n] = start..<tab
                n += 1
                start = tab + 1
                at = start
            }
            o[n] = start..<end
            return n + 1
        }
    }

    /// A case's id written as 36 characters (8-4-4-4-12 hexadecimal digits, either case).
    static func uuid(_ b: Bytes) -> UUID? {
        guard b.count == 36, let base = b.base.baseAddress else { return nil }
        let p = base + b.startIndex
        guard p[8] == 45, p[13] == 45, p[18] == 45, p[23] == 45 else { return nil }
        var raw: uuid_t = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var bad: UInt8 = 0
        // A digit's value: its low four bits, plus 9 for a letter (0x41-0x46, 0x61-0x66); a byte
        // that is no hexadecimal digit is marked in `bad`.
        @inline(__always) func nibble(_ c: UInt8) -> UInt8 {
            let digit = c &- 48 < 10, letter = (c | 0x20) &- 97 < 6
            bad |= (digit || letter) ? 0 : 1
            return (c & 0x0F) &+ 9 &* (c >> 6)
        }
        @inline(__always) func byte(_ i: Int) -> UInt8 { nibble(p[i]) << 4 | nibble(p[i + 1]) }
        raw = (byte(0), byte(2), byte(4), byte(6), byte(9), byte(11), byte(14), byte(16),
               byte(19), byte(21), byte(24), byte(26), byte(28), byte(30), byte(32), byte(34))
        return bad == 0 ? UUID(uuid: raw) : nil
    }

    /// Whether a text is these bytes (the line before said the same: nothing made).
    @inline(__always) static func same(_ s: String, _ b: Bytes) -> Bool {
        guard let base = b.base.baseAddress else { return s.isEmpty && b.isEmpty }
        return s.utf8.withContiguousStorageIfAvailable { t in
            guard t.count == b.count, let p = t.baseAddress else { return t.count == b.count }
            return memcmp(p, base + b.startIndex, t.count) == 0
        } ?? s.utf8.elementsEqual(b)
    }
}
