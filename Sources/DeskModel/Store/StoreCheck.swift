import Foundation

/// One thing `verify` found wrong.
public enum StoreProblem: Equatable, Sendable {
    case unreadableDirectory
    case damagedCase(file: String, reason: String)
    case duplicateNumber(String)
    case unknownStation(caseNumber: String, stationID: String)
    case unreadableDraft(file: String)
    case setAsideFiles(count: Int)
    /// The audit log was cut or altered at this line.
    case auditChainBroken(line: Int)
    /// The audit log ends before the point its sealed head vouches for, or was replaced.
    case auditCut(vouched: Int)
    /// A case file older than a save the audit log records: an older copy was put in its place.
    case caseRolledBack(caseNumber: String, onDisk: Int, recorded: Int)
    /// Another record of the store (directives, preferences, settings, wrong-PIN counts, the
    /// wrapped keys) that cannot be read or opened.
    case unreadableFile(file: String)
    /// Another machine's audit log in a station folder (or this machine's copy there) is cut or altered.
    case machineAuditBroken(machine: String, station: String, line: Int)
    /// A machine's log in a station folder ends before the point its sealed head vouches for, or was replaced.
    case machineAuditCut(machine: String, station: String, vouched: Int)
}

/// Reads every record of a store without changing anything and lists what is wrong.
public enum StoreCheck {
    public struct Report: Sendable {
        public var casesRead: Int
        public var problems: [StoreProblem]
        /// Temporary files left by saves that never finished: not damage (every record is whole),
        /// swept when the desk next opens the store.
        public var leftoverTemporaries = 0
        public var isClean: Bool { problems.isEmpty }
    }

    /// What the checks across cases need of one case; the record itself is dropped once read.
    struct CaseMark: Sendable {
        var id: UUID
        var number: CaseNumber
        var stationID: String
        var revision: Int
    }

    /// Every case file read and checked one at a time on every core (never all records in memory
    /// at once), in file-name order as `loadCases` reads them; a damaged one reported as it does.
    static func readCases(_ store: CaseStore) -> (cases: [CaseMark], damaged: [DamagedFile]) {
        // Without its key an encrypted store's files cannot be read: that is not damage.
        guard !store.isLocked else { return ([], []) }
        let urls = store.caseFiles()
        let chunks = min(urls.count, 64)
        guard chunks > 0 else { return ([], []) }
        var results = [[Result<CaseMark, Error>]](repeating: [], count: chunks)
        results.withUnsafeMutableBufferPointer { buffer in
            nonisolated(unsafe) let slots = buffer
            Cores.perform(chunks) { chunk in
                let range = (urls.count * chunk / chunks)..<(urls.count * (chunk + 1) / chunks)
                slots[chunk] = urls[range].map { url in
                    Result { try mark(store, at: url) }
                }
            }
        }
        var cases: [CaseMark] = []
        var damaged: [DamagedFile] = []
        cases.reserveCapacity(urls.count)
        for (url, result) in zip(urls, results.joined()) {
            switch result {
            case .success(let mark): cases.append(mark)
            case .failure(let error): damaged.append(store.reportDamaged(url, error: error, setAside: false))
            }
        }
        return (cases, damaged)
    }

    /// What `readCase` finds of one case file (the same error when it cannot read it), read as
    /// `BinaryPlistDecoder.decodeVerdict` reads: without the events' typed facts.
    static func mark(_ store: CaseStore, at url: URL) throws -> CaseMark {
        let record = try BinaryPlistDecoder.decodeVerdict(CaseRecord.self, from: try store.storedBytes(at: url))
        // `readCase` compares the name without its extension: every name `caseFiles` lists ends in ".plist".
        guard url.lastPathComponent == record.id.uuidString + ".plist" else {
            throw CaseStore.CaseFileProblem.nameMismatch
        }
        return CaseMark(id: record.id, number: record.number, stationID: record.stationID, revision: record.revision)
    }

    public static func run(_ store: CaseStore) -> Report {
        var problems: [StoreProblem] = []
        let directory = try? store.loadDirectory()
        if directory == nil || (!store.isLocked && !store.directoryIntact) { problems.append(.unreadableDirectory) }
        let load = readCases(store)
        for damaged in load.damaged {
            problems.append(.damagedCase(file: URL(fileURLWithPath: damaged.path).lastPathComponent, reason: damaged.reason))
        }
        let byNumber = load.cases.sorted(by: { $0.number < $1.number })
        var seen = Set<CaseNumber>()
        for record in byNumber {
            if !seen.insert(record.number).inserted { problems.append(.duplicateNumber(record.number.description)) }
            if let directory, directory.station(record.stationID) == nil {
                problems.append(.unknownStation(caseNumber: record.number.description, stationID: record.stationID))
            }
        }
        let fm = FileManager.default
        let drafts = (try? fm.contentsOfDirectory(atPath: store.draftsDir.path)) ?? []
        for name in drafts.sorted() where name.hasSuffix(".plist") && !name.hasPrefix(".") {
            let url = store.draftsDir.appendingPathComponent(name)
            guard (try? store.decodeStored(IntakeForm.self, from: url)) != nil
                    || (try? store.decodeStored(EntryForm.self, from: url)) != nil else {
                problems.append(.unreadableDraft(file: name))
                continue
            }
        }
        // Every other record: directives, preferences, settings, wrong-PIN counts, the wrapped keys.
        func check<T: Decodable>(_ type: T.Type, _ url: URL) {
            if (try? store.decodeStored(type, from: url)) == nil {
                problems.append(.unreadableFile(file: url.path.replacingOccurrences(of: store.root.path + "/", with: "")))
            }
        }
        func files(_ dir: URL) -> [URL] {
            ((try? fm.contentsOfDirectory(atPath: dir.path)) ?? []).sorted().filter { $0.hasSuffix(".plist") && !$0.hasPrefix(".") }
                .map { dir.appendingPathComponent($0) }
        }
        for url in files(store.directivesDir) { check([Directive].self, url) }
        for url in files(store.eventsDir) { check(AwarenessEvent.self, url) }
        for url in files(store.prefsDir) { check(UserPrefs.self, url) }
        for url in files(store.locksDir) { check(LoginGuard.State.self, url) }
        if fm.fileExists(atPath: store.settingsURL.path) { check(ReviewSettings.self, store.settingsURL) }
        if store.meta.encrypted { check(KeyRing.self, store.keysURL) }
        do {
            let chain = try AuditLog(store: store).readChain()
            // A cut found and marked at an earlier append stays a problem to look into.
            for mark in chain where mark.kind == .auditCut {
                problems.append(.auditCut(vouched: Int(mark.detail.split(separator: " ").dropFirst().first ?? "") ?? 0))
            }
            // Each save is recorded with the revision it wrote ("IND-VJN-2026-0001 r5"): a case file
            // at a lower revision is an older copy put back in its place.
            var recorded: [UUID: Int] = [:]
            for e in chain where e.kind == .caseCreated || e.kind == .caseUpdated {
                guard let id = e.caseID, let word = e.detail.split(separator: " ").dropFirst().first, word.hasPrefix("r"),
                      let revision = Int(word.dropFirst()) else { continue }
                recorded[id] = max(recorded[id] ?? 0, revision)
            }
            for record in byNumber {
                if let top = recorded[record.id], record.revision < top {
                    problems.append(.caseRolledBack(caseNumber: record.number.description, onDisk: record.revision, recorded: top))
                }
            }
        } catch AuditLog.ChainError.broken(let line) {
            problems.append(.auditChainBroken(line: line))
        } catch AuditLog.ChainError.cut(let vouched) {
            problems.append(.auditCut(vouched: vouched))
        } catch {
            problems.append(.auditChainBroken(line: 0))
        }
        // Every machine's log in the station folders held here, each chain on its own.
        for chain in AuditTrail.read(store).chains {
            guard let station = chain.station else { continue }
            switch chain.problem {
            case .broken(let line): problems.append(.machineAuditBroken(machine: chain.machine, station: station, line: line))
            case .cut(let vouched): problems.append(.machineAuditCut(machine: chain.machine, station: station, vouched: vouched))
            case nil: if chain.unreadable { problems.append(.machineAuditBroken(machine: chain.machine, station: station, line: 0)) }
            }
        }
        let setAside = ((try? fm.contentsOfDirectory(atPath: store.damagedDir.path)) ?? []).count
        if setAside > 0 { problems.append(.setAsideFiles(count: setAside)) }
        return Report(casesRead: load.cases.count, problems: problems, leftoverTemporaries: store.leftoverTemporaries().count)
    }
}
