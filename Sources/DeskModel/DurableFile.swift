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

    public static func syncFolder(_ path: String) throws {
        let dfd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard dfd >= 0 else { throw WriteError.open(path: path, errno: errno) }
        defer { close(dfd) }
        guard fsync(dfd) == 0 else { throw WriteError.sync(path: path, errno: errno) }
    }
}
