import Foundation

/// After a rescue, where she goes: home (repatriation) or rehabilitation.
public enum TraffickingOutcome: String, Choice {
    case pending, repatriated, rehabilitated
    public static let listKey = "traffickingOutcome"
}

/// The trafficking path: the Anti-Human Trafficking Unit informed, the rescue, the shelter
/// (Shakti Sadan, which merged Ujjwala and Swadhar Greh), the home investigation before she goes
/// back, and the outcome.
public struct TraffickingTrack: Codable, Hashable, Sendable {
    public var ahtuInformed: Day?
    public var rescued: Day?
    public var shelter: String = ""
    public var homeInvestigation: Day?
    public var outcome: TraffickingOutcome = .pending
    /// The day the outcome was recorded (nil while pending, and in records written before it).
    public var outcomeDay: Day?
    public init() {}
    /// Repatriation waits for the home investigation (she is not sent back to where she was sold).
    public var consistent: Bool { outcome != .repatriated || homeInvestigation != nil }
}

extension CaseRecord {
    /// The trafficking path applies to a trafficking case, or once anything of it was recorded.
    public var traffickingApplies: Bool { incident.category == .trafficking || trafficking != nil }

    /// Changes the trafficking path; days must not be in the future, and she is not repatriated
    /// before the home investigation.
    public mutating func updateTrafficking(_ change: (inout TraffickingTrack) -> Void, today: Day, by: String, at: Date) throws(PathError) {
        guard status != .closed else { throw .caseClosed }
        guard traffickingApplies else { throw .notTraffickingCase }
        var t = trafficking ?? TraffickingTrack()
        change(&t)
        guard [t.ahtuInformed, t.rescued, t.homeInvestigation].compactMap({ $0 }).allSatisfy({ $0 <= today }) else { throw .dayInFuture }
        guard t.consistent else { throw .repatriationWithoutHomeInvestigation }
        if t.outcome != (trafficking?.outcome ?? .pending) { t.outcomeDay = t.outcome == .pending ? nil : Day(at) }
        trafficking = t
        note(.trafficking, by: by, at: at, .path(.trafficking(t.outcome)))
    }
}
