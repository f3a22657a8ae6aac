import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Atomic, durable file writes: a temporary file in the same folder, fsync, rename over the
/// target, then fsync of the folder so that the rename itself survives a power cut.
public enum DurableFile {
    public enum WriteError: Error, Equatable {
        case open(path: String, errno: Int32)
        case write(path: String, errno: Int32)
        case sync(path: String, errno: Int32)
        case rename(path: String, errno: Int32)
    }

    public static func write(_ data: Data, to url: URL) throws {
        let dir = url.deletingLastPathComponent().path
        let tmp = dir + "/." + url.lastPathComponent + ".\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp"
        let fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw WriteError.open(path: tmp, errno: errno) }
        var ok = false
        defer {
            if !ok { unlink(tmp) }
        }
        do {
            defer { close(fd) }
            try data.withUnsafeBytes { (buf: UnsafeRawBufferPointer) in
                var offset = 0
                while offset < buf.count {
                    guard let base = buf.baseAddress else { break }
                    let n = Glibc.write(fd, base + offset, buf.count - offset)
                    if n < 0 {
                        if errno == EINTR { continue }
                        throw WriteError.write(path: tmp, errno: errno)
                    }
                    offset += n
                }
            }
            guard fsync(fd) == 0 else { throw WriteError.sync(path: tmp, errno: errno) }
        }
        guard rename(tmp, url.path) == 0 else { throw WriteError.rename(path: url.path, errno: errno) }
        ok = true
        try syncFolder(dir)
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
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        try syncFolder(url.path)
        try syncFolder(url.deletingLastPathComponent().path)
    }

    public static func syncFolder(_ path: String) throws {
        let dfd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard dfd >= 0 else { throw WriteError.open(path: path, errno: errno) }
        defer { close(dfd) }
        guard fsync(dfd) == 0 else { throw WriteError.sync(path: path, errno: errno) }
    }
}
