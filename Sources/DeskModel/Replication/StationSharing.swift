import Crypto
import Foundation

/// Making a station's folder ready to be replicated, and the store format that goes with it.
///
/// Store version 3: case numbers may carry a machine's letter (`IND-VJN-2026-0042D`), cases may
/// carry field conflicts, and `sync/` may hold station folders. A version-2 store is brought to 3
/// when a station is first shared here; an older program then refuses the store rather than
/// misread it. Sharing is crash-safe: the station is listed in machine.plist first, then each case
/// and directive kept here is written as this machine's copy in the folder (a file already there is
/// left as it is, so a second run after a crash only finishes the work), then store.plist says 3.
extension CaseStore {
    /// What Syncthing must leave alone in a station folder: this desk's and editors' temporary
    /// files and lock files. (Locks, drafts, preferences and wrong-PIN counts live outside
    /// `sync/` and are never replicated at all.)
    public static let stignore = """
        // Written by Urja Desk. Files only this machine needs; do not edit.
        (?d).*.tmp
        (?d)*.lock
        (?d)*~
        (?d).DS_Store

        """

    /// Shares a station from this machine: its folder, `.stignore`, and every case and directive of
    /// the station kept here written as this machine's copies. Returns this machine as it now is.
    @discardableResult
    public func shareStation(_ stationID: String, role: MachineIdentity.Role? = nil, numberSuffix: String? = nil) throws -> MachineIdentity {
        guard !isLocked else { throw StoreError.writeFailed(path: root.path) }
        var machine = loadMachine() ?? MachineIdentity()
        if let role { machine.role = role }
        if let numberSuffix, MachineIdentity.validSuffix(numberSuffix) { machine.numberSuffix = numberSuffix }
        if !machine.stations.contains(stationID) { machine.stations.append(stationID) }
        try saveMachine(machine)
        for folder in [stationFolder(stationID), districtFolder] {
            do {
                try DurableFile.makeFolder(folder)
                let ignore = folder.appendingPathComponent(".stignore")
                if (try? String(contentsOf: ignore, encoding: .utf8)) != Self.stignore {
                    try DurableFile.write(Data(Self.stignore.utf8), to: ignore)
                }
            } catch {
                throw StoreError.cannotCreate(path: folder.path)
            }
        }
        try exportStation(stationID, machine: machine)
        try writeMachineCards(machine)
        try markReplicationVersion()
        return machine
    }

    /// Every case of the station kept here without a copy of this machine's in the folder gets one.
    func exportStation(_ stationID: String, machine: MachineIdentity) throws {
        // Each folder written here is as this machine has it: the next take-in need not read it again.
        var ledger = loadLedger()
        defer { saveLedger(ledger) }
        for url in caseFiles() {
            guard let record = try? readCase(at: url), record.stationID == stationID else { continue }
            noteForDistrictMatch(record)
            let own = replicaCaseFolder(stationID, record.id).appendingPathComponent(machine.id + ".rcase")
            if FileManager.default.fileExists(atPath: own.path) { continue }
            try withReplicaLock(record.id) {
                var state = readReplicas(stationID, record.id).state ?? ReplicaCase(caseID: record.id)
                try state.record(from: nil, to: record, machine: machine.id, by: record.deskOfficerID, at: record.updatedAt)
                try writeReplica(state, to: own)
            }
            let folder = replicaCaseFolder(stationID, record.id)
            if replicaNames(in: folder, suffix: ".rcase") == [machine.id + ".rcase"] {
                ledger.folders[binding(for: folder)] = folderSignature(folder, own: machine.id).signature
            }
            if let list = loadDirectives()[record.id] { try replicateDirectives(list, caseID: record.id) }
        }
    }

    /// store.plist says version 3 (with the directory's sealed digest first, as for any change of it).
    func markReplicationVersion() throws {
        guard meta.formatVersion < StoreMeta.replicationVersion else { return }
        var newMeta = meta
        newMeta.formatVersion = StoreMeta.replicationVersion
        let encoder = PropertyListEncoder()
        encoder.outputFormat = .binary
        let data = try encoder.encode(newMeta)
        try sealDirectoryDigest(pendingMeta: data)
        do { try DurableFile.write(data, to: metaURL) } catch { throw StoreError.writeFailed(path: metaURL.path) }
        if let sealer { try CaseStore(root: root, meta: newMeta).unlocked(with: .init(data: sealer.raw)).sealDirectoryDigest() }
    }
}
