/// The sections of the intake form, in the order the desk asks them: informed consent first (before
/// her story is written down), with the urgent medical need in the first section.
public enum IntakeSection: String, CaseIterable, Sendable {
    case report, consent, identity, incident, risk, legal, needs
}

/// What kind of value a field holds; the form layer draws and edits by this.
public enum FieldKind: Equatable, Sendable {
    case text(maxLength: Int)
    case number(ClosedRange<Int>)
    case phone
    case date
    /// A day that may lie ahead: the next session, a due day, a hearing.
    case plannedDate
    case choice(listKey: String, options: [String], allowsEmpty: Bool)
}

/// Every field of the intake form. The raw value is the key of its label in the strings
/// ("field.<rawValue>") and of its value in a draft.
public enum IntakeField: String, CaseIterable, Codable, Sendable {
    // report
    case arrival, reportedOn
    // identity
    case name, age, ageEstimated, phone, safeToCall, address, maritalStatus, occupation, dependents, disability
    // incident
    case incidentDate, place, category, relation, previousIncidents, childNeedsCare
    // risk
    case escalating, weapon, strangling, pregnantBeaten, jealousy, couldKill
    // legal
    case complaintKind, complaintNumber, sections, investigatingOfficer, medicalExam, statementByWoman
    // needs
    case needMedical, needShelter, needLegalAid, needCounselling
    // consent
    case consentServices, consentSharing, consentStatistics, consentGivenBy

    /// The fields in the order the form asks them. `sections` (typed by hand in older versions) is no
    /// longer asked: the FIR's sections are picked from a list on the Legal tab. Its value is still
    /// carried through an edit of an old case, and an old draft that names it still reads.
    public static var allCases: [IntakeField] {
        [.arrival, .reportedOn, .needMedical,
         .consentServices, .consentSharing, .consentStatistics, .consentGivenBy,
         .name, .age, .ageEstimated, .phone, .safeToCall, .address, .maritalStatus, .occupation, .dependents, .disability,
         .incidentDate, .place, .category, .relation, .previousIncidents, .childNeedsCare,
         .escalating, .weapon, .strangling, .pregnantBeaten, .jealousy, .couldKill,
         .complaintKind, .complaintNumber, .investigatingOfficer, .medicalExam, .statementByWoman,
         .needShelter, .needLegalAid, .needCounselling]
    }

    public var section: IntakeSection {
        switch self {
        case .arrival, .reportedOn, .needMedical: return .report
        case .name, .age, .ageEstimated, .phone, .safeToCall, .address, .maritalStatus, .occupation, .dependents,
             .disability: return .identity
        case .incidentDate, .place, .category, .relation, .previousIncidents, .childNeedsCare: return .incident
        case .escalating, .weapon, .strangling, .pregnantBeaten, .jealousy, .couldKill: return .risk
        case .complaintKind, .complaintNumber, .sections, .investigatingOfficer, .medicalExam, .statementByWoman:
            return .legal
        case .needShelter, .needLegalAid, .needCounselling: return .needs
        case .consentServices, .consentSharing, .consentStatistics, .consentGivenBy: return .consent
        }
    }

    public var kind: FieldKind {
        switch self {
        case .arrival: return Self.choice(ArrivalMode.self, empty: false)
        case .reportedOn, .incidentDate: return .date
        case .name: return .text(maxLength: 60)
        case .age: return .number(0...120)
        case .dependents: return .number(0...20)
        case .phone: return .phone
        case .address: return .text(maxLength: 120)
        case .occupation, .investigatingOfficer: return .text(maxLength: 40)
        case .complaintNumber: return .text(maxLength: 30)
        case .sections: return .text(maxLength: 60)
        case .maritalStatus: return Self.choice(MaritalStatus.self, empty: true)
        case .place: return Self.choice(PlaceType.self, empty: true)
        case .category: return Self.choice(IncidentCategory.self, empty: true)
        case .relation: return Self.choice(Relation.self, empty: true)
        case .complaintKind: return Self.choice(ComplaintKind.self, empty: false)
        case .consentGivenBy: return Self.choice(ConsentGiver.self, empty: false)
        case .ageEstimated, .safeToCall, .disability, .previousIncidents, .escalating, .weapon, .strangling,
             .pregnantBeaten, .jealousy, .couldKill, .medicalExam, .statementByWoman, .needMedical, .needShelter, .childNeedsCare,
             .needLegalAid, .needCounselling, .consentServices, .consentSharing, .consentStatistics:
            return Self.choice(Answer.self, empty: false)
        }
    }

    /// Fields that must be filled before a case can be saved.
    public var isRequired: Bool {
        switch self {
        case .name, .age, .category, .reportedOn, .consentServices: return true
        default: return false
        }
    }

    public static func fields(in section: IntakeSection) -> [IntakeField] {
        allCases.filter { $0.section == section }
    }

    public var dangerQuestion: DangerQuestion? {
        switch self {
        case .escalating: return .escalating
        case .weapon: return .weapon
        case .strangling: return .strangling
        case .pregnantBeaten: return .pregnantBeaten
        case .jealousy: return .jealousy
        case .couldKill: return .couldKill
        default: return nil
        }
    }

    private static func choice<C: Choice>(_ type: C.Type, empty: Bool) -> FieldKind {
        .choice(listKey: C.listKey, options: C.allCases.map(\.rawValue), allowsEmpty: empty)
    }
}
