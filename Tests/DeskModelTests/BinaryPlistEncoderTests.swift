@testable import DemoData
@testable import DeskModel
import Foundation
import XCTest

/// The fast binary-plist writer writes what Foundation's decoder and the fast reader both read back
/// as the value written, on the demo's records (every kind of event) and on values made to be
/// awkward; what it might write otherwise than Foundation it refuses, and Foundation writes it.
final class BinaryPlistEncoderTests: XCTestCase {
    func foundationBytes<T: Encodable>(_ value: T) throws -> Data {
        let encoder = PropertyListEncoder()
        encoder.outputFormat = .binary
        return try encoder.encode(value)
    }

    /// Written by the fast path alone (no fallback); read back by Foundation and by the fast
    /// reader as the value itself, and as Foundation's own bytes read.
    func assertRoundTrip<T: Codable & Equatable>(_ value: T, fastReader: Bool = true, file: StaticString = #filePath, line: UInt = #line) throws {
        guard let ours = BinaryPlistEncoder.fastEncode(value) else {
            return XCTFail("the fast writer refused \(T.self)", file: file, line: line)
        }
        let byFoundation = try PropertyListDecoder().decode(T.self, from: ours)
        XCTAssertEqual(byFoundation, value, "Foundation's decoder", file: file, line: line)
        XCTAssertEqual(byFoundation, try PropertyListDecoder().decode(T.self, from: try foundationBytes(value)), file: file, line: line)
        if fastReader {
            guard let fast = BinaryPlistDecoder.fastDecode(T.self, from: ours) else {
                return XCTFail("the fast reader refused what the fast writer wrote", file: file, line: line)
            }
            XCTAssertEqual(fast, value, "the fast reader", file: file, line: line)
        }
        XCTAssertEqual(try BinaryPlistDecoder.decode(T.self, from: ours), value, file: file, line: line)
    }

    func testDemoRecordsWithEveryKindOfEventRoundTrip() throws {
        let directory = try DemoStoryTests.seeds()
        var cases = DemoGenerator(seed: 12, count: 400, clock: testClock).cases(directory: directory)
        // One record more, holding an event of every kind with every kind of facts seen in the demo.
        var kinds = Set<CaseEvent.Kind>(), facts: [String: CaseEvent.Facts] = [:]
        for event in cases.flatMap(\.events) {
            kinds.insert(event.kind)
            facts[Self.label(event.facts)] = event.facts
        }
        guard var all = cases.first else { return XCTFail("no demo cases") }
        all.events = CaseEvent.Kind.allCases.enumerated().map { i, kind in
            CaseEvent(at: Date(timeIntervalSinceReferenceDate: 800_000_000 + Double(i) * 3_600.5), by: "asha", kind: kind,
                      facts: kind == .remark ? .text("टिप्पणी: बहन के घर \u{1F3E0}, \"$null\" नहीं") : .none)
        } + facts.keys.sorted().compactMap { facts[$0] }.map { CaseEvent(at: all.reportedAt, by: "meena", kind: .edited, facts: $0) }
        cases.append(all)
        XCTAssertGreaterThanOrEqual(facts.count, 8, "the demo's events have facts of many kinds: \(facts.keys.sorted())")
        var withHistory = 0
        for record in cases {
            try assertRoundTrip(record)
            if record.events.count > 3, !record.sessions.isEmpty { withHistory += 1 }
        }
        XCTAssertGreaterThan(withHistory, 20)
        XCTAssertEqual(Set(cases.flatMap(\.events).map(\.kind)), Set(CaseEvent.Kind.allCases))
    }

    /// The case's name in an enum's value (`session`, `path` …).
    static func label(_ facts: CaseEvent.Facts) -> String {
        Mirror(reflecting: facts).children.first?.label ?? "\(facts)"
    }

    struct Awkward: Codable, Equatable {
        var text: String
        var hindi: String
        var emoji: String
        var empty: String
        var long: String
        var longASCII: String
        var nested: [[[Int]]]
        var dates: [Date]
        var data: Data
        var bigData: Data
        var bools: [Bool]
        var ints: [Int]
        var small: [Int8]
        var middle: [Int16]
        var wide: [Int32]
        var wider: [Int64]
        var unsigned: [UInt32]
        var bytes: [UInt8]
        var shorts: [UInt16]
        var doubles: [Double]
        var optional: String?
        var missing: Int?
        var dictionary: [String: [String]]
        var numbered: [Int: String]
        var uuid: UUID
        var uuids: [UUID: Date]
        var mixed: [Choice]
        var manyKeys: [String: Int]
        var emptyThings: Empties
    }

    struct Empties: Codable, Equatable {
        var array: [Int] = []
        var dictionary: [String: Int] = [:]
        var data = Data()
        var text = ""
    }

    enum Choice: Codable, Equatable {
        case plain
        case text(String)
        case pair(a: Int, b: Date)
        case maybe(Int?)
    }

    func awkward(_ n: Int) -> Awkward {
        Awkward(
            text: "ascii \(n)", hindi: "सुनीता वर्मा \(n) ने शिकायत की", emoji: "👩🏽‍⚖️ ok \u{1F600}", empty: "",
            long: String(repeating: "क्षि ज़ f\u{0301} ", count: 40 + n), longASCII: String(repeating: "abcdefghij", count: 30 + n),
            nested: [[[1, 2], []], [[n, -n, Int.max, Int.min]]],
            dates: [Date(timeIntervalSinceReferenceDate: 0), Date(timeIntervalSince1970: 1_795_928_400.25),
                    Date(timeIntervalSinceReferenceDate: -1e9), Date.distantFuture, Date.distantPast],
            data: Data([0, 1, 2, 255]), bigData: Data((0..<(300 + n)).map { UInt8($0 % 256) }),
            bools: [true, false, n % 2 == 0],
            ints: [0, 1, 14, 15, 255, 256, 65_535, 65_536, 4_294_967_295, 4_294_967_296, -1, -255, -65_536, 1 << 40, Int.max, Int.min],
            small: [Int8.min, -1, 0, Int8.max], middle: [Int16.min, -1, 0, 255, 256, Int16.max],
            wide: [Int32.min, -1, 0, Int32.max], wider: [Int64.min, -1, 0, 1 << 33, Int64.max],
            unsigned: [0, 255, 256, 65_536, UInt32.max], bytes: [0, 127, 128, 255], shorts: [0, 255, 256, UInt16.max],
            doubles: [0, -0.5, 1e300, -1e-300, .pi, Double(n), .infinity, -.infinity, Double.leastNonzeroMagnitude],
            optional: n % 2 == 0 ? "present" : nil, missing: nil,
            dictionary: ["a": ["x"], "हिन्दी": ["य", "र"], "": [], "a key longer than fifteen letters": ["z"]],
            numbered: [1: "one", -5: "minus five", 300: "अ"],
            uuid: UUID(), uuids: [UUID(): Date(timeIntervalSinceReferenceDate: Double(n))],
            mixed: [.plain, .text("पाठ"), .pair(a: n, b: Date(timeIntervalSinceReferenceDate: 86_400)), .maybe(nil), .maybe(n)],
            manyKeys: Dictionary(uniqueKeysWithValues: (0..<40).map { ("key\($0)", $0 * n) }),
            emptyThings: Empties())
    }

    func testEveryKindOfObjectRoundTrips() throws {
        for n in 0..<20 { try assertRoundTrip(awkward(n)) }
        try assertRoundTrip([String]())
        try assertRoundTrip(["only"])
        // A lone value at the top is no property list to Foundation's encoder: refused, and
        // `encode` throws Foundation's error.
        XCTAssertNil(BinaryPlistEncoder.fastEncode("a lone string"))
        XCTAssertNil(BinaryPlistEncoder.fastEncode(42))
        XCTAssertThrowsError(try BinaryPlistEncoder.encode(Date()))
        try assertRoundTrip(["a": 42])
        try assertRoundTrip([Date(timeIntervalSince1970: 12.5)])
        // A UUID is written from its bytes as the text Foundation writes (its uuidString).
        let uuid = UUID()
        XCTAssertEqual(try PropertyListDecoder().decode([String].self, from: try XCTUnwrap(BinaryPlistEncoder.fastEncode([uuid]))), [uuid.uuidString])
        // More than 255 objects (two-byte references), more than 65,535 (four-byte ones), and
        // a file longer than 65,535 bytes (four-byte offsets).
        try assertRoundTrip((0..<300).map { "\($0) वां" })
        try assertRoundTrip((0..<70_000).map { $0 * 3 })
        try assertRoundTrip([Data(repeating: 7, count: 70_000), Data([1])])
        // The same text many times is written once, and read back everywhere it was.
        let repeated = Array(repeating: "repeated", count: 300)
        try assertRoundTrip(repeated)
        let ours = try XCTUnwrap(BinaryPlistEncoder.fastEncode(repeated))
        XCTAssertLessThan(ours.count, 300 * 3 + 100, "each string written once")
    }

    /// nil inside an array and a text that says "$null" are both written as "$null", as
    /// Foundation writes them: each reads back as Foundation reads its own file.
    func testNullIsWrittenAsFoundationWritesIt() throws {
        let withNil: [String?] = ["a", nil, "$null", "b"]
        let ours = try XCTUnwrap(BinaryPlistEncoder.fastEncode(withNil))
        XCTAssertEqual(try PropertyListDecoder().decode([String?].self, from: ours),
                       try PropertyListDecoder().decode([String?].self, from: try foundationBytes(withNil)))
        XCTAssertEqual(try BinaryPlistDecoder.decode([String?].self, from: ours), [String?](["a", nil, nil, "b"]))
        struct Note: Codable, Equatable { var text: String; var more: String? }
        // A text that says "$null" is nil to Foundation's decoder, from its own file as from ours.
        let note = Note(text: "$null", more: nil)
        let noteBytes = try XCTUnwrap(BinaryPlistEncoder.fastEncode(note))
        XCTAssertThrowsError(try PropertyListDecoder().decode(Note.self, from: try foundationBytes(note)))
        XCTAssertThrowsError(try PropertyListDecoder().decode(Note.self, from: noteBytes))
        let said = Note(text: "said", more: "$null")
        XCTAssertEqual(try PropertyListDecoder().decode(Note.self, from: try XCTUnwrap(BinaryPlistEncoder.fastEncode(said))),
                       try PropertyListDecoder().decode(Note.self, from: try foundationBytes(said)))
    }

    struct Twice: Encodable {
        enum CodingKeys: String, CodingKey { case a }
        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(1, forKey: .a)
            try c.encode(2, forKey: .a)
        }
    }

    struct Nothing: Encodable {
        func encode(to encoder: Encoder) throws {}
    }

    struct Holder<T: Encodable>: Encodable { var inside: T }

    class Base: Encodable {
        var a = 1
    }

    final class Derived: Base {
        var b = 2
        enum CodingKeys: String, CodingKey { case b }
        override func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(b, forKey: .b)
            try super.encode(to: c.superEncoder())
        }
    }

    struct Odd: Codable, Equatable {
        var float: Float
        var big: UInt64
        var unsigned: UInt
        var url: URL
    }

    /// What Foundation writes in forms of its own, or might write otherwise, is refused by the fast
    /// path; `encode` then gives Foundation's bytes, which read back as before.
    func testWhatItMightWriteOtherwiseIsLeftToFoundation() throws {
        XCTAssertNil(BinaryPlistEncoder.fastEncode(Twice()))
        XCTAssertNil(BinaryPlistEncoder.fastEncode(Holder(inside: Nothing())))
        XCTAssertNil(BinaryPlistEncoder.fastEncode(Derived()))
        XCTAssertNil(BinaryPlistEncoder.fastEncode([Float(1.5)]))
        XCTAssertNil(BinaryPlistEncoder.fastEncode([UInt64(3)]))
        XCTAssertNil(BinaryPlistEncoder.fastEncode([UInt(3)]))
        XCTAssertNil(BinaryPlistEncoder.fastEncode(URL(fileURLWithPath: "/tmp/x")))
        let odd = Odd(float: 1.25, big: .max, unsigned: 7, url: URL(fileURLWithPath: "/tmp/x"))
        XCTAssertNil(BinaryPlistEncoder.fastEncode(odd))
        XCTAssertEqual(try BinaryPlistEncoder.encode(odd), try foundationBytes(odd))
        XCTAssertEqual(try PropertyListDecoder().decode(Odd.self, from: try BinaryPlistEncoder.encode(odd)), odd)
        XCTAssertEqual(try BinaryPlistEncoder.encode(Derived()), try foundationBytes(Derived()))
        // A type's own error is thrown as Foundation throws it.
        struct Fails: Encodable {
            func encode(to encoder: Encoder) throws {
                throw EncodingError.invalidValue(1, .init(codingPath: [], debugDescription: "no"))
            }
        }
        XCTAssertThrowsError(try BinaryPlistEncoder.encode([Fails()])) { error in
            guard case EncodingError.invalidValue = error else { return XCTFail("\(error)") }
        }
    }

    /// A save through a sealed store writes a file that Foundation reads (once opened with the
    /// store's key, bound to the file's place) as the record saved, and returns the stamp the
    /// file has on disk.
    func testASavedCaseIsReadByFoundationAndStampedAsOnDisk() throws {
        let root = tempFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let directory = try DemoStoryTests.seeds()
        let made = try DemoStore.createEncrypted(at: root, directory: directory, count: 12, seed: 8, clock: testClock, rounds: 1_000)
        let store = made.store
        guard let sealer = store.sealer else { return XCTFail("no key") }
        for var record in store.loadCases(setAside: false).cases.prefix(6) {
            record.events.append(CaseEvent(at: testClock.now(), by: "asha", kind: .remark, facts: .text("फ़ोन पर बात हुई \(record.revision)")))
            record.revision += 1
            let stamp = try store.save(record, base: record.revision - 1)
            let url = store.caseURL(record.id)
            XCTAssertEqual(stamp, ListIndex.Stamp(path: url.path), "the stamp returned is the file's")
            let plain = try sealer.open(try Data(contentsOf: url), binding: store.binding(for: url))
            XCTAssertEqual(try PropertyListDecoder().decode(CaseRecord.self, from: plain), record)
            XCTAssertEqual(store.reload(record.id), record)
        }
    }

    /// The binding a case file is sealed under, made without URLs, is the one `binding(for:)`
    /// gives, for roots written in any way.
    func testCaseBindingIsTheFilesBinding() throws {
        let id = UUID()
        for path in ["/tmp/urja-a", "/tmp/urja-a/", "/tmp/./urja-a", "/tmp/b/../urja-a", "/tmp//urja-a", "/", "relative/store"] {
            let store = CaseStore(root: URL(fileURLWithPath: path, isDirectory: true), meta: StoreMeta(createdAt: testClock.now(), encrypted: true, demo: true))
            XCTAssertEqual(store.caseBinding(id), store.binding(for: store.caseURL(id)), path)
        }
    }
}
