@testable import DeskUI
import DeskModel
import XCTest

/// Whole screens as text, at 80x24 and 120x40, in English and Hindi.
final class ScreenSnapshotTests: XCTestCase {
    /// Runs `steps` on a fresh desk for each size and language and checks the screen.
    func check(_ name: String, cases: Int = 12, file: StaticString = #filePath, line: UInt = #line,
               steps: (Harness) -> Void) throws {
        try checkSnapshots(name, cases: cases, file: file, line: line, steps: steps)
    }

    func testLogin() throws {
        try check("login") { h in h.type("asha") }
    }

    func testMainMenu() throws {
        try check("menu") { h in h.login("asha", "1111") }
    }

    func testQueue() throws {
        try check("queue", cases: 40) { h in
            h.login("asha", "1111")
            h.press(.char("2"))
        }
    }

    func testIntakeIdentityInHindiWithErrors() throws {
        try check("intake-identity") { h in
            h.login("asha", "1111")
            h.press(.char("1"), .pageDown, .pageDown)
            h.type("पीड़िता क्षमा प्रदीप")
            h.press(.tab)
            h.type("16")
            h.press(.tab, .tab)
            h.type("98765abc")
            h.press(.tab)
        }
    }

    func testIntakeRiskSection() throws {
        try check("intake-risk") { h in
            h.login("asha", "1111")
            h.press(.char("1"), .pageDown, .pageDown, .pageDown, .pageDown)
            h.type("y")
            h.press(.tab)
            h.type("n")
            h.press(.tab)
            h.type("y")
            h.press(.tab)
        }
    }

    func testIntakePickList() throws {
        try check("intake-picklist") { h in
            h.login("asha", "1111")
            h.press(.char("1"), .pageDown, .pageDown, .pageDown, .tab, .tab, .enter, .down, .down)
        }
    }

    /// A child's case with an FIR: which law, what is due by when, the sections picked, each deadline
    /// with the section of the BNSS it comes from.
    func testLegalTab() throws {
        try check("legal", cases: 0) { h in
            let r = Self.legalCase(h)
            h.login("asha", "1111")
            h.openCase(r.number.description)
            h.press(.char("4"))
        }
    }

    /// The FIR form's sections: several marked in the pick list.
    func testFIRSectionsPickList() throws {
        try check("fir-sections", cases: 0) { h in
            let r = Self.legalCase(h)
            h.login("asha", "1111")
            h.openCase(r.number.description)
            h.press(.char("4"), .function(3), .enter, .tab, .enter)
        }
    }

    /// The intake opens with her consent, after telling her what the desk does with what she says.
    func testIntakeConsentFirst() throws {
        try check("intake-consent") { h in
            h.login("asha", "1111")
            h.press(.char("1"), .pageDown)
        }
    }

    func testCaseDetail() throws {
        try check("detail", cases: 12) { h in
            h.login("asha", "1111")
            h.press(.char("2"), .enter)
        }
    }

    func testHelp() throws {
        try check("help") { h in
            h.login("asha", "1111")
            h.press(.char("2"), .function(1))
        }
    }

    func testTooSmall() throws {
        for lang in Language.allCases {
            let h = try Harness(rows: 20, cols: 60)
            defer { h.cleanUp() }
            h.ctx.language = lang
            assertSnapshot(h.screen, named: "too-small-\(lang.rawValue)")
        }
    }

    /// A 15-year-old's case (synthetic) with an FIR of 1 October 2026 under POCSO 4 and BNS 64, and
    /// the sections typed by hand in an older version.
    static func legalCase(_ h: Harness) -> CaseRecord {
        var form = IntakeForm.blank(stationID: "VJN", clock: testClock)
        form[.name] = "परीक्षा नमूना"
        form[.age] = "15"
        form[.category] = IncidentCategory.sexualAssault.rawValue
        form[.relation] = Relation.acquaintance.rawValue
        form[.consentServices] = Answer.yes.rawValue
        form[.consentGivenBy] = ConsentGiver.guardian.rawValue
        form[.complaintKind] = ComplaintKind.fir.rawValue
        form[.complaintNumber] = "0412/2026"
        form[.sections] = "376 IPC, 4 POCSO"
        guard let number = try? h.ctx.claimNumber(stationID: "VJN"),
              var r = try? form.makeCase(number: number, deskOfficerID: "asha", clock: testClock).get() else {
            XCTFail("case")
            return makeBlank()
        }
        r.prosecution = Prosecution(firDay: Day(year: 2026, month: 10, day: 1), offences: [.pocso4, .bns64])
        XCTAssertNoThrow(try h.ctx.save(r, isNew: true))
        return r
    }

    static func makeBlank() -> CaseRecord {
        CaseRecord(number: CaseNumber(stationCode: "IND-VJN", year: 2026, sequence: 999), stationID: "VJN", deskOfficerID: "asha",
                   reportedAt: testNow, arrival: .walkIn, identity: Identity(name: "x"), incident: Incident(category: .other),
                   risk: RiskAssessment(), legal: LegalTrack(), needs: ImmediateNeeds(), consent: Consent(), createdAt: testNow,
                   updatedAt: testNow)
    }
}
