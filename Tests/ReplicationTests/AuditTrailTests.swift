import Crypto
import DeskModel
import Foundation
import XCTest

/// The audit log under replication: each machine appends to its own log in the station's folder
/// (its own chain and sealed head), and every machine reads them all as one, by time.
final class AuditTrailTests: XCTestCase {
    func testALineWrittenAtTheThanaIsInTheDistrictsTrailAndEachChainIsCheckedOnItsOwn() throws {
        let s = try makeStores(["A": (.thana, ["VJN"], ""), "D": (.district, ["VJN", "MHW"], "D")])
        guard let a = s["A"], let d = s["D"], let idA = a.loadMachine()?.id, let idD = d.loadMachine()?.id else { return XCTFail() }
        let r = sampleCase()
        try a.save(r)
        try AuditLog(store: a).append(AuditEntry(at: testNow, user: "asha", kind: .login, detail: "desk"))
        try AuditLog(store: a).append(AuditEntry(at: testNow.addingTimeInterval(10), user: "asha", kind: .caseCreated, caseID: r.id,
                                                 detail: "\(r.number) r1", note: "walked in"))
        try carry("VJN", from: a, to: d)
        d.takeInReplicas()
        // At the district: its own sign-in stays its own; its directive on A's case goes to VJN's folder.
        try AuditLog(store: d).append(AuditEntry(at: testNow.addingTimeInterval(5), user: "spindore", kind: .login))
        try AuditLog(store: d).append(AuditEntry(at: testNow.addingTimeInterval(20), user: "spindore", kind: .directiveGiven,
                                                 caseID: r.id, detail: "due 01-12-2026", note: "visit her"))
        let atD = AuditTrail.read(d)
        XCTAssertEqual(atD.lines.map(\.entry.kind), [.login, .login, .caseCreated, .directiveGiven], "merged by time")
        XCTAssertEqual(atD.lines.map(\.machine), [idA, idD, idA, idD])
        XCTAssertEqual(atD.lines.first { $0.entry.kind == .caseCreated }.flatMap { $0.log.openNote($0.entry) }, "walked in")
        XCTAssertTrue(atD.intact)
        XCTAssertEqual(Set(atD.chains.map(\.machine)), [idA, idD])
        // At the thana: the district's line about her case comes back; the district's sign-in does not.
        try carry("VJN", from: d, to: a)
        let atA = AuditTrail.read(a)
        XCTAssertEqual(atA.lines.map(\.entry.kind), [.login, .caseCreated, .directiveGiven])
        XCTAssertEqual(atA.lines.last.flatMap { $0.log.openNote($0.entry) }, "visit her")
        XCTAssertEqual(StoreCheck.run(a).problems, [])
        // A line of A's log altered at the district: found, and named with A's machine.
        let log = d.stationFolder("VJN").appendingPathComponent("audit/\(idA).log")
        var text = try String(contentsOf: log, encoding: .utf8)
        text = text.replacingOccurrences(of: "\"user\":\"asha\"", with: "\"user\":\"someone\"")
        try Data(text.utf8).write(to: log)
        XCTAssertFalse(AuditTrail.read(d).intact)
        XCTAssertEqual(StoreCheck.run(d).problems, [.machineAuditBroken(machine: idA, station: "VJN", line: 2)])
    }

    func testAHalfReceivedLogAndAConflictCopyOfALogAreNotRead() throws {
        let s = try makeStores(["A": (.thana, ["VJN"], ""), "D": (.district, ["VJN"], "D")])
        guard let a = s["A"], let d = s["D"] else { return XCTFail() }
        try AuditLog(store: a).append(AuditEntry(at: testNow, user: "asha", kind: .login))
        try carry("VJN", from: a, to: d)
        let folder = d.stationFolder("VJN").appendingPathComponent("audit")
        // Syncthing's temporary names while a file comes in, and a conflict copy, are left alone.
        for name in [".syncthing.X.log.tmp", "~syncthing~X.log.tmp", "X.sync-conflict-20261129-101500-ABCDEFG.log"] {
            try Data("{not a line\n".utf8).write(to: folder.appendingPathComponent(name))
        }
        let trail = AuditTrail.read(d)
        XCTAssertEqual(trail.lines.count, 1)
        XCTAssertTrue(trail.intact)
    }
}

extension StationKeyTests {
    /// With keys: the thana's log reaches the district under the station's key; a cut at its end,
    /// or a fresh chain put in its place, is found through its sealed head.
    func testTheThanasSealedLogIsReadAtTheDistrictAndACutOrReplacementIsFound() throws {
        let base = tempFolder()
        let d = try district(base)
        let admin = try signIn(d.root, "admin")
        _ = try admin.makeStationStore("VJN", at: base.appendingPathComponent("A"), now: testNow, rounds: 1000)
        let a = try signIn(base.appendingPathComponent("A"), "asha")
        guard let idA = a.loadMachine()?.id else { return XCTFail() }
        let r = sampleCase(5)
        try a.save(r)
        for i in 0..<3 {
            try AuditLog(store: a).append(AuditEntry(at: testNow.addingTimeInterval(Double(100 + i)), user: "asha", kind: .revealIdentity,
                                                     caseID: r.id, note: AuditLog(store: a).sealNote("reason \(i)")))
        }
        let log = a.stationFolder("VJN").appendingPathComponent("audit/\(idA).log")
        XCTAssertFalse(try String(contentsOf: log, encoding: .utf8).contains("reason"), "notes sealed")
        try carry("VJN", from: a, to: admin)
        admin.takeInReplicas()
        let trail = AuditTrail.read(admin)
        XCTAssertTrue(trail.intact, "\(trail.chains)")
        let fromA = trail.lines.filter { $0.machine == idA }
        XCTAssertEqual(fromA.compactMap { $0.log.openNote($0.entry) }, ["reason 0", "reason 1", "reason 2"])
        XCTAssertEqual(StoreCheck.run(admin).problems, [])
        // The last line cut off A's log at the district.
        let there = admin.stationFolder("VJN").appendingPathComponent("audit/\(idA).log")
        let whole = try Data(contentsOf: there)
        let lines = whole.split(separator: 0x0A)
        try (Data(lines.dropLast().joined(separator: [0x0A])) + Data([0x0A])).write(to: there)
        XCTAssertEqual(StoreCheck.run(admin).problems, [.machineAuditCut(machine: idA, station: "VJN", vouched: 4)])
        // A fresh chain of one made-up line in its place (no key to seal a head for it).
        let fake = AuditEntry(at: testNow, user: "asha", kind: .login)
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.sortedKeys]
        try (encoder.encode(fake) + Data([0x0A])).write(to: there)
        XCTAssertEqual(StoreCheck.run(admin).problems, [.machineAuditCut(machine: idA, station: "VJN", vouched: 4)])
        try whole.write(to: there)
        XCTAssertEqual(StoreCheck.run(admin).problems, [])
    }
}
