import DeskModel
import Foundation
import XCTest

/// The district's returns: one row per station by the report's definitions, papers once per case,
/// events and people reached, and the cumulative view.
final class ReturnsTests: XCTestCase {
    func testOneRowPerStationAndTheTotal() throws {
        let oct = testNow.addingTimeInterval(-40 * 86_400)
        var a = makeCase(1)
        a.consent.statistics = .yes
        a.sessions = [CounsellingSession(number: 1, day: day(20, 11, 2026), mode: .inPerson, minutes: 30, counsellorID: "k",
                                         moodStart: .low, moodEnd: .calm, recordedAt: testNow)]
        a.plan = [RehabStep(kind: .shelter, partnerID: "wcd", referral: .sent, referralDay: day(21, 11, 2026), createdAt: testNow, createdBy: "a"),
                  RehabStep(kind: .legalAid, partnerID: "unknown-partner", referral: .accepted, referralDay: day(22, 11, 2026),
                            createdAt: testNow, createdBy: "a")]
        a.prosecution.firDay = day(21, 11, 2026)
        var b = makeCase(2, reported: oct)      // identified in October
        b.consent.statistics = .yes
        var c = makeCase(3, station: "MHK")
        c.consent.statistics = .yes
        var hidden = makeCase(4)                // no consent to statistics: in no figure
        hidden.consent.statistics = .no
        let summaries = [a, b, c, hidden].map(CaseSummary.init)
        let papers = [Returns.PaperGiven(kind: .dvNotice, caseID: a.id, day: day(21, 11, 2026)),
                      Returns.PaperGiven(kind: .dvNotice, caseID: a.id, day: day(25, 11, 2026)),   // printed again: one
                      Returns.PaperGiven(kind: .reliefCertificate, caseID: a.id, day: day(21, 11, 2026)),
                      Returns.PaperGiven(kind: .dvNotice, caseID: hidden.id, day: day(21, 11, 2026)),
                      Returns.PaperGiven(kind: .slip, caseID: c.id, day: day(21, 11, 2026))]
        let events = [AwarenessEvent(stationID: "MHK", day: day(2, 11, 2026), placeKind: .market, place: "x", audience: .community,
                                     women: 30, men: 20, children: 0, partnerID: nil, topics: [.helpline181], officer: "o",
                                     createdAt: testNow, createdBy: "m")]
        let partners = [Partner(id: "wcd", nameEn: "OSC", nameHi: "सखी", kind: "wcd")]
        let nov = try XCTUnwrap(ReportPeriod.month(2026, 11))
        let r = Returns.make(summaries, events: events, papers: papers, partners: partners, stationIDs: ["VJN", "MHK"],
                             period: nov, today: day(29, 11, 2026))
        XCTAssertEqual(r.rows.map(\.stationID), ["VJN", "MHK"])
        let vjn = r.rows[0], mhk = r.rows[1]
        XCTAssertEqual(vjn.identified, 1, "b came in October")
        XCTAssertEqual(vjn.counselled, 1)
        XCTAssertEqual(vjn.referredByKind, ["wcd": 1, "other": 1])
        XCTAssertEqual(vjn.referred, 2)
        XCTAssertEqual(vjn.firs, 1)
        XCTAssertEqual(vjn.dvNotices, 1, "once per case; the uncounted case not at all")
        XCTAssertEqual(vjn.reliefCertificates, 1)
        XCTAssertEqual([mhk.identified, mhk.events, mhk.reached], [1, 1, 50])
        XCTAssertEqual(r.total.figures, zip(vjn.figures, mhk.figures).map { $0 + $1 })
        XCTAssertEqual(r.leftOut, 1)
        // Since the desk began: October's woman too.
        let all = Returns.make(summaries, events: events, papers: papers, partners: partners, stationIDs: ["VJN", "MHK"],
                               period: nil, today: day(29, 11, 2026))
        XCTAssertNil(all.period)
        XCTAssertEqual(all.total.identified, 3)
        XCTAssertEqual(all.total.counselled, 1)
    }

    func testPapersAreReadFromTheAuditLinesThatRecordThem() {
        let id = UUID()
        let entries = [AuditEntry(at: testNow, user: "asha", kind: .paperPrinted, caseID: id, detail: "dvNotice hi browser IND-VJN-2026-0001"),
                       AuditEntry(at: testNow, user: "asha", kind: .export, caseID: id, detail: "dvNotice"),
                       AuditEntry(at: testNow, user: "asha", kind: .paperPrinted, caseID: nil, detail: "slip hi browser")]
        XCTAssertEqual(Returns.PaperGiven.from(entries), [Returns.PaperGiven(kind: .dvNotice, caseID: id, day: day(29, 11, 2026))])
    }
}
