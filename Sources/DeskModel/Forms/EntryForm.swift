import Foundation

/// The forms of the counselling log, the plan and the legal track; and the awareness event,
/// which stands alone (no case).
public enum EntryKind: String, Codable, CaseIterable, Sendable {
    case session, phq9, gad7, step, prosecution, event
    /// The case's paths (issue 14): Sources/DeskModel/Forms/PathEntries.swift.
    case contact, safetyPlan, safetyReview, dv, compensation, closure, trafficking, transfer, child

    public var isPath: Bool { [.contact, .safetyPlan, .safetyReview, .dv, .compensation, .closure, .trafficking, .transfer, .child].contains(self) }

    /// A form of its own register, not of a case.
    public var standsAlone: Bool { self == .event }
}

/// One field of an entry form. Its label is "entry.<key>" in the strings.
public struct EntryField: Equatable, Sendable {
    public let key: String
    public let kind: FieldKind
    public let required: Bool

    public init(_ key: String, _ kind: FieldKind, required: Bool = false) {
        self.key = key
        self.kind = kind
        self.required = required
    }

    static func choice<C: Choice>(_ key: String, _ type: C.Type, empty: Bool = false, required: Bool = false) -> EntryField {
        EntryField(key, .choice(listKey: C.listKey, options: C.allCases.map(\.rawValue), allowsEmpty: empty),
                   required: required)
    }
}

/// The values of an entry form as typed, text per field: a draft is exactly this.
public struct EntryForm: Codable, Hashable, Sendable {
    public var kind: EntryKind
    public var caseID: UUID
    /// The plan step being changed, when not a new one.
    public var itemID: UUID?
    public var values: [String: String]
    public var lastField: String?
    /// Partner ids offered for a referral (from the directory).
    public var partnerIDs: [String]
    /// Each partner's kind (wcd, livelihood, legal, …), so that a step offers the partners of its
    /// kind only (`StepEntry.partnerKinds`). Nil in drafts written before: every partner is offered.
    public var partnerKinds: [String: String]?
    /// The fields of a path's form that depend on the case, fixed when the form was made: the
    /// closure's checks that apply, "risk looked at again" after a DV Act breach.
    public var pathFields: [String]?
    /// The stations a stand-alone form may be kept for (an awareness event); nil for a case's forms.
    public var stationIDs: [String]?

    public init(kind: EntryKind, caseID: UUID, itemID: UUID? = nil, values: [String: String] = [:], partnerIDs: [String] = [],
                partnerKinds: [String: String]? = nil) {
        self.kind = kind
        self.caseID = caseID
        self.itemID = itemID
        self.values = values
        self.partnerIDs = partnerIDs
        self.partnerKinds = partnerKinds
    }

    public subscript(key: String) -> String {
        get { values[key] ?? "" }
        set { values[key] = newValue }
    }

    /// The fields, in order; some appear only when they apply (the SHG group for an SHG linkage).
    public var fields: [EntryField] {
        switch kind {
        case .session: return SessionEntry.fields
        case .phq9: return ScreeningEntry.fields(.phq9)
        case .gad7: return ScreeningEntry.fields(.gad7)
        case .step: return StepEntry.fields(self)
        case .prosecution: return ProsecutionEntry.fields(self)
        case .contact, .safetyPlan, .safetyReview, .dv, .compensation, .closure, .trafficking, .transfer, .child: return PathEntries.fields(self)
        case .event: return EventEntry.fields(self)
        }
    }

    public func field(_ key: String) -> EntryField? { fields.first { $0.key == key } }

    /// A new form for a case, with the defaults a counsellor or desk expects.
    public static func blank(_ kind: EntryKind, for record: CaseRecord, partnerIDs: [String], partnerKinds: [String: String]? = nil,
                             clock: DeskClock) -> EntryForm {
        var form = EntryForm(kind: kind, caseID: record.id, partnerIDs: partnerIDs, partnerKinds: partnerKinds)
        let today = Day(clock.now()).description
        switch kind {
        case .session: SessionEntry.fillDefaults(&form, record: record, today: today)
        case .phq9, .gad7: form["day"] = today
        case .step: StepEntry.fillDefaults(&form)
        case .prosecution: ProsecutionEntry.fill(&form, from: record.prosecution)
        case .contact, .safetyPlan, .safetyReview, .dv, .compensation, .closure, .trafficking, .transfer, .child: PathEntries.fillDefaults(&form, record: record, today: today)
        case .event: break
        }
        if kind == .closure { form.pathFields = record.closureChecks.map { "check." + $0.rawValue } }
        if kind == .dv, record.dv?.breachUnreviewed == true { form.pathFields = ["riskReviewed"] }
        // The transfer's stations are the directory's: the screen sets them (`withStations`).
        return form
    }

    /// The form of an existing plan step.
    public static func editing(_ step: RehabStep, of record: CaseRecord, partnerIDs: [String],
                               partnerKinds: [String: String]? = nil) -> EntryForm {
        var form = EntryForm(kind: .step, caseID: record.id, itemID: step.id, partnerIDs: partnerIDs, partnerKinds: partnerKinds)
        StepEntry.fill(&form, from: step)
        return form
    }

    // MARK: Checks

    /// The field's error; `record` is the case (nil only for a form that stands alone).
    public func error(for key: String, record: CaseRecord?, today: Day) -> ValidationError? {
        guard let field = field(key) else { return nil }
        if record?.status == .closed, key == fields.first?.key, kind != .prosecution, kind != .contact, itemID == nil { return .caseClosed }
        if let e = FieldCheck.error(self[key], kind: field.kind, required: field.required, today: today) { return e }
        switch kind {
        case .session: return SessionEntry.crossCheck(self, key)
        case .phq9, .gad7: return nil
        case .step: return record.flatMap { StepEntry.crossCheck(self, key, record: $0) }
        case .prosecution: return ProsecutionEntry.crossCheck(self, key)
        case .contact, .safetyPlan, .safetyReview, .dv, .compensation, .closure, .trafficking, .transfer, .child:
            guard let record else { return nil }
            return PathEntries.crossCheck(self, key, record: record)
        case .event: return EventEntry.crossCheck(self, key)
        }
    }

    public func errors(record: CaseRecord?, today: Day) -> [(String, ValidationError)] {
        fields.compactMap { f in error(for: f.key, record: record, today: today).map { (f.key, $0) } }
    }

    public func hasForeignCharacters(_ key: String) -> Bool {
        guard let f = field(key) else { return false }
        return FieldCheck.hasForeignCharacters(self[key], kind: f.kind)
    }

    func text(_ key: String) -> String { self[key].trimmingCharacters(in: .whitespaces) }
    func day(_ key: String) -> Day? { Day.parse(text(key)) }
    func int(_ key: String) -> Int? { Int(Digits.toASCII(text(key))) }

    /// The case with this entry applied, when every field is valid.
    public func apply(to record: CaseRecord, by userID: String, role: Role? = nil, clock: DeskClock) -> Result<CaseRecord, EntryErrors> {
        let problems = errors(record: record, today: Day(clock.now()))
        guard problems.isEmpty else { return .failure(EntryErrors(errors: problems)) }
        if kind.isPath {
            do {
                return .success(try PathEntries.apply(self, to: record, by: userID, role: role, clock: clock))
            } catch {
                return .failure(EntryErrors(errors: [(fields.first?.key ?? "", ValidationError(error))]))
            }
        }
        var r = record
        do {
            switch kind {
            case .session: try r.addSession(SessionEntry.session(self, record: record, by: userID, at: clock.now()))
            case .phq9, .gad7:
                guard let s = ScreeningEntry.screening(self) else { return .failure(EntryErrors(errors: [("day", .badDate)])) }
                try r.addScreening(ScreeningRecord(screening: s, by: userID, recordedAt: clock.now()))
            case .step: try r.putStep(StepEntry.step(self, record: record, by: userID, at: clock.now()), by: userID, at: clock.now())
            case .prosecution: r.setProsecution(ProsecutionEntry.prosecution(self, old: record.prosecution), by: userID, at: clock.now())
            case .contact, .safetyPlan, .safetyReview, .dv, .compensation, .closure, .trafficking, .transfer, .child: break
            case .event: return .failure(EntryErrors(errors: [(fields.first?.key ?? "", .required)]))
            }
        } catch {
            return .failure(EntryErrors(errors: [(fields.first?.key ?? "", error == .caseClosed ? .caseClosed : .required)]))
        }
        return .success(r)
    }
}

public struct EntryErrors: Error, Sendable {
    public let errors: [(String, ValidationError)]
    public init(errors: [(String, ValidationError)]) {
        self.errors = errors
    }
}
