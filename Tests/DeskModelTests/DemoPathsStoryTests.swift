@testable import DemoData
@testable import DeskModel
import Foundation
import XCTest

/// The demo's paths (issue 14) tell a possible story: every day of a path falls between her report
/// and the demo's today, in the order the law and practice give them, on the paths her case can
/// have; and the shipped demo (240 cases, seed 2024) shows each path at once.
final class DemoPathsStoryTests: XCTestCase {
    static let today = Day(testNow)

    /// Everything wrong with one case's paths, in words (empty when they hold together).
    static func problems(_ r: CaseRecord, _ dir: Directory) -> [String] {
        var out: [String] = []
        func fail(_ s: String) { out.append("\(r.number) \(r.incident.category.rawValue): \(s)") }
        let reported = Day(r.reportedAt)
        func inRange(_ d: Day?, _ what: String) {
            guard let d else { return }
            if d < reported { fail("\(what) \(d) before her report \(reported)") }
            if d > today { fail("\(what) \(d) after today") }
        }
        let pathKinds: Set<CaseEvent.Kind> = [.safetyPlan, .contact, .closed, .closureRequested, .dv, .dvBreach, .entitlement]
        for e in r.events where pathKinds.contains(e.kind) && e.at > testNow { fail("\(e.kind) in the future") }
        if let p = r.safetyPlan {
            inRange(p.made, "safety plan")
            p.reviewed.forEach { inRange($0, "safety review") }
            if p.reviewed != p.reviewed.sorted() || p.reviewed.first.map({ $0 < p.made }) == true { fail("reviews out of order") }
            if p.helplines.contains(.child1098) != r.isMinor { fail("the child helpline for a woman, or none for a girl") }
        }
        for c in r.contacts {
            inRange(c.day, "contact")
            if c.by != r.deskOfficerID { fail("contact by \(c.by), not her desk officer") }
        }
        if let dv = r.dv {
            if ![.domesticViolence, .dowry].contains(r.incident.category) { fail("DV Act path outside a DV or dowry case") }
            inRange(dv.protectionOfficerReferred, "PO referral"); inRange(dv.application, "s.12 application")
            if let app = dv.application, dv.protectionOfficerReferred.map({ $0 > app }) ?? true { fail("s.12 application before the PO") }
            for o in dv.orders {
                inRange(o.day, "order")
                if dv.application.map({ o.day < $0 }) ?? true { fail("an order before the application") }
            }
            let protection = dv.orders.first { $0.kind == .protection }?.day
            for b in dv.breaches where protection.map({ b < $0 }) ?? true { fail("a breach before any protection order") }
            if !dv.breaches.isEmpty, !dv.breachUnreviewed, r.status != .closed { fail("a breach not raising her risk") }
        }
        let comp = r.entitlements.compensation
        inRange(comp.applied, "compensation applied"); inRange(comp.paid, "compensation paid")
        if let a = comp.applied, r.prosecution.firDay.map({ a < $0 }) ?? true { fail("compensation applied before any FIR") }
        if !r.entitlements.consistent { fail("compensation paid before applied") }
        for c in r.closures {
            inRange(c.day, "closure")
            if r.isMinor, [.movedAway, .reconciledSafely].contains(c.reason) { fail("a child's case closed as \(c.reason)") }
            if c.reason == .reconciledSafely, !r.dvApplies { fail("reconciled outside a DV case") }
            if let sp = c.approvedBy, !dir.users.contains(where: { $0.id == sp && $0.role == .sp && $0.stationIDs.contains(r.stationID) }) {
                fail("closure approved by \(sp), not the SP over \(r.stationID)")
            }
            if r.isMinor, c.approvedBy == nil { fail("a child's case closed without the SP") }
            c.followUpsDone.forEach { inRange($0, "follow-up") }
            for (done, days) in zip(c.followUpsDone, Closure.followUpDays) where done < c.day.adding(days: days) {
                fail("follow-up \(done) before its day")
            }
            let after = [r.safetyPlan?.reviewed.last, r.dv?.orders.map(\.day).max(), comp.paid].compactMap { $0 }
            if after.contains(where: { $0 > c.day }) { fail("a path went on after the closure") }
        }
        if !r.closures.isEmpty, r.status != .closed { fail("a closure on a case not closed") }
        if let t = r.trafficking {
            if r.incident.category != .trafficking { fail("trafficking path outside a trafficking case") }
            inRange(t.ahtuInformed, "AHTU"); inRange(t.rescued, "rescue"); inRange(t.homeInvestigation, "home investigation")
            if !t.consistent { fail("repatriated before the home investigation") }
            if r.isMinor, t.outcome == .repatriated { fail("a child sent home without the CWC's rehabilitation") }
        }
        for t in r.transfers {
            inRange(t.asked, "transfer")
            if r.consent.sharing != .yes { fail("a transfer without her sharing consent") }
            if t.to == r.stationID, t.state == .pending { fail("a transfer to her own station") }
        }
        if let q = r.closureRequest {
            if r.status == .closed { fail("a closure request on a closed case") }
            if !r.closureNeedsApproval { fail("a closure request where none is needed") }
            inRange(q.day, "closure request")
        }
        return out
    }

    func testTheDemoPathsTellAPossibleStory() throws {
        let dir = try DemoStoryTests.seeds()
        var problems: [String] = []
        for seed: UInt64 in [1, 2024, 99] {
            for r in DemoGenerator(seed: seed, count: 1_000, clock: testClock).cases(directory: dir) { problems += Self.problems(r, dir) }
        }
        XCTAssertEqual(problems.count, 0, problems.prefix(20).joined(separator: "\n"))
    }

    /// The store `urja-desk demo` opens (240 cases, seed 2024) has every path, and asha's station
    /// (VJN) and spindore's district see them.
    func testTheShippedDemoShowsEveryPath() throws {
        let dir = try DemoStoryTests.seeds()
        let cases = DemoGenerator(seed: 2024, count: 240, clock: testClock).cases(directory: dir)
        let vjn = cases.filter { $0.stationID == "VJN" }
        func count(_ list: [CaseRecord], _ test: (CaseRecord) -> Bool) -> Int { list.filter(test).count }
        XCTAssertGreaterThan(count(vjn) { $0.status != .closed && !($0.safetyPlan?.reviewed.isEmpty ?? true) }, 0, "plan reviewed")
        XCTAssertGreaterThan(count(vjn) { $0.status != .closed && $0.safetyPlan?.reviewOverdue(today: Self.today) == true }, 0, "review overdue")
        XCTAssertGreaterThan(count(vjn) { !$0.contacts.isEmpty }, 5, "contacts")
        XCTAssertGreaterThan(count(vjn) { $0.contacts.contains { !$0.reached } }, 0, "an unanswered call")
        XCTAssertGreaterThan(count(vjn) { $0.dv?.allDutiesTold == true }, 3, "DV duties")
        XCTAssertGreaterThan(count(vjn) { !($0.dv?.orders.isEmpty ?? true) }, 0, "DV order")
        XCTAssertGreaterThan(count(cases) { !($0.dv?.breaches.isEmpty ?? true) && $0.status != .closed }, 0, "DV breach")
        XCTAssertGreaterThan(count(cases) { $0.entitlements.compensation.applied != nil && $0.entitlements.compensation.paid == nil }, 0, "applied")
        XCTAssertGreaterThan(count(cases) { $0.entitlements.compensation.paid != nil }, 0, "compensation paid")
        XCTAssertGreaterThan(count(vjn) { !($0.closure?.followUpsDone.isEmpty ?? true) }, 0, "closure with follow-ups")
        XCTAssertGreaterThan(count(vjn) { $0.closure?.approvedBy == "spindore" }, 0, "closure approved by the SP")
        XCTAssertGreaterThan(count(cases) { $0.trafficking?.homeInvestigation != nil }, 0, "trafficking path")
        XCTAssertGreaterThan(count(cases) { $0.transfers.last?.state == .pending }, 0, "a transfer waiting for an answer")
        XCTAssertGreaterThan(count(cases) { $0.closureRequest != nil && $0.status != .closed && ["VJN", "BGN", "MHW", "SNW"].contains($0.stationID) }, 0,
                             "a closure waiting for spindore")
    }

    /// The checker itself catches paths out of order.
    func testTheCheckerCatchesImpossiblePaths() throws {
        let dir = try DemoStoryTests.seeds()
        let cases = DemoGenerator(seed: 2024, count: 240, clock: testClock).cases(directory: dir)
        var r = try XCTUnwrap(cases.first { !($0.dv?.orders.isEmpty ?? true) })
        XCTAssertTrue(Self.problems(r, dir).isEmpty)
        r.dv?.orders[0].day = Day(r.reportedAt).adding(days: -1)
        XCTAssertTrue(Self.problems(r, dir).contains { $0.contains("before her report") })
        var c = try XCTUnwrap(cases.first { $0.isMinor && !$0.closures.isEmpty })
        c.closures[0].approvedBy = nil
        XCTAssertTrue(Self.problems(c, dir).contains { $0.contains("without the SP") })
    }

    /// Same seed, same paths.
    func testTheDemoPathsAreTheSameForASeed() throws {
        let dir = try DemoStoryTests.seeds()
        let a = DemoGenerator(seed: 7, count: 120, clock: testClock).cases(directory: dir)
        let b = DemoGenerator(seed: 7, count: 120, clock: testClock).cases(directory: dir)
        XCTAssertEqual(a, b)
        XCTAssertTrue(a.contains { $0.safetyPlan != nil })
    }
}
