import Foundation

/// A ready store for trying the desk: the seed directory plus synthetic cases.
public enum DemoStore {
    @discardableResult
    public static func create(at root: URL, directory: Directory, count: Int, seed: UInt64,
                              clock: DeskClock) throws -> CaseStore {
        let store = try CaseStore.create(at: root, directory: directory, clock: clock)
        var officers: [String: String] = [:]
        for user in directory.users where user.role == .deskOfficer {
            for id in user.stationIDs where officers[id] == nil { officers[id] = user.id }
        }
        let generator = DemoGenerator(seed: seed, count: count, clock: clock)
        for record in generator.cases(stations: directory.stations, deskOfficers: officers) {
            _ = try store.claim(record.number)
            try store.save(record)
        }
        return store
    }
}
