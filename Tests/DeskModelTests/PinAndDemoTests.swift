import DemoData
import DeskModel
import Foundation
import XCTest

final class PinAndDemoTests: XCTestCase {
    func testAPinMatchesOnlyItself() throws {
        let hash = try PinHash.make(pin: "4321", rounds: 1000)
        XCTAssertTrue(hash.matches("4321"))
        XCTAssertTrue(hash.matches("४३२१"), "Hindi digits are the same PIN")
        XCTAssertFalse(hash.matches("4322"))
        XCTAssertFalse(hash.matches(""))
        XCTAssertNotEqual(hash.hash, Data("4321".utf8))
    }

    func testSaltsDiffer() throws {
        let a = try PinHash.make(pin: "1111", rounds: 1000)
        let b = try PinHash.make(pin: "1111", rounds: 1000)
        XCTAssertNotEqual(a.salt, b.salt)
        XCTAssertNotEqual(a.hash, b.hash)
    }

    func testTheDefaultCostIsSlow() {
        XCTAssertGreaterThanOrEqual(PinHash.defaultRounds, 600_000)
    }

    func testDemoIsDeterministic() throws {
        let dir = try testDirectory()
        let a = DemoGenerator(seed: 7, count: 60, clock: testClock).cases(stations: dir.stations, deskOfficers: ["VJN": "asha"])
        let b = DemoGenerator(seed: 7, count: 60, clock: testClock).cases(stations: dir.stations, deskOfficers: ["VJN": "asha"])
        let c = DemoGenerator(seed: 8, count: 60, clock: testClock).cases(stations: dir.stations, deskOfficers: ["VJN": "asha"])
        XCTAssertEqual(a, b)
        XCTAssertNotEqual(a, c)
        XCTAssertEqual(a.count, 60)
    }

    func testDemoCasesAreValidAndNumberedWithoutGaps() throws {
        let dir = try testDirectory()
        let cases = DemoGenerator(seed: 1, count: 200, clock: testClock).cases(stations: dir.stations, deskOfficers: [:])
        XCTAssertEqual(Set(cases.map(\.number)).count, 200)
        let groups = Dictionary(grouping: cases) { "\($0.number.stationCode)-\($0.number.year)" }
        for (_, group) in groups {
            XCTAssertEqual(group.map(\.number.sequence).sorted(), Array(1...group.count))
        }
        for r in cases {
            XCTAssertLessThanOrEqual(r.reportedAt, testNow)
            // A girl's consent: her guardian, or the CWC or a support person when her family is accused.
            if r.isMinor { XCTAssertNotEqual(r.consent.givenBy, .herself) }
        }
    }

    func testDemoStoreVerifiesClean() throws {
        let root = tempFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let store = try DemoStore.create(at: root, directory: testDirectory(), count: 30, seed: 3, clock: testClock)
        let report = StoreCheck.run(store)
        XCTAssertTrue(report.isClean, "\(report.problems)")
        XCTAssertEqual(report.casesRead, 30)
    }
}
