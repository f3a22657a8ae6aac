// Over 300 lines: counselling, screening, alerts and the plan's rules, one suite per the care they pin.
@testable import DemoData
@testable import DeskModel
import Foundation
import XCTest

/// The counselling log, questionnaires, alerts, plan and legal track, through their forms.
final class SessionFormTests: XCTestCase {
    func sessionForm(_ r: CaseRecord) -> EntryForm {
        var f = EntryForm.blank(.session, for: r, partnerIDs: [], clock: testClock)
        f["problem"] = "पति की धमकी"
        f["moodStart"] = EmotionalState.distressed.rawValue
        f["moodEnd"] = EmotionalState.calm.rawValue
        return f
    }

    /// A session puts her on the counselling track; the status (the stage the desk sets) stays.
    func testASessionIsLoggedNumberedAndPutsHerOnTheCounsellingTrack() throws {
        let r = makeCase(1)
        var f = sessionForm(r)
        f["nextDay"] = "06-12-2026"
        let saved = try f.apply(to: r, by: "kavita", clock: testClock).get()
        XCTAssertEqual(saved.sessions.map(\.number), [1])
        XCTAssertEqual(saved.sessions.first?.day, day(29, 11, 2026))
        XCTAssertEqual(saved.sessions.first?.nextDay, day(6, 12, 2026))
        XCTAssertEqual(saved.status, .open, "a session does not move the status by itself")
        XCTAssertEqual(saved.tracks, [.counselling])
        XCTAssertFalse(saved.events.contains { $0.kind == .statusChanged })
        XCTAssertEqual(saved.events.last?.kind, .session)
        let again = try sessionForm(saved).apply(to: saved, by: "kavita", clock: testClock).get()
        XCTAssertEqual(again.sessions.map(\.number), [1, 2])
    }

    func testTheNextSessionMustComeAfterThisOne() throws {
        let r = makeCase(1)
        var f = sessionForm(r)
        f["nextDay"] = "20-11-2026"
        XCTAssertEqual(f.error(for: "nextDay", record: r, today: day(29, 11, 2026)), .notAfterSession)
        f["nextDay"] = "29-11-2026"
        XCTAssertEqual(f.error(for: "nextDay", record: r, today: day(29, 11, 2026)), .notAfterSession)
        guard case .failure(let e) = f.apply(to: r, by: "kavita", clock: testClock) else { return XCTFail("saved") }
        XCTAssertEqual(e.errors.map(\.0), ["nextDay"])
        // A next session may lie in the future; the session itself may not.
        f["nextDay"] = "30-11-2026"
        XCTAssertNil(f.error(for: "nextDay", record: r, today: day(29, 11, 2026)))
        f["day"] = "30-11-2026"
        XCTAssertEqual(f.error(for: "day", record: r, today: day(29, 11, 2026)), .futureDate)
    }

    func testRequiredFieldsAreNamed() {
        let r = makeCase(1)
        let f = EntryForm.blank(.session, for: r, partnerIDs: [], clock: testClock)
        XCTAssertEqual(f.errors(record: r, today: day(29, 11, 2026)).map(\.0), ["problem", "moodStart", "moodEnd"])
    }

    func testNothingIsAddedToAClosedCase() {
        let r = makeCase(1, status: .closed)
        let f = sessionForm(r)
        XCTAssertEqual(f.error(for: "day", record: r, today: day(29, 11, 2026)), .caseClosed)
        guard case .failure(let e) = f.apply(to: r, by: "kavita", clock: testClock) else { return XCTFail("saved") }
        XCTAssertEqual(e.errors.first?.1, .caseClosed)
        var direct = r
        XCTAssertThrowsError(try direct.addSession(CounsellingSession(number: 1, day: day(29, 11, 2026), mode: .phone,
                                                                     minutes: 30, counsellorID: "kavita", moodStart: .low,
                                                                     moodEnd: .calm, recordedAt: testNow)))
    }

    func testAnEditOfTheIntakeKeepsTheCounsellingLog() throws {
        let r = makeCase(1)
        let withSession = try sessionForm(r).apply(to: r, by: "kavita", clock: testClock).get()
        var intake = IntakeForm(editing: withSession)
        intake[.occupation] = "सिलाई"
        let edited = try intake.update(withSession, by: "asha", clock: testClock).get()
        XCTAssertEqual(edited.sessions, withSession.sessions)
        XCTAssertEqual(edited.identity.occupation, "सिलाई")
        XCTAssertEqual(edited.events.last?.kind, .edited)
    }
}

final class ScreeningFormTests: XCTestCase {
    func form(_ kind: EntryKind, _ items: [Int]) -> EntryForm {
        var f = EntryForm.blank(kind, for: makeCase(1), partnerIDs: [], clock: testClock)
        for (i, v) in items.enumerated() { f["item\(i + 1)"] = String(v) }
        return f
    }

    func testAScoreOutside0To3IsRefusedAtItsItem() {
        let r = makeCase(1)
        let f = form(.phq9, [1, 2, 5, 0, 0, 0, 0, 0, 0])
        XCTAssertEqual(f.error(for: "item3", record: r, today: day(29, 11, 2026)), .scoreRange)
        XCTAssertEqual(f.errors(record: r, today: day(29, 11, 2026)).map(\.0), ["item3"])
        XCTAssertEqual(form(.gad7, [1, 1, 1, 1, 1, 1]).errors(record: r, today: day(29, 11, 2026)).map(\.1), [.required])
    }

    func testTheLiveTotalAndBandFollowTheAnswers() {
        var f = form(.phq9, [3, 3, 2])
        XCTAssertEqual(f.screeningProgress?.total, 8)
        XCTAssertEqual(f.screeningProgress?.answered, 3)
        XCTAssertNil(f.screeningProgress?.severity, "no band until every item is answered")
        for i in 4...9 { f["item\(i)"] = "1" }
        XCTAssertEqual(f.screeningProgress?.total, 14)
        XCTAssertEqual(f.screeningProgress?.severity, .moderate)
        XCTAssertEqual(f.screeningProgress?.itemNineRaised, true)
    }

    /// Item 9 above 0 raises an alert at every total it can have; 0 never does.
    func testItemNineRaisesAnAlertAtEveryTotal() throws {
        for nine in 0...3 {
            for rest in 0...24 {
                var items = [Int](repeating: 0, count: 8)
                var left = rest
                for i in items.indices { let v = min(3, left); items[i] = v; left -= v }
                let r = makeCase(1)
                let saved = try form(.phq9, items + [nine]).apply(to: r, by: "kavita", clock: testClock).get()
                XCTAssertEqual(saved.hasOpenAlert, nine > 0, "item 9 = \(nine), total \(rest + nine)")
                XCTAssertEqual(saved.screenings.first?.screening.total, rest + nine)
            }
        }
        // GAD-7 has no item 9 and never raises one, whatever its total.
        let gad = try form(.gad7, [3, 3, 3, 3, 3, 3, 3]).apply(to: makeCase(1), by: "kavita", clock: testClock).get()
        XCTAssertFalse(gad.hasOpenAlert)
    }

    func testAnAlertClosesOnlyWithAnActionNote() throws {
        var r = try form(.phq9, [1, 1, 1, 1, 1, 1, 1, 1, 2]).apply(to: makeCase(1), by: "kavita", clock: testClock).get()
        XCTAssertTrue(r.hasOpenAlert)
        XCTAssertThrowsError(try r.closeAlert(note: "done", by: "asha", at: testNow)) { XCTAssertEqual($0 as? CareError, .noteTooShort) }
        XCTAssertTrue(r.hasOpenAlert)
        try r.closeAlert(note: "Referred to Tele-MANAS 14416", by: "asha", at: testNow)
        XCTAssertFalse(r.hasOpenAlert)
        XCTAssertEqual(r.alerts.first?.actionNote, "Referred to Tele-MANAS 14416")
        XCTAssertEqual(r.events.suffix(2).map(\.kind), [.alertRaised, .alertClosed])
        XCTAssertThrowsError(try r.closeAlert(note: "Referred to Tele-MANAS 14416", by: "asha", at: testNow)) {
            XCTAssertEqual($0 as? CareError, .noOpenAlert)
        }
        // A second item-9 answer while one alert is open does not pile up alerts.
        let twice = try form(.phq9, [0, 0, 0, 0, 0, 0, 0, 0, 1]).apply(
            to: try form(.phq9, [0, 0, 0, 0, 0, 0, 0, 0, 3]).apply(to: makeCase(2), by: "kavita", clock: testClock).get(),
            by: "kavita", clock: testClock).get()
        XCTAssertEqual(twice.alerts.count, 1)
    }

    func testScoresOverTimeAndImprovement() throws {
        var r = makeCase(1)
        for (d, total) in [(1, 18), (15, 14), (29, 11)] {
            var items = [Int](repeating: 0, count: 9)
            var left = total
            for i in 0..<8 { let v = min(3, left); items[i] = v; left -= v }
            try r.addScreening(ScreeningRecord(screening: try Screening(.phq9, items: items, day: day(d, 11, 2026)),
                                               by: "kavita", recordedAt: testNow))
        }
        let scores = r.scores(.phq9).map(\.screening)
        XCTAssertEqual(scores.map(\.total), [18, 14, 11])
        XCTAssertEqual(scores.last?.change(since: scores[0]), 7)
        XCTAssertEqual(scores.last.map { $0.isImprovement(since: scores[0]) }, true)
        XCTAssertEqual(scores[1].isImprovement(since: scores[0]), true)
    }
}

final class PlanAndLegalTests: XCTestCase {
    let today = day(29, 11, 2026)

    func stepForm(_ r: CaseRecord) -> EntryForm {
        EntryForm.blank(.step, for: r, partnerIDs: ["nrlm", "labour"], clock: testClock)
    }

    func testAReferralNeedsItsPartnerAndADeclineItsReason() {
        let r = makeCase(1, reported: testNow.addingTimeInterval(-40 * 86_400))
        var f = stepForm(r)
        f["referral"] = ReferralState.sent.rawValue
        XCTAssertEqual(f.error(for: "partner", record: r, today: today), .partnerRequired)
        f["partner"] = "nrlm"
        XCTAssertNil(f.error(for: "partner", record: r, today: today))
        f["partner"] = "someone-else"
        XCTAssertEqual(f.error(for: "partner", record: r, today: today), .unknownOption)
        f["partner"] = "nrlm"
        f["referral"] = ReferralState.declined.rawValue
        XCTAssertTrue(f.fields.contains { $0.key == "declineReason" }, "the reason field appears when declined")
        XCTAssertEqual(f.error(for: "declineReason", record: r, today: today), .reasonRequired)
        f["declineReason"] = "no place in the village group"
        XCTAssertNil(f.error(for: "declineReason", record: r, today: today))
    }

    func testAFinishedSHGLinkageNeedsItsDayAndGroup() throws {
        let r = makeCase(1, reported: testNow.addingTimeInterval(-40 * 86_400))
        var f = stepForm(r)
        f["stepStatus"] = StepStatus.done.rawValue
        XCTAssertEqual(Set(f.errors(record: r, today: today).map(\.1)), [.completedDayRequired, .groupRequired])
        f["completed"] = "01-01-2026"
        XCTAssertEqual(f.error(for: "completed", record: r, today: today), .beforeIntake)
        f["completed"] = "20-11-2026"
        f["groupName"] = "उजाला समूह"
        f["groupVillage"] = "पिपल्या"
        f["joined"] = "20-11-2026"
        let saved = try f.apply(to: r, by: "kavita", clock: testClock).get()
        XCTAssertEqual(saved.plan.first?.groupName, "उजाला समूह")
        XCTAssertEqual(saved.plan.first?.joined, day(20, 11, 2026))
        // Not an SHG step: no group fields, and none kept.
        f["stepKind"] = StepKind.skillTraining.rawValue
        XCTAssertFalse(f.fields.contains { $0.key == "groupName" })
    }

    func testReferralMovesAreOnTheTimeline() throws {
        var r = makeCase(1)
        r.consent.sharing = .yes
        var f = stepForm(r)
        f["partner"] = "nrlm"
        f["referral"] = ReferralState.sent.rawValue
        let sent = try f.apply(to: r, by: "kavita", clock: testClock).get()
        guard let step = sent.plan.first else { return XCTFail("no step") }
        XCTAssertEqual(step.referralDay, today)
        XCTAssertTrue(step.referral.isWaiting)
        var edit = EntryForm.editing(step, of: sent, partnerIDs: ["nrlm"])
        edit["referral"] = ReferralState.accepted.rawValue
        let accepted = try edit.apply(to: sent, by: "asha", clock: testClock).get()
        XCTAssertEqual(accepted.plan.count, 1, "an edit replaces the step")
        XCTAssertEqual(accepted.events.filter { $0.kind == .referral }.map(\.detail),
                       ["shgLinkage · nrlm · sent", "shgLinkage · nrlm · accepted"])
    }

    func testOverdueStepsWithAFixedClock() {
        func step(due: Day?, _ status: StepStatus) -> RehabStep {
            RehabStep(kind: .skillTraining, status: status, due: due, createdAt: testNow, createdBy: "kavita")
        }
        XCTAssertTrue(step(due: day(28, 11, 2026), .planned).isOverdue(today: today))
        XCTAssertTrue(step(due: day(28, 11, 2026), .underway).isOverdue(today: today))
        XCTAssertFalse(step(due: day(29, 11, 2026), .planned).isOverdue(today: today), "due today is not late yet")
        XCTAssertFalse(step(due: day(28, 11, 2026), .done).isOverdue(today: today))
        XCTAssertFalse(step(due: day(28, 11, 2026), .dropped).isOverdue(today: today))
        XCTAssertFalse(step(due: nil, .planned).isOverdue(today: today))
    }

    func testProsecutionDeadlinesFromTheFIR() throws {
        let r = makeCase(1, reported: testNow.addingTimeInterval(-100 * 86_400))
        var f = EntryForm.blank(.prosecution, for: r, partnerIDs: [], clock: testClock)
        f["chargeSheetDay"] = "01-10-2026"
        XCTAssertEqual(f.error(for: "chargeSheetDay", record: r, today: today), .beforeFIR, "no FIR day yet")
        f["firDay"] = "15-10-2026"
        XCTAssertEqual(f.error(for: "chargeSheetDay", record: r, today: today), .beforeFIR)
        f["chargeSheetDay"] = ""
        f["firDay"] = "31-08-2026"
        f["sections"] = "bns64"                     // rape: BNSS s.193(2), two calendar months
        f["courtDay"] = "15-01-2027"
        let saved = try f.apply(to: r, by: "asha", clock: testClock).get()
        let p = saved.prosecution
        XCTAssertEqual(p.deadlines?.investigationDue, day(31, 10, 2026))
        XCTAssertEqual(p.deadlines?.informDue, day(29, 11, 2026))
        XCTAssertTrue(p.investigationOverdue(today: today))
        XCTAssertFalse(p.informOverdue(today: today), "the 90th day itself is still in time")
        XCTAssertTrue(p.informOverdue(today: day(30, 11, 2026)))
        XCTAssertEqual(p.courtDays, [day(15, 1, 2027)])
        var filed = p
        filed.chargeSheetDay = day(20, 10, 2026)
        filed.informedDay = day(1, 11, 2026)
        XCTAssertFalse(filed.investigationOverdue(today: today))
        XCTAssertFalse(filed.informOverdue(today: day(1, 12, 2026)))
        XCTAssertEqual(saved.events.last?.kind, .legal)
    }
}

final class CaseloadTests: XCTestCase {
    func testBucketsInTheOrderSheWorksThem() throws {
        let today = day(29, 11, 2026)
        func withSession(_ seq: Int, next: Day?, status: CaseStatus = .counselling) -> CaseRecord {
            var r = makeCase(seq, reported: testNow.addingTimeInterval(-30 * 86_400), status: status)
            r.sessions = [CounsellingSession(number: 1, day: day(10, 11, 2026), mode: .phone, minutes: 30, counsellorID: "kavita",
                                             moodStart: .low, moodEnd: .calm, nextDay: next, recordedAt: testNow)]
            return r
        }
        let waiting = makeCase(1)
        let due = withSession(2, next: today)
        let late = withSession(3, next: day(20, 11, 2026))
        let later = withSession(4, next: day(5, 12, 2026))
        let closed = withSession(5, next: day(1, 11, 2026), status: .closed)
        var alerted = withSession(6, next: day(5, 12, 2026))
        alerted.alerts = [SelfHarmAlert(raisedAt: testNow, raisedBy: "kavita", screeningID: UUID())]
        let buckets = Caseload.buckets([alerted, closed, later, late, due, waiting], today: today)
        // Most urgent first, and nothing open drops out: what is ahead is listed too (issue 17).
        XCTAssertEqual(buckets.map(\.0), [.alert, .overdue, .dueToday, .firstSession, .upcoming, .noNextSession])
        XCTAssertEqual(buckets.map { $0.1.map(\.number.sequence) }, [[6], [3], [2], [1], [4, 6], []])
        XCTAssertEqual(late.sessionDue(today: today), .overdue(since: day(20, 11, 2026)))
        XCTAssertEqual(later.sessionDue(today: today), .scheduled(day(5, 12, 2026)))
        XCTAssertEqual(closed.sessionDue(today: today), .closed)
    }
}

extension CaseloadTests {
    /// Issue 17: a new high-risk 17-year-old sat 10th of 11 among those waiting. Within a part:
    /// minors first, then high risk, then the one waiting longest.
    func testWithinAPartMinorsThenHighRiskThenLongestWaiting() {
        let today = day(29, 11, 2026)
        let days = 86_400.0
        var waiting: [CaseRecord] = (1...9).map { makeCase($0, reported: testNow.addingTimeInterval(-Double(20 - $0) * days)) }
        let minorHigh = makeCase(10, age: 17, reported: testNow, danger: [.strangling, .weapon, .couldKill])
        let high = makeCase(11, reported: testNow.addingTimeInterval(-1 * days), danger: [.strangling, .weapon, .couldKill])
        waiting += [high, minorHigh]
        XCTAssertEqual(high.riskLevel, .high)
        XCTAssertTrue(minorHigh.isMinor)
        let first = Caseload.buckets(waiting.shuffled(), today: today).first { $0.0 == .firstSession }?.1 ?? []
        XCTAssertEqual(first.map(\.number.sequence), [10, 11, 1, 2, 3, 4, 5, 6, 7, 8, 9])
        // After her first session with a next day set she is under "ahead"; with none set, under
        // "no next session": she never drops out.
        var seen = makeCase(12, reported: testNow.addingTimeInterval(-10 * days))
        seen.sessions = [CounsellingSession(number: 1, day: day(25, 11, 2026), mode: .phone, minutes: 30, counsellorID: "kavita",
                                            moodStart: .low, moodEnd: .calm, nextDay: nil, recordedAt: testNow)]
        let parts = Caseload.buckets([seen], today: today)
        XCTAssertEqual(parts.first { $0.0 == .noNextSession }?.1.map(\.number.sequence), [12])
    }
}

final class CareStorageTests: XCTestCase {
    func testARecordWrittenBeforeTheCounsellingLogStillReads() throws {
        let r = makeCase(1)
        let data = try PropertyListEncoder().encode(r)
        guard var dict = try PropertyListSerialization.propertyList(from: data, format: nil) as? [String: Any] else {
            return XCTFail("not a dictionary")
        }
        for key in ["sessions", "screenings", "alerts", "plan", "prosecution", "events"] { dict.removeValue(forKey: key) }
        let old = try PropertyListSerialization.data(fromPropertyList: dict, format: .binary, options: 0)
        let read = try PropertyListDecoder().decode(CaseRecord.self, from: old)
        XCTAssertEqual(read.identity, r.identity)
        XCTAssertTrue(read.sessions.isEmpty && read.plan.isEmpty && read.events.isEmpty)
        XCTAssertEqual(read.prosecution, Prosecution())
    }

    func testAScreeningFromADamagedFileWithTooFewItemsDoesNotCrash() throws {
        // A hand-edited file may hold a PHQ-9 of three items: reading item 9 must not trap.
        struct Raw: Codable { var instrument: Instrument; var items: [Int]; var day: Day }
        let data = try PropertyListEncoder().encode(Raw(instrument: .phq9, items: [1, 2, 3], day: day(1, 1, 2026)))
        let s = try PropertyListDecoder().decode(Screening.self, from: data)
        XCTAssertEqual(s.itemNine, 0)
        XCTAssertFalse(s.needsImmediateAction)
    }

    func testTheExportLeavesOutIdentityAndSessionNotesUnlessRevealed() throws {
        var r = makeCase(1, name: "सुनीता वर्मा")
        try r.addSession(CounsellingSession(number: 1, day: day(29, 11, 2026), mode: .phone, minutes: 30, counsellorID: "kavita",
                                            problem: "गुप्त बात", moodStart: .low, moodEnd: .calm, recordedAt: testNow))
        let masked = CaseExport(r, reveal: false, today: day(29, 11, 2026)).json()
        XCTAssertFalse(masked.contains("सुनीता"))
        XCTAssertFalse(masked.contains("गुप्त बात"))
        XCTAssertFalse(masked.contains("9876543201"))
        XCTAssertTrue(masked.contains("\"minutes\" : 30"))
        let open = CaseExport(r, reveal: true, today: day(29, 11, 2026)).json()
        XCTAssertTrue(open.contains("सुनीता वर्मा") && open.contains("गुप्त बात"))
    }

    func testTheDemoHasACounsellingHistory() {
        let cases = DemoGenerator(seed: 3, count: 200, clock: testClock).cases(stations: (try? testDirectory().stations) ?? [],
                                                                               deskOfficers: ["VJN": "asha"],
                                                                               counsellors: ["VJN": "kavita", "MHK": "sunanda"])
        XCTAssertGreaterThan(cases.filter { !$0.sessions.isEmpty }.count, 100)
        XCTAssertGreaterThan(cases.filter { !$0.screenings.isEmpty }.count, 50)
        XCTAssertGreaterThan(cases.filter { !$0.plan.isEmpty }.count, 20)
        XCTAssertGreaterThan(cases.filter { $0.prosecution.firDay != nil }.count, 20)
        XCTAssertTrue(cases.allSatisfy { $0.events.first?.kind == .intake })
        let today = day(29, 11, 2026)
        XCTAssertTrue(cases.allSatisfy { $0.sessions.allSatisfy { $0.day <= today } }, "no session in the future")
        XCTAssertTrue(cases.allSatisfy { r in r.sessions.allSatisfy { s in s.nextDay.map { $0 > s.day } ?? true } })
    }
}
