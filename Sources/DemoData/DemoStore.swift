import DeskModel
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A ready store for trying the desk: the seed directory plus synthetic cases.
public enum DemoStore {
    /// The demo users' PINs, as the README lists them: public, for trying the desk only.
    public static let demoPINs = ["asha": "1111", "meena": "2222", "kavita": "3333", "rekha": "6666", "sunanda": "7777", "spindore": "4444",
                                  "spujjain": "5555", "shovjn": "8888", "admin": "9999"]

    /// An encrypted demo store: the data key wrapped for each demo user whose PIN matches the
    /// directory, and a recovery code returned to be shown once.
    public static func createEncrypted(at root: URL, directory: Directory, count: Int, seed: UInt64, clock: DeskClock,
                                       rounds: Int = PinHash.defaultRounds) throws -> (store: CaseStore, recovery: String) {
        var secrets: [String: String] = [:]
        for user in directory.users {
            if let pin = demoPINs[user.id], user.pin.matches(pin) { secrets[user.id] = pin }
        }
        let made = try CaseStore.createEncrypted(at: root, directory: directory, secrets: secrets, clock: clock, rounds: rounds,
                                                demo: true)
        try fill(made.store, directory: directory, count: count, seed: seed, clock: clock)
        return made
    }

    @discardableResult
    public static func create(at root: URL, directory: Directory, count: Int, seed: UInt64,
                              clock: DeskClock) throws -> CaseStore {
        let store = try CaseStore.create(at: root, directory: directory, clock: clock, demo: true)
        try fill(store, directory: directory, count: count, seed: seed, clock: clock)
        return store
    }

    static func fill(_ store: CaseStore, directory: Directory, count: Int, seed: UInt64, clock: DeskClock) throws {
        let generator = DemoGenerator(seed: seed, count: count, clock: clock)
        // Invented cases written as fast as the disk takes them, then synced once (a 100,000-case
        // store for the bench took eight minutes with a sync per file).
        try DurableFile.$syncOnceAtEnd.withValue(true) {
            for record in generator.cases(directory: directory) {
                _ = try store.claim(record.number)
                try store.save(record)
            }
        }
        sync()
    }
}
