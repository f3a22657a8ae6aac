import DeskModel
import XCTest

final class AccessTests: XCTestCase {
    func user(_ role: Role, _ stations: [String]) throws -> User {
        User(id: "u", nameEn: "U", nameHi: "उ", role: role, stationIDs: stations, pin: try PinHash.make(pin: "1", rounds: 1000))
    }

    /// The whole table, written out: role by right.
    func testTheTable() throws {
        let expected: [Role: [Right: Bool]] = [
            .deskOfficer: [.viewCases: true, .revealIdentity: true, .revealWithReason: false, .newIntake: true, .editCase: true, .changeStatus: true, .checkStore: false, .readAudit: false, .giveDirective: false, .answerDirective: true,
                .counsel: false, .readNotes: false, .editPlan: true, .editLegal: true, .closeAlert: true, .addRemark: true, .reviewStations: false, .makeReports: true, .changeSettings: false, .backupRestore: false, .manageKeys: false, .approveClosure: false, .recordEvents: true, .printPapers: true],
            .counsellor: [.viewCases: true, .revealIdentity: true, .revealWithReason: false, .newIntake: false, .editCase: true, .changeStatus: true, .checkStore: false, .readAudit: false, .giveDirective: false, .answerDirective: false,
                .counsel: true, .readNotes: true, .editPlan: true, .editLegal: false, .closeAlert: true, .addRemark: true, .reviewStations: false, .makeReports: false, .changeSettings: false, .backupRestore: false, .manageKeys: false, .approveClosure: false, .recordEvents: false, .printPapers: true],
            .sp: [.viewCases: true, .revealIdentity: false, .revealWithReason: true, .newIntake: false, .editCase: false, .changeStatus: false, .checkStore: false, .readAudit: true, .giveDirective: true, .answerDirective: false,
                .counsel: false, .readNotes: false, .editPlan: false, .editLegal: false, .closeAlert: false, .addRemark: false, .reviewStations: true, .makeReports: true, .changeSettings: false, .backupRestore: false, .manageKeys: false, .approveClosure: true, .recordEvents: true, .printPapers: false],
            .sho: [.viewCases: true, .revealIdentity: false, .revealWithReason: true, .newIntake: false, .editCase: false, .changeStatus: false, .checkStore: false, .readAudit: false, .giveDirective: false, .answerDirective: false,
                .counsel: false, .readNotes: false, .editPlan: false, .editLegal: false, .closeAlert: false, .addRemark: false, .reviewStations: true, .makeReports: true, .changeSettings: false, .backupRestore: false, .manageKeys: false, .approveClosure: true, .recordEvents: false, .printPapers: true],
            .admin: [.viewCases: true, .revealIdentity: false, .revealWithReason: false, .newIntake: false, .editCase: false, .changeStatus: false, .checkStore: true, .readAudit: true, .giveDirective: false, .answerDirective: false,
                .counsel: false, .readNotes: false, .editPlan: false, .editLegal: false, .closeAlert: false, .addRemark: false, .reviewStations: true, .makeReports: true, .changeSettings: true, .backupRestore: true, .manageKeys: true, .approveClosure: false, .recordEvents: false, .printPapers: false],
        ]
        for role in Role.allCases {
            let u = try user(role, [])
            for right in Right.allCases {
                XCTAssertEqual(Access.allows(u, right), expected[role]?[right], "\(role) \(right)")
            }
        }
    }

    func testRightsStopAtTheStationsSheWorksAt() throws {
        let desk = try user(.deskOfficer, ["VJN"])
        XCTAssertTrue(Access.allows(desk, .revealIdentity, stationID: "VJN"))
        XCTAssertFalse(Access.allows(desk, .revealIdentity, stationID: "MHK"))
        XCTAssertFalse(Access.allows(desk, .viewCases, stationID: "MHK"))
        let sp = try user(.sp, [])
        XCTAssertTrue(Access.allows(sp, .viewCases, stationID: "MHK"), "an empty list is every station")
        XCTAssertFalse(Access.allows(nil, .viewCases), "nobody logged in may do nothing")
    }
}
