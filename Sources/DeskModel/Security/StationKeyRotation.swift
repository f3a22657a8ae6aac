import Crypto
import Foundation

/// A new key for one station (issue 13, item 2: `urja-desk sync rotate-key --station X`), so that
/// a user taken off the station who kept a copy of its key opens nothing written from now on.
///
/// Crash-safe and resumable: the new key is first kept as the station's `next` in
/// `station-keys.plist`; then each file this machine wrote in the station's folder is sealed again
/// under it (a file that already opens with it is skipped, so a second run goes on where the first
/// stopped); last, in one write of `station-keys.plist`, the new key becomes the station's key, the
/// old one joins its retired keys, and every user's copy is dropped. Copies are made again only for
/// users who still work at the station, at their next sign-in (`giveStationCopies`), and at once for
/// the admin running it. Files other machines wrote stay as they are (each machine writes only its
/// own files: rewriting theirs would race Syncthing) and open here with the retired key; from now
/// on this machine writes under the new key only.
public struct StationKeyRotationReport: Equatable, Sendable {
    public var resealed = 0
    /// Files already under the new key: a rotation that had stopped, run again.
    public var alreadyDone = 0
    /// Files of this machine's that no key of the station opens: left as they are, for verify.
    public var unreadable: [String] = []
}

extension CaseStore {
    /// Every key a station's files may be sealed with besides its current one: a rotation's
    /// pending key, then the retired keys, newest first.
    func otherStationKeys(_ folderName: String) -> [SymmetricKey] {
        guard let sealer, let entry = loadStationKeys()?.stations[folderName] else { return [] }
        let binding = StationKeys.escrowBinding(folderName)
        let sealed = (entry.next.map { [$0] } ?? []) + (entry.retired ?? []).reversed()
        return sealed.compactMap { (try? sealer.open($0, binding: binding)).map(SymmetricKey.init(data:)) }
    }

    /// The station folder's name a replicated file is kept under (nil outside `sync/<station>/`).
    func stationFolderName(of url: URL) -> String? {
        let parts = replicaBinding(url).split(separator: "/")
        guard parts.count > 2, parts[0] == "sync", String(parts[1]) != DistrictMatch.folderName else { return nil }
        return String(parts[1])
    }

    /// Keys to try on the notes of a machine's log in a station folder, after the station's own.
    func retiredStationKeys(forLog url: URL) -> [Data] {
        guard let name = stationFolderName(of: url) else { return [] }
        return otherStationKeys(name).map { $0.withUnsafeBytes { Data($0) } }
    }

    /// Rotates the station's key (see `StationKeyRotationReport`). `admin`: the admin running it
    /// and her secret, for her copy of the new key. `stopAfter`: stop (as a crash would) after that
    /// many files resealed; for tests.
    @discardableResult
    public func rotateStationKey(_ stationID: String, admin: (User, String)? = nil, stopAfter: Int? = nil) throws -> StationKeyRotationReport {
        guard meta.encrypted, let sealer else { throw KeyRotation.Problem.locked }
        guard let lock = StoreLock.exclusive(self) else { throw KeyRotation.Problem.storeInUse }
        defer { lock.release() }
        let name = fileKey(stationID)
        guard var keys = loadStationKeys(), var entry = keys.stations[name], let old = stationKey(stationID) else {
            throw StationKeys.Problem.noKeyForStation(stationID)
        }
        let binding = StationKeys.escrowBinding(name)
        // Begun before? Go on with the same new key.
        let fresh: SymmetricKey
        if let next = entry.next, let raw = try? sealer.open(next, binding: binding) {
            fresh = SymmetricKey(data: raw)
        } else {
            fresh = SymmetricKey(size: .bits256)
            entry.next = try sealer.seal(fresh.withUnsafeBytes { Data($0) }, binding: binding)
            keys.stations[name] = entry
            try saveStationKeys(keys)
        }
        var report = StationKeyRotationReport()
        let newSealer = Sealer(key: fresh), oldSealer = Sealer(key: old)
        for url in ownStationFiles(stationID) {
            guard let data = try? Data(contentsOf: url) else { continue }
            let place = replicaBinding(url)
            if (try? newSealer.open(data, binding: place)) != nil { report.alreadyDone += 1; continue }
            if let stop = stopAfter, report.resealed >= stop { return report }
            guard let plain = try? oldSealer.open(data, binding: place) else { report.unreadable.append(place); continue }
            do { try DurableFile.write(try newSealer.seal(plain, binding: place), to: url) } catch { throw StoreError.writeFailed(path: url.path) }
            report.resealed += 1
        }
        // One write: the new key is the station's, the old one retired, no copy of anyone's left.
        entry.retired = (entry.retired ?? []) + [try sealer.seal(old.withUnsafeBytes { Data($0) }, binding: binding)]
        entry.escrow = try sealer.seal(fresh.withUnsafeBytes { Data($0) }, binding: binding)
        entry.next = nil
        entry.users = [:]
        keys.stations[name] = entry
        try saveStationKeys(keys)
        if let (user, secret) = admin { try giveStationCopies(to: user, secret: secret) }
        return report
    }

    /// The sealed files this machine wrote in a station's folder: its case copies, its readings
    /// and answers of directives, its audit log's head (the log's lines are never rewritten).
    func ownStationFiles(_ stationID: String) -> [URL] {
        guard let own = loadMachine()?.id else { return [] }
        let folder = stationFolder(stationID)
        let names = (FileManager.default.enumerator(atPath: folder.path)?.allObjects as? [String] ?? []).sorted()
        return names.filter { path in
            let file = (path as NSString).lastPathComponent
            guard !file.hasPrefix("."), !path.contains("/.") else { return false }
            return [own + ".rcase", own + ".log.head", own + ".card"].contains(file) || file.hasSuffix("." + own + ".reply")
        }.map { folder.appendingPathComponent($0) }
    }
}
