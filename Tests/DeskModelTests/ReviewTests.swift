@testable import DemoData
@testable import DeskModel
import Foundation
import XCTest

/// The SP's review: flags, the urgency order, the overview, the index and the reports.
final class UrgencyTests: XCTestCase {
    let today = day(29, 11, 2026)
    let settings = ReviewSettings.standard

    func summary(_ r: CaseRecord) -> (CaseSummary, Set<ReviewFlag>) {
        let s = CaseSummary(r)
        return (s, s.flags(today: today, now: testNow, settings: settings))
    }

    func withSession(_ r: CaseRecord, on d: Day, next: Day?) -> CaseRecord {
        var r = r
        r.sessions = [CounsellingSession(number: 1, day: d, mode: .phone, minutes: 30, counsellorID: "kavita",
                                         moodStart: .low, moodEnd: .calm, nextDay: next, recordedAt: testNow)]
        return r
    }

    /// Alerts, then minors, then overdue, then risk, then the longest waiting.
    func testTheUrgencyOrder() {
        let ago = { (days: Double) in testNow.addingTimeInterval(-days * 86_400) }
        var alert = makeCase(1, age: 40, reported: ago(2))
        alert.alerts = [SelfHarmAlert(raisedAt: testNow, raisedBy: "kavita", screeningID: UUID())]
        let minor = makeCase(2, age: 15, reported: ago(1))
        let overdueLow = withSession(makeCase(3, age: 30, reported: ago(50)), on: day(1, 11, 2026), next: day(15, 11, 2026))
        let highOld = withSession(makeCase(4, age: 30, reported: ago(40), danger: [.weapon]), on: day(26, 11, 2026), next: day(3, 12, 2026))
        let highNew = withSession(makeCase(5, age: 30, reported: ago(10), danger: [.weapon]), on: day(26, 11, 2026), next: day(3, 12, 2026))
        let lowOld = withSession(makeCase(6, age: 30, reported: ago(90)), on: day(26, 11, 2026), next: day(3, 12, 2026))
        let closed = makeCase(7, age: 12, reported: ago(100), status: .closed, danger: [.weapon, .strangling, .couldKill])
        let shuffled = [lowOld, closed, highNew, overdueLow, minor, highOld, alert]
        let sorted = shuffled.map(summary).sorted(by: Urgency.precedes).map(\.0.number)
        XCTAssertEqual(sorted, [alert, minor, overdueLow, highOld, highNew, lowOld, closed].map(\.number.description))
    }

    func testFlagsWithAFixedClock() {
        // High risk, last seen 8 days ago: out of touch; 7 days ago: not yet.
        let high = makeCase(1, reported: testNow.addingTimeInterval(-30 * 86_400), danger: [.weapon])
        XCTAssertTrue(summary(withSession(high, on: day(21, 11, 2026), next: nil)).1.contains(.noContact))
        XCTAssertFalse(summary(withSession(high, on: day(22, 11, 2026), next: nil)).1.contains(.noContact))
        // A missing child without the CWC production is pending; with it, not.
        var minor = makeCase(2, age: 16)
        minor.incident.category = .missing
        XCTAssertTrue(summary(minor).1.contains(.minorPending))
        XCTAssertFalse(CaseSummary(minor).cwcReportLate(now: testNow.addingTimeInterval(23 * 3600)))
        XCTAssertTrue(CaseSummary(minor).cwcReportLate(now: testNow.addingTimeInterval(25 * 3600)))
        minor.prosecution.cwcReportDay = today
        XCTAssertFalse(summary(minor).1.contains(.minorPending))
        // A step past its day, a referral waiting, a legal deadline passed.
        var r = makeCase(3, reported: testNow.addingTimeInterval(-100 * 86_400))
        r.plan = [RehabStep(kind: .shelter, status: .planned, due: day(28, 11, 2026), referral: .sent, createdAt: testNow, createdBy: "asha")]
        r.prosecution.firDay = day(1, 9, 2026)
        r.prosecution.offences = [.bns64]
        XCTAssertEqual(summary(r).1, [.overdue, .referralWaiting, .legalPassed])
        r.status = .closed
        XCTAssertEqual(summary(r).1, [], "a closed case asks for nothing")
        // The threshold comes from the settings.
        let s = CaseSummary(withSession(high, on: day(21, 11, 2026), next: nil))
        XCTAssertFalse(s.flags(today: today, now: testNow, settings: ReviewSettings(noContactDays: 10)).contains(.noContact))
    }

    func testOverviewCountsAndWorstFirst() {
        var a = makeCase(1, station: "VJN")
        a.alerts = [SelfHarmAlert(raisedAt: testNow, raisedBy: "kavita", screeningID: UUID())]
        var b = makeCase(2, age: 15, station: "MHK")
        b.incident.category = .sexualAssault
        let c = makeCase(3, station: "MHK", status: .closed)
        let old = makeCase(4, station: "MHK", reported: testNow.addingTimeInterval(-60 * 86_400))
        let rows = StationOverview.rows(stationIDs: ["VJN", "MHK"], summaries: [a, b, c, old].map(CaseSummary.init),
                                        today: today, now: testNow, settings: settings)
        XCTAssertEqual(rows.map(\.stationID), ["VJN", "MHK"], "an alert (5) outweighs a pending minor (4)")
        XCTAssertEqual(rows[0].open, 1)
        XCTAssertEqual(rows[0].count(.alert), 1)
        XCTAssertEqual(rows[1].open, 2, "the closed case is not open")
        XCTAssertEqual(rows[1].newThisMonth, 2)
        XCTAssertEqual(rows[1].count(.minorPending), 1)
    }
}

final class IndexTests: XCTestCase {
    func testTheIndexFollowsEverySaveAndIsMendedAfterACrash() throws {
        let root = tempFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let store = try CaseStore.create(at: root, directory: testDirectory(), clock: testClock)
        var r = makeCase(1)
        try store.save(r)
        r.revision += 1
        r.status = .counselling
        try store.save(r)
        try store.save(makeCase(2))
        let index = SummaryIndex(store: store)
        let loaded = try XCTUnwrap(index.load())
        XCTAssertEqual(loaded.lines, 3)
        XCTAssertEqual(loaded.summaries.count, 2, "the last line of a case wins")
        XCTAssertEqual(loaded.summaries.first?.status, .counselling)
        // A torn last line (a crash mid-append) is skipped.
        let handle = try FileHandle(forWritingTo: index.url)
        handle.seekToEndOfFile()
        handle.write(Data("s1\tF00".utf8))
        try handle.close()
        XCTAssertEqual(index.load()?.summaries.count, 2)
        // A case saved without its line (killed between the two writes) is noticed and mended.
        let cases = store.loadCases(setAside: false).cases
        var third = makeCase(3)
        third.revision = 1
        XCTAssertTrue(SummaryIndex.matches(loaded.summaries, cases))
        XCTAssertFalse(SummaryIndex.matches(loaded.summaries, cases + [third]))
        try index.rebuild(from: (cases + [third]).map(CaseSummary.init))
        XCTAssertEqual(index.load()?.summaries.count, 3)
        XCTAssertEqual(index.load()?.lines, 3)
    }

    func testTheSummaryHoldsNoIdentity() throws {
        var r = makeCase(1, name: "सुनीता वर्मा")
        r.identity.address = "ग्राम पिपल्या"
        let line = SummaryLine.encode(CaseSummary(r))
        XCTAssertFalse(line.contains("सुनीता") || line.contains("9876543201") || line.contains("पिपल्या"))
    }

    func testEveryDemoSummaryReadsBackTheSame() {
        let cases = DemoGenerator(seed: 5, count: 300, clock: testClock).cases(stations: (try? testDirectory().stations) ?? [],
                                                                             deskOfficers: ["VJN": "asha"])
        for r in cases {
            let s = CaseSummary(r)
            XCTAssertEqual(SummaryLine.decode(Substring(SummaryLine.encode(s))), s, r.number.description)
        }
        XCTAssertNil(SummaryLine.decode("s1\tnot-a-uuid"))
        var fields = SummaryLine.encode(CaseSummary(cases[0])).components(separatedBy: "\t")
        fields[6] = "ajar"  // an unknown status
        XCTAssertNil(SummaryLine.decode(Substring(fields.joined(separator: "\t"))))
    }
}

/// Report totals on a demo store, checked against a count written here, independently, from the
/// full case records (not the summaries the report uses).
final class ReportTests: XCTestCase {
    func testReportTotalsAgainstAnIndependentCount() throws {
        let stations = try testDirectory().stations
        let cases = DemoGenerator(seed: 77, count: 400, clock: testClock).cases(stations: stations, deskOfficers: ["VJN": "asha"])
        for periodText in ["2026-10", "2026-Q3", "01-01-2026..29-11-2026"] {
            let p = try XCTUnwrap(ReportPeriod.parse(periodText))
            let report = Report.make(cases.map(CaseSummary.init), period: p, stationIDs: ["VJN"], today: day(29, 11, 2026))
            func inP(_ d: Day?) -> Bool { guard let d else { return false }; return d >= p.start && d <= p.end }
            var counted = 0, leftOut = 0, identified = 0, counselled = 0, sessions = 0, screened = 0, linked = 0
            var firs = 0, chargeSheets = 0, referrals = 0, under18 = 0
            for r in cases where r.stationID == "VJN" {
                let touched = inP(Day(r.reportedAt)) || r.sessions.contains { inP($0.day) }
                    || r.screenings.contains { inP($0.screening.day) }
                    || r.plan.contains { inP($0.referralDay) || inP($0.completed) || inP($0.joined) }
                    || inP(r.prosecution.firDay) || inP(r.prosecution.chargeSheetDay)
                    // The paths (issue 14, in the demo since): the last contact that reached her, the
                    // safety plan and its reviews, the closure in force, DV orders, compensation.
                    || inP(r.contacts.filter(\.reached).map(\.day).max()) || inP(r.safetyPlan?.made)
                    || (r.safetyPlan?.reviewed ?? []).contains(where: inP) || inP(r.status == .closed ? r.closures.last?.day : nil)
                    || (r.dv?.orders ?? []).contains { inP($0.day) }
                    || inP(r.entitlements.compensation.applied) || inP(r.entitlements.compensation.paid)
                    || Report.missedDeadline(CaseSummary(r), in: p, today: day(29, 11, 2026))
                guard touched else { continue }
                if r.consent.statistics != .yes { leftOut += 1; continue }
                counted += 1
                if inP(Day(r.reportedAt)) {
                    identified += 1
                    if (r.identity.age ?? 99) < 18 { under18 += 1 }
                }
                let held = r.sessions.filter { inP($0.day) }.count
                sessions += held
                if held > 0 { counselled += 1 }
                if r.screenings.contains(where: { inP($0.screening.day) }) { screened += 1 }
                if r.plan.contains(where: { $0.kind == .shgLinkage && $0.status == .done && inP($0.joined ?? $0.completed) }) { linked += 1 }
                if inP(r.prosecution.firDay) { firs += 1 }
                if inP(r.prosecution.chargeSheetDay) { chargeSheets += 1 }
                referrals += r.plan.filter { inP($0.referralDay) }.count
            }
            XCTAssertGreaterThan(counted, 0, periodText)
            XCTAssertGreaterThan(leftOut, 0, "the demo has cases without consent to statistics: \(periodText)")
            XCTAssertEqual(report.counted, counted, periodText)
            XCTAssertEqual(report.leftOut, leftOut, periodText)
            XCTAssertEqual(report.identified, identified, periodText)
            XCTAssertEqual(report.byCategory.values.reduce(0, +), identified, periodText)
            XCTAssertEqual(report.byAgeBand[.under18] ?? 0, under18, periodText)
            XCTAssertEqual(report.counselled, counselled, periodText)
            XCTAssertEqual(report.sessionsHeld, sessions, periodText)
            XCTAssertEqual(report.screened, screened, periodText)
            XCTAssertEqual(report.linkedToSHG, linked, periodText)
            XCTAssertEqual(report.firs, firs, periodText)
            XCTAssertEqual(report.chargeSheets, chargeSheets, periodText)
            XCTAssertEqual(report.referrals.values.flatMap(\.values).reduce(0, +), referrals, periodText)
        }
    }

    func testPeriods() {
        XCTAssertEqual(ReportPeriod.parse("2026-02"), ReportPeriod(start: day(1, 2, 2026), end: day(28, 2, 2026)))
        XCTAssertEqual(ReportPeriod.parse("2024-02")?.end, day(29, 2, 2024))
        XCTAssertEqual(ReportPeriod.parse("2026-q4"), ReportPeriod(start: day(1, 10, 2026), end: day(31, 12, 2026)))
        XCTAssertEqual(ReportPeriod.parse("२०२६-१०")?.start, day(1, 10, 2026))
        XCTAssertEqual(ReportPeriod.parse("01-10-2026..15-11-2026")?.end, day(15, 11, 2026))
        for bad in ["2026-13", "2026-Q5", "2026", "15-11-2026..01-10-2026", "october"] { XCTAssertNil(ReportPeriod.parse(bad), bad) }
    }

    func testMissedDeadlines() {
        var r = makeCase(1, reported: testNow.addingTimeInterval(-200 * 86_400))
        r.prosecution.firDay = day(1, 8, 2026)          // inform due 30-10; investigation (rape) due 01-10
        let sept = ReportPeriod(start: day(1, 9, 2026), end: day(30, 9, 2026))
        let oct = ReportPeriod(start: day(1, 10, 2026), end: day(31, 10, 2026))
        // Cruelty (BNS 85) has no two-month limit: only the 90-day duty to tell her can be missed.
        r.prosecution.offences = [.bns85, .bns86]
        r.prosecution.informedDay = day(20, 10, 2026)
        XCTAssertFalse(Report.missedDeadline(CaseSummary(r), in: oct, today: day(29, 11, 2026)), "no 60-day rule for s.85")
        r.prosecution.informedDay = nil
        XCTAssertTrue(Report.missedDeadline(CaseSummary(r), in: oct, today: day(29, 11, 2026)), "never told her")
        // Rape (BNS 64): two months, due 01-10-2026.
        r.prosecution.offences = [.bns64]
        r.prosecution.informedDay = day(20, 10, 2026)
        XCTAssertFalse(Report.missedDeadline(CaseSummary(r), in: sept, today: day(29, 11, 2026)), "due in October, not September")
        XCTAssertTrue(Report.missedDeadline(CaseSummary(r), in: oct, today: day(29, 11, 2026)))
        r.prosecution.chargeSheetDay = day(1, 10, 2026)
        XCTAssertFalse(Report.missedDeadline(CaseSummary(r), in: oct, today: day(29, 11, 2026)), "filed on the last day")
        r.prosecution.chargeSheetDay = day(2, 10, 2026)
        XCTAssertTrue(Report.missedDeadline(CaseSummary(r), in: oct, today: day(29, 11, 2026)), "filed late")
        // Closed by a closure report: nothing is missed any more, in the report or the review.
        r.prosecution.chargeSheetDay = nil
        r.prosecution.informedDay = nil
        r.prosecution.outcome = .closureReport
        XCTAssertFalse(Report.missedDeadline(CaseSummary(r), in: oct, today: day(29, 11, 2026)))
        XCTAssertFalse(CaseSummary(r).flags(today: day(29, 11, 2026), now: testNow, settings: .standard).contains(.legalPassed))
    }
}
