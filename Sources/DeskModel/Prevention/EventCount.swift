import Foundation

/// The Prevention figures of a period and a set of stations: events held, people reached (women,
/// men, children), by audience and by topic. An event counts once under each topic it covered.
public struct EventCount: Codable, Equatable, Sendable {
    public var events = 0
    public var women = 0
    public var men = 0
    public var children = 0
    public var eventsByAudience: [EventAudience: Int] = [:]
    public var reachedByAudience: [EventAudience: Int] = [:]
    /// Women, men and children reached, per audience.
    public var partsByAudience: [EventAudience: [Int]] = [:]
    public var eventsByTopic: [EventTopic: Int] = [:]
    public var reachedByTopic: [EventTopic: Int] = [:]

    public init() {}

    public var reached: Int { women + men + children }

    /// The events held at `stationIDs` on a day of `period` (every day when nil).
    public static func make(_ events: [AwarenessEvent], period: ReportPeriod?, stationIDs: [String]) -> EventCount {
        let scope = Set(stationIDs)
        var c = EventCount()
        for e in events where scope.contains(e.stationID) && (period?.contains(e.day) ?? true) {
            c.events += 1
            c.women += e.women
            c.men += e.men
            c.children += e.children
            c.eventsByAudience[e.audience, default: 0] += 1
            c.reachedByAudience[e.audience, default: 0] += e.reached
            let parts = c.partsByAudience[e.audience] ?? [0, 0, 0]
            c.partsByAudience[e.audience] = [parts[0] + e.women, parts[1] + e.men, parts[2] + e.children]
            for t in e.topics {
                c.eventsByTopic[t, default: 0] += 1
                c.reachedByTopic[t, default: 0] += e.reached
            }
        }
        return c
    }
}
