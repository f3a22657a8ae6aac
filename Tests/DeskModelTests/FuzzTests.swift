@testable import DemoData
@testable import DeskModel
import Foundation
import XCTest

/// Random bytes where records, the index and index lines should be: nothing crashes, nothing good
/// is lost, every bad file is set aside and said.
final class FuzzTests: XCTestCase {
    func testRandomBytesAsRecordsAndIndex() throws {
        let root = tempFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let store = try CaseStore.create(at: root, directory: testDirectory(), clock: testClock)
        let good = DemoGenerator(seed: 3, count: 30, clock: testClock).cases(stations: try testDirectory().stations, deskOfficers: [:])
        for r in good { try store.save(r) }
        var rng = SeededRandom(seed: 99)
        let casesDir = root.appendingPathComponent("cases")
        let valid = try Data(contentsOf: store.caseURL(good[0].id))
        var planted = 0
        for i in 0..<300 {
            var bytes: [UInt8]
            switch i % 3 {
            case 0:   // pure noise
                bytes = (0..<Int(rng.next() % 3000)).map { _ in UInt8(rng.next() & 0xFF) }
            case 1:   // a real record with a few bytes flipped
                bytes = [UInt8](valid)
                for _ in 0..<(1 + Int(rng.next() % 8)) {
                    let at = Int(rng.next() % UInt64(bytes.count))
                    bytes[at] ^= UInt8(1 + rng.next() % 255)
                }
            default:  // a real record cut short
                bytes = Array(valid.prefix(Int(rng.next() % UInt64(valid.count))))
            }
            try Data(bytes).write(to: casesDir.appendingPathComponent(UUID().uuidString + ".plist"))
            planted += 1
        }
        let load = store.loadCases(setAside: true)
        // A flipped byte can land in a string and still decode: such a file loads as a case. Every
        // good case is there, and every file either loaded or was set aside.
        XCTAssertTrue(Set(good.map(\.id)).isSubset(of: Set(load.cases.map(\.id))))
        XCTAssertEqual(load.cases.count + load.damaged.count, good.count + planted)
        XCTAssertGreaterThan(load.damaged.count, 200)
        // The index: noise, then mutated lines.
        let index = SummaryIndex(store: store)
        try Data((0..<20_000).map { _ in UInt8(rng.next() & 0xFF) }).write(to: index.url)
        XCTAssertNotNil(index.load())
        var lines = 0
        for r in good {
            var line = Array(SummaryLine.encode(CaseSummary(r)))
            for _ in 0..<5 {
                let at = Int(rng.next() % UInt64(line.count))
                line[at] = ["\t", "|", ";", ",", "x", "9", "-"][Int(rng.next() % 7)]
                _ = SummaryLine.decode(Substring(String(line)))
                lines += 1
            }
            _ = SummaryLine.decode(Substring(String(line.prefix(Int(rng.next() % UInt64(line.count))))))
        }
        print("fuzz: \(planted) random or damaged record files (\(load.damaged.count) set aside, \(good.count) good kept), "
              + "20,000 random index bytes, \(lines) mutated index lines: no crash")
    }
}
