import Foundation

/// Awareness events in the store: `events/<uuid>.plist`, one file per event, sealed like a case.
/// One file per event keeps two desks from ever writing the same path (what replication needs);
/// an edit rewrites that event's file only, checked against the revision it was read at.
extension CaseStore {
    var eventsDir: URL { root.appendingPathComponent("events", isDirectory: true) }

    func eventURL(_ id: UUID) -> URL { eventsDir.appendingPathComponent(id.uuidString + ".plist") }

    /// Every event that can be read, oldest day first; unreadable files are left where they are
    /// (`StoreCheck` names them).
    public func loadEvents() -> [AwarenessEvent] {
        guard !isLocked else { return [] }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: eventsDir.path)) ?? []
        var out: [AwarenessEvent] = []
        for name in names.sorted() where name.hasSuffix(".plist") && !name.hasPrefix(".") {
            guard let e = try? decodeStored(AwarenessEvent.self, from: eventsDir.appendingPathComponent(name)) else { continue }
            out.append(e)
        }
        return out.sorted { ($0.day, $0.createdAt) < ($1.day, $1.createdAt) }
    }

    /// Writes one event. A new one (revision 1) must not exist yet; a changed one must be on
    /// disk at the revision before this one, else the other desk's version is thrown back.
    public func saveEvent(_ event: AwarenessEvent) throws {
        let url = eventURL(event.id)
        let onDisk = try? decodeStored(AwarenessEvent.self, from: url)
        if let onDisk, onDisk.revision != event.revision - 1 { throw EventConflict.stale(onDisk: onDisk) }
        if !FileManager.default.fileExists(atPath: eventsDir.path) {
            do { try DurableFile.makeFolder(eventsDir) } catch { throw StoreError.cannotCreate(path: eventsDir.path) }
        }
        try writeSealed(event, to: url)
    }
}

/// An event saved by another desk since this one read it.
public enum EventConflict: Error {
    case stale(onDisk: AwarenessEvent)
}
