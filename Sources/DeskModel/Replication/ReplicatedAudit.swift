import Foundation

/// The audit log under replication (issue 13): what is appended is kept per machine. Each line
/// that concerns a station this machine holds is also appended to this machine's own log in that
/// station's folder, `sync/<station>/audit/<machine>.log`: written by this machine only, with its
/// own hash chain and its own sealed head (`<machine>.log.head`, under the station's key), so
/// Syncthing carries it to every machine holding the station and no two machines write one file.
///
/// Which station a line concerns: the station of its case; a line with no case (a sign-in, a
/// setting) goes to every station of a thana PC, and stays in the district office's own log.
extension AuditLog {
    func replicate(_ entry: AuditEntry) throws {
        guard let machine = store.loadMachine(), !machine.stations.isEmpty else { return }
        let stations: [String]
        if let id = entry.caseID {
            guard let record = try? store.readCase(at: store.caseURL(id)), machine.stations.contains(record.stationID) else { return }
            stations = [record.stationID]
        } else {
            guard machine.role == .thana else { return }
            stations = machine.stations
        }
        let plainNote = openNote(entry)
        for station in stations {
            let log = AuditLog(store: store, stationID: station, machineID: machine.id)
            // A station whose key is not open here (the store locked before a sign-in) still gets
            // the line; its head moves on at the next line written with the key, as for the store's own.
            let folder = log.url.deletingLastPathComponent()
            if !FileManager.default.fileExists(atPath: folder.path) {
                do { try DurableFile.makeFolder(folder) } catch { throw StoreError.writeFailed(path: folder.path) }
            }
            var copy = entry
            copy.prev = ""
            copy.note = plainNote.flatMap(log.sealNote)
            try log.append(copy)
        }
    }
}

/// Every machine's audit log read as one: this store's own log, and the logs other machines
/// wrote in the station folders held here, merged by time. Each log's chain (and sealed head,
/// where this machine holds the station's key) is checked on its own: a line cut or forged on any
/// machine's log is found and named with its machine.
public struct AuditTrail: Sendable {
    public struct Line: Sendable {
        /// The machine that wrote it ("" for this store's own log before it had a machine).
        public var machine: String
        public var entry: AuditEntry
        /// The log it was read from: its notes open with that log's key.
        public var log: AuditLog
        public var isLocal: Bool { !log.stationLog }
    }

    public struct Chain: Equatable, Sendable {
        public var machine: String
        /// nil for this store's own log.
        public var station: String?
        public var lines: Int
        public var problem: AuditLog.ChainError?
        /// True when a log was damaged so that nothing of it could be read at all.
        public var unreadable = false
    }

    public var lines: [Line] = []
    public var chains: [Chain] = []
    public var intact: Bool { chains.allSatisfy { $0.problem == nil && !$0.unreadable } }

    /// Reads them all. This machine's own copies in the station folders are checked but not shown
    /// twice (the store's own log holds every line of them).
    public static func read(_ store: CaseStore) -> AuditTrail {
        var trail = AuditTrail()
        let machine = store.loadMachine()
        let own = machine?.id ?? ""
        trail.add(AuditLog(store: store), machine: own, station: nil, show: true)
        for station in machine?.stations ?? [] {
            let folder = store.stationFolder(station).appendingPathComponent("audit", isDirectory: true)
            for name in store.replicaNames(in: folder, suffix: ".log") where !ReplicaName.isConflictCopy(name) {
                let who = String(name.dropLast(4))
                trail.add(AuditLog(store: store, url: folder.appendingPathComponent(name)), machine: who, station: station, show: who != own)
            }
        }
        // By time; lines of one time in the order of their logs.
        trail.lines = trail.lines.enumerated().sorted { ($0.element.entry.at, $0.offset) < ($1.element.entry.at, $1.offset) }.map(\.element)
        return trail
    }

    private mutating func add(_ log: AuditLog, machine: String, station: String?, show: Bool) {
        var chain = Chain(machine: machine, station: station, lines: 0)
        var entries: [AuditEntry]
        do {
            entries = try log.readChain()
        } catch let problem as AuditLog.ChainError {
            chain.problem = problem
            entries = log.entries()
        } catch {
            chain.unreadable = true
            entries = log.entries()
        }
        chain.lines = entries.count
        chains.append(chain)
        if show { lines += entries.map { Line(machine: machine, entry: $0, log: log) } }
    }
}
