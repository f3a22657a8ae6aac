import DeskModel
import Foundation
import PropertyBased
import XCTest

/// Issue 14: closures and transfers carry ids and are merged item by item, like sessions: two
/// machines' concurrent closures (or transfers) of one case both survive a merge, and records and
/// replicas written before the ids still read, each old item under the same id every time.
final class PathItemMergeTests: XCTestCase {
    let t0 = testNow

    func start(_ r: CaseRecord) throws -> ReplicaCase {
        var rep = ReplicaCase(caseID: r.id)
        try rep.record(from: nil, to: r, machine: "A", by: "asha", at: t0)
        return rep
    }

    func edit(_ rep: inout ReplicaCase, machine: String, by: String, minutes: Double, _ change: (inout CaseRecord) -> Void) throws {
        let before = try rep.record()
        var after = before
        change(&after)
        after.revision += 1
        after.updatedAt = t0.addingTimeInterval(minutes * 60)
        try rep.record(from: before, to: after, machine: machine, by: by, at: after.updatedAt)
    }

    func closure(_ by: String, _ reason: ClosureReason) -> Closure {
        Closure(day: day(29, 11, 2026), reason: reason, checks: ClosureCheck.allCases, by: by)
    }

    func testTwoConcurrentClosuresAndTransfersBothSurvive() throws {
        let base = try start(sampleCase())
        var a = base, d = base
        let ca = closure("asha", .goalsMet), cd = closure("spindore", .movedAway)
        let ta = Transfer(to: "BGN", asked: day(29, 11, 2026), by: "asha"), td = Transfer(to: "MHW", asked: day(29, 11, 2026), by: "kavita")
        try edit(&a, machine: "A", by: "asha", minutes: 1) { $0.closures.append(ca); $0.transfers.append(ta) }
        try edit(&d, machine: "D", by: "spindore", minutes: 2) { $0.closures.append(cd); $0.transfers.append(td) }
        let merged = try a.merged(with: d).record()
        XCTAssertEqual(merged.closures.map(\.id), [ca.id, cd.id], "both closures, in the order they were made")
        XCTAssertEqual(merged.transfers.map(\.id), [ta.id, td.id])
        XCTAssertEqual(merged.conflicts, [], "two items, not one field changed on both sides")
        XCTAssertEqual(try d.merged(with: a).record(), merged)
        // One closure reopened at A while D logs its follow-up: both changes, no conflict.
        var a2 = a.merged(with: d), d2 = a2
        try edit(&a2, machine: "A", by: "asha", minutes: 3) { $0.closures[0].reopened = day(30, 11, 2026) }
        try edit(&d2, machine: "D", by: "spindore", minutes: 3) { $0.closures[1].followUpsDone = [day(30, 11, 2026)] }
        let both = try a2.merged(with: d2).record()
        XCTAssertEqual(both.closures[0].reopened, day(30, 11, 2026))
        XCTAssertEqual(both.closures[1].followUpsDone, [day(30, 11, 2026)])
        XCTAssertEqual(both.conflicts, [])
    }

    /// Random closures, transfers and answers at two machines, random exchanges: every closure and
    /// transfer made anywhere is in the merged case, whichever way the merge goes.
    func testRandomClosuresAndTransfersLoseNothing() throws {
        let gen = zip(Gen.int(in: 0...1), Gen.int(in: 0...3), Gen.int(in: 0...3)).array(of: 1...20)
        let runs = ProcessInfo.processInfo.environment["URJA_PROPERTY_RUNS"].flatMap(Int.init) ?? 60
        guard var rng = Xoshiro(seed: "CQAAAAAAAAAKAAAAAAAAAAsAAAAAAAAADAAAAAAAAAA=") else { return XCTFail("seed") }
        let reasons = ClosureReason.allCases, stations = ["BGN", "MHW", "SNW", "MHK"]
        for _ in 0..<runs {
            let seed = rng.currentSeed
            var reps = try [start(sampleCase()), start(sampleCase())]
            reps[1] = reps[0]
            var closures = Set<UUID>(), transfers = Set<UUID>()
            for (i, (who, what, v)) in gen.run(using: &rng).enumerated() {
                let m = who == 0 ? "A" : "D"
                switch what {
                case 0:
                    let c = Closure(day: day(1 + i, 11, 2026), reason: reasons[v % reasons.count], checks: [], by: m)
                    closures.insert(c.id)
                    try edit(&reps[who], machine: m, by: m, minutes: Double(i)) { $0.closures.append(c) }
                case 1:
                    let t = Transfer(to: stations[v], asked: day(1 + i, 11, 2026), by: m)
                    transfers.insert(t.id)
                    try edit(&reps[who], machine: m, by: m, minutes: Double(i)) { $0.transfers.append(t) }
                case 2:
                    try edit(&reps[who], machine: m, by: m, minutes: Double(i)) { r in
                        if !r.transfers.isEmpty { r.transfers[v % r.transfers.count].state = v % 2 == 0 ? .accepted : .declined }
                    }
                default: reps[who] = reps[who].merged(with: reps[1 - who])
                }
            }
            let merged = try reps[0].merged(with: reps[1]).record()
            XCTAssertEqual(Set(merged.closures.map(\.id)), closures, "seed \(seed)")
            XCTAssertEqual(Set(merged.transfers.map(\.id)), transfers, "seed \(seed)")
            XCTAssertEqual(try reps[1].merged(with: reps[0]).record(), merged, "seed \(seed)")
        }
    }

    /// A record and a replica from before the ids: the closures and transfers read, each with the
    /// same id at every read; once a desk of this version changes one, the change goes over the old
    /// item, and a closure added since is kept beside the old ones.
    func testOldRecordsAndReplicasStillRead() throws {
        var r = sampleCase()
        r.closures = [closure("asha", .goalsMet)]
        r.transfers = [Transfer(to: "BGN", asked: day(20, 11, 2026), by: "asha")]
        // The record as an older desk wrote it: no ids in its closures and transfers.
        func withoutIDs(_ data: Data) throws -> Data {
            var json = try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: Any])
            for key in ["closures", "transfers"] {
                json[key] = (json[key] as? [[String: Any]])?.map { item -> [String: Any] in
                    var item = item
                    item.removeValue(forKey: "id")
                    return item
                }
            }
            return try JSONSerialization.data(withJSONObject: json)
        }
        let old = try withoutIDs(JSONEncoder().encode(r))
        let read1 = try JSONDecoder().decode(CaseRecord.self, from: old), read2 = try JSONDecoder().decode(CaseRecord.self, from: old)
        XCTAssertEqual(read1.closures.map(\.id), read2.closures.map(\.id), "the same id at every read")
        XCTAssertEqual(read1.transfers.map(\.id), read2.transfers.map(\.id))
        XCTAssertEqual(read1.closures.first?.reason, .goalsMet)
        XCTAssertEqual(read1.transfers.first?.to, "BGN")

        // A replica as an older desk wrote it: each list one field, its items without ids.
        var flat = try FlatRecord(read1)
        flat.fields = flat.fields.filter { !$0.key.hasPrefix("closures[") && !$0.key.hasPrefix("transfers[") }
        let oldJSON = try XCTUnwrap(JSONSerialization.jsonObject(with: withoutIDs(JSONEncoder().encode(r))) as? [String: Any])
        for key in ["closures", "transfers"] {
            flat.fields[key] = String(decoding: try JSONSerialization.data(withJSONObject: oldJSON[key] ?? [], options: [.sortedKeys]), as: UTF8.self)
        }
        var rep = ReplicaCase(caseID: r.id)
        for (path, value) in flat.fields { rep.write(path, value: value, machine: "OLD", by: "asha", at: t0) }
        rep.events = flat.events
        let upgraded = try rep.record()
        XCTAssertEqual(upgraded.closures.map(\.id), read1.closures.map(\.id))
        XCTAssertEqual(upgraded.transfers.map(\.id), read1.transfers.map(\.id))
        // This version answers the old transfer and closes again elsewhere: both land on the old items.
        var a = rep, d = rep
        try edit(&a, machine: "A", by: "meena", minutes: 5) { $0.transfers[0].state = .accepted; $0.closures[0].reopened = day(25, 11, 2026) }
        let second = closure("kavita", .refusedServices)
        try edit(&d, machine: "D", by: "kavita", minutes: 6) { $0.closures.append(second) }
        let merged = try a.merged(with: d).record()
        XCTAssertEqual(merged.transfers.map(\.state), [.accepted])
        XCTAssertEqual(merged.closures.map(\.id), read1.closures.map(\.id) + [second.id], "the old closure first, the new beside it")
        XCTAssertEqual(merged.closures.first?.reopened, day(25, 11, 2026))
        XCTAssertEqual(merged.conflicts, [])
    }
}
