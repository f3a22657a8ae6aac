import DeskModel
import Foundation

/// What the awareness events and the papers keep on the context: the events the desk has read,
/// apart from the cases (read once when first needed, after sign-in, then in step with every save;
/// dropped with the key), and where papers go.
final class EventBook {
    var loaded: [AwarenessEvent]?
    /// Goes up with every saved event, so that reports know when to recompute.
    var generation = 0
    /// Where a paper goes instead of the browser or printer (tests); nil: `PaperOutput`.
    var paperSink: ((String, PaperOutput.Way) throws -> Void)?

    func forget() {
        loaded = nil
        generation += 1
    }
}

extension DeskContext {
    /// Every event in the store (none while the store is locked).
    public var events: [AwarenessEvent] {
        if eventBook.loaded == nil, !store.isLocked { eventBook.loaded = store.loadEvents() }
        return eventBook.loaded ?? []
    }

    public var eventGeneration: Int { eventBook.generation }

    /// The events of the stations she works at or oversees, newest day first.
    public var visibleEvents: [AwarenessEvent] {
        let mine = Set(userStations.map(\.id))
        return events.filter { mine.contains($0.stationID) }.sorted { ($0.day, $0.createdAt) > ($1.day, $1.createdAt) }
    }

    /// Saves an event (one file), on record first: an event that cannot be audited is not saved.
    public func saveEvent(_ event: AwarenessEvent) throws {
        guard let user, Access.allows(user, .recordEvents, stationID: event.stationID) else { throw EventSaveRefused.notAllowed }
        do {
            try store.saveEvent(event)
        } catch EventConflict.stale(let onDisk) {
            replaceEvent(onDisk)
            say(.event_conflict, .error, userName(onDisk.createdBy))
            throw EventConflict.stale(onDisk: onDisk)
        }
        replaceEvent(event)
        log(.eventSaved, detail: String(event.id.uuidString.prefix(8)) + " \(event.stationID) r\(event.revision)")
    }

    private func replaceEvent(_ event: AwarenessEvent) {
        var all = events
        if let i = all.firstIndex(where: { $0.id == event.id }) { all[i] = event } else { all.append(event) }
        eventBook.loaded = all
        eventBook.generation += 1
    }

    /// The event's figures for a period and stations.
    public func eventCount(period: ReportPeriod?, stationIDs: [String]) -> EventCount {
        EventCount.make(events, period: period, stationIDs: stationIDs)
    }

    /// A new event's form for her: her stations, the directory's partners, led by her.
    public func blankEventForm() -> EntryForm {
        let stations = userStations.filter { Access.allows(user, .recordEvents, stationID: $0.id) }.map(\.id)
        return EventEntry.blank(stationIDs: stations, partnerIDs: partners.map(\.id), officer: user?.name(language) ?? "",
                                today: today)
    }

    public func eventForm(_ e: AwarenessEvent) -> EntryForm {
        let stations = userStations.filter { Access.allows(user, .recordEvents, stationID: $0.id) }.map(\.id)
        return EventEntry.editing(e, stationIDs: stations, partnerIDs: partners.map(\.id))
    }
}

enum EventSaveRefused: Error { case notAllowed }
