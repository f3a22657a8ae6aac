@testable import DeskUI
import DeskModel
import Foundation
import XCTest

/// Replication while the desk runs: a case saved at the SP's office shows in the thana's open
/// queue at the desk's next idle tick (not only at sign-in), and a machine whose letter another
/// machine of the station also numbers with takes no case number, saying why.
final class TakeInWhileRunningTests: XCTestCase {
    func record(_ store: CaseStore, name: String, sequence: Int) throws -> CaseRecord {
        let number = try store.claim(CaseNumber(stationCode: "IND-VJN", year: 2026, sequence: sequence))
        return CaseRecord(number: number, stationID: "VJN", deskOfficerID: "asha", reportedAt: testNow, arrival: .walkIn,
                          identity: Identity(name: name, age: 30, phone: "9876543210"), incident: Incident(category: .domesticViolence),
                          risk: RiskAssessment(), legal: LegalTrack(), needs: ImmediateNeeds(), consent: Consent(services: .yes),
                          createdAt: testNow, updatedAt: testNow)
    }

    /// Syncthing's part, between two stores on one disk: the sender's own files copied over.
    func carry(from a: CaseStore, to b: CaseStore) throws {
        let fm = FileManager.default
        let src = a.stationFolder("VJN"), dst = b.stationFolder("VJN")
        let own = b.loadMachine()?.id ?? "?"
        guard let walker = fm.enumerator(atPath: src.path) else { return }
        for case let rel as String in walker {
            var isDir: ObjCBool = false
            let name = (rel as NSString).lastPathComponent
            guard !name.hasPrefix("."), !name.hasPrefix(own + "."), fm.fileExists(atPath: src.appendingPathComponent(rel).path, isDirectory: &isDir),
                  !isDir.boolValue else { continue }
            let target = dst.appendingPathComponent(rel)
            try fm.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            if fm.fileExists(atPath: target.path) { try fm.removeItem(at: target) }
            try fm.copyItem(at: src.appendingPathComponent(rel), to: target)
        }
    }

    func testACaseSavedElsewhereShowsInTheOpenQueueAtTheNextTick() throws {
        let office = try Harness(cases: 0)
        defer { office.cleanUp() }
        try office.ctx.store.shareStation("VJN", role: .district, numberSuffix: "D")
        let h = try Harness(cases: 0, rows: 24, cols: 100)
        defer { h.cleanUp() }
        try h.ctx.store.shareStation("VJN", role: .thana)
        h.ctx.takeInEvery = 0
        h.login("asha", "1111")
        h.press(.char("2"))  // her station's queue
        XCTAssertFalse(h.screen.contains("K••• D•••"))
        XCTAssertFalse(h.app.tick(), "nothing came: nothing redrawn")
        try office.ctx.store.save(try record(office.ctx.store, name: "Kamla Devi", sequence: 1))
        try carry(from: office.ctx.store, to: h.ctx.store)
        XCTAssertTrue(h.app.tick(), "what came is taken in between keys")
        let screen = h.screen
        XCTAssertTrue(screen.contains("IND-VJN-2026-0001D K••• D•••"), screen)  // the number whole, its machine letter too
        XCTAssertTrue(screen.contains("From the other machines: 1 new, 0 changed cases, 0 directives"), screen)
        XCTAssertFalse(h.app.tick())
        if ProcessInfo.processInfo.environment["URJA_SHOW_SCREEN"] == "1" { print(screen) }
    }

    func testTwoMachinesWithOneLetterNumberNoCaseAndSaySo() throws {
        let other = try Harness(cases: 0)
        defer { other.cleanUp() }
        try other.ctx.store.shareStation("VJN", role: .thana)
        let h = try Harness(cases: 0)
        defer { h.cleanUp() }
        try h.ctx.store.shareStation("VJN", role: .thana)
        try carry(from: other.ctx.store, to: h.ctx.store)
        XCTAssertEqual(h.ctx.store.takeInReplicas().letterClashes.map(\.otherMachine), [other.ctx.store.loadMachine()?.id ?? "?"])
        XCTAssertThrowsError(try h.ctx.claimNumber(stationID: "VJN")) { XCTAssertTrue($0 is LetterClash) }
        XCTAssertTrue(h.ctx.message?.text.contains("Letter — also on machine") == true, "\(String(describing: h.ctx.message))")
        XCTAssertEqual((try? FileManager.default.contentsOfDirectory(atPath: h.root.appendingPathComponent("numbers").path)) ?? [], [],
                       "no number taken")
        // The admin gives this one a letter: numbering goes on, with it.
        try h.ctx.store.shareStation("VJN", numberSuffix: "B")
        XCTAssertEqual(try h.ctx.claimNumber(stationID: "VJN").description, "IND-VJN-2026-0001B")
    }
}
