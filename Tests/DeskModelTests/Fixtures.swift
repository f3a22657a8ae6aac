import DeskModel
import Foundation
import XCTest

/// 29-11-2026 10:30 IST, the day every test lives on.
let testNow = Date(timeIntervalSince1970: 1_795_928_400)
let testClock = FixedClock(testNow)

func day(_ d: Int, _ m: Int, _ y: Int) -> Day {
    guard let value = Day(year: y, month: m, day: d) else { fatalError("bad test day") }
    return value
}

func tempFolder(_ name: String = #function) -> URL {
    let url = FileManager.default.temporaryDirectory
        .appendingPathComponent("urja-tests-\(name.filter(\.isLetter))-\(UUID().uuidString)", isDirectory: true)
    return url
}

func testDirectory() throws -> Directory {
    Directory(
        stations: [Station(id: "VJN", code: "IND-VJN", nameEn: "Vijay Nagar", nameHi: "विजय नगर", district: "Indore", range: "Indore"),
                   Station(id: "MHK", code: "UJN-MHK", nameEn: "Mahakal", nameHi: "महाकाल", district: "Ujjain", range: "Ujjain")],
        partners: [],
        users: [User(id: "asha", nameEn: "Asha", nameHi: "आशा", role: .deskOfficer, stationIDs: ["VJN"],
                     pin: try PinHash.make(pin: "1111", rounds: 1000))])
}

/// A valid filled intake form.
func filledForm() -> IntakeForm {
    var form = IntakeForm.blank(stationID: "VJN", clock: testClock)
    form[.name] = "सुनीता वर्मा"
    form[.age] = "32"
    form[.phone] = "9876543210"
    form[.category] = IncidentCategory.domesticViolence.rawValue
    form[.incidentDate] = "20-11-2026"
    form[.consentServices] = Answer.yes.rawValue
    return form
}

func makeCase(_ seq: Int, name: String = "सुनीता वर्मा", age: Int = 30, station: String = "VJN",
              reported: Date = testNow, status: CaseStatus = .open, danger: [DangerQuestion] = []) -> CaseRecord {
    var answers: [DangerQuestion: Answer] = [:]
    for q in danger { answers[q] = .yes }
    return CaseRecord(number: CaseNumber(stationCode: station == "VJN" ? "IND-VJN" : "UJN-MHK", year: 2026, sequence: seq),
                      stationID: station, deskOfficerID: "asha", reportedAt: reported, arrival: .walkIn, status: status,
                      identity: Identity(name: name, age: age, phone: "98765432\(String(format: "%02d", seq % 100))"),
                      incident: Incident(category: .domesticViolence), risk: RiskAssessment(answers: answers),
                      legal: LegalTrack(), needs: ImmediateNeeds(), consent: Consent(services: .yes),
                      createdAt: reported, updatedAt: reported)
}
