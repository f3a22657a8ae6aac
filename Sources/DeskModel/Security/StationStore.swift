import Crypto
import Foundation

/// A thana PC's store, made at the SP's office for one station (issue 13, item 2): its data key IS
/// that station's key, so the PC holds no other key of the district. It holds the directory (no
/// woman's name in it), the station's folder `sync/<station>/` as it is (already sealed with the
/// station's key), the station's own cases (sealed again with the station's key), `keys.plist`
/// made of the copies of the station's key that the users who work there were given
/// (`StationKeys`), a new recovery code, and `machine.plist` (role thana, that station only).
/// Another station's files put on it open with no PIN it holds: they are refused as not its station's.
extension CaseStore {
    public enum StationStoreProblem: Error, Equatable {
        /// The store's key is not open, or the station has no key of its own yet.
        case noStationKey
        case notEmpty
    }

    /// Makes the station's store at `target` (an empty or missing folder). `adminCopy`: the admin
    /// signed in here and her secret, for her copy of the station's key if she has none yet (she
    /// has one when she signed in after the station got its key). Returns the
    /// new store (its key open) and its recovery code, to be shown once.
    public func makeStationStore(_ stationID: String, at target: URL, adminCopy: (User, String)? = nil, now: Date,
                                 rounds: Int? = nil) throws -> (store: CaseStore, recovery: String) {
        guard meta.encrypted, !isLocked, let key = stationKey(stationID) else { throw StationStoreProblem.noStationKey }
        let fm = FileManager.default
        if fm.fileExists(atPath: target.appendingPathComponent("store.plist").path) { throw StationStoreProblem.notEmpty }
        if let (admin, secret) = adminCopy { try giveStationCopies(to: admin, secret: secret, rounds: rounds) }
        let name = fileKey(stationID)
        guard let entry = loadStationKeys()?.stations[name] else { throw StationStoreProblem.noStationKey }
        let recovery = KeyRing.recoveryCode()
        let ring = KeyRing(users: entry.users,
                           recovery: try KeyRing.wrap(key, secret: KeyRing.normalised(recovery),
                                                      rounds: rounds ?? PinHash.defaultRounds, holder: "-recovery-"))
        var made = CaseStore(root: target, meta: StoreMeta(formatVersion: StoreMeta.replicationVersion, createdAt: now,
                                                           encrypted: true, demo: meta.demo))
        do {
            for dir in [target, made.casesDir, made.draftsDir, made.prefsDir, made.syncRoot] { try DurableFile.makeFolder(dir) }
        } catch {
            throw StoreError.cannotCreate(path: target.path)
        }
        try made.saveDirectory(try loadDirectory())
        try made.write(ring, to: made.keysURL)
        try made.write(made.meta, to: made.metaURL)
        made.sealer = Sealer(key: key)
        try made.sealDirectoryDigest()
        guard let sealer = made.sealer else { throw StationStoreProblem.noStationKey }
        let raw = key.withUnsafeBytes { Data($0) }
        var keys = StationKeys()
        keys.stations[name] = StationKeys.Entry(escrow: try sealer.seal(raw, binding: StationKeys.escrowBinding(name)), users: entry.users)
        // The station's keys before a rotation: files other machines wrote before it still open there.
        let retired = try otherStationKeys(name).filter { $0 != key }.reversed()
            .map { try sealer.seal($0.withUnsafeBytes { Data($0) }, binding: StationKeys.escrowBinding(name)) }
        if !retired.isEmpty { keys.stations[name]?.retired = Array(retired) }
        if let match = keptMatchKey {
            keys.match = try sealer.seal(match.withUnsafeBytes { Data($0) }, binding: StationKeys.matchBinding)
        }
        try made.saveStationKeys(keys)
        // The station's folder as it is: every file in it is sealed with the station's key already.
        if fm.fileExists(atPath: stationFolder(stationID).path) {
            do { try fm.copyItem(at: stationFolder(stationID), to: made.stationFolder(stationID)) } catch {
                throw StoreError.cannotCreate(path: made.stationFolder(stationID).path)
            }
        }
        for url in caseFiles() {
            guard let record = try? readCase(at: url), record.stationID == stationID else { continue }
            try made.write(record, to: made.caseURL(record.id))
        }
        var machine = MachineIdentity(role: .thana, stations: [stationID])
        if let here = loadMachine(), here.stations.contains(stationID), here.role == .thana { machine.id = here.id }
        try made.saveMachine(machine)
        return (made, recovery)
    }
}
