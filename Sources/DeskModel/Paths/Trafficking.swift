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
    public init() {}
    /// Repatriation waits for the home investigation (she is not sent back to where she was sold).
    public var consistent: Bool { outcome != .repatriated || homeInvestigation != nil }
}
