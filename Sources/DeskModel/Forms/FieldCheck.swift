/// The checks every field of a form gets from its kind alone; forms add their own across fields.
public enum FieldCheck {
    public static func error(_ value: String, kind: FieldKind, required: Bool, today: Day) -> ValidationError? {
        let raw = value.trimmingCharacters(in: .whitespaces)
        if raw.isEmpty { return required ? .required : nil }
        switch kind {
        case .text(let max):
            return raw.count > max ? .tooLong : nil
        case .number(let range):
            guard let n = Int(Digits.toASCII(raw)) else { return .notANumber }
            if range == 0...3 { return range.contains(n) ? nil : .scoreRange }
            return range.contains(n) ? nil : rangeError(range)
        case .phone:
            return IntakeForm.isPhone(raw) ? nil : .phoneDigits
        case .date:
            guard let day = Day.parse(raw) else { return Day.hasDateShape(raw) ? .noSuchDay : .badDate }
            return day > today ? .futureDate : nil
        case .plannedDate:
            return Day.parse(raw) == nil ? (Day.hasDateShape(raw) ? .noSuchDay : .badDate) : nil
        case .choice(let listKey, let options, _):
            // The offence list holds several sections, comma separated (and the event's topics).
            let picked = FieldKind.picksSeveral(listKey) ? raw.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } : [raw]
            return picked.allSatisfy(options.contains) ? nil : .unknownOption
        }
    }

    /// The message for a number out of its range names that range only (the age's error says
    /// nothing of dependents).
    static func rangeError(_ range: ClosedRange<Int>) -> ValidationError {
        switch range {
        case 0...120: return .ageRange
        case 0...20: return .dependentsRange
        case 5...480: return .minutesRange
        default: return .outOfRange
        }
    }

    /// True when a number, phone or date field holds a character that can never belong there.
    public static func hasForeignCharacters(_ value: String, kind: FieldKind) -> Bool {
        let allowed: Set<Character>
        switch kind {
        case .number: allowed = []
        case .phone: allowed = [" ", "-", "+"]
        case .date, .plannedDate: allowed = ["-", "/", "."]
        default: return false
        }
        return Digits.toASCII(value).contains { !($0.isASCII && $0.isNumber) && !allowed.contains($0) }
    }
}

extension FieldKind {
    /// How many characters a field's editor takes (0 for a pick-list).
    public var editorLength: Int {
        switch self {
        case .text(let max): return max
        case .number: return 4
        case .phone: return 16
        case .date, .plannedDate: return 10
        case .choice: return 0
        }
    }

    /// Lists where several options are picked at once (Enter opens them, Space marks), kept
    /// comma separated: the FIR's sections, an awareness event's topics.
    public static func picksSeveral(_ listKey: String) -> Bool {
        listKey == Offence.listKey || listKey == EventTopic.listKey
    }

    public var isChoice: Bool {
        if case .choice = self { return true }
        return false
    }

    public var isDate: Bool { self == .date || self == .plannedDate }

    public var isText: Bool {
        if case .text = self { return true }
        return false
    }
}
