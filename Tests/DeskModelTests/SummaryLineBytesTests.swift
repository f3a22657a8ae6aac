@testable import DeskModel
import Foundation
import XCTest

/// The index line's readers that work on several bytes at once (days eight digits at a time, tabs
/// eight bytes at a time, ids from fixed places, codes sixteen bytes at once) must answer what
/// reading byte by byte answers: for every day of the years the desk keeps and damaged ones, ids in
/// either case and with a wrong byte anywhere, fields of every length, and codes at a buffer's end.
final class SummaryLineBytesTests: XCTestCase {
    var seed: UInt64 = 2026
    func next(_ n: Int) -> Int {
        seed = seed &* 6364136223846793005 &+ 1442695040888963407
        return Int((seed >> 33) % UInt64(n))
    }

    /// `body` with the text's bytes as the index's reader has them (a slice of a larger buffer,
    /// with bytes before and after it).
    func bytes<T>(_ text: [UInt8], padded: Bool = true, _ body: (SummaryLine.Bytes) -> T) -> T {
        let before: [UInt8] = padded ? Array("x\t".utf8) : []
        let all = before + text + (padded ? Array("\t0123456789abcdef\n".utf8) : [])
        return all.withUnsafeBufferPointer { body($0[before.count..<(before.count + text.count)]) }
    }

    func referenceDay(_ b: [UInt8]) -> Day?? {
        if b.isEmpty { return .some(nil) }
        guard b.count < 19, b.allSatisfy({ $0 >= 48 && $0 <= 57 }), let n = Int(String(decoding: b, as: UTF8.self)),
              let d = Day(year: n / 10_000, month: n / 100 % 100, day: n % 100) else { return nil }
        return .some(d)
    }

    func testDaysReadEightDigitsAtOnceAreTheDaysReadOneByOne() throws {
        var texts: [[UInt8]] = []
        var d = try XCTUnwrap(Day(year: 1999, month: 12, day: 20))
        while d.year < 2031 {
            texts.append(Array(SummaryLine.day(d).utf8))
            d = d.adding(days: 1 + next(3))
        }
        // Damaged: each byte of real days replaced by every kind of other byte, days that are no
        // day (31 November, 29 February of a common year, month 13, year 1899 and 3000), short and long.
        let damage: [UInt8] = [0, 9, 44, 47, 58, 65, 97, 255, 32, 45]
        for _ in 0..<3_000 {
            var t = texts[next(texts.count)]
            t[next(8)] = damage[next(damage.count)]
            texts.append(t)
        }
        texts += ["20261131", "20250229", "20240229", "20261301", "20260001", "20260100", "18991231", "30000101", "29991231",
                  "19000101", "2026113", "202611301", "", "0", "00000000", "99999999", "2026-11-3"].map { Array($0.utf8) }
        for t in texts {
            let read = bytes(t) { SummaryLine.day($0) }
            let expected = referenceDay(t)
            XCTAssertEqual(read.map { $0.map(\.description) }, expected.map { $0.map(\.description) }, String(decoding: t, as: UTF8.self))
        }
        // Lists: made of the days above (some damaged), read into one list kept from list to list.
        var out: [Day] = []
        for _ in 0..<3_000 {
            let parts = (0..<next(40)).map { _ in texts[next(texts.count)] }
            var list = Array(parts.joined(separator: [44]))
            if next(10) == 0, !list.isEmpty { list[next(list.count)] = 44 }
            let ok = bytes(list) { SummaryLine.days($0, into: &out) }
            let expected: [Day]? = list.isEmpty ? [] : {
                var days: [Day] = []
                for p in list.split(separator: 44, omittingEmptySubsequences: false) {
                    guard p.count == 8, let d = referenceDay(Array(p)), let day = d else { return nil }
                    days.append(day)
                }
                return days
            }()
            XCTAssertEqual(ok, expected != nil, String(decoding: list, as: UTF8.self))
            if let expected, ok { XCTAssertEqual(out, expected) }
        }
    }

    func testIdsReadFromFixedPlacesAreTheIdsReadOneByOne() {
        var checked = 0
        for i in 0..<2_000 {
            let id = UUID()
            var t = Array((i % 2 == 0 ? id.uuidString : id.uuidString.lowercased()).utf8)
            var expected: UUID? = id
            if i % 3 == 0 {
                // One byte anywhere made wrong (a digit that is no hexadecimal digit, or a dash moved).
                let at = next(36)
                t[at] = [UInt8(ascii: "g"), UInt8(ascii: "G"), 45, 47, 58, 64, 96, 0, 255, UInt8(ascii: "0")][next(10)]
                // The byte-by-byte reader the list index keeps (Foundation's own takes a dash anywhere).
                expected = ListIndex.uuid(t)
                if let e = expected { XCTAssertEqual(e, UUID(uuidString: String(decoding: t, as: UTF8.self))) }
            }
            let read = bytes(t) { SummaryLine.uuid($0) }
            XCTAssertEqual(read, expected, String(decoding: t, as: UTF8.self))
            checked += 1
        }
        XCTAssertNil(bytes(Array(UUID().uuidString.utf8.dropLast())) { SummaryLine.uuid($0) })
        XCTAssertEqual(checked, 2_000)
    }

    func testTabsFoundEightBytesAtOnceAreTheTabs() {
        var places: [Range<Int>] = []
        for _ in 0..<5_000 {
            // Fields of every length from none to 40 bytes, up to 30 of them, at the buffer's end too.
            let fields = (0..<(1 + next(30))).map { _ in (0..<next(41)).map { _ in UInt8(ascii: "a") &+ UInt8(next(26)) } }
            let line = Array(fields.joined(separator: [9]))
            let padded = next(2) == 0
            let got: [[UInt8]] = line.withUnsafeBufferPointer { _ in
                bytes(line, padded: padded) { b in
                    let n = SummaryLine.fields(b, max: 27, into: &places)
                    return (0..<n).map { Array(b.base[places[$0]]) }
                }
            }
            // As many as 26 fields apart, the rest kept whole in the last.
            var expected = Array(fields.prefix(26))
            if fields.count > 26 { expected.append(Array(fields.dropFirst(26).joined(separator: [9]))) }
            XCTAssertEqual(got, expected)
        }
    }

    func testCodesKnownBySixteenBytesAreTheCodes() {
        var known = SummaryLine.Known<CaseStatus>(true)
        var other = SummaryLine.Known<ReferralState>(true)
        var codes = CaseStatus.allCases.map(\.rawValue) + ReferralState.allCases.map(\.rawValue)
        // Codes that differ from real ones in one bit of one byte, in the length alone, or by case.
        let real = codes
        codes += real.map { (s: String) -> String in String(s.dropLast()) + s.suffix(1).uppercased() }
        codes += real.map { (s: String) -> String in s + "\0" }
        codes += real.map { (s: String) -> String in String(s.dropLast()) }
        codes += ["", "o", "openX", "OPEN", "Open"]
        for _ in 0..<4_000 {
            let c = Array(codes[next(codes.count)].utf8)
            // The code at the end of its buffer (fewer than sixteen bytes after it) or inside it.
            let padded = next(2) == 0
            XCTAssertEqual(bytes(c, padded: padded) { known.value($0) }, CaseStatus(rawValue: String(decoding: c, as: UTF8.self)))
            XCTAssertEqual(bytes(c, padded: padded) { other.value($0) }, ReferralState(rawValue: String(decoding: c, as: UTF8.self)))
        }
    }

    /// The plan's steps and the path facts, read in one walk of their bytes: what splitting them
    /// answers, for well-made fields and for fields with a separator added, dropped or moved.
    func testStepsAndPathFactsReadInOneWalkAreWhatSplittingReads() {
        func day() -> String { next(4) == 0 ? "" : String(format: "2026%02d%02d", 1 + next(12), 1 + next(28)) }
        func step() -> String {
            [StepKind.allCases[next(7)].rawValue, StepStatus.allCases[next(4)].rawValue, ["", "nrlm", "wcd-osc"][next(3)],
             ReferralState.allCases[next(5)].rawValue, day(), day(), day(), day()].joined(separator: "|")
        }
        func referenceSteps(_ text: String) -> [CaseSummary.Step]? {
            var out: [CaseSummary.Step] = []
            for st in text.split(separator: ";", omittingEmptySubsequences: true) {
                let p = st.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
                guard p.count == 8, let kind = StepKind(rawValue: p[0]), let status = StepStatus(rawValue: p[1]),
                      let referral = ReferralState(rawValue: p[3]) else { return nil }
                var days: [Day?] = []
                for t in p[4...] {
                    guard let d = referenceDay(Array(t.utf8)) else { return nil }
                    days.append(d)
                }
                out.append(CaseSummary.Step(kind: kind, status: status, partnerID: p[2].isEmpty ? nil : p[2], referral: referral,
                                            due: days[0], completed: days[1], joined: days[2], referralDay: days[3]))
            }
            return out
        }
        func damaged(_ text: String) -> String {
            guard next(3) == 0, !text.isEmpty else { return text }
            var b = Array(text.utf8)
            switch next(3) {
            case 0: b.insert([124, 59, 61][next(3)], at: next(b.count + 1))
            case 1: if let i = b.indices.filter({ [124, 59, 61].contains(b[$0]) }).randomElement() { b.remove(at: i) }
            default: b[next(b.count)] = [124, 59, 61][next(3)]
            }
            return String(decoding: b, as: UTF8.self)
        }
        var scratch = SummaryLine.Scratch(remember: true)
        var steps: [CaseSummary.Step] = []
        var rejected = 0
        for _ in 0..<4_000 {
            let text = damaged((0..<next(5)).map { _ in step() }.joined(separator: ";"))
            let ok = bytes(Array(text.utf8)) { SummaryLine.steps($0, into: &steps, scratch: &scratch) }
            let expected = referenceSteps(text)
            XCTAssertEqual(ok, expected != nil, text)
            if ok, let expected { XCTAssertEqual(steps, expected, text) }
            if !ok { rejected += 1 }
        }
        XCTAssertGreaterThan(rejected, 200)
        // Path facts: pairs "key=value" between ";"; a pair without "=" is refused, an unknown key passed over.
        var facts = PathFacts()
        let pairs = ["c=\(day())", "pm=20261101", "pr=20261001,20261101", "cl=20261115", "cr=" + ClosureReason.allCases[0].rawValue,
                     "rq=1", "tt=MHW", "zz=anything", "dv=20260301"]
        rejected = 0
        for _ in 0..<4_000 {
            let text = damaged((0..<next(6)).map { _ in pairs[next(pairs.count)] }.joined(separator: ";"))
            let ok = bytes(Array(text.utf8)) { facts.decode($0) }
            // Split first: every non-empty pair has an "=", and each pair alone reads.
            let expectedOK = text.split(separator: ";").allSatisfy { pair in
                var one = PathFacts()
                return pair.contains("=") && bytes(Array(pair.utf8)) { one.decode($0) }
            }
            XCTAssertEqual(ok, expectedOK, text)
            if !ok { rejected += 1 }
        }
        XCTAssertGreaterThan(rejected, 100)
    }
}
