@testable import DeskModel
import Foundation
import XCTest

/// `verify` reads the case files one at a time on every core: on a store damaged in every way it
/// looks at cases, it says exactly what the check that loaded every record at once said (written
/// out again here from `loadCases`), in the same order.
final class StoreCheckStreamTests: XCTestCase {
    /// The case part of the report as it was made before: every record loaded, then checked.
    static func reference(_ store: CaseStore) throws -> [StoreProblem] {
        var problems: [StoreProblem] = []
        let directory = try store.loadDirectory()
        let load = store.loadCases(setAside: false)
        for damaged in load.damaged {
            problems.append(.damagedCase(file: URL(fileURLWithPath: damaged.path).lastPathComponent, reason: damaged.reason))
        }
        var seen = Set<CaseNumber>()
        for record in load.cases.sorted(by: { $0.number < $1.number }) {
            if !seen.insert(record.number).inserted { problems.append(.duplicateNumber(record.number.description)) }
            if directory.station(record.stationID) == nil {
                problems.append(.unknownStation(caseNumber: record.number.description, stationID: record.stationID))
            }
        }
        let chain = try AuditLog(store: store).readChain()
        var recorded: [UUID: Int] = [:]
        for e in chain where e.kind == .caseCreated || e.kind == .caseUpdated {
            guard let id = e.caseID, let word = e.detail.split(separator: " ").dropFirst().first, word.hasPrefix("r"),
                  let revision = Int(word.dropFirst()) else { continue }
            recorded[id] = max(recorded[id] ?? 0, revision)
        }
        for record in load.cases.sorted(by: { $0.number < $1.number }) {
            if let top = recorded[record.id], record.revision < top {
                problems.append(.caseRolledBack(caseNumber: record.number.description, onDisk: record.revision, recorded: top))
            }
        }
        return problems
    }

    func damage(_ store: CaseStore, sealed: Bool) throws -> Int {
        let cases = store.root.appendingPathComponent("cases")
        var records = (1...150).map { makeCase($0, station: $0 % 3 == 0 ? "MHK" : "VJN") }
        // Two cases under one number, twice; two at a station the directory does not have.
        records.append(makeCase(7))
        records.append(makeCase(42, station: "MHK"))
        records.append(makeCase(151, station: "ZZZ"))
        records.append(makeCase(152, station: "QQQ"))
        for n in 43...45 { records[n].events = twoEvents() }
        let log = AuditLog(store: store)
        for r in records {
            try store.save(r)
            try log.append(AuditEntry(at: testNow, user: "asha", kind: .caseCreated, caseID: r.id, detail: r.number.description + " r1"))
        }
        // Put back: the log has saved r3 of two cases whose files say r1.
        for r in [records[10], records[99]] {
            try log.append(AuditEntry(at: testNow, user: "asha", kind: .caseUpdated, caseID: r.id, detail: r.number.description + " r3 · status"))
        }
        // Garbage, cut in half, another record's file under this name, not a case at all.
        try Data("this is not a plist".utf8).write(to: cases.appendingPathComponent(UUID().uuidString + ".plist"))
        let cut = store.caseURL(records[20].id)
        let whole = try Data(contentsOf: cut)
        try whole.prefix(whole.count / 2).write(to: cut)
        // Events' facts of shapes no version wrote: read from the line, as `CaseEvent` reads them
        // (verify does not read facts at all): not damage. An event's time that is not a date: damage.
        try rewrite(store, records[43]) { events in
            events[0]["facts"] = ["nothing known": [String: Any]()]
            events[1]["facts"] = 42
        }
        try rewrite(store, records[44]) { events in events[1]["at"] = "yesterday" }
        try rewrite(store, records[45]) { events in
            events[0]["facts"] = ["session": ["number": 1, "day": ["year": 2026, "month": 8, "day": 12], "mode": "inPerson", "minutes": "45"]]
        }
        if !sealed {
            try Data(contentsOf: store.caseURL(records[30].id)).write(to: cases.appendingPathComponent(UUID().uuidString + ".plist"))
            let encoder = PropertyListEncoder()
            encoder.outputFormat = .binary
            try encoder.encode(["id": UUID().uuidString]).write(to: cases.appendingPathComponent(UUID().uuidString + ".plist"))
            try encoder.encode(CaseNumber(stationCode: "IND-VJN", year: 2026, sequence: 1))
                .write(to: cases.appendingPathComponent(UUID().uuidString + ".plist"))
            // A sealed file in a store that says it is plain.
            try (Sealer.magic + Data(repeating: 7, count: 80)).write(to: cases.appendingPathComponent(UUID().uuidString + ".plist"))
        } else {
            // Moved to another case's name: its seal is bound to where it was.
            try FileManager.default.moveItem(at: store.caseURL(records[30].id), to: cases.appendingPathComponent(UUID().uuidString + ".plist"))
        }
        return records.count
    }

    /// A saved record's file changed as a property list, sealed again when the store is sealed.
    func rewrite(_ store: CaseStore, _ record: CaseRecord, _ change: (inout [[String: Any]]) -> Void) throws {
        let url = store.caseURL(record.id)
        var data = try rewriteEvents(try store.storedBytes(at: url), change)
        if let sealer = store.sealer { data = try sealer.seal(data, binding: store.binding(for: url)) }
        try data.write(to: url)
    }

    func check(sealed: Bool) throws {
        let root = tempFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let store = sealed
            ? try CaseStore.createEncrypted(at: root, directory: testDirectory(), secrets: ["asha": "1111"], clock: testClock, rounds: 1_000).store
            : try CaseStore.create(at: root, directory: testDirectory(), clock: testClock)
        let saved = try damage(store, sealed: sealed)
        let report = StoreCheck.run(store)
        let expected = try Self.reference(store)
        let caseProblems = report.problems.filter {
            switch $0 {
            case .damagedCase, .duplicateNumber, .unknownStation, .caseRolledBack: return true
            default: return false
            }
        }
        XCTAssertEqual(caseProblems, expected)
        XCTAssertEqual(caseProblems.count, report.problems.count, "nothing else is wrong: \(report.problems)")
        XCTAssertEqual(report.casesRead, store.loadCases(setAside: false).cases.count)
        XCTAssertEqual(report.casesRead, saved - (sealed ? 3 : 2))
        func count(_ match: (StoreProblem) -> Bool) -> Int { caseProblems.filter(match).count }
        XCTAssertEqual(count { if case .damagedCase = $0 { return true }; return false }, sealed ? 4 : 7)
        XCTAssertEqual(count { if case .duplicateNumber = $0 { return true }; return false }, 2)
        XCTAssertEqual(count { if case .unknownStation = $0 { return true }; return false }, 2)
        XCTAssertEqual(count { if case .caseRolledBack = $0 { return true }; return false }, 2)
        // Nothing was moved or changed by the check.
        XCTAssertEqual(store.loadCases(setAside: false).damaged.count, sealed ? 4 : 7)
    }

    func testAPlainStoreReportsAsBefore() throws { try check(sealed: false) }

    func testASealedStoreReportsAsBefore() throws { try check(sealed: true) }

    /// A locked store's cases are not read, and that is not damage.
    func testALockedStoreReadsNoCase() throws {
        let root = tempFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let store = try CaseStore.createEncrypted(at: root, directory: testDirectory(), secrets: ["asha": "1111"], clock: testClock, rounds: 1_000).store
        try store.save(makeCase(1))
        let read = StoreCheck.readCases(store.locked())
        XCTAssertTrue(read.cases.isEmpty)
        XCTAssertTrue(read.damaged.isEmpty)
        XCTAssertEqual(StoreCheck.readCases(store).cases.map(\.number), [makeCase(1).number])
    }
}
