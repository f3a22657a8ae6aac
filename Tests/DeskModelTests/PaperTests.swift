import DeskModel
import Foundation
import XCTest

/// Each paper shows only what it may, and is made only by whom it may be.
final class PaperTests: XCTestCase {
    let today = day(29, 11, 2026)
    func person(_ role: Role) throws -> User {
        User(id: "\(role)", nameEn: "U", nameHi: "उ", role: role, stationIDs: ["VJN"], pin: try PinHash.make(pin: "1", rounds: 1000))
    }

    /// A case with an FIR, a referral to a partner, a session with notes and her phone.
    func caseWithCare(sharing: Answer) -> CaseRecord {
        var r = makeCase(7, name: "सुनीता वर्मा")
        r.consent.sharing = sharing
        r.identity.address = "गली 4, खजराना"
        r.identity.safeToCall = .no
        r.incident.relation = .husband
        r.legal = LegalTrack(kind: .fir, number: "112/2026", investigatingOfficer: "SI Rakesh Yadav")
        r.prosecution.firDay = day(21, 11, 2026)
        r.prosecution.offenceCodes = ["bns85"]
        r.plan = [RehabStep(kind: .shelter, partnerID: "wcd", referral: .sent, referralDay: day(22, 11, 2026), createdAt: testNow,
                            createdBy: "asha")]
        r.sessions = [CounsellingSession(number: 1, day: day(23, 11, 2026), mode: .inPerson, minutes: 45, counsellorID: "kavita",
                                         problem: "पति शराब पीकर मारता है", moodStart: .distressed, moodEnd: .calm,
                                         whatWasDone: "सुरक्षा योजना बनाई", nextDay: day(5, 12, 2026), recordedAt: testNow)]
        return r
    }

    func make(_ kind: PaperKind, _ r: CaseRecord, _ role: Role, _ options: PaperOptions = PaperOptions()) throws -> Result<Paper, PaperRefusal> {
        PaperMaker.make(kind, for: r, by: try person(role), partners: [Partner(id: "wcd", nameEn: "OSC", nameHi: "सखी", kind: "wcd")],
                        options: options, today: today)
    }

    func testNoReferralLetterWithoutHerConsentToSharing() throws {
        XCTAssertEqual(try make(.referral, caseWithCare(sharing: .no), .deskOfficer), .failure(.noSharingConsent))
        XCTAssertEqual(try make(.referral, caseWithCare(sharing: .unknown), .deskOfficer), .failure(.noSharingConsent))
        let letter = try make(.referral, caseWithCare(sharing: .yes), .deskOfficer).get()
        XCTAssertEqual(letter.partnerIDs, ["wcd"])
        XCTAssertTrue(letter.caseText.contains("सुनीता वर्मा"))
        // What the partner needs, nothing of the story: no phone (not safe to call), no address, no accused, no notes.
        for secret in ["98765432", "खजराना", "Rakesh", "शराब", "112/2026"] {
            XCTAssertFalse(letter.caseText.joined().contains(secret), secret)
        }
        // Without consent, a recorded exception on the step (danger to life) allows it, as for the referral itself.
        var danger = caseWithCare(sharing: .no)
        danger.plan[0].sharingException = .dangerToLife
        XCTAssertEqual(try make(.referral, danger, .deskOfficer).get().rows.last?.value, [.key("paper.basis.dangerToLife")])
        var none = caseWithCare(sharing: .yes)
        none.plan = []
        XCTAssertEqual(try make(.referral, none, .deskOfficer), .failure(.noReferral))
    }

    func testHerSlipCarriesNothingAnAbuserCouldUse() throws {
        let r = caseWithCare(sharing: .yes)
        let slip = try make(.slip, r, .deskOfficer).get()
        XCTAssertEqual(slip.caseText, ["सुनीता वर्मा", "IND-VJN-2026-0007", "05-12-2026"])
        XCTAssertEqual(slip.ticks, PaperMaker.helplines)
        let discreet = try make(.slip, r, .deskOfficer, PaperOptions(discreet: true)).get()
        XCTAssertEqual(discreet.caseText, ["IND-VJN-2026-0007", "05-12-2026"], "no name at all")
        XCTAssertEqual(discreet.rows.map(\.label), ["reference", "nextDay"])
        XCTAssertEqual(discreet.paragraphs, ["paper.slip.discreetBody"])
    }

    func testTheCounsellingSummaryIsTheCounsellorsAndHasNoNotesUnlessSheAgreed() throws {
        let r = caseWithCare(sharing: .yes)
        XCTAssertEqual(try make(.counsellingSummary, r, .deskOfficer), .failure(.counsellorsOnly))
        XCTAssertEqual(try make(.slip, r, .sp), .failure(.notAllowed), "the SP prints no papers")
        let plain = try make(.counsellingSummary, r, .counsellor).get()
        XCTAssertFalse(plain.caseText.joined().contains("शराब"))
        XCTAssertFalse(plain.caseText.joined().contains("सुरक्षा योजना"))
        XCTAssertEqual(plain.paragraphs, ["paper.summary.noNotes"])
        let agreed = try make(.counsellingSummary, r, .counsellor, PaperOptions(notesAgreed: true)).get()
        XCTAssertTrue(agreed.caseText.joined().contains("शराब"))
        var none = r
        none.sessions = []
        XCTAssertEqual(try make(.counsellingSummary, none, .counsellor), .failure(.noSessions))
        XCTAssertEqual(PaperMaker.kinds(for: try person(.deskOfficer), stationID: "VJN"), [.slip, .referral, .dvNotice, .reliefCertificate])
        XCTAssertEqual(PaperMaker.kinds(for: try person(.deskOfficer), stationID: "MHK"), [], "not her station")
    }

    func testTheNoticeAndTheCertificate() throws {
        let r = caseWithCare(sharing: .yes)
        let notice = try make(.dvNotice, r, .deskOfficer).get()
        XCTAssertEqual(notice.ticks, PaperMaker.dvDuties)
        XCTAssertEqual(notice.partnerIDs, ["wcd"])
        var stalking = r
        stalking.incident.category = .stalking
        XCTAssertEqual(try make(.dvNotice, stalking, .deskOfficer), .failure(.notDomesticViolence))
        let cert = try make(.reliefCertificate, r, .deskOfficer).get()
        XCTAssertEqual(cert.rows.map(\.label), ["name", "age", "caseNumber", "complaint", "sections", "needs"])
        XCTAssertEqual(cert.rows.first { $0.label == "sections" }?.value, [.key("choice.offence.bns85")])
    }
}
