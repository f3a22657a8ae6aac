import Foundation

/// The source of "now" for everything in the core. Tests pass a `FixedClock`.
public protocol DeskClock: Sendable {
    func now() -> Date
}

public struct SystemClock: DeskClock {
    public init() {}
    public func now() -> Date { Date() }
}

public struct FixedClock: DeskClock {
    public let date: Date
    public init(_ date: Date) { self.date = date }
    public func now() -> Date { date }
}

/// Calendar arithmetic is done in India Standard Time: a desk's "today" is IST's today.
public enum DeskCalendar {
    public static let timeZone: TimeZone = TimeZone(identifier: "Asia/Kolkata") ?? TimeZone(secondsFromGMT: 19_800) ?? .current

    public static var calendar: Calendar {
        var cal = Calendar(identifier: .gregorian)
        cal.timeZone = timeZone
        return cal
    }
}
