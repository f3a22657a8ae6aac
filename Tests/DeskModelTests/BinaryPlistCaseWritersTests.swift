@testable import DemoData
@testable import DeskModel
import Foundation
import XCTest

/// The case record's parts written by hand (`BinaryPlistEncoder+Case`) write, to the byte, what
/// their own `encode(to:)` writes through the same encoder; strings that are not ASCII are written
/// as their UTF-16; a day's text is what `String(format:)` made.
final class BinaryPlistCaseWritersTests: XCTestCase {
    /// The demo's records, and one more with an event of every kind of facts the demo has, sessions
    /// with and without a next day and goals, screenings of both questionnaires, Hindi notes.
    func records() throws -> [CaseRecord] {
        let directory = try DemoStoryTests.seeds()
        var cases = DemoGenerator(seed: 12, count: 400, clock: testClock).cases(directory: directory)
        var facts: [String: CaseEvent.Facts] = [:]
        for event in cases.flatMap(\.events) { facts[BinaryPlistEncoderTests.label(event.facts)] = event.facts }
        guard var all = cases.first(where: { !$0.sessions.isEmpty && !$0.screenings.isEmpty }),
              let day = Day(year: 2026, month: 3, day: 9) else {
            XCTFail("no demo case with sessions and screenings")
            return cases
        }
        all.events += CaseEvent.Kind.allCases.enumerated().map { i, kind in
            CaseEvent(at: Date(timeIntervalSinceReferenceDate: 800_000_000 + Double(i) * 3_600.5), by: "asha", kind: kind,
                      facts: kind == .remark ? .text("टिप्पणी: बहन के घर \u{1F3E0}, \"$null\" नहीं") : .none)
        } + facts.keys.sorted().compactMap { facts[$0] }.map { CaseEvent(at: all.reportedAt, by: "meena", kind: .edited, facts: $0) }
        all.events += [.stepAdded(kind: .counselling, due: nil), .stepAdded(kind: .shelter, due: day),
                       .referral(kind: .legalAid, partnerID: "ngo-आशा", state: .accepted), .status(from: .open, to: .closed),
                       .screening(instrument: .gad7, total: 11, day: day)]
            .map { CaseEvent(at: all.updatedAt, by: "kavita", kind: .edited, facts: $0) }
        var session = all.sessions[0]
        session.nextDay = nil
        session.progress = [:]
        session.whatWasDone = "बातचीत की; सुरक्षा योजना बनाई 👩🏽‍⚖️"
        all.sessions.append(session)
        session.nextDay = day
        session.progress = [.safety: .better, .livelihood: .same]
        all.sessions.append(session)
        cases.append(all)
        XCTAssertGreaterThanOrEqual(facts.count, 8, "the demo's events have facts of many kinds: \(facts.keys.sorted())")
        return cases
    }

    func testTheHandWrittenPartsWriteWhatTheirEncodeWrites() throws {
        let cases = try records()
        XCTAssertGreaterThan(cases.count, 400)
        for record in cases {
            guard let fast = BinaryPlistEncoder.fastEncode(record),
                  let generic = BinaryPlistEncoder.fastEncode(record, handWritten: false) else {
                return XCTFail("the fast writer refused a case record")
            }
            XCTAssertEqual(fast, generic, "case \(record.number): the hand-written parts wrote other bytes")
            XCTAssertEqual(try PropertyListDecoder().decode(CaseRecord.self, from: fast), record)
            XCTAssertEqual(try BinaryPlistDecoder.decode(CaseRecord.self, from: fast), record)
        }
        // Each part alone too (a top-level array, as a case's own lists are written).
        for record in cases.prefix(50) {
            XCTAssertEqual(BinaryPlistEncoder.fastEncode(record.events), BinaryPlistEncoder.fastEncode(record.events, handWritten: false))
            XCTAssertEqual(BinaryPlistEncoder.fastEncode(record.sessions), BinaryPlistEncoder.fastEncode(record.sessions, handWritten: false))
            XCTAssertEqual(BinaryPlistEncoder.fastEncode(record.screenings),
                           BinaryPlistEncoder.fastEncode(record.screenings, handWritten: false))
        }
    }

    /// A stored property added to a type written by hand must be written by its writer too: these
    /// counts fail until the writer (and this count) is brought up to date.
    func testTheHandWrittenTypesHaveTheFieldsTheirWritersWrite() throws {
        guard let record = try records().last, let event = record.events.last, let session = record.sessions.last,
              let screening = record.screenings.last else { return XCTFail("no parts") }
        XCTAssertEqual(Mirror(reflecting: event).children.map(\.label), ["at", "by", "kind", "facts"])
        XCTAssertEqual(Mirror(reflecting: session).children.count, 15)
        XCTAssertEqual(Mirror(reflecting: screening).children.map(\.label), ["id", "screening", "by", "recordedAt"])
        XCTAssertEqual(Mirror(reflecting: screening.screening).children.map(\.label), ["instrument", "items", "day"])
        // A day is kept in four bytes and written as its year, month and day (`Day.encode(to:)`,
        // which the byte-for-byte comparisons above hold the hand-written writer to).
        XCTAssertEqual(Mirror(reflecting: session.day).children.map(\.label), ["y", "m", "d"])
    }

    /// Strings of every UTF-8 length (Latin, Devanagari with its signs, emoji made of surrogate
    /// pairs and joiners) are written as Foundation writes them: their UTF-16 units, big-endian, after
    /// their count.
    func testStringsThatAreNotASCIIAreWrittenAsTheirUTF16() throws {
        let texts = ["é", "naïve café", "सुनीता वर्मा", "क्षि ज़ f\u{0301}", "👩🏽‍⚖️", "a\u{1F600}b", "\u{10FFFF}", "\u{7FF}\u{800}\u{FFFF}\u{10000}",
                     "ट्रैफ़िकिंग · 12-03-2026 → बंद", String(repeating: "अ", count: 14), String(repeating: "अ", count: 15), String(repeating: "ज़", count: 300)]
        for text in texts {
            guard let bytes = BinaryPlistEncoder.fastEncode([text]) else { return XCTFail("refused \(text)") }
            let units = Array(text.utf16)
            var expected: [UInt8] = units.count < 15 ? [0x60 | UInt8(units.count)] : [0x6F] + Self.integer(units.count)
            for unit in units { expected += [UInt8(unit >> 8), UInt8(unit & 0xFF)] }
            XCTAssertNotNil(bytes.range(of: Data(expected)), "\(text) as UTF-16")
            XCTAssertEqual(try PropertyListDecoder().decode([String].self, from: bytes), [text])
            XCTAssertEqual(try BinaryPlistDecoder.decode([String].self, from: bytes), [text])
        }
    }

    static func integer(_ n: Int) -> [UInt8] {
        n <= 0xFF ? [0x10, UInt8(n)] : [0x11, UInt8(n >> 8), UInt8(n & 0xFF)]
    }

    /// A day's text, made by hand, is `String(format: "%02d-%02d-%04d")`'s, on every day of a few years.
    func testADaysTextIsWhatFormatMakes() {
        var checked = 0
        for year in [1900, 1946, 1999, 2000, 2024, 2026, 2999] {
            for month in 1...12 {
                for d in 1...31 {
                    guard let day = Day(year: year, month: month, day: d) else { continue }
                    XCTAssertEqual(day.description, String(format: "%02d-%02d-%04d", d, month, year))
                    checked += 1
                }
            }
        }
        XCTAssertEqual(checked, 7 * 365 + 2)
    }
}
