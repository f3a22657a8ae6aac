import Crypto
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Where replication keeps its files, and how they are read and written. Every file in a station
/// folder is written by one machine only (its name says which), because Syncthing silently loses
/// one of two writes to one path made at the same time; the desk merges what it reads.
///
///     machine.plist                                this machine (never replicated)
///     sync/<station>/.stignore                     what Syncthing leaves alone (temporary files, locks)
///     sync/<station>/cases/<case>/<machine>.rcase  that machine's state of the case (`ReplicaCase`)
///     sync/<station>/directives/<case>/<directive>.directive        the SP's directive, as given
///     sync/<station>/directives/<case>/<directive>.<machine>.reply  that machine's reading / answer
///
/// A Syncthing conflict copy (`<machine>.sync-conflict-<date>-<time>-<device>.rcase`) is read and
/// merged like any other copy, then removed once its content is in this machine's own file.
extension CaseStore {
    public var machineURL: URL { root.appendingPathComponent("machine.plist") }
    public var syncRoot: URL { root.appendingPathComponent("sync", isDirectory: true) }
    public func stationFolder(_ stationID: String) -> URL { syncRoot.appendingPathComponent(fileKey(stationID), isDirectory: true) }
    func replicaCaseFolder(_ stationID: String, _ caseID: UUID) -> URL {
        stationFolder(stationID).appendingPathComponent("cases/" + caseID.uuidString, isDirectory: true)
    }
    func replicaDirectiveFolder(_ stationID: String, _ caseID: UUID) -> URL {
        stationFolder(stationID).appendingPathComponent("directives/" + caseID.uuidString, isDirectory: true)
    }

    public func loadMachine() -> MachineIdentity? {
        // Read without Data's error (made, with its texts, at every save of a machine that shares no station).
        guard let bytes = StoreFS.readWhole(machinePath) else { return nil }
        let data = Data(bytes)
        return try? PropertyListDecoder().decode(MachineIdentity.self, from: data)
    }

    public func saveMachine(_ machine: MachineIdentity) throws {
        let encoder = PropertyListEncoder()
        encoder.outputFormat = .xml
        do { try DurableFile.write(try encoder.encode(machine), to: machineURL) } catch { throw StoreError.writeFailed(path: machineURL.path) }
    }

    /// The name a file is sealed under: its place in the store, a conflict copy's as its original's.
    func replicaBinding(_ url: URL) -> String { binding(for: ReplicaName.original(of: url)) }

    func encodeReplica<T: Encodable>(_ value: T, for url: URL) throws -> Data {
        let encoder = PropertyListEncoder()
        encoder.outputFormat = .binary
        var data = try encoder.encode(value)
        if meta.encrypted {
            guard let sealer = try? replicaSealer(for: url) else { throw StoreError.writeFailed(path: url.path) }
            data = try sealer.seal(data, binding: replicaBinding(url))
        }
        return data
    }

    func decodeReplica<T: Decodable>(_ type: T.Type, at url: URL) throws -> T {
        var data = try Data(contentsOf: url)
        if meta.encrypted {
            // Its station's key (StationKeys); a station this store holds no key for is refused as such.
            guard let sealer = try replicaSealer(for: url) else { throw Sealer.Problem.cannotOpen }
            do {
                data = try sealer.open(data, binding: replicaBinding(url))
            } catch {
                // Written before the station's key was rotated (by another machine, or mid-rotation),
                // or, for a station under the store's key, before the store's key was rotated.
                let others = (stationFolderName(of: url).map(otherStationKeys) ?? []) + retiredKeys().map(SymmetricKey.init(data:))
                guard let plain = others.lazy.compactMap({ try? Sealer(key: $0).open(data, binding: self.replicaBinding(url)) }).first
                else { throw error }
                data = plain
            }
        }
        return try PropertyListDecoder().decode(T.self, from: data)
    }

    func writeReplica<T: Encodable>(_ value: T, to url: URL) throws {
        do {
            let folder = url.deletingLastPathComponent()
            if !FileManager.default.fileExists(atPath: folder.path) { try DurableFile.makeFolder(folder) }
            try DurableFile.write(try encodeReplica(value, for: url), to: url)
        } catch {
            throw StoreError.writeFailed(path: url.path)
        }
    }

    /// Files in a folder that replication reads: not hidden (temporary files of this desk and of Syncthing).
    func replicaNames(in folder: URL, suffix: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
            .filter { !$0.hasPrefix(".") && $0.hasSuffix(suffix) }.sorted()
    }

    /// Runs `body` holding this machine's lock on one case's replica (two terminals of one desk).
    func withReplicaLock<T>(_ caseID: UUID, _ body: () throws -> T) throws -> T {
        let locks = root.appendingPathComponent("locks", isDirectory: true)
        if !FileManager.default.fileExists(atPath: locks.path) { try DurableFile.makeFolder(locks) }
        let path = locks.appendingPathComponent("replica-" + caseID.uuidString + ".lock").path
        let fd = Glibc.open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw StoreError.writeFailed(path: path) }
        defer { close(fd) }
        guard flock(fd, LOCK_EX) == 0 else { throw StoreError.writeFailed(path: path) }
        defer { flock(fd, LOCK_UN) }
        return try body()
    }

    /// A replica that cannot be opened is copied to damaged/ (once) and left where it is: moving
    /// it would tell Syncthing to delete it on every machine. Its owner's next save replaces it.
    func copyAside(_ url: URL) -> String? {
        let damaged = root.appendingPathComponent("damaged", isDirectory: true)
        let fm = FileManager.default
        if !fm.fileExists(atPath: damaged.path) { try? DurableFile.makeFolder(damaged) }
        let size = (try? fm.attributesOfItem(atPath: url.path)[.size] as? Int) ?? 0
        let target = damaged.appendingPathComponent("replica-\(size)-" + url.lastPathComponent)
        if fm.fileExists(atPath: target.path) { return target.path }
        guard let data = try? Data(contentsOf: url), (try? DurableFile.write(data, to: target)) != nil else { return nil }
        return target.path
    }
}

/// Names of replica files.
public enum ReplicaName {
    /// Syncthing's conflict copies: `name.sync-conflict-20261129-101500-ABCDEFG.ext`.
    public static func isConflictCopy(_ name: String) -> Bool { name.contains(".sync-conflict-") }

    /// The file a conflict copy was made from (the file itself otherwise).
    public static func original(of url: URL) -> URL {
        let name = url.lastPathComponent
        guard let range = name.range(of: ".sync-conflict-") else { return url }
        let rest = name[range.upperBound...]
        let ext = rest.firstIndex(of: ".").map { String(rest[$0...]) } ?? ""
        return url.deletingLastPathComponent().appendingPathComponent(String(name[..<range.lowerBound]) + ext)
    }

    /// The machine that wrote a case replica (`<machine>.rcase`).
    public static func machine(of url: URL) -> String {
        String(original(of: url).deletingPathExtension().lastPathComponent.split(separator: ".").first ?? "")
    }
}
