// Over 300 lines: every way the fast binary-plist reader must read as Foundation does, side by side.
@testable import DemoData
@testable import DeskModel
import Foundation
import XCTest

/// The fast binary-plist reader reads what Foundation reads, value for value, and refuses (then
/// Foundation decides) rather than guess: on demo cases, on files made to be awkward, and on
/// damaged bytes, which it never crashes on.
final class BinaryPlistTests: XCTestCase {
    func encode<T: Encodable>(_ value: T) throws -> Data {
        let encoder = PropertyListEncoder()
        encoder.outputFormat = .binary
        return try encoder.encode(value)
    }

    /// The fast path alone (no fallback) gives what Foundation gives.
    func assertSame<T: Codable & Equatable>(_ value: T, file: StaticString = #filePath, line: UInt = #line) throws {
        let data = try encode(value)
        let foundation = try PropertyListDecoder().decode(T.self, from: data)
        guard let fast = BinaryPlistDecoder.fastDecode(T.self, from: data) else {
            return XCTFail("the fast reader refused \(T.self)", file: file, line: line)
        }
        XCTAssertEqual(fast, foundation, file: file, line: line)
    }

    func testDemoCasesReadTheSameAsFoundation() throws {
        let directory = try DemoStoryTests.seeds()
        let cases = DemoGenerator(seed: 12, count: 400, clock: testClock).cases(directory: directory)
        XCTAssertEqual(cases.count, 400)
        var withHistory = 0
        for record in cases {
            let data = try encode(record)
            let foundation = try PropertyListDecoder().decode(CaseRecord.self, from: data)
            guard let fast = BinaryPlistDecoder.fastDecode(CaseRecord.self, from: data) else {
                return XCTFail("refused \(record.number)")
            }
            XCTAssertEqual(fast, foundation)
            XCTAssertEqual(fast, record)
            if fast.events.count > 3, !fast.sessions.isEmpty { withHistory += 1 }
        }
        XCTAssertGreaterThan(withHistory, 20, "records with a history of events and sessions were read")
    }

    /// `decodeVerdict` (what `verify` reads) reads every record as `decode` does, all but the
    /// events' facts, and takes files whose facts only are wrong (then read from the line).
    func testVerdictReadingLeavesOnlyTheFactsUnread() throws {
        let directory = try DemoStoryTests.seeds()
        var kinds = Set<CaseEvent.Kind>()
        for record in DemoGenerator(seed: 12, count: 400, clock: testClock).cases(directory: directory) {
            let data = try encode(record)
            guard let read = BinaryPlistDecoder.fastDecode(CaseRecord.self, from: data, skipsFacts: true) else {
                return XCTFail("refused \(record.number)")
            }
            var expected = record
            for i in expected.events.indices { expected.events[i].facts = .none }
            XCTAssertEqual(read, expected)
            XCTAssertEqual(try BinaryPlistDecoder.decodeVerdict(CaseRecord.self, from: data), expected)
            kinds.formUnion(record.events.map(\.kind))
        }
        XCTAssertGreaterThan(kinds.count, 8, "records with many kinds of event were read")
        var record = makeCase(1)
        record.events = twoEvents()
        let data = try encode(record)
        let wrongFacts: [(inout [[String: Any]]) -> Void] = [
            { $0[0]["facts"] = ["nothing known": [String: Any]()] },
            { $0[1]["facts"] = 42 },
            { $0[0]["facts"] = ["session": ["number": 1, "day": ["year": 2026, "month": 8, "day": 12], "mode": "inPerson", "minutes": "45"]] },
        ]
        for change in wrongFacts {
            let bad = try rewriteEvents(data, change)
            XCTAssertNil(BinaryPlistDecoder.fastDecode(CaseRecord.self, from: bad), "the whole reader leaves it to Foundation")
            XCTAssertNotNil(BinaryPlistDecoder.fastDecode(CaseRecord.self, from: bad, skipsFacts: true), "verify's reader takes it")
            let foundation = try BinaryPlistDecoder.decode(CaseRecord.self, from: bad)
            XCTAssertEqual(foundation.events, record.events, "read from the line")
            XCTAssertEqual(try BinaryPlistDecoder.decodeVerdict(CaseRecord.self, from: bad).id, record.id)
        }
        // Anything else wrong in an event is damage, to both.
        let badTime = try rewriteEvents(data) { $0[1]["at"] = "yesterday" }
        XCTAssertThrowsError(try BinaryPlistDecoder.decode(CaseRecord.self, from: badTime))
        XCTAssertThrowsError(try BinaryPlistDecoder.decodeVerdict(CaseRecord.self, from: badTime))
        let noKind = try rewriteEvents(data) { $0[0]["kind"] = nil }
        XCTAssertThrowsError(try BinaryPlistDecoder.decode(CaseRecord.self, from: noKind))
        XCTAssertThrowsError(try BinaryPlistDecoder.decodeVerdict(CaseRecord.self, from: noKind))
    }

    /// A record with an event of every kind and facts of every shape (every path fact, optional
    /// days present and absent) reads as Foundation reads it; verify's reading, all but the facts.
    func testEveryKindOfEventReadsTheSame() throws {
        let day = Day(testNow)
        let facts: [CaseEvent.Facts] = [
            .none, .text("पाठ · text"), .session(number: 3, day: day, mode: .homeVisit, minutes: 50),
            .screening(instrument: .phq9, total: 14, day: day), .alert(itemNine: 2),
            .stepAdded(kind: .legalAid, due: day), .stepAdded(kind: .shelter, due: nil),
            .stepUpdated(kind: .livelihood, status: .underway), .referral(kind: .scheme, partnerID: "p-7", state: .accepted),
            .legal([.day(.firDay, day), .outcome(.convicted), .sections(["bns85", "bns86"]), .sections([])]),
            .status(from: .open, to: .counselling),
        ] + [
            PathFact.safetyPlanMade(day), .safetyPlanChanged, .safetyPlanReviewed(day), .contact(.homeVisit, day, reached: false),
            .followUp(day), .closed(.goalsMet, approvedBy: "spindore"), .closed(.other, approvedBy: nil), .reopened(day),
            .dvOrders(3), .dvBreach(day), .entitlement(applied: day, paid: nil), .entitlement(applied: nil, paid: nil),
            .transferAsked(to: "MHK"), .trafficking(.repatriated), .transferAnswered(to: "MHK", .declined),
            .child(supportAppointed: day, medical: nil, hearing: day),
        ].map { CaseEvent.Facts.path($0) }
        var record = makeCase(9)
        let kinds = CaseEvent.Kind.allCases
        record.events = facts.enumerated().map { n, fact in
            CaseEvent(at: testNow.addingTimeInterval(Double(n)), by: "meena", kind: kinds[n % kinds.count], facts: fact)
        }
        XCTAssertGreaterThanOrEqual(facts.count, kinds.count, "every kind of event is written")
        try assertSame(record)
        let data = try encode(record)
        XCTAssertEqual(try BinaryPlistDecoder.decode(CaseRecord.self, from: data), record)
        var expected = record
        for i in expected.events.indices { expected.events[i].facts = .none }
        XCTAssertEqual(try BinaryPlistDecoder.decodeVerdict(CaseRecord.self, from: data), expected)
    }

    /// Pick-list values read as the standard library reads an enum of strings: each value, and a
    /// text that is none of them refused by the fast reader and a `dataCorrupted` from Foundation.
    func testPickListsReadAsEnumsOfStrings() throws {
        struct Picks: Codable, Equatable {
            var answers: [Answer]
            var modes: [SessionMode]
            var one: Answer
        }
        let all = Picks(answers: Answer.allCases, modes: SessionMode.allCases, one: .no)
        try assertSame(all)
        XCTAssertEqual(try PropertyListDecoder().decode(Picks.self, from: try encode(all)), all)
        struct Loose: Codable { var answers: [String]; var modes: [String]; var one: String }
        for (answers, one) in [(["yes", "maybe"], "no"), (["yes"], "Yes"), (["yes"], "")] {
            let data = try encode(Loose(answers: answers, modes: ["phone"], one: one))
            XCTAssertNil(BinaryPlistDecoder.fastDecode(Picks.self, from: data))
            XCTAssertThrowsError(try BinaryPlistDecoder.decode(Picks.self, from: data)) { error in
                guard case DecodingError.dataCorrupted(let context) = error else { return XCTFail("\(error)") }
                XCTAssertTrue(context.debugDescription.hasPrefix("Cannot initialize Answer from invalid String value"), context.debugDescription)
            }
        }
    }

    struct Awkward: Codable, Equatable {
        var text: String
        var hindi: String
        var emoji: String
        var empty: String
        var long: String
        var nested: [[[Int]]]
        var dates: [Date]
        var data: Data
        var bigData: Data
        var bools: [Bool]
        var ints: [Int]
        var smalls: [Int8]
        var unsigned: [UInt32]
        var doubles: [Double]
        var floats: [Float]
        var optional: String?
        var missing: Int?
        var dictionary: [String: [String]]
        var numbered: [Int: String]
        var uuid: UUID
        var mixed: [Choice]
        var manyKeys: [String: Int]
    }

    enum Choice: Codable, Equatable {
        case plain
        case text(String)
        case pair(a: Int, b: Date)
    }

    func awkward(_ n: Int) -> Awkward {
        let long = String(repeating: "क्षि ज़ f\u{0301} ", count: 40 + n)
        return Awkward(
            text: "ascii \(n)", hindi: "सुनीता वर्मा \(n) ने शिकायत की", emoji: "👩🏽‍⚖️ ok \u{1F600}", empty: "",
            long: long, nested: [[[1, 2], []], [[n, -n, Int.max, Int.min]]],
            dates: [Date(timeIntervalSinceReferenceDate: 0), Date(timeIntervalSince1970: 1_795_928_400.25),
                    Date(timeIntervalSinceReferenceDate: -1e9), Date.distantFuture],
            data: Data([0, 1, 2, 255]), bigData: Data((0..<300).map { UInt8($0 % 256) }),
            bools: [true, false, n % 2 == 0], ints: [0, 1, 255, 256, 65_535, 65_536, -1, -255, 1 << 40, Int.max],
            smalls: [Int8.min, -1, 0, Int8.max], unsigned: [0, 255, UInt32.max],
            doubles: [0, -0.5, 1e300, .pi, Double(n)], floats: [1.5, -3.25],
            optional: n % 2 == 0 ? "present" : nil, missing: nil,
            dictionary: ["a": ["x"], "हिन्दी": ["य", "र"], "": []], numbered: [1: "one", -5: "minus five", 300: "अ"],
            uuid: UUID(), mixed: [.plain, .text("पाठ"), .pair(a: n, b: Date(timeIntervalSinceReferenceDate: 86_400))],
            manyKeys: Dictionary(uniqueKeysWithValues: (0..<40).map { ("key\($0)", $0 * n) }))
    }

    func testEveryObjectKindTheStoreWritesReadsTheSame() throws {
        for n in 0..<20 { try assertSame(awkward(n)) }
        try assertSame([String]())
        try assertSame(["only"])
        try assertSame([Date(timeIntervalSince1970: 12.5)])
        try assertSame(["e621e1f8-c36c-495a-93fc-0c247a3e6e5f": UUID(uuidString: "e621e1f8-c36c-495a-93fc-0c247a3e6e5f")])
        try assertSame(Array(repeating: "repeated", count: 300))
        try assertSame((0..<300).map { "\($0) वां" })
    }

    /// nil written inside an array ("$null"), and a text that says "$null": Foundation decides,
    /// and the result is Foundation's.
    func testNullMarkersGoToFoundation() throws {
        let withNil: [String?] = ["a", nil, "$null"]
        let data = try encode(withNil)
        XCTAssertNil(BinaryPlistDecoder.fastDecode([String?].self, from: data))
        XCTAssertEqual(try BinaryPlistDecoder.decode([String?].self, from: data), try PropertyListDecoder().decode([String?].self, from: data))
    }

    /// A file of the wrong shape for the type is refused by the fast path and the error is Foundation's.
    func testAMismatchIsFoundationsError() throws {
        let data = try encode(["stationCode": "IND", "year": "not a number"])
        XCTAssertNil(BinaryPlistDecoder.fastDecode(CaseNumber.self, from: data))
        XCTAssertThrowsError(try BinaryPlistDecoder.decode(CaseNumber.self, from: data)) { error in
            guard case DecodingError.typeMismatch = error else { return XCTFail("\(error)") }
        }
        let missing = try encode(["stationCode": "IND", "year": 2026] as [String: AnyCodable])
        XCTAssertThrowsError(try BinaryPlistDecoder.decode(CaseNumber.self, from: missing)) { error in
            guard case DecodingError.keyNotFound = error else { return XCTFail("\(error)") }
        }
    }

    enum AnyCodable: Codable, Equatable, ExpressibleByStringLiteral, ExpressibleByIntegerLiteral {
        case s(String), i(Int)
        init(stringLiteral value: String) { self = .s(value) }
        init(integerLiteral value: Int) { self = .i(value) }
        func encode(to encoder: Encoder) throws {
            var c = encoder.singleValueContainer()
            switch self {
            case .s(let s): try c.encode(s)
            case .i(let i): try c.encode(i)
            }
        }
        init(from decoder: Decoder) throws {
            let c = try decoder.singleValueContainer()
            if let i = try? c.decode(Int.self) { self = .i(i) } else { self = .s(try c.decode(String.self)) }
        }
    }

    /// Truncated at every length, and with bytes flipped all over: refused or read, never a trap;
    /// whenever the fast path reads one, Foundation reads the same.
    func testDamagedBytesAreRefusedNeverCrashedOn() throws {
        let directory = try DemoStoryTests.seeds()
        let record = DemoGenerator(seed: 5, count: 3, clock: testClock).cases(directory: directory)[2]
        let data = try encode(record)
        var rng = SeededRandom(seed: 99)
        for cut in stride(from: 0, to: data.count, by: max(1, data.count / 400)) {
            XCTAssertNil(BinaryPlistDecoder.fastDecode(CaseRecord.self, from: data.prefix(cut)), "cut at \(cut)")
        }
        var readSame = 0, refused = 0
        for _ in 0..<3_000 {
            var bytes = [UInt8](data)
            for _ in 0..<Int.random(in: 1...3, using: &rng) {
                bytes[Int.random(in: 0..<bytes.count, using: &rng)] = UInt8.random(in: 0...255, using: &rng)
            }
            let damaged = Data(bytes)
            if let fast = BinaryPlistDecoder.fastDecode(CaseRecord.self, from: damaged) {
                do {
                    let foundation = try PropertyListDecoder().decode(CaseRecord.self, from: damaged)
                    XCTAssertEqual(fast, foundation)
                } catch {
                    let at = zip(bytes, [UInt8](data)).enumerated().filter { $0.element.0 != $0.element.1 }
                        .map { "\($0.offset): \($0.element.1) -> \($0.element.0)" }
                    XCTFail("Foundation: \(error), changed \(at) of \(data.count)")
                }
                readSame += 1
            } else {
                refused += 1
            }
        }
        XCTAssertGreaterThan(refused, 0)
        XCTAssertGreaterThan(readSame, 0)
        // Made by hand: a cycle, a reference past the table, a 16-byte integer, an absurd count.
        for bad in Self.handMade {
            XCTAssertNil(BinaryPlistDecoder.fastDecode([[String]].self, from: Data(bad)))
            XCTAssertNil(try? BinaryPlist(bad))
        }
        // A lone UTF-16 surrogate: a well-made file, but not a string.
        let lone = Array("bplist00".utf8) + [0x61, 0xD8, 0x00, 8] + [0, 0, 0, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0, 0, 0, 1]
            + [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 11]
        XCTAssertNotNil(try? BinaryPlist(lone))
        XCTAssertNil(BinaryPlistDecoder.fastDecode(String.self, from: Data(lone)))
        // An empty UTF-16 string reads as an empty string, as Foundation reads it.
        let empty = Array("bplist00".utf8) + [0x60, 8] + [0, 0, 0, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0, 0, 0, 1]
            + [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 9]
        XCTAssertEqual(BinaryPlistDecoder.fastDecode(String.self, from: Data(empty)), "")
        XCTAssertEqual(try? PropertyListDecoder().decode(String.self, from: Data(empty)), "")
        // A key twice in one dictionary: Foundation keeps one of them; the fast path does not guess.
        struct One: Codable, Equatable { var a: Int }
        let twice = Array("bplist00".utf8) + [0xD2, 1, 1, 2, 3, 0x51, 0x61, 0x10, 1, 0x10, 2]
            + [8, 13, 15, 17] + [0, 0, 0, 0, 0, 0, 1, 1] + [0, 0, 0, 0, 0, 0, 0, 4] + [0, 0, 0, 0, 0, 0, 0, 0]
            + [0, 0, 0, 0, 0, 0, 0, 19]
        XCTAssertNotNil(try? BinaryPlist(twice))
        XCTAssertNil(BinaryPlistDecoder.fastDecode(One.self, from: Data(twice)))
        XCTAssertEqual(try? BinaryPlistDecoder.decode(One.self, from: Data(twice)), try? PropertyListDecoder().decode(One.self, from: Data(twice)))
        // UUID text in forms other than the usual one is read by Foundation.
        for text in ["E621E1F8-C36C-495A-93FC-0C247A3E6E5", "E621E1F8C36C-495A-93FC-0C247A3E6E5F0", "G621E1F8-C36C-495A-93FC-0C247A3E6E5F", ""] {
            XCTAssertNil(BinaryPlistDecoder.uuid(text), text)
        }
        XCTAssertEqual(BinaryPlistDecoder.uuid("e621e1f8-c36c-495a-93fc-0c247a3e6e5f"), UUID(uuidString: "E621E1F8-C36C-495A-93FC-0C247A3E6E5F"))
    }

    /// bplist00 files of one to three objects, each wrong in one way.
    static var handMade: [[UInt8]] {
        func file(_ objects: [[UInt8]], top: UInt8 = 0, refs: UInt8 = 1) -> [UInt8] {
            var out = Array("bplist00".utf8)
            var offsets: [UInt8] = []
            for o in objects { offsets.append(UInt8(out.count)); out += o }
            let table = out.count
            out += offsets
            out += [0, 0, 0, 0, 0, 0, 1, refs] + [0, 0, 0, 0, 0, 0, 0, UInt8(objects.count)]
            out += [0, 0, 0, 0, 0, 0, 0, top] + [0, 0, 0, 0, 0, 0, 0, UInt8(table)]
            return out
        }
        return [
            file([[0xA1, 0x00]]),                       // an array holding itself
            file([[0xA1, 0x01], [0xA1, 0x00]]),         // two arrays holding each other
            file([[0xA1, 0x05]]),                       // a reference past the table
            file([[0x14] + [UInt8](repeating: 1, count: 16)]), // a 16-byte integer
            file([[0x5F, 0x13, 0x7F, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF]]), // a string longer than the file
            file([[0xD1, 0x01, 0x01], [0x10, 0x01]]),   // a dictionary keyed by a number
            file([[0x52, 0x41, 0xC3]]),                 // an ASCII string with a byte over 0x7F
            file([[0xC1, 0x00]]),                       // a set
            file([[0xA0]], top: 3),                     // the top object past the table
        ]
    }

    /// The same records, read through the store (sealed) with the fast reader and with Foundation.
    func testSealedStoreReadsTheSameRecords() throws {
        let root = tempFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let directory = try DemoStoryTests.seeds()
        let made = try DemoStore.createEncrypted(at: root, directory: directory, count: 60, seed: 8, clock: testClock, rounds: 1_000)
        let store = made.store
        let load = store.loadCases(setAside: false)
        XCTAssertEqual(load.cases.count, 60)
        XCTAssertTrue(load.damaged.isEmpty)
        for record in load.cases {
            let url = store.caseURL(record.id)
            guard let sealer = store.sealer else { return XCTFail("no key") }
            let plain = try sealer.open(try Data(contentsOf: url), binding: store.binding(for: url))
            XCTAssertEqual(record, try PropertyListDecoder().decode(CaseRecord.self, from: plain))
        }
    }
}
