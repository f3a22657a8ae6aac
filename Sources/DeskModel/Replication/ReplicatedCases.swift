import Foundation

/// A replica file that could not be read: said plainly, nothing else lost.
public struct ReplicaProblem: Equatable, Sendable {
    public var path: String
    public var reason: String
    /// Where a copy was set aside (damaged/), the file itself staying until its owner writes it again.
    public var copiedTo: String?
}

/// What taking in the station folders did.
public struct TakeInReport: Equatable, Sendable {
    public var newCases = 0
    public var changedCases = 0
    /// The cases written here, new or changed (for a desk that is running to show them).
    public var caseIDs: [UUID] = []
    public var conflictCopiesMerged = 0
    /// Cases with a field changed on two machines, waiting for the desk to pick.
    public var casesWithConflicts: [CaseNumber] = []
    public var directivesChanged = 0
    public var problems: [ReplicaProblem] = []
    /// Other machines numbering cases with this machine's letter (`MachineLetters.swift`).
    public var letterClashes: [LetterClash] = []
    public init() {}
}

extension CaseStore {
    /// Every machine's copy of one case merged; the copies read, and the ones that could not be.
    func readReplicas(_ stationID: String, _ caseID: UUID) -> (state: ReplicaCase?, copies: [URL], problems: [ReplicaProblem]) {
        let folder = replicaCaseFolder(stationID, caseID)
        var state: ReplicaCase?, copies: [URL] = [], problems: [ReplicaProblem] = []
        for name in replicaNames(in: folder, suffix: ".rcase") {
            let url = folder.appendingPathComponent(name)
            do {
                let rep = try decodeReplica(ReplicaCase.self, at: url)
                guard rep.caseID == caseID else { throw CaseFileProblem.nameMismatch }
                state = state.map { $0.merged(with: rep) } ?? rep
                copies.append(url)
            } catch {
                problems.append(ReplicaProblem(path: url.path, reason: CaseStore.describe(error), copiedTo: copyAside(url)))
            }
        }
        return (state, copies, problems)
    }

    /// With replication, a save first writes this machine's copy of the case in its station's
    /// folder: what changed from the case as it is on disk here (what she was looking at) is
    /// recorded as this machine's writes, over the case as every machine's copy has it now. The
    /// case to keep here is returned: hers, or, when another machine's changes were taken in on
    /// the way, the merge with a new revision (so that a terminal holding the older one reloads).
    func replicated(_ record: CaseRecord) throws -> CaseRecord {
        guard let machine = loadMachine(), machine.stations.contains(record.stationID) else { return record }
        noteForDistrictMatch(record)
        return try withReplicaLock(record.id) {
            let before = try? readCase(at: caseURL(record.id))
            var state = readReplicas(record.stationID, record.id).state ?? ReplicaCase(caseID: record.id)
            // A case kept here before its station was shared: what is on disk is where it starts.
            if state.fields.isEmpty, let before {
                try state.record(from: nil, to: before, machine: machine.id, by: before.deskOfficerID, at: before.updatedAt)
            }
            let by = record.events.last?.by ?? record.deskOfficerID
            try state.record(from: before, to: record, machine: machine.id, by: by, at: record.updatedAt)
            try writeReplica(state, to: replicaCaseFolder(record.stationID, record.id).appendingPathComponent(machine.id + ".rcase"))
            // Hers as she saved it, unless another machine's changes came in on the way.
            var out = try state.record()
            if try Self.sameContent(out, record) { return record }
            out.revision = max(out.revision, record.revision) + 1
            return out
        }
    }

    /// Takes in what the station folders hold: each case whose merged copies differ from the one
    /// kept here is written here (and to the indexes); conflict copies are merged into this
    /// machine's own copy and then removed; directives and answers are gathered per case.
    @discardableResult
    public func takeInReplicas() -> TakeInReport {
        var report = TakeInReport()
        guard !isLocked, let machine = loadMachine() else { return report }
        var ledger = loadLedger()
        let before = ledger
        // This machine's card, for a station shared before cards were written.
        if machine.stations.contains(where: { !FileManager.default.fileExists(atPath: machinesFolder($0).appendingPathComponent(machine.id + ".card").path) }) {
            try? writeMachineCards(machine)
        }
        report.letterClashes = letterClashes()
        for station in machine.stations {
            for kind in ["cases", "directives"] {
                let parent = stationFolder(station).appendingPathComponent(kind, isDirectory: true)
                let ids = ((try? FileManager.default.contentsOfDirectory(atPath: parent.path)) ?? []).compactMap(UUID.init(uuidString:))
                for id in ids.sorted(by: { $0.uuidString < $1.uuidString }) {
                    // Only folders that changed since the last take-in are read again.
                    let folder = parent.appendingPathComponent(id.uuidString), key = binding(for: folder)
                    let seen = folderSignature(folder, own: machine.id)
                    if let t = seen.arrived { ledger.lastArrival[station] = max(ledger.lastArrival[station] ?? t, t) }
                    let known = kind == "directives" || FileManager.default.fileExists(atPath: caseURL(id).path)
                    if ledger.folders[key] == seen.signature, known { continue }
                    let problems = report.problems.count
                    if kind == "cases" {
                        takeInCase(id, station: station, machine: machine, into: &report)
                    } else {
                        takeInDirectives(station: station, caseID: id, into: &report)
                    }
                    // A folder with a file that could not be read is read again next time.
                    ledger.folders[key] = report.problems.count == problems ? folderSignature(folder, own: machine.id).signature : nil
                }
            }
        }
        if ledger != before { saveLedger(ledger) }
        return report
    }

    /// Two versions of a case alike but for the revision (which each machine counts on its own).
    static func sameContent(_ a: CaseRecord, _ b: CaseRecord) throws -> Bool {
        var fa = try FlatRecord(a), fb = try FlatRecord(b)
        fa.fields["revision"] = nil
        fb.fields["revision"] = nil
        return fa == fb && a.conflicts == b.conflicts
    }

    private func takeInCase(_ id: UUID, station: String, machine: MachineIdentity, into report: inout TakeInReport) {
        do {
            try withReplicaLock(id) {
                let read = readReplicas(station, id)
                report.problems += read.problems
                guard let state = read.state else { return }
                let conflictCopies = read.copies.filter { ReplicaName.isConflictCopy($0.lastPathComponent) }
                if !conflictCopies.isEmpty {
                    // Their content goes into this machine's own copy before they go.
                    try writeReplica(state, to: replicaCaseFolder(station, id).appendingPathComponent(machine.id + ".rcase"))
                    for url in conflictCopies where (try? DurableFile.remove(url)) != nil { report.conflictCopiesMerged += 1 }
                }
                var merged = try state.record()
                if !merged.conflicts.isEmpty { report.casesWithConflicts.append(merged.number) }
                // Under the case's lock, as a save: a desk's save cannot fall between this read and write.
                let wrote: Bool = try withCaseLock(id) {
                    let local = try? readCase(at: caseURL(id))
                    if let local {
                        guard try !Self.sameContent(local, merged) else { return false }
                        merged.revision = max(merged.revision, local.revision + 1)
                        report.changedCases += 1
                    } else {
                        report.newCases += 1
                    }
                    try writeSealed(merged, to: caseURL(id))
                    return true
                }
                guard wrote else { return }
                report.caseIDs.append(id)
                try? SummaryIndex(store: self).append(CaseSummary(merged))
                try? ListIndex(store: self).append(merged)
            }
        } catch {
            report.problems.append(ReplicaProblem(path: replicaCaseFolder(station, id).path, reason: CaseStore.describe(error), copiedTo: nil))
        }
    }
}
