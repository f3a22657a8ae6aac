@testable import DemoData
@testable import DeskModel
import Foundation
import XCTest

/// The demo tells a possible story: over thousands of generated cases on the shipped seeds, each
/// woman's age, marital status, dependents, category, the accused and her sessions agree, and
/// everyone works only where the seeds put her. The rules are written here again, apart from the
/// generator's own tables.
final class DemoStoryTests: XCTestCase {
    static func seeds() throws -> Directory {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("seeds")
        func read(_ name: String) throws -> Data { try Data(contentsOf: folder.appendingPathComponent(name + ".json")) }
        return try SeedFormat.directory(stations: read("stations"), partners: read("partners"), users: read("users"))
    }

    /// Everything wrong with one case's story, in words (empty when it holds together).
    static func problems(_ r: CaseRecord, _ dir: Directory) -> [String] {
        var out: [String] = []
        let age = r.identity.age ?? -1
        let marital = r.identity.maritalStatus
        let dependents = r.identity.dependents ?? 0
        let category = r.incident.category
        let relation = r.incident.relation
        func fail(_ s: String) { out.append("\(r.number) \(category.rawValue) age \(age) \(marital?.rawValue ?? "-") dep \(dependents) \(relation?.rawValue ?? "-"): \(s)") }
        // Age and what she is.
        if !(14...62).contains(age) { fail("age out of range") }
        if category == .childMarriage {
            if age >= 18 { fail("child marriage of an adult") }
            if dependents != 0 { fail("a child bride with dependents") }
            if ![.married, .single].contains(marital) { fail("a child bride divorced or widowed") }
        } else if age < 18 {
            if marital != .single { fail("a girl married outside a child-marriage case") }
            if dependents != 0 { fail("a girl with dependents") }
        }
        if [.domesticViolence, .dowry].contains(category) && age < 18 { fail("domestic violence or dowry for a girl") }
        if [.divorced, .widowed].contains(marital), age < 20 { fail("divorced or widowed under 20") }
        if marital == .single, dependents != 0 { fail("single with dependents") }
        if dependents > 0, dependents > (age - 18) / 4 { fail("too many dependents for her age") }
        if r.identity.occupation == "छात्रा", age >= 25 { fail("a student of 25 or more") }
        // The accused.
        switch category {
        case .domesticViolence, .dowry:
            if ![.husband, .inLaws].contains(relation) { fail("domestic violence or dowry by someone outside the marriage") }
            if marital == .single { fail("domestic violence or dowry of a single woman") }
            if marital == .widowed, relation == .husband { fail("a widow's husband accused") }
        case .childMarriage:
            if marital == .married, ![.husband, .inLaws, .parent].contains(relation) { fail("a child marriage's accused is not family") }
            if marital == .single, ![.parent, .relative].contains(relation) { fail("a stopped marriage not arranged by family") }
        default:
            if relation == .husband, marital != .married { fail("a husband accused, not married") }
            if relation == .inLaws, marital == .single { fail("in-laws accused, single") }
        }
        if category == .cyber, r.incident.place != .online { fail("cyber crime offline") }
        // A girl's consent: never her own; not her family's when her family is accused.
        if age < 18 {
            if r.consent.givenBy == .herself { fail("a girl consented for herself") }
            if [.parent, .relative].contains(relation), r.consent.givenBy == .guardian { fail("guardian consent, family accused") }
        } else if r.consent.givenBy != .herself { fail("a woman's consent given by someone else") }
        // The sessions agree with the accused and her family.
        for s in r.sessions {
            if s.problem.contains("पति"), relation != .husband { fail("session: beaten by a husband who is not the accused (\(s.problem))") }
            if s.problem.contains("दहेज"), category != .dowry { fail("session: dowry outside a dowry case") }
            if s.problem.contains("बच्चों"), dependents == 0 { fail("session: children she does not have") }
            if s.problem.contains("ससुराल"), marital == .single { fail("session: in-laws of a single woman") }
        }
        // Stations: a counsellor logs sessions, scores and steps only at her own stations; the
        // intake is the station's own desk officer's.
        let station = r.stationID
        func worksHere(_ id: String, _ role: Role) -> Bool {
            dir.users.contains { $0.id == id && $0.role == role && $0.stationIDs.contains(station) }
        }
        for s in r.sessions where !worksHere(s.counsellorID, .counsellor) { fail("session by \(s.counsellorID), not a counsellor of \(station)") }
        for s in r.screenings where !worksHere(s.by, .counsellor) { fail("score by \(s.by), not a counsellor of \(station)") }
        for s in r.plan where !worksHere(s.createdBy, .counsellor) { fail("plan step by \(s.createdBy), not a counsellor of \(station)") }
        if !worksHere(r.deskOfficerID, .deskOfficer), dir.users.contains(where: { $0.role == .deskOfficer && $0.stationIDs.contains(station) }) {
            fail("intake by \(r.deskOfficerID), not the desk officer of \(station)")
        }
        if age < 18 { if r.plan.contains(where: { [.shgLinkage, .livelihood, .skillTraining].contains($0.kind) }) { fail("a girl sent to an SHG or a job") } }
        for s in r.plan where s.referral != .notReferred && r.consent.sharing != .yes && s.sharingException == nil {
            fail("a referral without consent to sharing or an exception")
        }
        if [.counselling, .rehabilitation].contains(r.status), !dir.users.contains(where: { $0.role == .counsellor && $0.stationIDs.contains(station) }) {
            fail("in counselling at a station with no counsellor")
        }
        if r.status == .legal, ![.fir, .eFIR, .zeroFIR].contains(r.legal.kind) { fail("at the legal stage with no FIR") }
        return out
    }

    func testThreeThousandDemoCasesTellAPossibleStory() throws {
        let dir = try Self.seeds()
        var problems: [String] = []
        var seen = Set<IncidentCategory>(), minors = 0, married = 0, withSessions = 0, childBrides = 0
        for seed: UInt64 in [1, 2024, 99] {
            let cases = DemoGenerator(seed: seed, count: 1_000, clock: testClock).cases(directory: dir)
            XCTAssertEqual(cases.count, 1_000)
            for r in cases {
                problems += Self.problems(r, dir)
                seen.insert(r.incident.category)
                if r.isMinor { minors += 1 }
                if r.identity.maritalStatus == .married { married += 1 }
                if r.incident.category == .childMarriage, r.identity.maritalStatus == .married { childBrides += 1 }
                if !r.sessions.isEmpty { withSessions += 1 }
            }
        }
        XCTAssertEqual(problems.count, 0, problems.prefix(20).joined(separator: "\n"))
        // And it still tells every kind of story.
        XCTAssertEqual(seen, Set(IncidentCategory.allCases))
        XCTAssertGreaterThan(minors, 150)
        XCTAssertGreaterThan(married, 900)
        XCTAssertGreaterThan(childBrides, 50)
        XCTAssertGreaterThan(withSessions, 1_500, "every station has a counsellor in the seeds, so most cases are counselled")
    }

    /// The checker itself catches the stories of the issue.
    func testTheCheckerCatchesAnImpossibleStory() throws {
        let dir = try Self.seeds()
        var r = try XCTUnwrap(DemoGenerator(seed: 1, count: 50, clock: testClock).cases(directory: dir).first { !$0.sessions.isEmpty })
        r.identity.age = 60
        r.incident.category = .childMarriage
        XCTAssertFalse(Self.problems(r, dir).isEmpty)
        r.identity.age = 14; r.identity.maritalStatus = .married; r.identity.dependents = 3; r.incident.category = .other
        XCTAssertFalse(Self.problems(r, dir).isEmpty)
        r = try XCTUnwrap(DemoGenerator(seed: 1, count: 50, clock: testClock).cases(directory: dir).first { !$0.sessions.isEmpty })
        r.sessions[0].counsellorID = "kavita"
        r.stationID = "MHK"
        XCTAssertTrue(Self.problems(r, dir).contains { $0.contains("not a counsellor of MHK") })
    }

    /// Each SP oversees the stations of her own district, and each counsellor works in one district.
    func testEveryoneWorksWithinOneDistrict() throws {
        let dir = try Self.seeds()
        let district = Dictionary(uniqueKeysWithValues: dir.stations.map { ($0.id, $0.district) })
        for user in dir.users where user.role != .admin {
            XCTAssertFalse(user.stationIDs.isEmpty, user.id)
            XCTAssertEqual(Set(user.stationIDs.map { district[$0] ?? "?" }).count, 1, "\(user.id): \(user.stationIDs)")
        }
        for station in dir.stations {
            XCTAssertTrue(dir.users.contains { $0.role == .sp && $0.stationIDs.contains(station.id) }, "no SP over \(station.id)")
            XCTAssertTrue(dir.users.contains { $0.role == .counsellor && $0.stationIDs.contains(station.id) }, "no counsellor at \(station.id)")
        }
        XCTAssertEqual(dir.users.first { $0.id == "spindore" }.map { Set($0.stationIDs.map { district[$0] ?? "" }) }, ["Indore"])
    }
}
