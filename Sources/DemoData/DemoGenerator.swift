import DeskModel
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
    /// Where she lives: a village or ward of her station's district.
    static let villagesByDistrict = ["Indore": ["ग्राम पिपल्या", "वार्ड 12", "ग्राम खजराना", "ग्राम सांवेर", "ग्राम देपालपुर", "वार्ड 31"],
                                     "Ujjain": ["ग्राम बड़नगर", "वार्ड 7", "ग्राम तराना", "ग्राम महिदपुर", "वार्ड 18"]]
    static let villages = villagesByDistrict.keys.sorted().flatMap { villagesByDistrict[$0] ?? [] }
    static let wards = ["वार्ड 4", "वार्ड 9", "वार्ड 22"]
    static let occupations = ["गृहिणी", "मजदूर", "खेतिहर", "सिलाई", "घरेलू काम", "छात्रा", ""]
    /// How often each kind of case comes to a desk (repeats weight the draw): domestic violence most.
    static let categories: [IncidentCategory] = [.domesticViolence, .domesticViolence, .domesticViolence, .dowry, .dowry,
                                                 .sexualAssault, .stalking, .cyber, .trafficking, .childMarriage, .missing, .other]

    /// The cases, in creation order. Dates fall within the year before the clock's today. Each
    /// case fits its category (`DemoStory`); its sessions are logged by the counsellor of its own
    /// station (`counsellors`: station ID → user ID); a station without one has no counselling.
    public func cases(stations: [Station], deskOfficers: [String: String], counsellors: [String: String] = [:],
                      sps: [String: String] = [:]) -> [CaseRecord] {
        guard !stations.isEmpty else { return [] }
        var rng = SeededRandom(seed: seed)
        let now = clock.now()
        var drafts: [(Date, CaseRecord)] = []
        for _ in 0..<count {
            let station = stations[Int(rng.next() % UInt64(stations.count))]
            let daysAgo = Int(rng.next() % 365)
            let minutes = Int(rng.next() % 600)
            let reportedAt = now.addingTimeInterval(-Double(daysAgo) * 86_400 - Double(minutes) * 60)
            let category = pick(Self.categories, &rng)
            let profile = DemoStory.profile(category)
            let age = profile.ages.lowerBound + Int(rng.next() % UInt64(profile.ages.count))
            let marital = pick(DemoStory.maritalStatuses(category, age: age), &rng)
            let dependents = Int(rng.next() % UInt64(DemoStory.maxDependents(age: age, marital: marital, category: category) + 1))
            let relation = pick(DemoStory.relations(category, marital: marital, minor: age < 18), &rng)
            let name = "\(pick(Self.firstNames, &rng)) \(pick(Self.surnames, &rng))"
            let phone = rng.next() % 5 == 0 ? nil : "9" + String(format: "%09llu", rng.next() % 1_000_000_000)
            var answers: [DangerQuestion: Answer] = [:]
            for q in DangerQuestion.allCases {
                let roll = rng.next() % 10
                answers[q] = roll < 2 ? .yes : roll < 8 ? .no : .unknown
            }
            // Beaten while pregnant: asked of a married woman only.
            if marital == .single || age < 18 { answers[.pregnantBeaten] = .no }
            let incidentDay = Day(reportedAt.addingTimeInterval(-Double(rng.next() % 20) * 86_400))
            let complaint = pick(profile.complaints, &rng)
            var status: CaseStatus = daysAgo < 15 ? .open : pick(CaseStatus.allCases, &rng)
            // No counsellor at her station: no counselling or rehabilitation; the legal stage needs a complaint.
            if counsellors[station.id] == nil, [.counselling, .rehabilitation].contains(status) { status = .open }
            if status == .legal, ![.fir, .eFIR, .zeroFIR].contains(complaint) { status = counsellors[station.id] == nil ? .open : .counselling }
            let statsConsent: Answer = rng.next() % 6 == 0 ? .no : .yes
            let uuid = uuidFrom(&rng)
            // A girl's consent: her guardian, or the CWC or a support person when her family is accused.
            let familyAccused = [.parent, .relative].contains(relation)
            let givenBy: ConsentGiver = age >= 18 ? .herself : familyAccused ? (rng.next() % 2 == 0 ? .cwc : .supportPerson) : .guardian
            let occupations = age < 18 ? ["छात्रा", "छात्रा", ""] : age < 25 ? Self.occupations : Self.occupations.filter { $0 != "छात्रा" }
            let record = CaseRecord(
                id: uuid,
                number: CaseNumber(stationCode: station.code, year: 0, sequence: 0),
                stationID: station.id, deskOfficerID: deskOfficers[station.id] ?? "",
                reportedAt: reportedAt, arrival: pick(ArrivalMode.allCases, &rng), status: status,
                identity: Identity(
                    name: name, age: age, ageEstimated: rng.next() % 4 == 0, phone: phone,
                    safeToCall: phone == nil ? .unknown : (rng.next() % 3 == 0 ? .no : .yes),
                    address: pick(Self.villagesByDistrict[station.district] ?? Self.wards, &rng), maritalStatus: marital,
                    occupation: pick(occupations, &rng), dependents: dependents,
                    disability: rng.next() % 12 == 0 ? .yes : .no),
                incident: Incident(date: incidentDay, place: pick(profile.places, &rng), category: category,
                                   relation: relation,
                                   previousIncidents: rng.next() % 2 == 0 ? .yes : .no,
                                   childNeedsCare: age < 18 && [.missing, .trafficking, .childMarriage].contains(category) ? .yes : .unknown),
                risk: RiskAssessment(answers: answers),
                legal: LegalTrack(kind: complaint),
                needs: ImmediateNeeds(medical: category == .sexualAssault ? .yes : yesNo(&rng), shelter: yesNo(&rng), legalAid: yesNo(&rng),
                                      counselling: .yes),
                consent: Consent(services: .yes, sharing: yesNo(&rng), statistics: statsConsent, givenBy: givenBy),
                createdAt: reportedAt, updatedAt: reportedAt)
            drafts.append((reportedAt, record))
        }
        // Number them in order of report, per station and year, as a desk would have.
        var numbers: [CaseNumber] = []
        var out: [CaseRecord] = []
        // The care history draws on its own stream, so that the women themselves stay as they were.
        var careRng = SeededRandom(seed: seed &+ 0x9E37_79B9)
        // The paths (safety plan, contacts, DV Act, compensation, closure) on a stream of their own.
        var pathRng = SeededRandom(seed: seed &+ 0x0014_9A75)
        let care = DemoCare(counsellors: counsellors, today: Day(now), paths: DemoPaths(today: Day(now), now: now, sps: sps))
        for (date, var record) in drafts.sorted(by: { $0.0 < $1.0 }) {
            let year = Day(date).year
            let number = CaseNumber.next(stationCode: record.number.stationCode, year: year, existing: numbers)
            numbers.append(number)
            record.number = number
            care.fill(&record, rng: &careRng, pathRng: &pathRng)
            out.append(record)
        }
        return out
    }

    /// The cases of a directory: each station's first desk officer takes its intakes, and its
    /// first counsellor logs its sessions.
    public func cases(directory: Directory) -> [CaseRecord] {
        var officers: [String: String] = [:], counsellors: [String: String] = [:], sps: [String: String] = [:]
        for user in directory.users {
            for id in user.stationIDs {
                if user.role == .deskOfficer, officers[id] == nil { officers[id] = user.id }
                if user.role == .counsellor, counsellors[id] == nil { counsellors[id] = user.id }
                if user.role == .sp, sps[id] == nil { sps[id] = user.id }
            }
        }
        return cases(stations: directory.stations, deskOfficers: officers, counsellors: counsellors, sps: sps)
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
