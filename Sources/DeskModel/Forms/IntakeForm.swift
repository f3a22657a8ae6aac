import Foundation

/// The intake form's values as typed: text per field. A draft is exactly this, so that a
/// half-filled form survives anything. `validate` turns it into a case or says what is wrong where.
public struct IntakeForm: Codable, Hashable, Sendable {
    public var values: [String: String]
    public var stationID: String
    public var startedAt: Date
    /// The field she was in, so that a resumed draft opens where she left off.
    public var lastField: IntakeField?

    public init(stationID: String, startedAt: Date, values: [String: String] = [:]) {
        self.stationID = stationID
        self.startedAt = startedAt
        self.values = values
    }

    /// A new form with the defaults a desk expects.
    public static func blank(stationID: String, clock: DeskClock) -> IntakeForm {
        var form = IntakeForm(stationID: stationID, startedAt: clock.now())
        form[.reportedOn] = Day(clock.now()).description
        form[.arrival] = ArrivalMode.walkIn.rawValue
        form[.complaintKind] = ComplaintKind.none.rawValue
        form[.consentGivenBy] = ConsentGiver.herself.rawValue
        for field in IntakeField.allCases {
            if case .choice(let key, _, false) = field.kind, key == Answer.listKey { form[field] = Answer.unknown.rawValue }
        }
        return form
    }

    /// The form of a saved case, to correct or complete it.
    public init(editing r: CaseRecord) {
        self.init(stationID: r.stationID, startedAt: r.updatedAt)
        func answer(_ f: IntakeField, _ a: Answer) { self[f] = a.rawValue }
        self[.arrival] = r.arrival.rawValue
        self[.reportedOn] = Day(r.reportedAt).description
        self[.name] = r.identity.name
        self[.age] = r.identity.age.map(String.init) ?? ""
        answer(.ageEstimated, r.identity.ageEstimated ? .yes : .no)
        self[.phone] = r.identity.phone ?? ""
        answer(.safeToCall, r.identity.safeToCall)
        self[.address] = r.identity.address
        self[.maritalStatus] = r.identity.maritalStatus?.rawValue ?? ""
        self[.occupation] = r.identity.occupation
        self[.dependents] = r.identity.dependents.map(String.init) ?? ""
        answer(.disability, r.identity.disability)
        self[.incidentDate] = r.incident.date?.description ?? ""
        self[.place] = r.incident.place?.rawValue ?? ""
        self[.category] = r.incident.category.rawValue
        self[.relation] = r.incident.relation?.rawValue ?? ""
        answer(.previousIncidents, r.incident.previousIncidents)
        answer(.childNeedsCare, r.incident.childNeedsCare)
        for field in IntakeField.allCases {
            if let q = field.dangerQuestion { answer(field, r.risk.answer(q)) }
        }
        self[.complaintKind] = r.legal.kind.rawValue
        self[.complaintNumber] = r.legal.number
        self[.sections] = r.legal.sections
        self[.investigatingOfficer] = r.legal.investigatingOfficer
        answer(.medicalExam, r.legal.medicalExamDone)
        answer(.statementByWoman, r.legal.statementByWomanOfficer)
        answer(.needMedical, r.needs.medical)
        answer(.needShelter, r.needs.shelter)
        answer(.needLegalAid, r.needs.legalAid)
        answer(.needCounselling, r.needs.counselling)
        answer(.consentServices, r.consent.services)
        answer(.consentSharing, r.consent.sharing)
        answer(.consentStatistics, r.consent.statistics)
        self[.consentGivenBy] = r.consent.givenBy.rawValue
    }

    /// The saved case with this form's answers: same id, number, status and history; the
    /// counselling log, plan and legal track are kept as they are.
    public func update(_ original: CaseRecord, by userID: String, clock: DeskClock) -> Result<CaseRecord, IntakeErrors> {
        makeCase(number: original.number, deskOfficerID: original.deskOfficerID, clock: clock).map { edited in
            var r = original
            // The time of the report stays unless its day was corrected.
            if Day.parse(self[.reportedOn]) != Day(original.reportedAt) { r.reportedAt = edited.reportedAt }
            r.arrival = edited.arrival
            r.identity = edited.identity
            r.incident = edited.incident
            r.risk = edited.risk
            r.legal = edited.legal
            r.needs = edited.needs
            r.consent = edited.consent
            if r != original { r.note(.edited, by: userID, at: clock.now()) }
            return r
        }
    }

    public subscript(field: IntakeField) -> String {
        get { values[field.rawValue] ?? "" }
        set { values[field.rawValue] = newValue }
    }

    /// True when nothing beyond the defaults has been typed.
    public func isUntouched(comparedTo blank: IntakeForm) -> Bool { values == blank.values }

    // MARK: Validation

    /// The error of one field, or nil when it is acceptable.
    public func error(for field: IntakeField, today: Day) -> ValidationError? {
        let raw = self[field].trimmingCharacters(in: .whitespaces)
        if raw.isEmpty { return field.isRequired ? .required : nil }
        // A required question is answered only by yes or no.
        if field.isRequired, case .choice(Answer.listKey, _, _) = field.kind, raw == Answer.unknown.rawValue {
            return .required
        }
        if let e = FieldCheck.error(raw, kind: field.kind, required: field.isRequired, today: today) { return e }
        switch field.kind {
        case .date:
            if field == .reportedOn, let day = Day.parse(raw), let incident = Day.parse(self[.incidentDate]),
               day < incident {
                return .beforeIncident
            }
        case .choice:
            if field == .consentGivenBy, raw == ConsentGiver.herself.rawValue,
               let age = Int(Digits.toASCII(self[.age])), age < 18 {
                return .guardianForMinor
            }
        default: break
        }
        return nil
    }

    /// A warning at a field that does not stop the save: a child's guardian on the accused's side.
    public func warning(for field: IntakeField) -> FieldWarning? {
        guard field == .consentGivenBy,
              Consent.guardianMayBeAccusedSide(givenBy: ConsentGiver(rawValue: self[.consentGivenBy]) ?? .herself,
                                               age: Int(Digits.toASCII(self[.age])), relation: Relation(rawValue: self[.relation]))
        else { return nil }
        return .guardianAccusedSide
    }

    /// True when a number, phone or date field holds a character that can never belong there
    /// (a letter in a phone number): worth saying at once, before she leaves the field.
    public func hasForeignCharacters(_ field: IntakeField) -> Bool {
        FieldCheck.hasForeignCharacters(self[field], kind: field.kind)
    }

    /// Every field's error, in form order.
    public func errors(today: Day) -> [(IntakeField, ValidationError)] {
        IntakeField.allCases.compactMap { f in error(for: f, today: today).map { (f, $0) } }
    }

    /// Ten digits, optionally written with +91 / 0 in front, spaces or dashes; Devanagari digits allowed.
    /// A phone she can be called on: a mobile of 10 digits starting 6–9 (with +91 or a 0 before it,
    /// or neither), or a landline written with its 0 and STD code (0731 2345678). `1234567890` is
    /// neither: a 10-digit number without the 0 is a mobile, and no mobile starts with 1–5.
    public static func isPhone(_ text: String) -> Bool {
        guard let digits = normalisedPhone(text), let first = digits.first else { return false }
        if "6789".contains(first) { return true }
        let typed = Digits.toASCII(text).filter { !" -".contains($0) }
        return typed.hasPrefix("0") && first != "0"
    }

    public static func normalisedPhone(_ text: String) -> String? {
        var digits = Digits.toASCII(text).filter { !" -".contains($0) }
        if digits.hasPrefix("+91") { digits.removeFirst(3) } else if digits.count == 11, digits.hasPrefix("0") {
            digits.removeFirst()
        }
        guard digits.count == 10, digits.allSatisfy(\.isASCII), digits.allSatisfy(\.isNumber) else { return nil }
        return digits
    }

    /// The live risk level from the danger answers as they stand.
    public var risk: RiskAssessment {
        var answers: [DangerQuestion: Answer] = [:]
        for field in IntakeField.allCases {
            if let q = field.dangerQuestion { answers[q] = Answer(rawValue: self[field]) ?? .unknown }
        }
        return RiskAssessment(answers: answers)
    }

    /// Builds the case when every field is valid.
    public func makeCase(number: CaseNumber, deskOfficerID: String, clock: DeskClock) -> Result<CaseRecord, IntakeErrors> {
        let today = Day(clock.now())
        let problems = errors(today: today)
        guard problems.isEmpty else { return .failure(IntakeErrors(errors: problems)) }
        func text(_ f: IntakeField) -> String { self[f].trimmingCharacters(in: .whitespaces) }
        func int(_ f: IntakeField) -> Int? { Int(Digits.toASCII(text(f))) }
        func answer(_ f: IntakeField) -> Answer { Answer(rawValue: text(f)) ?? .unknown }
        func pick<C: Choice>(_ f: IntakeField, _ type: C.Type) -> C? { C(rawValue: text(f)) }
        let now = clock.now()
        let reported = Day.parse(text(.reportedOn)) ?? today
        let reportedAt = reported == today ? now : reported.startDate
        let record = CaseRecord(
            number: number, stationID: stationID, deskOfficerID: deskOfficerID, reportedAt: reportedAt,
            arrival: pick(.arrival, ArrivalMode.self) ?? .walkIn,
            identity: Identity(
                name: text(.name), age: int(.age), ageEstimated: answer(.ageEstimated) == .yes,
                phone: IntakeForm.normalisedPhone(text(.phone)), safeToCall: answer(.safeToCall),
                address: text(.address), maritalStatus: pick(.maritalStatus, MaritalStatus.self),
                occupation: text(.occupation), dependents: int(.dependents), disability: answer(.disability)),
            incident: Incident(
                date: Day.parse(text(.incidentDate)), place: pick(.place, PlaceType.self),
                category: pick(.category, IncidentCategory.self) ?? .other,
                relation: pick(.relation, Relation.self), previousIncidents: answer(.previousIncidents),
                childNeedsCare: answer(.childNeedsCare)),
            risk: risk,
            legal: LegalTrack(
                kind: pick(.complaintKind, ComplaintKind.self) ?? .none, number: text(.complaintNumber),
                sections: text(.sections), investigatingOfficer: text(.investigatingOfficer),
                medicalExamDone: answer(.medicalExam), statementByWomanOfficer: answer(.statementByWoman)),
            needs: ImmediateNeeds(
                medical: answer(.needMedical), shelter: answer(.needShelter), legalAid: answer(.needLegalAid),
                counselling: answer(.needCounselling)),
            consent: Consent(
                services: answer(.consentServices), sharing: answer(.consentSharing),
                statistics: answer(.consentStatistics),
                givenBy: pick(.consentGivenBy, ConsentGiver.self) ?? .herself),
            createdAt: now, updatedAt: now)
        var created = record
        created.note(.intake, by: deskOfficerID, at: now, .text(number.description))
        return .success(created)
    }
}

public struct IntakeErrors: Error, Sendable {
    public let errors: [(IntakeField, ValidationError)]
    public init(errors: [(IntakeField, ValidationError)]) {
        self.errors = errors
    }
    public var first: (IntakeField, ValidationError)? { errors.first }
}
