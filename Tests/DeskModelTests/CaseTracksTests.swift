@testable import DeskModel
import Foundation
import XCTest

/// Issue 14, parallel tracks: a case can be in counselling, rehabilitation and a legal track at
/// once; the status is the stage set by hand, and the review index carries what the tracks need.
final class CaseTracksTests: XCTestCase {
    func session(_ n: Int, next: Day?) -> CounsellingSession {
        CounsellingSession(number: n, day: day(20, 11, 2026), mode: .inPerson, minutes: 45, counsellorID: "kavita", present: "",
                           problem: "", moodStart: .low, moodEnd: .calm, whatWasDone: "", agreements: "", progress: [:],
                           nextDay: next, recordedAt: testNow)
    }

    func testThreeTracksAtOnceWhileTheStatusStays() throws {
        var r = makeCase(1)
        XCTAssertEqual(r.tracks, [])
        try r.addSession(session(1, next: day(4, 12, 2026)))
        try r.putStep(RehabStep(kind: .shgLinkage, status: .underway, createdAt: testNow, createdBy: "kavita"), by: "kavita", at: testNow)
        r.setProsecution(Prosecution(firDay: day(21, 11, 2026), offences: [.bns85]), by: "asha", at: testNow)
        XCTAssertEqual(r.tracks, [.counselling, .rehabilitation, .legal])
        XCTAssertEqual(r.status, .open, "the stage is set by the desk, not by what was recorded")
        r.setStatus(.rehabilitation, by: "asha", at: testNow)
        XCTAssertEqual(r.tracks, [.counselling, .rehabilitation, .legal], "the tracks do not follow the status")

        // The index line keeps what the tracks need: the summary read back gives the same tracks.
        let summary = CaseSummary(r)
        XCTAssertEqual(summary.tracks, r.tracks)
        let line = try XCTUnwrap(PathFacts(encoded: Array(PathFacts(r).encoded.utf8)[...]))
        XCTAssertEqual(line, summary.paths)
    }

    func testEachTrackEnds() throws {
        var r = makeCase(2)
        try r.addSession(session(1, next: nil))
        XCTAssertEqual(r.tracks, [], "sessions held, none set next: off the counselling track")
        try r.putStep(RehabStep(kind: .counselling, status: .planned, createdAt: testNow, createdBy: "kavita"), by: "kavita", at: testNow)
        XCTAssertEqual(r.tracks, [.counselling], "a counselling step not finished")
        var step = RehabStep(kind: .livelihood, status: .done, createdAt: testNow, createdBy: "kavita")
        try r.putStep(step, by: "kavita", at: testNow)
        XCTAssertFalse(r.tracks.contains(.rehabilitation), "a finished step is no track")
        step.status = .underway
        try r.putStep(step, by: "kavita", at: testNow)
        XCTAssertTrue(r.tracks.contains(.rehabilitation))
        r.setProsecution(Prosecution(firDay: day(21, 11, 2026), outcome: .closureReport), by: "asha", at: testNow)
        XCTAssertFalse(r.tracks.contains(.legal), "ended by a closure report")
        try r.updateDV({ $0.application = day(25, 11, 2026) }, today: day(29, 11, 2026), by: "asha", at: testNow)
        XCTAssertTrue(r.tracks.contains(.legal), "an application under the DV Act (s.12)")
        r.setStatus(.closed, by: "asha", at: testNow)
        XCTAssertEqual(r.tracks, [], "a closed case has none")
        XCTAssertEqual(CaseSummary(r).tracks, [])
    }
}
