import DeskModel
import XCTest

final class RiskTests: XCTestCase {
    func risk(_ yes: [DangerQuestion], no: [DangerQuestion] = []) -> RiskAssessment {
        var answers: [DangerQuestion: Answer] = [:]
        for q in yes { answers[q] = .yes }
        for q in no { answers[q] = .no }
        return RiskAssessment(answers: answers)
    }

    func testNoYesIsLow() {
        XCTAssertEqual(risk([]).level, .low)
        XCTAssertEqual(risk([], no: DangerQuestion.allCases).level, .low)
        XCTAssertFalse(risk([]).safetyPlanNeeded)
    }

    func testEachSevereMarkerAloneIsHigh() {
        for q in DangerQuestion.allCases where q.isSevere {
            XCTAssertEqual(risk([q]).level, .high, q.rawValue)
        }
    }

    func testOneOrTwoOtherMarkersAreMedium() {
        XCTAssertEqual(risk([.escalating]).level, .medium)
        XCTAssertEqual(risk([.jealousy, .pregnantBeaten]).level, .medium)
        XCTAssertTrue(risk([.jealousy]).safetyPlanNeeded)
    }

    func testThreeMarkersAreHigh() {
        XCTAssertEqual(risk([.escalating, .jealousy, .pregnantBeaten]).level, .high)
    }

    func testTheFormsRiskFollowsItsAnswers() {
        var form = filledForm()
        XCTAssertEqual(form.risk.level, .low)
        form[.strangling] = Answer.yes.rawValue
        XCTAssertEqual(form.risk.level, .high)
        form[.strangling] = Answer.no.rawValue
        form[.jealousy] = Answer.yes.rawValue
        XCTAssertEqual(form.risk.level, .medium)
    }

    func testMinorFlagComesFromAge() {
        XCTAssertTrue(Identity(name: "x", age: 17).isMinor)
        XCTAssertFalse(Identity(name: "x", age: 18).isMinor)
        XCTAssertFalse(Identity(name: "x", age: nil).isMinor)
    }
}
