import Foundation

/// Where an awareness event was held.
public enum EventPlace: String, Choice {
    case village, ward, school, college, market, workplace, other
    public static let listKey = "eventPlace"
}

/// Whom an awareness event spoke to.
public enum EventAudience: String, Choice {
    case students, shgMembers, womenWorkers, panchayat, parents, community, other
    public static let listKey = "eventAudience"
}

/// What an awareness event told them about: the helplines, the laws, the desk itself.
public enum EventTopic: String, Choice {
    case helpline112, helpline181, helpline1098, helpline1930, teleManas14416, dvAct, pocso, cyberSafety, theDesk
    public static let listKey = "eventTopic"

    /// The comma-separated codes of a form field, in the list's order, unknown ones dropped.
    public static func parse(_ text: String) -> [EventTopic] {
        let picked = Set(text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) })
        return allCases.filter { picked.contains($0.rawValue) }
    }
}

/// One awareness event of the Prevention work ("Hum Honge Kamyab"): a talk at a school, a camp in a
/// village. It names no woman of any case; it is counted, never linked to a case.
public struct AwarenessEvent: Codable, Hashable, Sendable, Identifiable {
    public var id: UUID
    public var stationID: String
    public var day: Day
    public var placeKind: EventPlace
    /// The village, ward, school or market by name.
    public var place: String
    public var audience: EventAudience
    public var women: Int
    public var men: Int
    public var children: Int
    /// The partner department or NGO from the directory, if any.
    public var partnerID: String?
    public var topics: [EventTopic]
    /// Who led it, as written by the desk (an officer's name and rank).
    public var officer: String
    public var note: String
    public var createdAt: Date
    public var createdBy: String
    /// Goes up with every save of this event (its one file).
    public var revision: Int

    public init(id: UUID = UUID(), stationID: String, day: Day, placeKind: EventPlace, place: String,
                audience: EventAudience, women: Int, men: Int, children: Int, partnerID: String?,
                topics: [EventTopic], officer: String, note: String = "", createdAt: Date, createdBy: String,
                revision: Int = 1) {
        self.id = id
        self.stationID = stationID
        self.day = day
        self.placeKind = placeKind
        self.place = place
        self.audience = audience
        self.women = women
        self.men = men
        self.children = children
        self.partnerID = partnerID
        self.topics = topics
        self.officer = officer
        self.note = note
        self.createdAt = createdAt
        self.createdBy = createdBy
        self.revision = revision
    }

    /// Everyone it reached.
    public var reached: Int { women + men + children }
}
