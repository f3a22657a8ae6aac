import Foundation

/// Makes a synthetic store: invented women, invented events. Same seed and same day, same store.
/// No name here belongs to a real case: first names and surnames are common ones, paired at random.
public struct DemoGenerator {
    public var seed: UInt64
    public var count: Int
    public var clock: DeskClock

    public init(seed: UInt64, count: Int, clock: DeskClock) {
        self.seed = seed
        self.count = count
        self.clock = clock
    }

    static let firstNames = ["सुनीता", "प्रिया", "रेखा", "अनीता", "पूजा", "लक्ष्मी", "सीमा", "ममता", "कविता", "राधा",
                             "गीता", "सरिता", "मीना", "ज्योति", "नेहा", "रीना", "कमला", "शांति", "आरती", "संगीता",
                             "क्षमा", "दीपिका", "भारती", "सविता", "उषा", "किरण", "मंजू", "सोनू", "पिंकी", "रुक्मिणी"]
    static let surnames = ["वर्मा", "यादव", "पटेल", "शर्मा", "चौहान", "मालवीय", "परमार", "सोलंकी", "राठौर", "कुशवाह",
                           "जाटव", "मीणा", "भील", "गेहलोत", "तिवारी", "पांडे", "सिसोदिया", "बघेल", "डाबी", "निनामा"]
    static let villages = ["ग्राम पिपल्या", "वार्ड 12", "ग्राम खजराना", "ग्राम सांवेर", "वार्ड 7", "ग्राम बड़नगर",
                           "ग्राम तराना", "ग्राम महिदपुर", "वार्ड 31", "ग्राम देपालपुर"]
    static let occupations = ["गृहिणी", "मजदूर", "खेतिहर", "सिलाई", "घरेलू काम", "छात्रा", ""]

    /// The cases, in creation order. Dates fall within the year before the clock's today.
    public func cases(stations: [Station], deskOfficers: [String: String], counsellorID: String = "kavita") -> [CaseRecord] {
        guard !stations.isEmpty else { return [] }
        var rng = SeededRandom(seed: seed)
        let now = clock.now()
        var drafts: [(Date, CaseRecord)] = []
        for _ in 0..<count {
            let station = stations[Int(rng.next() % UInt64(stations.count))]
            let daysAgo = Int(rng.next() % 365)
            let minutes = Int(rng.next() % 600)
            let reportedAt = now.addingTimeInterval(-Double(daysAgo) * 86_400 - Double(minutes) * 60)
            let age = 14 + Int(rng.next() % 50)
            let name = "\(pick(Self.firstNames, &rng)) \(pick(Self.surnames, &rng))"
            let phone = rng.next() % 5 == 0 ? nil : "9" + String(format: "%09llu", rng.next() % 1_000_000_000)
            let category = pick(IncidentCategory.allCases, &rng)
            var answers: [DangerQuestion: Answer] = [:]
            for q in DangerQuestion.allCases {
                let roll = rng.next() % 10
                answers[q] = roll < 2 ? .yes : roll < 8 ? .no : .unknown
            }
            let incidentDay = Day(reportedAt.addingTimeInterval(-Double(rng.next() % 20) * 86_400))
            let status: CaseStatus = daysAgo < 15 ? .open : pick(CaseStatus.allCases, &rng)
            let statsConsent: Answer = rng.next() % 6 == 0 ? .no : .yes
            let uuid = uuidFrom(&rng)
            let record = CaseRecord(
                id: uuid,
                number: CaseNumber(stationCode: station.code, year: 0, sequence: 0),
                stationID: station.id, deskOfficerID: deskOfficers[station.id] ?? "",
                reportedAt: reportedAt, arrival: pick(ArrivalMode.allCases, &rng), status: status,
                identity: Identity(
                    name: name, age: age, ageEstimated: rng.next() % 4 == 0, phone: phone,
                    safeToCall: phone == nil ? .unknown : (rng.next() % 3 == 0 ? .no : .yes),
                    address: pick(Self.villages, &rng), maritalStatus: pick(MaritalStatus.allCases, &rng),
                    occupation: pick(Self.occupations, &rng), dependents: Int(rng.next() % 4),
                    disability: rng.next() % 12 == 0 ? .yes : .no),
                incident: Incident(date: incidentDay, place: pick(PlaceType.allCases, &rng), category: category,
                                   relation: pick(Relation.allCases, &rng),
                                   previousIncidents: rng.next() % 2 == 0 ? .yes : .no),
                risk: RiskAssessment(answers: answers),
                legal: LegalTrack(kind: pick(ComplaintKind.allCases, &rng)),
                needs: ImmediateNeeds(medical: yesNo(&rng), shelter: yesNo(&rng), legalAid: yesNo(&rng),
                                      counselling: .yes),
                consent: Consent(services: .yes, sharing: yesNo(&rng), statistics: statsConsent,
                                 givenBy: age < 18 ? .guardian : .herself),
                createdAt: reportedAt, updatedAt: reportedAt)
            drafts.append((reportedAt, record))
        }
        // Number them in order of report, per station and year, as a desk would have.
        var numbers: [CaseNumber] = []
        var out: [CaseRecord] = []
        // The care history draws on its own stream, so that the women themselves stay as they were.
        var careRng = SeededRandom(seed: seed &+ 0x9E37_79B9)
        let care = DemoCare(counsellorID: counsellorID, today: Day(now))
        for (date, var record) in drafts.sorted(by: { $0.0 < $1.0 }) {
            let year = Day(date).year
            let number = CaseNumber.next(stationCode: record.number.stationCode, year: year, existing: numbers)
            numbers.append(number)
            record.number = number
            care.fill(&record, rng: &careRng)
            out.append(record)
        }
        return out
    }

    private func pick<T>(_ list: [T], _ rng: inout SeededRandom) -> T {
        list[Int(rng.next() % UInt64(list.count))]
    }

    private func yesNo(_ rng: inout SeededRandom) -> Answer { rng.next() % 2 == 0 ? .yes : .no }

    func uuidFrom(_ rng: inout SeededRandom) -> UUID { Self.uuid(&rng) }

    static func uuid(_ rng: inout SeededRandom) -> UUID {
        let a = rng.next(), b = rng.next()
        var bytes = [UInt8](repeating: 0, count: 16)
        for i in 0..<8 {
            bytes[i] = UInt8((a >> (8 * UInt64(i))) & 0xFF)
            bytes[8 + i] = UInt8((b >> (8 * UInt64(i))) & 0xFF)
        }
        bytes[6] = (bytes[6] & 0x0F) | 0x40
        bytes[8] = (bytes[8] & 0x3F) | 0x80
        return UUID(uuid: (bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7],
                           bytes[8], bytes[9], bytes[10], bytes[11], bytes[12], bytes[13], bytes[14], bytes[15]))
    }
}
