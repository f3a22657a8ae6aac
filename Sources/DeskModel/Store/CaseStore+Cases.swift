import Foundation
import Synchronization
import SystemPackage

/// The case files: read (a damaged one reported or set aside), saved durably with the stale-copy
/// check, case numbers claimed under the store's lock.
extension CaseStore {
    // MARK: Cases

    public struct Load: Sendable {
        public var cases: [CaseRecord]
        public var damaged: [DamagedFile]

        public init(cases: [CaseRecord], damaged: [DamagedFile]) {
            self.cases = cases
            self.damaged = damaged
        }
    }

    /// Reads every case. A file that cannot be read is reported, and moved to damaged/ when
    /// `setAside` is true; the others load as usual.
    public func loadCases(setAside: Bool, clock: DeskClock = SystemClock()) -> Load {
        // Without its key an encrypted store's files cannot be read: that is not damage.
        guard !isLocked else { return Load(cases: [], damaged: []) }
        let urls = caseFiles()
        // Decoding is most of the cost of opening a store: spread it over the cores.
        var results = [Result<CaseRecord, Error>](repeating: .failure(CaseFileProblem.notRead), count: urls.count)
        results.withUnsafeMutableBufferPointer { buffer in
            nonisolated(unsafe) let slots = buffer
            Cores.perform(urls.count) { i in
                slots[i] = Result { try self.readCase(at: urls[i]) }
            }
        }
        var load = Load(cases: [], damaged: [])
        load.cases.reserveCapacity(urls.count)
        for (url, result) in zip(urls, results) {
            switch result {
            case .success(let record):
                load.cases.append(record)
            case .failure(let error):
                load.damaged.append(reportDamaged(url, error: error, setAside: setAside, clock: clock))
            }
        }
        return load
    }

    /// A case file that could not be read: reported, and moved to damaged/ when `setAside`.
    func reportDamaged(_ url: URL, error: Error, setAside: Bool, clock: DeskClock = SystemClock()) -> DamagedFile {
        var damaged = DamagedFile(path: url.path, reason: CaseStore.describe(error))
        // A sealed record in a store that says it is plain means store.plist is wrong, not
        // the record: it is reported and left where it is.
        let sealedInPlain = !meta.encrypted
            && ((try? FileHandle(forReadingFrom: url).readData(ofLength: Sealer.magic.count)).map(Sealer.isSealed) ?? false)
        if sealedInPlain { damaged.reason = "sealed, but store.plist says the store is not encrypted" }
        if setAside, !sealedInPlain { damaged.movedTo = self.setAside(url, now: clock.now()) }
        return damaged
    }

    func readCase(at url: URL) throws -> CaseRecord {
        let record = try decodeStored(CaseRecord.self, from: url)
        guard url.deletingPathExtension().lastPathComponent == record.id.uuidString else {
            throw CaseFileProblem.nameMismatch
        }
        return record
    }

    enum CaseFileProblem: Error { case nameMismatch, notRead }

    static func describe(_ error: Error) -> String {
        switch error {
        case CaseFileProblem.nameMismatch: return "file name does not match the case inside"
        case Sealer.Problem.cannotOpen: return "cannot be opened with the store's key (altered or damaged)"
        case Sealer.Problem.notSealed: return "not sealed, in an encrypted store"
        case StationKeys.Problem.noKeyForStation(let station):
            return "sealed with station \(station)'s own key, which this machine does not hold (not its station)"
        case DecodingError.dataCorrupted: return "not a readable property list"
        case DecodingError.keyNotFound(let key, _): return "missing field \(key.stringValue)"
        case DecodingError.typeMismatch(_, let ctx), DecodingError.valueNotFound(_, let ctx):
            return "wrong value at \(ctx.codingPath.map(\.stringValue).joined(separator: "."))"
        default: return "unreadable (\(type(of: error)))"
        }
    }

    func caseFiles() -> [URL] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: casesDir.path)) ?? []
        return names.filter { $0.hasSuffix(".plist") && !$0.hasPrefix(".") }.sorted()
            .map { casesDir.appendingPathComponent($0) }
    }

    /// (Named as a file: the URL is made without asking the disk whether it is a folder.)
    public func caseURL(_ id: UUID) -> URL { casesDir.appendingPathComponent(id.uuidString + ".plist", isDirectory: false) }

    /// Writes one case, atomically and durably, then appends its summary to the review index and
    /// its listing to the list index.
    /// With `base`, the save goes through only if the case on disk is still at that revision:
    /// another terminal's save in between is a `SaveConflict`, never silently overwritten. The
    /// check and the write happen under one lock per case, so two terminals cannot interleave them.
    /// With replication, this machine's copy in the station folder is written first (`replicated`).
    /// `readStamp`: the stamp of the file as it was when `base` was read (`reloadStamped`): while
    /// the file still has it, it is that revision, and is not decoded again to check.
    @discardableResult
    public func save(_ record: CaseRecord, base: Int? = nil, readStamp: ListIndex.Stamp? = nil) throws -> ListIndex.Stamp? {
        try saveListing(record, base: base, readStamp: readStamp, linesIn: true).stamp
    }

    /// The same, with the case's listing as its index line has it (made while the file was
    /// synced), or nil when what was written is not `record` (another machine's changes merged in).
    /// Without `linesIn` it returns once the file is durable, its index lines going in on the other
    /// thread meanwhile (every read or write of an index in this process waits for them: the desk's
    /// own saves, `CaseRepository`); with it, once they are in too.
    public func saveListing(_ record: CaseRecord, base: Int? = nil, readStamp: ListIndex.Stamp? = nil, linesIn: Bool) throws
        -> (stamp: ListIndex.Stamp?, listing: CaseListing?) {
        let path = casesPath + "/" + record.id.uuidString + ".plist"
        // Both index lines are made while the case file is synced, and appended once it is durable (`IndexLines`).
        let lines = IndexLines()
        var asGiven = true
        // The stamp of the file this save wrote, taken under the case's lock: another writer's file
        // renamed over it afterwards has another stamp, so it is never mistaken for this revision.
        let stamp: ListIndex.Stamp?
        do {
            stamp = try withCaseLock(record.id) {
                if let base {
                    let untouched = readStamp != nil && ListIndex.Stamp(path: path) == readStamp
                    if !untouched, let onDisk = try? readCase(at: caseURL(record.id)), onDisk.revision != base {
                        throw SaveConflict.stale(onDisk: onDisk)
                    }
                }
                let written = try replicated(record)
                asGiven = written.revision == record.revision
                let store = self
                return try writeCase(written, path: path, whileSyncing: { stamp in lines.start { store.indexLines(written, stamp: stamp) } },
                                     durable: { lines.durable() })
            }
        } catch {
            lines.abandon()
            throw error
        }
        let made = lines.finish()
        if linesIn { IndexLines.settle() }
        return (stamp, asGiven ? made?.listing : nil)
    }

    /// A case record written as `write` writes any value (encoded, sealed bound to its place, durably
    /// replaced), with what a case file's write needs worked out without asking the disk: a case
    /// file is never one of the plain ones, and its binding is `caseBinding`. Returns the stamp
    /// of the file written (read from the file written, before the rename, which changes neither
    /// its inode, size nor time of change of content).
    func writeCase(_ record: CaseRecord, path: String, whileSyncing: ((ListIndex.Stamp) -> Void)? = nil,
                   durable: (() -> Void)? = nil) throws -> ListIndex.Stamp? {
        do {
            // A whole number of blocks long, sealed or not: the length of a file made ready for it.
            let overhead = meta.encrypted ? Sealer.overhead : 0
            var data = try BinaryPlistEncoder.encode(record) { ReadyFiles.size(for: $0 + overhead) - overhead }
            if meta.encrypted {
                guard let sealer else { throw StoreError.writeFailed(path: path) }
                data = try sealer.seal(data, binding: caseBinding(record.id))
            }
            var written: stat?
            let dir = String(path[..<(path.lastIndex(of: "/") ?? path.startIndex)])
            let kept: ReadyFiles.File?
            if let ready = ReadyFiles.take(size: data.count, in: dir) {
                kept = try DurableFile.write(data, into: ready, replacing: path, in: dir, written: &written,
                                             beforeSync: { whileSyncing?(ListIndex.Stamp($0)) }, durable: durable)
            } else {
                kept = try DurableFile.writeKeeping(data, to: path, in: dir, written: &written,
                                                    beforeSync: { whileSyncing?(ListIndex.Stamp($0)) }, durable: durable)
            }
            // The version replaced is ready for a later save; the next save of this case (or of
            // one as long) finds one ready.
            if let kept { ReadyFiles.give(kept, in: dir) }
            ReadyFiles.prepare(size: data.count, in: dir)
            return written.map { ListIndex.Stamp($0) }
        } catch {
            throw StoreError.writeFailed(path: path)
        }
    }

    /// The binding of a case file's seal: `binding(for: caseURL(id))`, which for every root but
    /// an odd one (checked once per root, with a probe) is "cases/<id>.plist".
    func caseBinding(_ id: UUID) -> String {
        let plain = "cases/" + id.uuidString + ".plist"
        return CaseStore.bindsCasesPlainly(self) ? plain : binding(for: caseURL(id))
    }

    private static let plainRoots = Mutex<[String: Bool]>([:])

    static func bindsCasesPlainly(_ store: CaseStore) -> Bool {
        let key = store.root.path
        if let known = plainRoots.withLock({ $0[key] }) { return known }
        let probe = UUID(uuid: (0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15))
        let plain = store.binding(for: store.caseURL(probe)) == "cases/" + probe.uuidString + ".plist"
        plainRoots.withLock { $0[key] = plain }
        return plain
    }

    /// Runs `work` holding the case's lock (`locks/case-<id>.lock`): saves and the take-in of
    /// other machines' copies never interleave their check and their write.
    func withCaseLock<T>(_ id: UUID, _ work: () throws -> T) throws -> T { try withLock("case-" + id.uuidString, work) }

    /// Runs `work` holding `locks/<name>.lock` (an exclusive `flock`, released on return or throw).
    func withLock<T>(_ name: String, _ work: () throws -> T) throws -> T {
        let lockPath = locksPath + "/" + name + ".lock"
        var fd = Glibc.open(lockPath, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        // The folder is made (durably) the first time only.
        if fd < 0, errno == ENOENT {
            try ensure(locksDir)
            fd = Glibc.open(lockPath, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        }
        guard fd >= 0 else { throw StoreError.writeFailed(path: lockPath) }
        defer { close(fd) }
        guard flock(fd, LOCK_EX) == 0 else { throw StoreError.writeFailed(path: lockPath) }
        defer { flock(fd, LOCK_UN) }
        return try work()
    }

    /// The case as it is on disk now, with the stamp its file had while it was read (nil for the
    /// stamp if the file changed meanwhile).
    public func reloadStamped(_ id: UUID) -> (CaseRecord, ListIndex.Stamp?)? {
        let path = caseURL(id).path
        let before = ListIndex.Stamp(path: path)
        guard let record = try? readCase(at: caseURL(id)) else { return nil }
        let after = ListIndex.Stamp(path: path)
        return (record, before == after ? before : nil)
    }

    /// The case as it is on disk now (after another terminal's save).
    public func reload(_ id: UUID) -> CaseRecord? { try? readCase(at: caseURL(id)) }

    /// Takes a case number for good. Two desks on one store may both think a number is next:
    /// each number is an empty file made with O_EXCL, so only one of them gets it and the
    /// other is given the following one.
    public func claim(_ proposed: CaseNumber) throws -> CaseNumber {
        try ensure(numbersDir)
        var number = proposed
        // Replicated: each machine taking numbers at a station has its own letter (none for the station's own PC).
        if let suffix = loadMachine()?.numberSuffix { number.suffix = suffix }
        for _ in 0..<10_000 {
            let path = numbersDir.appendingPathComponent(number.description).path
            do {
                let fd = try StoreFS.createExclusive(path)
                try? fd.close()
                try DurableFile.syncFolder(numbersDir.path)
                return number
            } catch Errno.fileExists {
                number.sequence += 1
            } catch {
                throw StoreError.writeFailed(path: path)
            }
        }
        throw StoreError.writeFailed(path: numbersDir.path)
    }

    func setAside(_ url: URL, now: Date) -> String? {
        let fm = FileManager.default
        if !fm.fileExists(atPath: damagedDir.path) { try? DurableFile.makeFolder(damagedDir) }
        let stamp = Int(now.timeIntervalSince1970)
        let target = damagedDir.appendingPathComponent("\(stamp)-\(url.lastPathComponent)")
        do {
            try DurableFile.move(url, to: target)
            return target.path
        } catch {
            return nil
        }
    }
}
