// Over 300 lines: every rule of issue 14's 'wrong today' list, each pinned where the law says it.
@testable import DeskModel
import Foundation
import XCTest

/// Issue 14, "wrong today": the legal track follows the FIR's sections, a child's case follows the
/// child law that fits it, consent is checked where it matters, and the risk shown never hides an
/// open self-harm alert. Fixed clock: 29-11-2026 10:30.
final class LegalPathTests: XCTestCase {
    let today = day(29, 11, 2026)

    // MARK: Sections and deadlines

    func testTheTwoMonthRuleCoversExactlyTheSectionsOfS193_2() {
        let two = Set(Offence.allCases.filter(\.hasTwoMonthInvestigation))
        XCTAssertEqual(two, [.bns64, .bns65, .bns66, .bns67, .bns68, .bns70, .bns71, .pocso4, .pocso6, .pocso8, .pocso10])
        for o in [Offence.bns69, .bns74, .bns75, .bns78, .bns85, .bns86, .pocso12, .dowry4, .it66E, .pcma9, .itpa5] {
            XCTAssertFalse(o.hasTwoMonthInvestigation, o.rawValue)
        }
        XCTAssertEqual(Set(Offence.allCases.map(\.act)), Set(Act.allCases), "every act has its sections")
    }

    func testCrueltyHasOnlyTheNinetyDayDuty() {
        var p = Prosecution(firDay: day(1, 8, 2026), offences: [.bns85, .bns86])
        XCTAssertNil(p.deadlines?.investigationDue, "no two months for cruelty")
        XCTAssertFalse(p.investigationOverdue(today: today), "119 days after the FIR, and never flagged for it")
        XCTAssertEqual(p.deadlines?.informDue, day(30, 10, 2026))
        XCTAssertTrue(p.informOverdue(today: today))
        p.informedDay = day(30, 10, 2026)
        XCTAssertFalse(p.deadlinePassed(today: today), "told her on the last day")
        // Add a rape section: the two months apply to the whole FIR.
        p.offences = [.bns85, .bns64]
        XCTAssertEqual(p.deadlines?.investigationDue, day(1, 10, 2026))
        XCTAssertTrue(p.investigationOverdue(today: today))
        p.chargeSheetDay = day(1, 10, 2026)
        XCTAssertFalse(p.deadlinePassed(today: today))
    }

    func testNoSectionsNoTwoMonthFlag() {
        // An old record (sections typed as text) cannot be judged: no false "deadline missed".
        let p = Prosecution(firDay: day(1, 1, 2026))
        XCTAssertNil(p.deadlines?.investigationDue)
        XCTAssertFalse(p.investigationOverdue(today: today))
    }

    func testAClosureReportEndsEveryDeadline() {
        var r = makeCase(1, reported: testNow.addingTimeInterval(-200 * 86_400))
        r.prosecution = Prosecution(firDay: day(1, 5, 2026), offences: [.bns64])
        let settings = ReviewSettings.standard
        XCTAssertTrue(CaseSummary(r).flags(today: today, now: testNow, settings: settings).contains(.legalPassed))
        r.prosecution.outcome = .closureReport
        for later in [today, day(29, 2, 2028), day(31, 12, 2030)] {
            XCTAssertFalse(r.prosecution.deadlinePassed(today: later))
            XCTAssertFalse(CaseSummary(r).flags(today: later, now: testNow, settings: settings).contains(.legalPassed))
        }
        // Through the index line too.
        let line = SummaryLine.encode(CaseSummary(r))
        XCTAssertEqual(SummaryLine.decode(Substring(line))?.outcome, .closureReport)
        XCTAssertFalse(SummaryLine.decode(Substring(line))?.flags(today: today, now: testNow, settings: settings).contains(.legalPassed) ?? true)
    }

    func testSectionsArePickedFromTheListInTheFIRForm() throws {
        let r = makeCase(1)
        var form = EntryForm.blank(.prosecution, for: r, partnerIDs: [], clock: testClock)
        form["firDay"] = "01-10-2026"
        form["sections"] = "bns86,bns85,dowry4"
        let saved = try form.apply(to: r, by: "asha", clock: testClock).get()
        XCTAssertEqual(saved.prosecution.offences, [.bns85, .bns86, .dowry4], "in list order")
        XCTAssertTrue(saved.events.last?.detail.contains("sections bns85,bns86,dowry4") ?? false)
        form["sections"] = "bns85,IPC498A"
        XCTAssertEqual(form.error(for: "sections", record: r, today: today), .unknownOption, "never free text")
        // An unknown code from a later version is kept when the form is saved again.
        var later = saved
        later.prosecution.offenceCodes.append("bns999")
        var again = EntryForm.blank(.prosecution, for: later, partnerIDs: [], clock: testClock)
        XCTAssertEqual(again["sections"], "bns85,bns86,dowry4,bns999")
        again["sections"] = Offence.codes(again["sections"]).joined(separator: ",")
        XCTAssertEqual(try again.apply(to: later, by: "asha", clock: testClock).get().prosecution.offenceCodes,
                       ["bns85", "bns86", "dowry4", "bns999"])
    }

    // MARK: Compromise only where the law allows it

    func testCompromiseIsOfferedOnlyWhenEverySectionIsCompoundable() {
        let r = makeCase(1)
        var form = EntryForm.blank(.prosecution, for: r, partnerIDs: [], clock: testClock)
        func outcomes() -> [String] {
            guard case .choice(_, let options, _) = form.field("outcome")?.kind else { return [] }
            return options
        }
        XCTAssertFalse(outcomes().contains("compromise"), "no sections: no compromise")
        form["sections"] = "bns85,bns86"
        XCTAssertFalse(outcomes().contains("compromise"), "cruelty cannot be compounded")
        form["outcome"] = "compromise"
        XCTAssertEqual(form.error(for: "outcome", record: r, today: today), .unknownOption)
        form["sections"] = "bns79,bns351"
        XCTAssertTrue(outcomes().contains("compromise"))
        XCTAssertNil(form.error(for: "outcome", record: r, today: today))
        form["sections"] = "bns79,bns74"
        XCTAssertNotNil(form.error(for: "outcome", record: r, today: today), "one section not compoundable is enough")
        XCTAssertFalse([Offence.bns79, .bns74].allCompoundable)
        XCTAssertFalse([Offence]().allCompoundable)
        for o in [Offence.bns64, .bns70, .bns74, .bns85, .dowry3, .pocso8, .pcma10, .itpa5, .it67A, .scst3_1w] {
            XCTAssertFalse(o.isCompoundable, o.rawValue)
        }
        // A closure report cannot sit beside a charge sheet.
        form["sections"] = "bns85"
        form["outcome"] = "closureReport"
        form["firDay"] = "01-09-2026"
        form["chargeSheetDay"] = "01-10-2026"
        XCTAssertEqual(form.error(for: "outcome", record: r, today: today), .closureWithChargeSheet)
    }

    // MARK: Children

    func testWhichChildLawApplies() {
        func duty(_ age: Int, _ c: IncidentCategory, _ o: [Offence] = [], _ rel: Relation? = nil, care: Answer = .unknown) -> ChildDuty? {
            ChildDuty.applying(age: age, category: c, offences: o, relation: rel, needsCare: care)
        }
        XCTAssertEqual(duty(15, .sexualAssault), .pocso)
        XCTAssertEqual(duty(16, .stalking, [.pocso12]), .pocso)
        XCTAssertEqual(duty(17, .cyber, [.it67B]), .pocso)
        XCTAssertEqual(duty(16, .childMarriage), .childMarriage)
        XCTAssertEqual(duty(16, .domesticViolence, [.pcma9]), .childMarriage)
        XCTAssertEqual(duty(14, .missing), .careAndProtection)
        XCTAssertEqual(duty(14, .trafficking, [.bns143, .itpa5]), .careAndProtection, "a trafficked child: JJ Act")
        XCTAssertEqual(duty(15, .domesticViolence, [], .parent), .careAndProtection, "hurt at home by her parent")
        XCTAssertEqual(duty(17, .other, care: .yes), .careAndProtection)
        XCTAssertNil(duty(17, .stalking, [.bns78], .stranger), "a child stalked by a stranger: neither")
        XCTAssertNil(duty(18, .sexualAssault), "18 is not a child")
        XCTAssertNil(ChildDuty.applying(age: nil, category: .sexualAssault, offences: [], relation: nil, needsCare: .yes))
    }

    func testTheTwentyFourHoursAreTheLawsNotASetting() throws {
        var r = makeCase(1, age: 15)
        r.incident.category = .sexualAssault
        XCTAssertEqual(r.childDuty, .pocso)
        XCTAssertTrue(r.cwcPending)
        XCTAssertFalse(r.cwcLate(now: testNow.addingTimeInterval(24 * 3600)), "the 24th hour itself is in time")
        XCTAssertTrue(r.cwcLate(now: testNow.addingTimeInterval(24 * 3600 + 60)))
        // A settings file that still says 48 hours changes nothing.
        let old = try PropertyListSerialization.data(fromPropertyList: ["noContactDays": 7, "cwcReportHours": 48],
                                                     format: .binary, options: 0)
        let settings = try PropertyListDecoder().decode(ReviewSettings.self, from: old)
        XCTAssertEqual(settings.cwcReportHours, 48, "an old settings file still reads")
        XCTAssertTrue(CaseSummary(r).cwcReportLate(now: testNow.addingTimeInterval(25 * 3600)))
        XCTAssertTrue(CaseSummary(r).flags(today: today, now: testNow, settings: settings).contains(.minorPending))
        // Once the CWC day is recorded, the flag goes.
        r.prosecution.cwcReportDay = today
        XCTAssertFalse(r.cwcPending)
        XCTAssertFalse(CaseSummary(r).flags(today: today, now: testNow, settings: settings).contains(.minorPending))
        // A child with no child-law duty raises no CWC flag.
        var stalked = makeCase(2, age: 17)
        stalked.incident = Incident(category: .stalking, relation: .stranger)
        XCTAssertNil(stalked.childDuty)
        XCTAssertFalse(CaseSummary(stalked).flags(today: today, now: testNow, settings: settings).contains(.minorPending))
    }

    // MARK: Consent

    func testAGuardianOnTheAccusedSideIsWarnedOf() {
        var form = filledForm()
        form[.age] = "15"
        form[.consentGivenBy] = ConsentGiver.herself.rawValue
        XCTAssertEqual(form.error(for: .consentGivenBy, today: today), .guardianForMinor)
        form[.consentGivenBy] = ConsentGiver.guardian.rawValue
        XCTAssertNil(form.error(for: .consentGivenBy, today: today))
        XCTAssertNil(form.warning(for: .consentGivenBy), "no relation given")
        for rel in [Relation.parent, .relative] {
            form[.relation] = rel.rawValue
            XCTAssertEqual(form.warning(for: .consentGivenBy), .guardianAccusedSide, rel.rawValue)
        }
        form[.relation] = Relation.stranger.rawValue
        XCTAssertNil(form.warning(for: .consentGivenBy))
        form[.relation] = Relation.parent.rawValue
        for giver in [ConsentGiver.cwc, .supportPerson] {
            form[.consentGivenBy] = giver.rawValue
            XCTAssertNil(form.error(for: .consentGivenBy, today: today))
            XCTAssertNil(form.warning(for: .consentGivenBy), "the CWC or a support person is the answer")
        }
        form[.age] = "30"
        form[.consentGivenBy] = ConsentGiver.guardian.rawValue
        XCTAssertNil(form.warning(for: .consentGivenBy), "an adult")
        // It saves: a warning, not a refusal.
        form[.age] = "15"
        let saved = try? form.makeCase(number: CaseNumber(stationCode: "IND-VJN", year: 2026, sequence: 1), deskOfficerID: "asha",
                                       clock: testClock).get()
        XCTAssertEqual(saved?.consent.givenBy, .guardian)
    }

    func testAReferralNeedsHerSharingConsentOrARecordedException() throws {
        var r = makeCase(1)
        r.consent.sharing = .no
        var form = EntryForm.blank(.step, for: r, partnerIDs: ["wcd", "nrlm"], clock: testClock)
        form["stepKind"] = StepKind.shelter.rawValue
        form["partner"] = "wcd"
        form["referral"] = ReferralState.sent.rawValue
        XCTAssertTrue(form.fields.contains { $0.key == "sharingException" })
        XCTAssertEqual(form.error(for: "referral", record: r, today: today), .sharingConsentNeeded)
        guard case .failure(let e) = form.apply(to: r, by: "asha", clock: testClock) else { return XCTFail("refused") }
        XCTAssertEqual(e.errors.first?.0, "referral")
        form["sharingException"] = SharingException.child.rawValue
        XCTAssertEqual(form.error(for: "referral", record: r, today: today), .exceptionNotChild, "she is 30")
        form["sharingException"] = SharingException.dangerToLife.rawValue
        let saved = try form.apply(to: r, by: "asha", clock: testClock).get()
        XCTAssertEqual(saved.plan.first?.sharingException, .dangerToLife, "the exception is recorded with the step")
        // A child: the child exception holds.
        var child = makeCase(2, age: 14)
        child.consent.sharing = .unknown
        form["sharingException"] = SharingException.child.rawValue
        XCTAssertNil(form.error(for: "referral", record: child, today: today))
        // With her consent, nothing more is asked; a step that is not a referral needs nothing.
        r.consent.sharing = .yes
        form["sharingException"] = ""
        XCTAssertNil(form.error(for: "referral", record: r, today: today))
        r.consent.sharing = .no
        form["referral"] = ReferralState.notReferred.rawValue
        form["partner"] = ""
        XCTAssertNil(form.error(for: "referral", record: r, today: today))
        XCTAssertFalse(form.fields.contains { $0.key == "sharingException" })
        // A step referred before this rule is not blocked when it moves on.
        var old = makeCase(3)
        old.consent.sharing = .no
        let step = RehabStep(kind: .shgLinkage, partnerID: "nrlm", referral: .sent, referralDay: day(1, 11, 2026),
                             createdAt: testNow, createdBy: "asha")
        old.plan = [step]
        var edit = EntryForm.editing(step, of: old, partnerIDs: ["nrlm"])
        edit["referral"] = ReferralState.accepted.rawValue
        XCTAssertNil(edit.error(for: "referral", record: old, today: today))
    }

    // MARK: Risk

    func testTheRiskShownIsAtLeastHighWhileAnAlertIsOpen() throws {
        var r = makeCase(1)
        XCTAssertEqual(r.riskLevel, .low)
        r.alerts = [SelfHarmAlert(raisedAt: testNow, raisedBy: "kavita", screeningID: UUID())]
        XCTAssertEqual(r.riskLevel, .high)
        XCTAssertEqual(r.risk.level, .low, "the danger answers are not changed")
        XCTAssertEqual(CaseSummary(r).risk, .high, "the SP's review")
        try r.closeAlert(note: "Tele-MANAS 14416 called with her", by: "kavita", at: testNow)
        XCTAssertEqual(r.riskLevel, .low, "closed: back to the answers' level")
        // An index line written before (low, alert open) reads as high.
        r.alerts = [SelfHarmAlert(raisedAt: testNow, raisedBy: "kavita", screeningID: UUID())]
        var s = CaseSummary(r)
        s.risk = .low
        XCTAssertEqual(SummaryLine.decode(Substring(SummaryLine.encode(s)))?.risk, .high)
    }

    // MARK: Intake order

    func testConsentComesFirstAndTheUrgentMedicalNeedEarly() throws {
        XCTAssertEqual(Array(IntakeSection.allCases.prefix(3)), [.report, .consent, .identity])
        let order = IntakeField.allCases
        XCTAssertEqual(IntakeField.fields(in: .report), [.arrival, .reportedOn, .needMedical])
        XCTAssertEqual(IntakeField.fields(in: .consent).first, .consentServices)
        let pos = { (f: IntakeField) in order.firstIndex(of: f) ?? 99 }
        XCTAssertLessThan(pos(.consentServices), pos(.name))
        XCTAssertLessThan(pos(.needMedical), pos(.name))
        XCTAssertFalse(order.contains(.sections), "sections are picked on the Legal tab")
        XCTAssertEqual(Set(order).count, order.count)
        // Every field still belongs to a section in the form's order.
        XCTAssertEqual(order, IntakeSection.allCases.flatMap(IntakeField.fields(in:)))
        // A draft saved while she was in the old sections field still opens.
        var draft = filledForm()
        draft.values["sections"] = "498A IPC"
        draft.lastField = .sections
        let data = try PropertyListEncoder().encode(draft)
        XCTAssertEqual(try PropertyListDecoder().decode(IntakeForm.self, from: data).lastField, .sections)
    }

    // MARK: Old records

    /// A record written before this change (free-text sections, no picked ones, no child question,
    /// no sharing exception, consent by a guardian) reads, and shows its old text.
    func testAnOldRecordStillReads() throws {
        var r = makeCase(1, age: 16)
        r.legal = LegalTrack(kind: .fir, number: "112/2026", sections: "498A, 354 IPC")
        r.consent.givenBy = .guardian
        r.prosecution = Prosecution(firDay: day(1, 6, 2026), outcome: .compromise)
        r.plan = [RehabStep(kind: .shelter, partnerID: "wcd", referral: .sent, createdAt: testNow, createdBy: "asha")]
        let encoded = try PropertyListEncoder().encode(r)
        guard var plist = try PropertyListSerialization.propertyList(from: encoded, format: nil) as? [String: Any],
              var incident = plist["incident"] as? [String: Any], var pros = plist["prosecution"] as? [String: Any],
              var plan = plist["plan"] as? [[String: Any]] else { return XCTFail("plist") }
        incident.removeValue(forKey: "childNeedsCare")
        pros.removeValue(forKey: "offenceCodes")
        plan[0].removeValue(forKey: "sharingException")
        plist["incident"] = incident
        plist["prosecution"] = pros
        plist["plan"] = plan
        let old = try PropertyListSerialization.data(fromPropertyList: plist, format: .binary, options: 0)
        let read = try PropertyListDecoder().decode(CaseRecord.self, from: old)
        XCTAssertEqual(read.legal.sections, "498A, 354 IPC", "the old text is kept")
        XCTAssertEqual(read.prosecution.offences, [])
        XCTAssertEqual(read.prosecution.outcome, .compromise, "an old outcome is shown as it was")
        XCTAssertEqual(read.incident.childNeedsCare, .unknown)
        XCTAssertNil(read.plan.first?.sharingException)
        XCTAssertFalse(read.prosecution.investigationOverdue(today: today))
        // Edited through the intake, the old text stays.
        let edited = try IntakeForm(editing: read).update(read, by: "asha", clock: testClock).get()
        XCTAssertEqual(edited.legal.sections, "498A, 354 IPC")
        // An s1 index line (before the sections) still reads; a child in it is still asked for.
        var s1 = SummaryLine.encode(CaseSummary(read)).split(separator: "\t", omittingEmptySubsequences: false).prefix(22).map(String.init)
        s1[0] = "s1"
        let line = SummaryLine.decode(Substring(s1.joined(separator: "\t")))
        XCTAssertEqual(line?.id, read.id)
        XCTAssertNotNil(line?.childDuty)
    }
}
