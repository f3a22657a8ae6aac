import Foundation
import SystemPackage
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Atomic, durable file writes: a temporary file in the same folder, fsync, rename over the
/// target, then fsync of the folder so that the rename itself survives a power cut.
public enum DurableFile {
    /// Set only while a demo store is generated (`DemoStore`): every fsync is left to one sync of
    /// the whole file system at its end. Never set for anything a user saves.
    @TaskLocal public static var syncOnceAtEnd = false

    public enum WriteError: Error, Equatable {
        case open(path: String, errno: Int32)
        case write(path: String, errno: Int32)
        case sync(path: String, errno: Int32)
        case rename(path: String, errno: Int32)
    }

    public static func write(_ data: Data, to url: URL) throws {
        var ignored: stat?
        try write(data, to: url, written: &ignored)
    }

    /// The same, and `written` is the file's status as it was written (taken before the rename,
    /// which keeps its inode, size and time of change of content).
    /// `beforeSync` is handed that status as soon as the data is written, while the file is synced
    /// (work that needs it can go on meanwhile, on another thread).
    /// `durable` is called once the file is in place and its folder synced.
    public static func write(_ data: Data, to url: URL, written: inout stat?, beforeSync: ((stat) -> Void)? = nil,
                             durable: (() -> Void)? = nil) throws {
        try write(to: url, headLength: 0, written: &written, beforeSync: beforeSync, durable: durable) { append in
            try append(data)
            return Data()
        }
    }

    /// The same, for a file made piece by piece (so that it is never whole in memory): `body`
    /// appends the pieces after `headLength` bytes left for a head, and returns the head (exactly
    /// that long), written last at the start.
    public static func write(to url: URL, headLength: Int, _ body: (_ append: (Data) throws -> Void) throws -> Data) throws {
        var ignored: stat?
        try write(to: url, headLength: headLength, written: &ignored, body)
    }

    static func write(to url: URL, headLength: Int, written: inout stat?, beforeSync: ((stat) -> Void)? = nil,
                      durable: (() -> Void)? = nil, _ body: (_ append: (Data) throws -> Void) throws -> Data) throws {
        let dir = url.deletingLastPathComponent().path
        let tmp = dir + "/." + url.lastPathComponent + ".\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp"
        try fill(tmp, headLength: headLength, written: &written, beforeSync: beforeSync, body)
        // From here the temporary file is renamed or removed by `replace`.
        try replace(url.path, with: tmp, in: dir) { durable?() }
    }

    /// The same for a case file (`ReadyFiles`): its temporary file named as a ready file, its
    /// time set to the nanosecond (`StoreFS.stampNow`), and the version it replaces kept, under
    /// that name, for a later save to write over (returned), when the two names can be exchanged
    /// in one step (`swap`).
    static func writeKeeping(_ data: Data, to path: String, in dir: String, written: inout stat?,
                             beforeSync: ((stat) -> Void)? = nil, durable: (() -> Void)? = nil) throws -> ReadyFiles.File? {
        let tmp = ReadyFiles.newPath(in: dir)
        try fill(tmp, headLength: 0, stampingNow: true, written: &written, beforeSync: beforeSync) { append in
            try append(data)
            return Data()
        }
        // From here the temporary file is in place, or removed by `swap`.
        return try swap(path, with: tmp, in: dir) { durable?() }
    }

    /// A new file `tmp` (O_EXCL) filled by `body` as `write(to:headLength:)` describes, then synced;
    /// removed if anything fails. `written` is its status once written: syncing and renaming change
    /// neither its inode, size nor time of change of content.
    private static func fill(_ tmp: String, headLength: Int, stampingNow: Bool = false, written: inout stat?,
                             beforeSync: ((stat) -> Void)?, _ body: (_ append: (Data) throws -> Void) throws -> Data) throws {
        let fd: FileDescriptor
        do { fd = try StoreFS.createExclusive(tmp) } catch { throw WriteError.open(path: tmp, errno: (error as? Errno)?.rawValue ?? 0) }
        var ok = false
        defer { if !ok { try? StoreFS.unlink(tmp) } }
        defer { try? fd.close() }
        var offset = headLength
        do {
            if headLength > 0 { try StoreFS.write(fd, tmp, Data(repeating: 32, count: headLength), at: 0) }
            let head = try body { piece in
                try StoreFS.write(fd, tmp, piece, at: offset)
                offset += piece.count
            }
            guard head.count == headLength else { throw Errno(rawValue: EINVAL) }
            if headLength > 0 {
                guard lseek(fd.rawValue, 0, SEEK_SET) == 0 else { throw Errno(rawValue: EINVAL) }
                try StoreFS.write(fd, tmp, head, at: 0)
            }
        } catch let e as WriteError {
            throw e
        } catch {
            throw WriteError.write(path: tmp, errno: (error as? Errno)?.rawValue ?? 0)
        }
        if stampingNow { StoreFS.stampNow(fd) }
        var st = stat()
        written = fstat(fd.rawValue, &st) == 0 ? st : nil
        if let written { beforeSync?(written) }
        do { try StoreFS.fsync(fd, tmp) } catch { throw WriteError.sync(path: tmp, errno: (error as? Errno)?.rawValue ?? 0) }
        ok = true
    }

    /// The same, written into a file made ready for it (`ReadyFiles`: exactly as long as `data`,
    /// its blocks and length already synced): the bytes written over what it holds, the data
    /// synced (nothing else of the file changed), then put in place of the case's file (`swap`).
    static func write(_ data: Data, into ready: ReadyFiles.File, replacing path: String, in dir: String, written: inout stat?,
                      beforeSync: ((stat) -> Void)? = nil, durable: (() -> Void)? = nil) throws -> ReadyFiles.File? {
        var ok = false
        defer { if !ok { try? StoreFS.unlink(ready.path) } }
        do {
            defer { try? ready.fd.close() }
            guard data.count == ready.size else { throw WriteError.write(path: ready.path, errno: EINVAL) }
            do { try StoreFS.write(ready.fd, ready.path, data, overwritingAt: 0) } catch {
                throw WriteError.write(path: ready.path, errno: (error as? Errno)?.rawValue ?? 0)
            }
            // Written over the version replaced a moment ago perhaps: its stamp must not come back.
            StoreFS.stampNow(ready.fd)
            var st = stat()
            written = fstat(ready.fd.rawValue, &st) == 0 ? st : nil
            if let written { beforeSync?(written) }
            do { try StoreFS.datasync(ready.fd, ready.path) } catch {
                throw WriteError.sync(path: ready.path, errno: (error as? Errno)?.rawValue ?? 0)
            }
        }
        // From here the file is in place, or removed by `swap`.
        ok = true
        return try swap(path, with: ready.path, in: dir) { durable?() }
    }

    /// Puts the synced `tmp` in place of `path` and syncs the folder, exchanging the two names in
    /// one step: the version replaced is then under `tmp`'s name, its blocks and length on the
    /// disk, and is returned open for writing, for a later save to write over (no new file, no
    /// blocks freed or given). Where the names cannot be exchanged (no file there yet, or no
    /// `renameat2`), `tmp` is renamed over `path` as `replace` does. Never anything but a regular
    /// file is opened, without following a link and without waiting on a pipe.
    private static func swap(_ path: String, with tmp: String, in dir: String, durable: () -> Void) throws -> ReadyFiles.File? {
        let old = Glibc.open(path, O_WRONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK)
        var st = stat()
        guard old >= 0 else {
            try replace(path, with: tmp, in: dir, durable: durable)
            return nil
        }
        // Only the case's own file is kept: one with another name too (a hard link) is renamed over.
        guard fstat(old, &st) == 0, st.st_mode & S_IFMT == S_IFREG, st.st_nlink == 1, (try? StoreFS.exchange(tmp, path)) != nil else {
            Glibc.close(old)
            try replace(path, with: tmp, in: dir, durable: durable)
            return nil
        }
        let kept = ReadyFiles.File(fd: FileDescriptor(rawValue: old), path: tmp, size: Int(st.st_size))
        do { try syncFolder(dir) } catch {
            ReadyFiles.discard(kept)
            throw error
        }
        durable()
        return kept
    }

    /// Renames the synced `tmp` over `path` (removing `tmp` if it cannot), then syncs the folder so
    /// that the rename survives a power cut; `durable` is called once it has.
    private static func replace(_ path: String, with tmp: String, in dir: String, durable: () -> Void) throws {
        // The version replaced is held open across the rename, so that its blocks are freed when
        // it is closed, after the save is durable and off the caller's thread, rather than inside the
        // rename (a tenth of a millisecond on this disk). Never anything but a regular file's
        // descriptor, opened without following a link and without waiting on a pipe.
        let replaced = Glibc.open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK)
        defer { if replaced >= 0 { Freeing.close(replaced) } }
        do { try StoreFS.rename(tmp, path) } catch {
            try? StoreFS.unlink(tmp)
            throw WriteError.rename(path: path, errno: (error as? Errno)?.rawValue ?? 0)
        }
        try syncFolder(dir)
        durable()
    }

    /// Closes replaced files' descriptors one after another on a thread of its own.
    enum Freeing {
        static let queue = DispatchQueue(label: "urja.durable-file.freeing", qos: .utility)

        static func close(_ fd: Int32) {
            queue.async { _ = Glibc.close(fd) }
        }

        /// Waits until every descriptor handed over so far is closed (for tests that count files).
        static func settle() { queue.sync {} }
    }

    /// Removes a file and syncs its folder, so that the removal survives a power cut.
    public static func remove(_ url: URL) throws {
        try StoreFS.unlink(url.path)
        try syncFolder(url.deletingLastPathComponent().path)
    }

    /// Moves a file within the store (setting a damaged one aside), durably.
    public static func move(_ from: URL, to: URL) throws {
        try StoreFS.rename(from.path, to.path)
        try syncFolder(to.deletingLastPathComponent().path)
        try syncFolder(from.deletingLastPathComponent().path)
    }

    /// Temporary files left in `dir` by a write that never finished (its process was killed or
    /// the power went): a file `.<name>.<pid>.<n>.tmp` whose process is gone, or that is no newer
    /// than the file it was to replace. A live writer's temporary file is never among them.
    public static func leftovers(in dir: URL) -> [URL] {
        let fm = FileManager.default
        let names = (try? fm.contentsOfDirectory(atPath: dir.path)) ?? []
        return names.filter { $0.hasPrefix(".") && $0.hasSuffix(".tmp") }.compactMap { name in
            let parts = name.dropFirst().dropLast(4).split(separator: ".")
            guard parts.count >= 3, let pid = Int32(parts[parts.count - 2]) else { return nil }
            let url = dir.appendingPathComponent(name)
            let target = dir.appendingPathComponent(parts.dropLast(2).joined(separator: "."))
            let alive = pid > 0 && (kill(pid, 0) == 0 || errno == EPERM)
            if !alive { return url }
            let mtime = { (u: URL) in (try? fm.attributesOfItem(atPath: u.path)[.modificationDate] as? Date) ?? nil }
            if let t = mtime(url), let old = mtime(target), t <= old { return url }
            return nil
        }
    }

    /// Makes a folder (and its parents) and syncs the folder that holds it, so that the new folder
    /// survives a power cut before anything is written in it.
    public static func makeFolder(_ url: URL) throws {
        // Made part by part from the root, as `mkdir -p` makes it: each folder made is synced with
        // the folder it was made in. A "." or ".." part names no folder to make (taking parents of
        // "x/.." never ended: a store asked for at "base/new/../store" crashed the command).
        var path = url.path.hasPrefix("/") ? "" : FileManager.default.currentDirectoryPath
        for part in url.path.split(separator: "/", omittingEmptySubsequences: true) {
            let next = path + "/" + part
            if part != ".", part != "..", !FileManager.default.fileExists(atPath: next) {
                do { try StoreFS.mkdir(next) } catch Errno.fileExists {}
                try syncFolder(next)
                try syncFolder(path.isEmpty ? "/" : path)
            }
            path = next
        }
        // An existing folder is synced as before (its entry may be new to the disk).
        if FileManager.default.fileExists(atPath: url.path) { try syncFolder(url.path) }
    }

    public static func syncFolder(_ path: String) throws {
        do { try StoreFS.syncFolder(path) } catch { throw WriteError.sync(path: path, errno: (error as? Errno)?.rawValue ?? 0) }
    }
}
