/// The two deadlines the law sets from the day of the FIR: the investigation within 60 days,
/// and telling her how it stands within 90 days.
public struct LegalDeadlines: Equatable, Sendable {
    public static let investigationDays = 60
    public static let informDays = 90

    public let fir: Day
    public var investigationDue: Day { fir.adding(days: LegalDeadlines.investigationDays) }
    public var informDue: Day { fir.adding(days: LegalDeadlines.informDays) }

    public init(fir: Day) {
        self.fir = fir
    }

    /// Passed when today is after the last day allowed.
    public func investigationOverdue(today: Day) -> Bool { today > investigationDue }
    public func informOverdue(today: Day) -> Bool { today > informDue }
}

extension Day {
    /// The day `days` later (or earlier, when negative), across month and year ends.
    public func adding(days: Int) -> Day {
        let date = DeskCalendar.calendar.date(byAdding: .day, value: days, to: startDate) ?? startDate
        return Day(date)
    }
}

extension Day {
    /// Whole days from `other` to this day (negative when this one comes first).
    public func days(since other: Day) -> Int {
        DeskCalendar.calendar.dateComponents([.day], from: other.startDate, to: startDate).day ?? 0
    }
}
