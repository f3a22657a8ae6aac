@testable import DeskModel
import Foundation
import XCTest

/// Events carry typed facts; records written before that (each event's facts as one line of
/// text) still read, each line read back by its kind.
final class CaseEventTests: XCTestCase {
    /// An event as versions before typed facts wrote it.
    struct OldEvent: Codable {
        var at: Date
        var by: String
        var kind: String
        var detail: String
    }

    func decodeOld(_ kind: CaseEvent.Kind, _ detail: String) throws -> CaseEvent {
        let data = try PropertyListEncoder().encode([OldEvent(at: testNow, by: "kavita", kind: kind.rawValue, detail: detail)])
        return try XCTUnwrap(PropertyListDecoder().decode([CaseEvent].self, from: data).first)
    }

    /// Every kind of line the old versions wrote, and the facts it reads as.
    let oldLines: [(CaseEvent.Kind, String, CaseEvent.Facts)] = [
        (.intake, "IND-VJN-2026-0042", .text("IND-VJN-2026-0042")),
        (.edited, "", .none),
        (.session, "#3 · 12-08-2026 · phone · 45'", .session(number: 3, day: day(12, 8, 2026), mode: .phone, minutes: 45)),
        (.screening, "PHQ-9 14 · 12-08-2026", .screening(instrument: .phq9, total: 14, day: day(12, 8, 2026))),
        (.screening, "GAD-7 6 · 01-09-2026", .screening(instrument: .gad7, total: 6, day: day(1, 9, 2026))),
        (.alertRaised, "PHQ-9 · 9 = 2", .alert(itemNine: 2)),
        (.alertClosed, "Called her sister · visited", .text("Called her sister · visited")),
        (.remark, "Spoke to her on the phone", .text("Spoke to her on the phone")),
        (.stepAdded, "shgLinkage · 20-12-2026", .stepAdded(kind: .shgLinkage, due: day(20, 12, 2026))),
        (.stepAdded, "counselling · ", .stepAdded(kind: .counselling, due: nil)),
        (.stepUpdated, "counselling · done", .stepUpdated(kind: .counselling, status: .done)),
        (.referral, "shgLinkage · nrlm · done", .referral(kind: .shgLinkage, partnerID: "nrlm", state: .done)),
        (.referral, "legalAid ·  · sent", .referral(kind: .legalAid, partnerID: "", state: .sent)),
        (.legal, "firDay 01-10-2026 · courtDay 05-01-2027 · convicted · sections bns85,dowry4",
         .legal([.day(.firDay, day(1, 10, 2026)), .day(.courtDay, day(5, 1, 2027)), .outcome(.convicted),
                 .sections(["bns85", "dowry4"])])),
        (.legal, "sections ", .legal([.sections([])])),
        (.statusChanged, "open → counselling", .status(from: .open, to: .counselling)),
    ]

    func testOldShapeEventsDecodeToTypedFacts() throws {
        for (kind, line, facts) in oldLines {
            let event = try decodeOld(kind, line)
            XCTAssertEqual(event.kind, kind)
            XCTAssertEqual(event.by, "kavita")
            XCTAssertEqual(event.facts, facts, line)
            XCTAssertEqual(event.detail, line, "the line reads back word for word")
        }
    }

    func testALineWithoutItsKindsShapeIsKeptAsText() throws {
        for (kind, line) in [(CaseEvent.Kind.session, "#x · soon"), (.referral, "shgLinkage · nrlm · later"),
                             (.legal, "firDay tomorrow"), (.statusChanged, "open → nowhere")] {
            let event = try decodeOld(kind, line)
            XCTAssertEqual(event.facts, .text(line))
            XCTAssertEqual(event.detail, line)
        }
    }

    func testNewEventsRoundTripAndKeepTheOldLineForOlderReaders() throws {
        let events = oldLines.map { CaseEvent(at: testNow, by: "asha", kind: $0.0, facts: $0.2) }
        let data = try PropertyListEncoder().encode(events)
        XCTAssertEqual(try PropertyListDecoder().decode([CaseEvent].self, from: data), events)
        // An older version reads the line it knows.
        let old = try PropertyListDecoder().decode([OldEvent].self, from: data)
        XCTAssertEqual(old.map(\.detail), oldLines.map(\.1))
    }

    /// A whole record from before typed events (its events' facts stripped) reads, and its
    /// events hold the same facts as the ones the care forms now write.
    func testARecordWrittenBeforeTypedEventsStillReads() throws {
        var r = makeCase(1)
        try r.addSession(CounsellingSession(number: 1, day: day(28, 11, 2026), mode: .phone, minutes: 30, counsellorID: "kavita",
                                            moodStart: .anxious, moodEnd: .calm, recordedAt: testNow))
        try r.addRemark("Spoke to her mother", by: "asha", at: testNow)
        r.setStatus(.rehabilitation, by: "asha", at: testNow)
        let encoder = PropertyListEncoder()
        encoder.outputFormat = .binary
        let data = try encoder.encode(r)
        var plist = try XCTUnwrap(PropertyListSerialization.propertyList(from: data, format: nil) as? [String: Any])
        let events = try XCTUnwrap(plist["events"] as? [[String: Any]])
        XCTAssertTrue(events.allSatisfy { $0["facts"] != nil })
        plist["events"] = events.map { e in e.filter { $0.key != "facts" } }
        let old = try PropertyListSerialization.data(fromPropertyList: plist, format: .binary, options: 0)
        let read = try PropertyListDecoder().decode(CaseRecord.self, from: old)
        XCTAssertEqual(read.events, r.events)
        XCTAssertEqual(read, r)
    }
}
