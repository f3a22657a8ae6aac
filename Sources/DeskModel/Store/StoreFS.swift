import Foundation
import SystemPackage
#if canImport(Glibc)
import Glibc
#endif

/// One operation of the store on the file system, as a power cut sees it: what reaches the disk
/// only when it is synced (a file's data after `fsync` of the file, a name made, changed or
/// removed after `fsync` of its folder).
public enum FileOp: Equatable, Sendable {
    case create(String)
    case write(String, offset: Int, Data)
    case fsync(String)
    case truncate(String, size: Int)
    case rename(from: String, to: String)
    /// Two names exchanged at once (`renameat2` with RENAME_EXCHANGE): each names the other's file.
    case exchange(String, String)
    case mkdir(String)
    case fsyncDir(String)
    case unlink(String)
    /// Not an operation: a point where the store told its caller a save was done.
    case ack(String)
}

/// The operations of a working session, recorded when a test asks for them (in this task only).
public final class FileOpLog: @unchecked Sendable {
    @TaskLocal public static var current: FileOpLog?
    private let lock = NSLock()
    private var list: [FileOp] = []

    public init() {}

    public var ops: [FileOp] { lock.lock(); defer { lock.unlock() }; return list }

    public func add(_ op: FileOp) { lock.lock(); list.append(op); lock.unlock() }

    /// Marks a save as acknowledged to its caller.
    public static func ack(_ what: String) { current?.add(.ack(what)) }
}

/// The seam every write, sync, rename, mkdir and removal of the store goes through
/// (swift-system's `FileDescriptor` for opening, writing and closing, with typed errors).
enum StoreFS {
    static func record(_ op: @autoclosure () -> FileOp) { FileOpLog.current?.add(op()) }

    /// A new file that must not exist yet (O_EXCL).
    static func createExclusive(_ path: String) throws -> FileDescriptor {
        let fd = try FileDescriptor.open(FilePath(path), .writeOnly, options: [.create, .exclusiveCreate, .closeOnExec],
                                         permissions: [.ownerReadWrite])
        record(.create(path))
        return fd
    }

    /// Opens an existing or new file for appending and reading (the logs); says whether it was made
    /// now (its folder must then be synced for the name to survive a power cut).
    static func openAppending(_ path: String) throws -> (fd: FileDescriptor, created: Bool) {
        // Never through a symbolic link: a log pointed elsewhere would write outside the store.
        if let fd = try? FileDescriptor.open(FilePath(path), .readWrite, options: [.append, .closeOnExec, .noFollow]) { return (fd, false) }
        do {
            let fd = try FileDescriptor.open(FilePath(path), .readWrite, options: [.create, .exclusiveCreate, .append, .closeOnExec, .noFollow],
                                             permissions: [.ownerReadWrite])
            record(.create(path))
            return (fd, true)
        } catch Errno.fileExists {
            // Made by another process a moment ago (or a link: then this open refuses too).
            return (try FileDescriptor.open(FilePath(path), .readWrite, options: [.append, .closeOnExec, .noFollow]), false)
        }
    }

    /// Writes all of `data` at `offset` (for an appending descriptor: the end of the file).
    static func write(_ fd: FileDescriptor, _ path: String, _ data: Data, at offset: Int) throws {
        try fd.writeAll(data)
        record(.write(path, offset: offset, data))
    }

    /// Appends one line to a derived index (not synced: a lost line is mended at the next open),
    /// under an exclusive lock so that two terminals' lines never interleave.
    static func appendLine(_ line: Data, to path: String) throws {
        let file: FileDescriptor
        do { file = try openAppending(path).fd } catch { throw StoreError.writeFailed(path: path) }
        defer { try? file.close() }
        guard flock(file.rawValue, LOCK_EX) == 0 else { throw StoreError.writeFailed(path: path) }
        defer { flock(file.rawValue, LOCK_UN) }
        let start = Int(lseek(file.rawValue, 0, SEEK_END))
        do { try write(file, path, line, at: start) } catch { throw StoreError.writeFailed(path: path) }
    }

    /// A whole file read into one buffer (one copy, not Data's and then an array's); nil if it cannot be read.
    static func readWhole(_ path: String) -> [UInt8]? {
        let fd = Glibc.open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { return nil }
        let size = Int(st.st_size)
        var failed = false
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
            var done = 0
            while done < size, let base = buffer.baseAddress {
                let n = read(fd, base + done, size - done)
                if n < 0, errno == EINTR { continue }
                guard n > 0 else { failed = n < 0; break }
                done += n
            }
            count = done
        }
        return failed ? nil : bytes
    }

    /// Writes all of `data` at `offset` of the file, wherever its descriptor stands (over bytes it has).
    static func write(_ fd: FileDescriptor, _ path: String, _ data: Data, overwritingAt offset: Int) throws {
        try fd.writeAll(toAbsoluteOffset: Int64(offset), data)
        record(.write(path, offset: offset, data))
    }

    /// Sets a file's modification time to now, to the nanosecond (not the kernel's coarse tick): a
    /// case file's stamp (inode, size, modification time) is then never one it had before, even
    /// when a save writes over the version replaced a moment ago, of the same length, on the same
    /// inode (`ReadyFiles`), as a save of another desk would otherwise take for a file unchanged.
    static func stampNow(_ fd: FileDescriptor) {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        let omit = timespec(tv_sec: 0, tv_nsec: (1 << 30) - 2)  // UTIME_OMIT: the access time left as it is
        var times = (omit, now)
        _ = withUnsafePointer(to: &times) { $0.withMemoryRebound(to: timespec.self, capacity: 2) { futimens(fd.rawValue, $0) } }
    }

    /// Syncs a file's data, and of its status only what reading the data needs (its length and
    /// blocks): for a power cut, a file's `fsync`.
    static func datasync(_ fd: FileDescriptor, _ path: String) throws {
        if DurableFile.syncOnceAtEnd { return }
        guard Glibc.fdatasync(fd.rawValue) == 0 else { throw Errno(rawValue: errno) }
        record(.fsync(path))
    }

    /// Syncs these files, written and not yet synced: the writing of all of them started first
    /// (`sync_file_range`, so that their blocks are given together, in one commit of the journal),
    /// then each synced (the first sync makes that commit; the others find their data written
    /// and their blocks recorded). Each an `fsync` for a power cut.
    static func syncAll(_ files: [(fd: FileDescriptor, path: String)]) throws {
        if DurableFile.syncOnceAtEnd { return }
        if let start = Self.syncFileRange {
            for file in files { _ = start(file.fd.rawValue, 0, 0, 2) }  // SYNC_FILE_RANGE_WRITE
        }
        for file in files { try fsync(file.fd, file.path) }
    }

    /// glibc's `sync_file_range`, which its Swift module leaves out (declared for _GNU_SOURCE only).
    private static let syncFileRange: (@convention(c) (Int32, Int64, Int64, UInt32) -> Int32)? = {
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "sync_file_range") else { return nil }
        return unsafeBitCast(symbol, to: (@convention(c) (Int32, Int64, Int64, UInt32) -> Int32).self)
    }()

    static func fsync(_ fd: FileDescriptor, _ path: String) throws {
        if DurableFile.syncOnceAtEnd { return }
        guard Glibc.fsync(fd.rawValue) == 0 else { throw Errno(rawValue: errno) }
        record(.fsync(path))
    }

    static func truncate(_ fd: FileDescriptor, _ path: String, to size: Int) throws {
        try fd.resize(to: Int64(size))
        record(.truncate(path, size: size))
    }

    /// Exchanges two names in one step (each then names the file the other named), or throws
    /// (ENOSYS where the C library or the file system cannot).
    static func exchange(_ a: String, _ b: String) throws {
        guard let renameat2 = Self.renameat2 else { throw Errno(rawValue: ENOSYS) }
        guard renameat2(AT_FDCWD, a, AT_FDCWD, b, 2) == 0 else { throw Errno(rawValue: errno) }  // RENAME_EXCHANGE
        record(.exchange(a, b))
    }

    /// glibc's `renameat2` (2.28 on), which its Swift module leaves out (declared for _GNU_SOURCE only).
    private static let renameat2: (@convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32)? = {
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "renameat2") else { return nil }
        return unsafeBitCast(symbol, to: (@convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32).self)
    }()

    static func rename(_ from: String, _ to: String) throws {
        guard Glibc.rename(from, to) == 0 else { throw Errno(rawValue: errno) }
        record(.rename(from: from, to: to))
    }

    static func mkdir(_ path: String) throws {
        guard Glibc.mkdir(path, 0o700) == 0 else { throw Errno(rawValue: errno) }
        record(.mkdir(path))
    }

    static func syncFolder(_ path: String) throws {
        if DurableFile.syncOnceAtEnd { return }
        let fd = try FileDescriptor.open(FilePath(path), .readOnly, options: [.directory, .closeOnExec])
        defer { try? fd.close() }
        guard Glibc.fsync(fd.rawValue) == 0 else { throw Errno(rawValue: errno) }
        record(.fsyncDir(path))
    }

    static func unlink(_ path: String) throws {
        guard Glibc.unlink(path) == 0 else { throw Errno(rawValue: errno) }
        record(.unlink(path))
    }
}
