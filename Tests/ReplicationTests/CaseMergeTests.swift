import DeskModel
import Foundation
import PropertyBased
import XCTest

/// The merge on real cases: what a desk and the SP's office change at the same moment.
final class CaseMergeTests: XCTestCase {
    let t0 = testNow

    func start(_ r: CaseRecord, machine: String = "A") throws -> ReplicaCase {
        var rep = ReplicaCase(caseID: r.id)
        try rep.record(from: nil, to: r, machine: machine, by: "asha", at: t0)
        return rep
    }

    /// An edit made the way the desk makes it: read the case, change it, record the difference.
    func edit(_ rep: inout ReplicaCase, machine: String, by: String, minutes: Double, _ change: (inout CaseRecord) -> Void) throws {
        let before = try rep.record()
        var after = before
        change(&after)
        after.revision += 1
        after.updatedAt = t0.addingTimeInterval(minutes * 60)
        try rep.record(from: before, to: after, machine: machine, by: by, at: after.updatedAt)
    }

    func testACaseReadsBackAsItWasWritten() throws {
        var r = sampleCase()
        r.risk.answers[.weapon] = .yes
        r.sessions = [CounsellingSession(number: 1, day: day(20, 11, 2026), mode: .inPerson, minutes: 40, counsellorID: "kavita",
                                         moodStart: .low, moodEnd: .calm, progress: [.safety: .better, .health: .same],
                                         recordedAt: t0)]
        r.plan = [RehabStep(kind: .shgLinkage, due: day(1, 12, 2026), createdAt: t0, createdBy: "asha"),
                  RehabStep(kind: .legalAid, createdAt: t0.addingTimeInterval(5), createdBy: "asha")]
        r.prosecution.courtDays = [day(3, 12, 2026), day(1, 12, 2026)]
        let flat = try FlatRecord(r)
        XCTAssertEqual(try FlatRecord(try flat.record()), flat)
        XCTAssertEqual(try start(r).record(), r)
    }

    func testDifferentFieldsChangedAtOnceBothStay() throws {
        let base = try start(sampleCase())
        var a = base, d = base
        try edit(&a, machine: "A", by: "asha", minutes: 1) { $0.identity.address = "Ward 4, Vijay Nagar" }
        try edit(&d, machine: "D", by: "spindore", minutes: 1) { $0.status = .counselling }
        let merged = try a.merged(with: d).record()
        XCTAssertEqual(merged.identity.address, "Ward 4, Vijay Nagar")
        XCTAssertEqual(merged.status, .counselling)
        XCTAssertEqual(merged.conflicts, [])
        XCTAssertEqual(merged.revision, 2)
    }

    func testOneFieldChangedOnBothSidesIsAConflictWithBothValuesWhoAndWhen() throws {
        let base = try start(sampleCase())
        var a = base, d = base
        try edit(&a, machine: "A", by: "asha", minutes: 1) { $0.identity.address = "Ward 4" }
        try edit(&d, machine: "D", by: "kavita", minutes: 2) { $0.identity.address = "Ward 9" }
        let merged = try a.merged(with: d).record()
        XCTAssertEqual(merged.conflicts.map(\.path), ["identity.address"])
        let choices = merged.conflicts.first?.choices ?? []
        XCTAssertEqual(choices.map(\.shown), ["Ward 9", "Ward 4"])
        XCTAssertEqual(choices.map(\.by), ["kavita", "asha"])
        XCTAssertEqual(choices.map(\.machine), ["D", "A"])
        XCTAssertEqual(merged.identity.address, "Ward 9", "the newest shows until the desk picks")
        // The desk picks the older one: the conflict goes everywhere once the pick arrives.
        var resolved = a.merged(with: d)
        let shown = try resolved.record()
        var picked = shown
        picked.identity.address = "Ward 4"
        picked.conflicts = []
        try resolved.record(from: shown, to: picked, machine: "A", by: "asha", at: t0.addingTimeInterval(600))
        XCTAssertEqual(try resolved.merged(with: d).record().identity.address, "Ward 4")
        XCTAssertEqual(try resolved.merged(with: d).record().conflicts, [])
        // Picking the value already shown is a resolution too.
        var keep = a.merged(with: d)
        var same = shown
        same.conflicts = []
        try keep.record(from: shown, to: same, machine: "D", by: "kavita", at: t0.addingTimeInterval(600))
        XCTAssertEqual(try keep.merged(with: a).record().conflicts, [])
    }

    func testSessionsStepsAndRemarksAddedOnBothSidesAreAllKept() throws {
        let base = try start(sampleCase())
        var a = base, d = base
        try edit(&a, machine: "A", by: "asha", minutes: 1) {
            $0.plan.append(RehabStep(kind: .shelter, createdAt: self.t0.addingTimeInterval(60), createdBy: "asha"))
            $0.events.append(CaseEvent(at: self.t0.addingTimeInterval(60), by: "asha", kind: .remark, detail: "came back"))
        }
        try edit(&d, machine: "D", by: "kavita", minutes: 1) {
            $0.sessions.append(CounsellingSession(number: 1, day: day(29, 11, 2026), mode: .phone, minutes: 20,
                                                  counsellorID: "kavita", moodStart: .anxious, moodEnd: .calm,
                                                  recordedAt: self.t0.addingTimeInterval(60)))
            $0.events.append(CaseEvent(at: self.t0.addingTimeInterval(60), by: "kavita", kind: .session, detail: "1"))
        }
        let merged = try a.merged(with: d).record()
        XCTAssertEqual(merged.plan.count, 1)
        XCTAssertEqual(merged.sessions.count, 1)
        XCTAssertEqual(merged.events.count, 3)
        XCTAssertEqual(merged.conflicts, [])
        // One step's status at A, its note at D: both, no conflict.
        var a2 = a.merged(with: d), d2 = a2
        try edit(&a2, machine: "A", by: "asha", minutes: 3) { $0.plan[0].status = .underway }
        try edit(&d2, machine: "D", by: "kavita", minutes: 3) { $0.plan[0].note = "called the shelter" }
        let both = try a2.merged(with: d2).record()
        XCTAssertEqual(both.plan.first?.status, .underway)
        XCTAssertEqual(both.plan.first?.note, "called the shelter")
        XCTAssertEqual(both.conflicts, [])
    }

    /// Random edits at two machines with random exchanges: every item and timeline entry added
    /// anywhere is in the merged case, and any field both changed unseen is a conflict.
    func testRandomEditsOnCasesLoseNothing() throws {
        let gen = zip(Gen.int(in: 0...1), Gen.int(in: 0...6), Gen.int(in: 0...3)).array(of: 1...25)
        let runs = ProcessInfo.processInfo.environment["URJA_PROPERTY_RUNS"].flatMap(Int.init) ?? 60
        guard var rng = Xoshiro(seed: "BQAAAAAAAAAGAAAAAAAAAAcAAAAAAAAACAAAAAAAAAA=") else { return XCTFail("seed") }
        let addresses = ["Ward 1", "Ward 2", "Ward 3", "Ward 4"]
        let statuses: [CaseStatus] = [.open, .counselling, .rehabilitation, .legal]
        for _ in 0..<runs {
            let seed = rng.currentSeed
            let base = try start(sampleCase())
            var reps = [base, base]
            var steps = Set<UUID>(), remarks = Set<String>()
            for (i, (who, what, v)) in gen.run(using: &rng).enumerated() {
                let m = who == 0 ? "A" : "D"
                switch what {
                case 0: try edit(&reps[who], machine: m, by: m, minutes: Double(i)) { $0.identity.address = addresses[v] }
                case 1: try edit(&reps[who], machine: m, by: m, minutes: Double(i)) { $0.status = statuses[v] }
                case 2:
                    let step = RehabStep(kind: .scheme, createdAt: t0.addingTimeInterval(Double(i)), createdBy: m)
                    steps.insert(step.id)
                    try edit(&reps[who], machine: m, by: m, minutes: Double(i)) { $0.plan.append(step) }
                case 3:
                    remarks.insert("\(i)")
                    try edit(&reps[who], machine: m, by: m, minutes: Double(i)) {
                        $0.events.append(CaseEvent(at: self.t0.addingTimeInterval(Double(i)), by: m, kind: .remark, detail: "\(i)"))
                    }
                case 4:
                    try edit(&reps[who], machine: m, by: m, minutes: Double(i)) { r in
                        if !r.plan.isEmpty { r.plan[v % r.plan.count].status = .done }
                    }
                default: reps[who] = reps[who].merged(with: reps[1 - who])
                }
            }
            let merged = try reps[0].merged(with: reps[1]).record()
            XCTAssertEqual(Set(merged.plan.map(\.id)), steps, "seed \(seed)")
            XCTAssertTrue(remarks.isSubset(of: Set(merged.events.filter { $0.kind == .remark }.map(\.detail))), "seed \(seed)")
            XCTAssertEqual(try reps[1].merged(with: reps[0]).record(), merged, "seed \(seed)")
            // Each side's own view of the address is either the merged one or in a conflict with it.
            for rep in reps {
                let mine = try rep.record().identity.address
                let conflict = merged.conflicts.first { $0.path == "identity.address" }
                XCTAssertTrue(mine == merged.identity.address || conflict != nil || rep.seen != reps[0].merged(with: reps[1]).seen,
                              "seed \(seed)")
            }
        }
    }
}

final class ConflictPickTests: XCTestCase {
    func testPickingAValueSettlesThatConflictOnlyAndKeepsTheRest() throws {
        var r = sampleCase()
        r.plan = [RehabStep(kind: .shelter, createdAt: testNow.addingTimeInterval(9), createdBy: "asha"),
                  RehabStep(kind: .legalAid, createdAt: testNow, createdBy: "asha")]
        let older = FieldConflict.Choice(value: "\"Ward 4\"", by: "asha", at: testNow, machine: "A")
        let newer = FieldConflict.Choice(value: "\"Ward 9\"", by: "kavita", at: testNow.addingTimeInterval(60), machine: "D")
        r.identity.address = "Ward 9"
        r.conflicts = [FieldConflict(path: "identity.address", choices: [newer, older]),
                       FieldConflict(path: "status", choices: [])]
        let picked = try r.picking(older, for: "identity.address")
        XCTAssertEqual(picked.identity.address, "Ward 4")
        XCTAssertEqual(picked.conflicts.map(\.path), ["status"])
        XCTAssertEqual(picked.plan.map(\.kind), [.shelter, .legalAid], "the plan keeps its order")
        XCTAssertEqual(CaseRecord.fieldName(of: "plan[X].status"), "status")
    }
}
