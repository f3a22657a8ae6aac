@testable import DeskModel
import Foundation
import XCTest

/// Issue 14, "paths to build" (the model): safety plan, contact log, closure with its follow-ups,
/// the DV Act's civil path, entitlements, transfer, and what the SP's review and the month's report
/// make of them. Fixed clock: 29-11-2026 10:30.
final class CasePathsTests: XCTestCase {
    let today = day(29, 11, 2026)
    let settings = ReviewSettings.standard

    func flags(_ r: CaseRecord, on d: Day? = nil) -> Set<ReviewFlag> {
        let line = SummaryLine.encode(CaseSummary(r))
        guard let s = SummaryLine.decode(Substring(line)) else { XCTFail("line does not read back: \(line)"); return [] }
        return s.flags(today: d ?? today, now: testNow, settings: settings)
    }

    // MARK: Safety plan

    func testASafetyPlanReviewIsDueAndThenOverdue() throws {
        var r = makeCase(1, danger: [.weapon])
        XCTAssertTrue(r.needsSafetyPlan)
        XCTAssertTrue(CaseSummary(r).paths.safetyPlanMissing, "needed, none made")
        XCTAssertThrowsError(try r.setSafetyPlan(SafetyPlan(made: day(20, 11, 2026), reviewDue: day(19, 11, 2026), by: "kavita"), at: testNow)) {
            XCTAssertEqual($0 as? PathError, .reviewBeforePlan)
        }
        try r.setSafetyPlan(SafetyPlan(made: day(20, 11, 2026), warningSigns: "पति शराब पीकर आए", reviewDue: day(28, 11, 2026), by: "kavita"),
                            at: testNow)
        XCTAssertFalse(CaseSummary(r).paths.safetyPlanMissing)
        XCTAssertTrue(flags(r).contains(.overdue), "the review was due yesterday")
        XCTAssertFalse(flags(r, on: day(28, 11, 2026)).contains(.overdue), "due today is not late")
        XCTAssertThrowsError(try r.reviewSafetyPlan(on: today, next: today, by: "kavita", at: testNow))
        try r.reviewSafetyPlan(on: today, next: day(29, 12, 2026), by: "kavita", at: testNow)
        XCTAssertFalse(flags(r).contains(.overdue))
        XCTAssertEqual(r.safetyPlan?.reviewed, [today])
        XCTAssertEqual(r.events.last?.kind, .safetyPlan)
        XCTAssertFalse(SummaryLine.encode(CaseSummary(r)).contains("शराब"), "nothing she said goes into the index")
    }

    // MARK: Contacts

    func testACallOrAVisitCountsAsContactForTheSP() throws {
        var r = makeCase(1, reported: day(1, 11, 2026).startDate, danger: [.weapon])
        XCTAssertTrue(flags(r).contains(.noContact), "high risk, 28 days without contact")
        XCTAssertThrowsError(try r.logContact(ContactEntry(day: day(30, 11, 2026), kind: .phone, by: "asha"), today: today, at: testNow)) {
            XCTAssertEqual($0 as? PathError, .dayInFuture)
        }
        try r.logContact(ContactEntry(day: day(27, 11, 2026), kind: .phone, reached: false, by: "asha"), today: today, at: testNow)
        XCTAssertTrue(flags(r).contains(.noContact), "a call she did not answer is not a contact")
        try r.logContact(ContactEntry(day: day(27, 11, 2026), kind: .homeVisit, by: "asha"), today: today, at: testNow)
        XCTAssertFalse(flags(r).contains(.noContact))
        XCTAssertEqual(r.lastContact, day(27, 11, 2026))
        XCTAssertEqual(r.events.filter { $0.kind == .contact }.count, 2)
    }

    // MARK: Closure

    func testClosingNeedsAReasonTheChecksAndForHighRiskTheSP() throws {
        var r = makeCase(1, danger: [.strangling])
        let checks = ClosureCheck.allCases.filter { $0 != .safetyPlanReviewed }
        XCTAssertEqual(r.closureChecks, checks, "no safety plan: that check does not apply")
        XCTAssertThrowsError(try r.close(Closure(day: today, reason: .goalsMet, checks: Array(checks.dropLast()), by: "asha"),
                                         approverRole: nil, at: testNow)) { XCTAssertEqual($0 as? PathError, .checklistIncomplete) }
        XCTAssertThrowsError(try r.close(Closure(day: today, reason: .goalsMet, checks: checks, by: "asha"), approverRole: nil, at: testNow)) {
            XCTAssertEqual($0 as? PathError, .approvalNeeded)
        }
        XCTAssertThrowsError(try r.close(Closure(day: today, reason: .goalsMet, checks: checks, by: "asha", approvedBy: "meena"),
                                         approverRole: .counsellor, at: testNow)) { XCTAssertEqual($0 as? PathError, .approverNotSupervisor) }
        try r.close(Closure(day: today, reason: .goalsMet, checks: checks, by: "asha", approvedBy: "spindore"), approverRole: .sp, at: testNow)
        XCTAssertEqual(r.status, .closed)
        XCTAssertEqual(r.closure?.followUpsDue, [day(29, 12, 2026), day(27, 2, 2027)])
        // A child needs the SP too; a low-risk woman does not.
        var child = makeCase(2, age: 15)
        XCTAssertTrue(child.closureNeedsApproval)
        var woman = makeCase(3)
        XCTAssertFalse(woman.closureNeedsApproval)
        try woman.close(Closure(day: today, reason: .movedAway, checks: checks, by: "asha"), approverRole: nil, at: testNow)
        XCTAssertThrowsError(try child.close(Closure(day: today, reason: .goalsMet, checks: checks, by: "asha"), approverRole: nil, at: testNow))
    }

    func testFollowUpsAfterClosureAndAReopeningThatEditsNoHistory() throws {
        var r = makeCase(1, reported: day(1, 9, 2026).startDate)
        let closedOn = day(31, 10, 2026)
        try r.close(Closure(day: closedOn, reason: .goalsMet, checks: r.closureChecks, by: "asha"), approverRole: nil, at: testNow)
        XCTAssertEqual(r.closure?.followUpsDue.first, day(30, 11, 2026), "30 days after 31 October")
        XCTAssertTrue(flags(r).isEmpty, "a closed case whose follow-up is not yet due has no flag")
        XCTAssertEqual(flags(r, on: day(1, 12, 2026)), [.overdue], "the 30-day follow-up passed")
        try r.followUp(on: today, kind: .phone, by: "asha", today: today, at: testNow)
        XCTAssertEqual(r.closure?.followUpsDue, [day(29, 1, 2027)], "then the 90-day one")
        XCTAssertEqual(r.daysToClosure, 60)
        try r.reopen(on: today, by: "asha", at: testNow)
        XCTAssertEqual(r.status, .open)
        XCTAssertNil(r.closure)
        XCTAssertEqual(r.closures.count, 1, "the closure stays in the history")
        XCTAssertEqual(r.closures.first?.reason, .goalsMet)
        XCTAssertEqual(r.closures.first?.reopened, today)
        XCTAssertEqual(r.events.last?.kind, .reopened)
        XCTAssertThrowsError(try r.reopen(on: today, by: "asha", at: testNow)) { XCTAssertEqual($0 as? PathError, .caseNotClosed) }
    }

    func testFollowUpDaysAcrossMonthEndsAndALeapYear() {
        XCTAssertEqual(Closure(day: day(31, 1, 2028), reason: .goalsMet, checks: [], by: "a").followUpsDue,
                       [day(1, 3, 2028), day(30, 4, 2028)], "2028 is a leap year: 29 February counts")
        XCTAssertEqual(Closure(day: day(31, 1, 2027), reason: .goalsMet, checks: [], by: "a").followUpsDue,
                       [day(2, 3, 2027), day(1, 5, 2027)])
        XCTAssertEqual(Closure(day: day(15, 12, 2026), reason: .goalsMet, checks: [], by: "a").followUpsDue,
                       [day(14, 1, 2027), day(15, 3, 2027)], "across the year end")
        XCTAssertEqual(Closure(day: day(1, 1, 2026), reason: .deceased, checks: [], by: "a").followUpsDue, [])
    }

    // MARK: DV Act

    func testTheDVPathDutiesOrdersAndABreachThatRaisesRisk() throws {
        var r = makeCase(1)
        XCTAssertTrue(r.dvApplies)
        XCTAssertEqual(r.riskLevel, .low)
        try r.updateDV({ $0.dutiesTold = DVDuty.allCases; $0.protectionOfficerReferred = day(20, 11, 2026); $0.dirNumber = "DIR/17/2026" },
                       today: today, by: "asha", at: testNow)
        XCTAssertTrue(r.dv?.allDutiesTold == true)
        try r.updateDV({ $0.orders = [DVOrder(kind: .protection, day: day(25, 11, 2026))] }, today: today, by: "asha", at: testNow)
        XCTAssertThrowsError(try r.updateDV({ $0.orders.append(DVOrder(kind: .protection, day: today)) }, today: today, by: "asha", at: testNow)) {
            XCTAssertEqual($0 as? PathError, .duplicateOrder)
        }
        XCTAssertThrowsError(try r.updateDV({ $0.application = day(1, 12, 2026) }, today: today, by: "asha", at: testNow)) {
            XCTAssertEqual($0 as? PathError, .dayInFuture)
        }
        XCTAssertEqual(r.dv?.orders.count, 1, "a refused change changes nothing")
        try r.updateDV({ $0.breaches.append(day(28, 11, 2026)) }, today: today, by: "asha", at: testNow)
        XCTAssertEqual(r.riskLevel, .high, "a breach of an order (s.31) raises her risk")
        XCTAssertEqual(r.events.last?.kind, .dvBreach)
        XCTAssertEqual(CaseSummary(r).risk, .high, "the SP sees it too")
        try r.updateDV({ $0.breachUnreviewed = false }, today: today, by: "kavita", at: testNow)
        XCTAssertEqual(r.riskLevel, .low, "looked at again: the danger answers rule")
        var stalking = makeCase(2)
        stalking.incident.category = .stalking
        XCTAssertThrowsError(try stalking.updateDV({ $0.dirNumber = "x" }, today: today, by: "asha", at: testNow)) {
            XCTAssertEqual($0 as? PathError, .notDVCase)
        }
    }

    // MARK: Entitlements and transfer

    func testCompensationAndTheMedicalWithinTwentyFourHours() throws {
        var r = makeCase(1)
        XCTAssertThrowsError(try r.updateEntitlements({ $0.compensation.paid = day(20, 11, 2026) }, today: today, by: "asha", at: testNow)) {
            XCTAssertEqual($0 as? PathError, .paidBeforeApplied)
        }
        try r.updateEntitlements({ $0.compensation.applied = day(10, 11, 2026); $0.compensation.interimCertificate = day(10, 11, 2026)
            $0.compensation.amount = 25_000; $0.compensation.paid = day(20, 11, 2026) }, today: today, by: "asha", at: testNow)
        XCTAssertEqual(r.entitlements.compensation.amount, 25_000)
        let exam = MedicalExam(informedAt: testNow.addingTimeInterval(-30 * 3600), examinedAt: testNow.addingTimeInterval(-5 * 3600))
        XCTAssertTrue(exam.late(now: testNow), "examined 25 hours after the information")
        XCTAssertFalse(MedicalExam(informedAt: testNow.addingTimeInterval(-23 * 3600)).late(now: testNow), "23 hours: not yet late")
        XCTAssertTrue(MedicalExam(informedAt: testNow.addingTimeInterval(-25 * 3600)).late(now: testNow), "25 hours and not done")
    }

    func testATransferNeedsHerSharingConsentAndTheReceiversAnswer() throws {
        var r = makeCase(1)
        r.consent.sharing = .no
        XCTAssertThrowsError(try r.askTransfer(to: "MHK", today: today, by: "asha", at: testNow)) {
            XCTAssertEqual($0 as? PathError, .noSharingConsent)
        }
        r.consent.sharing = .yes
        XCTAssertThrowsError(try r.askTransfer(to: "VJN", today: today, by: "asha", at: testNow))
        try r.askTransfer(to: "MHK", today: today, by: "asha", at: testNow)
        XCTAssertEqual(r.stationID, "VJN", "still ours until the receiver accepts")
        XCTAssertThrowsError(try r.askTransfer(to: "MHK", today: today, by: "asha", at: testNow))
        try r.answerTransfer(accept: true, by: "sho-mhk", at: testNow)
        XCTAssertEqual(r.stationID, "MHK")
        XCTAssertEqual(r.transfers.first?.state, .accepted)
        XCTAssertGreaterThan(r.events.count, 1, "the history goes with her")
    }

    // MARK: Report and index

    func testTheMonthsReportCountsThePaths() throws {
        var a = makeCase(1, reported: day(1, 10, 2026).startDate)
        a.consent.statistics = .yes
        try a.setSafetyPlan(SafetyPlan(made: day(5, 11, 2026), reviewDue: day(20, 11, 2026), by: "kavita"), at: testNow)
        try a.reviewSafetyPlan(on: day(20, 11, 2026), next: day(20, 12, 2026), by: "kavita", at: testNow)
        try a.updateDV({ $0.orders = [DVOrder(kind: .protection, day: day(10, 11, 2026)), DVOrder(kind: .monetary, day: day(12, 11, 2026)),
                                      DVOrder(kind: .residence, day: day(12, 10, 2026))] }, today: today, by: "asha", at: testNow)
        try a.updateEntitlements({ $0.compensation.applied = day(3, 11, 2026) }, today: today, by: "asha", at: testNow)
        try a.close(Closure(day: day(25, 11, 2026), reason: .goalsMet, checks: a.closureChecks, by: "asha"), approverRole: nil, at: testNow)
        var b = makeCase(2, reported: day(1, 11, 2026).startDate)
        b.consent.statistics = .yes
        try b.close(Closure(day: day(11, 11, 2026), reason: .movedAway, checks: b.closureChecks, by: "asha"), approverRole: nil, at: testNow)
        var c = makeCase(3, reported: day(1, 11, 2026).startDate)
        try c.close(Closure(day: day(11, 11, 2026), reason: .movedAway, checks: c.closureChecks, by: "asha"), approverRole: nil, at: testNow)
        let lines = [a, b, c].map { SummaryLine.encode(CaseSummary($0)) }
        let summaries = lines.compactMap { SummaryLine.decode(Substring($0)) }
        XCTAssertEqual(summaries.count, 3)
        let report = Report.make(summaries, period: try XCTUnwrap(ReportPeriod.month(2026, 11)), stationIDs: ["VJN"], today: today)
        XCTAssertEqual(report.dvReliefs, 2, "the October order is not November's")
        XCTAssertEqual(report.compensationApplied, 1)
        XCTAssertEqual(report.compensationPaid, 0)
        XCTAssertEqual(report.closuresByReason, [.goalsMet: 1, .movedAway: 1], "the case without consent to counting is left out")
        XCTAssertEqual(report.leftOut, 1)
        XCTAssertEqual(report.daysToClosure.sorted(), [10, 55])
        XCTAssertEqual(report.safetyPlansMade, 1)
        XCTAssertEqual(report.safetyPlansReviewed, 1)
    }

    func testAnIndexLineOfTheOldShapeStillReadsAndAnUnknownKeyIsIgnored() throws {
        let r = makeCase(1)
        var fields = SummaryLine.encode(CaseSummary(r)).split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
        XCTAssertEqual(fields.count, 26)
        let s2 = (["s2"] + fields[1..<25]).joined(separator: "\t")
        XCTAssertEqual(SummaryLine.decode(Substring(s2))?.id, r.id)
        fields[25] = "zz=1;c=20261127"
        XCTAssertEqual(SummaryLine.decode(Substring(fields.joined(separator: "\t")))?.paths.lastContact, day(27, 11, 2026))
        fields[25] = "c=2026112"
        XCTAssertNil(SummaryLine.decode(Substring(fields.joined(separator: "\t"))), "a day that is not one: the line is mended, not guessed")
    }

    func testARecordWrittenBeforeThePathsReads() throws {
        let r = makeCase(1)
        let encoded = try PropertyListEncoder().encode(r)
        guard var plist = try PropertyListSerialization.propertyList(from: encoded, format: nil) as? [String: Any] else { return XCTFail() }
        for k in ["safetyPlan", "contacts", "closures", "dv", "entitlements", "trafficking", "transfers"] { plist.removeValue(forKey: k) }
        let old = try PropertyListSerialization.data(fromPropertyList: plist, format: .binary, options: 0)
        let read = try PropertyListDecoder().decode(CaseRecord.self, from: old)
        XCTAssertEqual(read.id, r.id)
        XCTAssertTrue(read.contacts.isEmpty)
        XCTAssertNil(read.dv)
        XCTAssertEqual(read.entitlements, Entitlements())
    }
}
