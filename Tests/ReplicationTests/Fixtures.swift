import DeskModel
import Foundation

/// 29-11-2026 10:30 IST.
let testNow = Date(timeIntervalSince1970: 1_795_928_400)

func tempFolder(_ name: String = #function) -> URL {
    FileManager.default.temporaryDirectory
        .appendingPathComponent("urja-repl-\(name.filter(\.isLetter))-\(UUID().uuidString)", isDirectory: true)
}

func sampleCase(_ seq: Int = 1, station: String = "VJN", code: String = "IND-VJN") -> CaseRecord {
    var r = CaseRecord(number: CaseNumber(stationCode: code, year: 2026, sequence: seq), stationID: station,
                       deskOfficerID: "asha", reportedAt: testNow, arrival: .walkIn,
                       identity: Identity(name: "सुनीता वर्मा", age: 30, phone: "98765432\(String(format: "%02d", seq % 100))"),
                       incident: Incident(category: .domesticViolence), risk: RiskAssessment(answers: [:]),
                       legal: LegalTrack(), needs: ImmediateNeeds(), consent: Consent(services: .yes),
                       createdAt: testNow, updatedAt: testNow)
    r.events = [CaseEvent(at: testNow, by: "asha", kind: .intake, detail: "")]
    return r
}

func day(_ d: Int, _ m: Int, _ y: Int) -> Day { Day(year: y, month: m, day: d) ?? Day(testNow) }
