import Foundation

/// One woman's case at a desk: the intake sections of the field, plus its status.
public struct CaseRecord: Codable, Hashable, Sendable, Identifiable {
    public var id: UUID
    public var number: CaseNumber
    public var stationID: String
    public var deskOfficerID: String
    public var reportedAt: Date
    public var arrival: ArrivalMode
    public var status: CaseStatus
    public var identity: Identity
    public var incident: Incident
    public var risk: RiskAssessment
    public var legal: LegalTrack
    public var needs: ImmediateNeeds
    public var consent: Consent
    public var createdAt: Date
    public var updatedAt: Date
    /// Bumped on every save, so that a stale copy can be told from a fresh one.
    public var revision: Int
    /// Counselling: sessions, questionnaires and self-harm alerts (confidential).
    public var sessions: [CounsellingSession] = []
    public var screenings: [ScreeningRecord] = []
    public var alerts: [SelfHarmAlert] = []
    /// The rehabilitation plan, step by step.
    public var plan: [RehabStep] = []
    public var prosecution = Prosecution()
    /// Everything that happened, oldest first; the timeline shows it newest first.
    public var events: [CaseEvent] = []
    /// Fields changed on two machines at once (replication): both values until the desk picks one.
    public var conflicts: [FieldConflict] = []
    /// The paths beside counselling and the plan (Sources/DeskModel/Paths): her safety plan, the
    /// desk's contacts, closures (history, never edited), the DV Act's civil path, entitlements,
    /// the trafficking path, transfers.
    public var safetyPlan: SafetyPlan?
    public var contacts: [ContactEntry] = []
    public var closures: [Closure] = []
    /// A closure the desk asked for that waits for the SP's approval.
    public var closureRequest: Closure?
    public var dv: DVTrack?
    public var entitlements = Entitlements()
    public var trafficking: TraffickingTrack?
    public var transfers: [Transfer] = []
    /// A child's POCSO path: support person, s.27 medical, the Special Court's dates.
    public var child: ChildTrack?

    public init(id: UUID = UUID(), number: CaseNumber, stationID: String, deskOfficerID: String, reportedAt: Date,
                arrival: ArrivalMode, status: CaseStatus = .open, identity: Identity, incident: Incident,
                risk: RiskAssessment, legal: LegalTrack, needs: ImmediateNeeds, consent: Consent,
                createdAt: Date, updatedAt: Date, revision: Int = 1) {
        self.id = id
        self.number = number
        self.stationID = stationID
        self.deskOfficerID = deskOfficerID
        self.reportedAt = reportedAt
        self.arrival = arrival
        self.status = status
        self.identity = identity
        self.incident = incident
        self.risk = risk
        self.legal = legal
        self.needs = needs
        self.consent = consent
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.revision = revision
    }

    enum CodingKeys: String, CodingKey {
        case id, number, stationID, deskOfficerID, reportedAt, arrival, status, identity, incident, risk, legal, needs,
             consent, createdAt, updatedAt, revision, sessions, screenings, alerts, plan, prosecution, events,
             safetyPlan, contacts, closures, closureRequest, dv, entitlements, trafficking, transfers, conflicts, child
    }

    /// Records written before the counselling log have none of its parts: they read as empty.
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(UUID.self, forKey: .id)
        number = try c.decode(CaseNumber.self, forKey: .number)
        stationID = try c.decode(String.self, forKey: .stationID)
        deskOfficerID = try c.decode(String.self, forKey: .deskOfficerID)
        reportedAt = try c.decode(Date.self, forKey: .reportedAt)
        arrival = try c.decode(ArrivalMode.self, forKey: .arrival)
        status = try c.decode(CaseStatus.self, forKey: .status)
        identity = try c.decode(Identity.self, forKey: .identity)
        incident = try c.decode(Incident.self, forKey: .incident)
        risk = try c.decode(RiskAssessment.self, forKey: .risk)
        legal = try c.decode(LegalTrack.self, forKey: .legal)
        needs = try c.decode(ImmediateNeeds.self, forKey: .needs)
        consent = try c.decode(Consent.self, forKey: .consent)
        createdAt = try c.decode(Date.self, forKey: .createdAt)
        updatedAt = try c.decode(Date.self, forKey: .updatedAt)
        revision = try c.decode(Int.self, forKey: .revision)
        sessions = try c.decodeIfPresent([CounsellingSession].self, forKey: .sessions) ?? []
        screenings = try c.decodeIfPresent([ScreeningRecord].self, forKey: .screenings) ?? []
        alerts = try c.decodeIfPresent([SelfHarmAlert].self, forKey: .alerts) ?? []
        plan = try c.decodeIfPresent([RehabStep].self, forKey: .plan) ?? []
        prosecution = try c.decodeIfPresent(Prosecution.self, forKey: .prosecution) ?? Prosecution()
        events = try c.decodeIfPresent([CaseEvent].self, forKey: .events) ?? []
        conflicts = try c.decodeIfPresent([FieldConflict].self, forKey: .conflicts) ?? []
        safetyPlan = try c.decodeIfPresent(SafetyPlan.self, forKey: .safetyPlan)
        contacts = try c.decodeIfPresent([ContactEntry].self, forKey: .contacts) ?? []
        closures = try c.decodeIfPresent([Closure].self, forKey: .closures) ?? []
        closureRequest = try c.decodeIfPresent(Closure.self, forKey: .closureRequest)
        dv = try c.decodeIfPresent(DVTrack.self, forKey: .dv)
        entitlements = try c.decodeIfPresent(Entitlements.self, forKey: .entitlements) ?? Entitlements()
        trafficking = try c.decodeIfPresent(TraffickingTrack.self, forKey: .trafficking)
        transfers = try c.decodeIfPresent([Transfer].self, forKey: .transfers) ?? []
        child = try c.decodeIfPresent(ChildTrack.self, forKey: .child)
    }

    public var isMinor: Bool { identity.isMinor }
    /// The risk shown: the danger answers' level, and at least High while a self-harm alert is open
    /// or a breach of a DV Act order (s.31) has not been looked at since.
    public var riskLevel: RiskLevel {
        RiskAssessment.shown(risk.level, alertOpen: hasOpenAlert || dv?.breachUnreviewed == true)
    }
    /// Which child law applies and what is due, for a child (nil for a woman of 18 or more).
    public var childDuty: ChildDuty? {
        ChildDuty.applying(age: identity.age, category: incident.category, offences: prosecution.offences,
                           relation: incident.relation, needsCare: incident.childNeedsCare)
    }
}

public struct Identity: Codable, Hashable, Sendable {
    public var name: String
    public var age: Int?
    public var ageEstimated: Bool
    public var phone: String?
    public var safeToCall: Answer
    public var address: String
    public var maritalStatus: MaritalStatus?
    public var occupation: String
    public var dependents: Int?
    public var disability: Answer

    public init(name: String, age: Int? = nil, ageEstimated: Bool = false, phone: String? = nil,
                safeToCall: Answer = .unknown, address: String = "", maritalStatus: MaritalStatus? = nil,
                occupation: String = "", dependents: Int? = nil, disability: Answer = .unknown) {
        self.name = name
        self.age = age
        self.ageEstimated = ageEstimated
        self.phone = phone
        self.safeToCall = safeToCall
        self.address = address
        self.maritalStatus = maritalStatus
        self.occupation = occupation
        self.dependents = dependents
        self.disability = disability
    }

    /// Under 18: a child, with the duties of the child law that fits her case (`ChildDuty`).
    public var isMinor: Bool { (age ?? 99) < 18 }
}

public struct Incident: Codable, Hashable, Sendable {
    public var date: Day?
    public var place: PlaceType?
    public var category: IncidentCategory
    public var relation: Relation?
    public var previousIncidents: Answer
    /// A child in need of care and protection (JJ Act s.2(14)): to be produced before the CWC.
    public var childNeedsCare: Answer

    public init(date: Day? = nil, place: PlaceType? = nil, category: IncidentCategory,
                relation: Relation? = nil, previousIncidents: Answer = .unknown, childNeedsCare: Answer = .unknown) {
        self.date = date
        self.place = place
        self.category = category
        self.relation = relation
        self.previousIncidents = previousIncidents
        self.childNeedsCare = childNeedsCare
    }

    enum CodingKeys: String, CodingKey { case date, place, category, relation, previousIncidents, childNeedsCare }

    /// Records written before the care-and-protection question read it as not asked.
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        date = try c.decodeIfPresent(Day.self, forKey: .date)
        place = try c.decodeIfPresent(PlaceType.self, forKey: .place)
        category = try c.decode(IncidentCategory.self, forKey: .category)
        relation = try c.decodeIfPresent(Relation.self, forKey: .relation)
        previousIncidents = try c.decodeIfPresent(Answer.self, forKey: .previousIncidents) ?? .unknown
        childNeedsCare = try c.decodeIfPresent(Answer.self, forKey: .childNeedsCare) ?? .unknown
    }
}

public struct LegalTrack: Codable, Hashable, Sendable {
    public var kind: ComplaintKind
    public var number: String
    /// Sections as typed by hand before they were picked from a list (old records): shown, never read
    /// by a rule. The FIR's sections are now `Prosecution.offences`.
    public var sections: String
    public var investigatingOfficer: String
    public var medicalExamDone: Answer
    public var statementByWomanOfficer: Answer

    public init(kind: ComplaintKind = .none, number: String = "", sections: String = "",
                investigatingOfficer: String = "", medicalExamDone: Answer = .unknown,
                statementByWomanOfficer: Answer = .unknown) {
        self.kind = kind
        self.number = number
        self.sections = sections
        self.investigatingOfficer = investigatingOfficer
        self.medicalExamDone = medicalExamDone
        self.statementByWomanOfficer = statementByWomanOfficer
    }
}

public struct ImmediateNeeds: Codable, Hashable, Sendable {
    public var medical: Answer
    public var shelter: Answer
    public var legalAid: Answer
    public var counselling: Answer

    public init(medical: Answer = .unknown, shelter: Answer = .unknown, legalAid: Answer = .unknown,
                counselling: Answer = .unknown) {
        self.medical = medical
        self.shelter = shelter
        self.legalAid = legalAid
        self.counselling = counselling
    }
}

/// Three separate answers, as the law and good practice ask.
public struct Consent: Codable, Hashable, Sendable {
    public var services: Answer
    public var sharing: Answer
    public var statistics: Answer
    public var givenBy: ConsentGiver

    /// A child's consent given by a guardian when the one who hurt her is a parent or relative:
    /// the guardian may be on the accused's side (then the CWC or a support person should consent).
    public static func guardianMayBeAccusedSide(givenBy: ConsentGiver, age: Int?, relation: Relation?) -> Bool {
        givenBy == .guardian && (age ?? 99) < 18 && (relation == .parent || relation == .relative)
    }

    public init(services: Answer = .unknown, sharing: Answer = .unknown, statistics: Answer = .unknown,
                givenBy: ConsentGiver = .herself) {
        self.services = services
        self.sharing = sharing
        self.statistics = statistics
        self.givenBy = givenBy
    }
}
