import Foundation
import Synchronization
import SystemPackage
#if canImport(Glibc)
import Glibc
#endif

/// Files ready for a save, in the folder it writes to: each already holds as many bytes as the
/// file the save will write, its blocks and length on the disk, so that a save that takes one
/// writes over them and syncs its data alone: the file system has nothing of its own to record
/// (no new file, no block given, no new length), which on this disk is half of the first sync's
/// time. The save then exchanges its name with the case's (`DurableFile.swap`), and the version it
/// replaced, under the ready file's name, is given back here: the file the next save of that
/// length writes over. In steady work no file is made, no block freed, nothing done on another
/// thread.
///
/// A case file's length is rounded up to a whole number of blocks (`size(for:)`, by zero bytes in
/// the property list that no reader reads), so one ready file fits every save of a case until its
/// history grows by a block. When none of a length is ready, a save makes its file as before and
/// two of that length are made on a thread of their own (written with zeros, synced together).
/// Named `.ready.<pid>.<n>.tmp`: a file left by a desk that is gone is a leftover like any other
/// temporary file; removed when the process ends normally.
public enum ReadyFiles {
    /// The unit a case file's length is rounded up to: the file system's block.
    public static let block = 4096
    /// Ready files kept per folder and length, and in all; more are made, together, when no more
    /// than `low` are left (one commit of the journal for the pair, rather than one each).
    static let perSize = 2, low = 0, most = 16

    public static func size(for length: Int) -> Int { (length + block - 1) / block * block }

    struct File: @unchecked Sendable {
        let fd: FileDescriptor
        let path: String
        let size: Int
    }

    private struct Pool {
        var files: [String: [File]] = [:]
        var making: [String: Int] = [:]
        var total = 0
        var counter = 0
        var exitHook = false
    }

    private static let pool = Mutex(Pool())
    private static let queue = DispatchQueue(label: "urja.ready-files", qos: .utility)

    /// Files made while a test records the store's operations are kept apart from the others (a
    /// power cut's model knows only the files it saw made).
    private static func key(_ dir: String, _ size: Int) -> String {
        dir + "\u{0}" + String(size) + (FileOpLog.current != nil ? "\u{0}recorded" : "")
    }

    /// A ready file of exactly `size` bytes in `dir`, taken (no other save gets it), or nil. One
    /// that is no longer there under its name, as it was (removed or replaced by hand), or that
    /// has another name too (a hard link: writing into it would write that file), is discarded: a
    /// save never writes into a file it could not then put in place, nor into any other file.
    static func take(size: Int, in dir: String) -> File? {
        let k = key(dir, size)
        while let file = pool.withLock({ p -> File? in
            guard let file = p.files[k]?.popLast() else { return nil }
            p.total -= 1
            return file
        }) {
            var held = stat(), named = stat()
            if fstat(file.fd.rawValue, &held) == 0, lstat(file.path, &named) == 0, held.st_ino == named.st_ino,
               held.st_dev == named.st_dev, named.st_mode & S_IFMT == S_IFREG, named.st_nlink == 1, Int(named.st_size) == size {
                return file
            }
            try? file.fd.close()
        }
        return nil
    }

    /// Makes ready files of `size` bytes in `dir`, up to `perSize`, once no more than `low` are
    /// ready or being made: on a thread of their own, or here when a test records the store's
    /// operations (so that a power cut's model sees them made). Never while a demo store is
    /// generated (nothing is synced then).
    public static func prepare(size: Int, in dir: String) {
        guard size > 0, size % block == 0, !DurableFile.syncOnceAtEnd else { return }
        let k = key(dir, size)
        let numbers: [Int] = pool.withLock { p in
            let have = (p.files[k]?.count ?? 0) + (p.making[k] ?? 0)
            let room = most - p.total - p.making.values.reduce(0, +)
            guard have <= low, room > 0 else { return [] }
            let n = min(perSize - have, room)
            p.making[k, default: 0] += n
            Self.removeAtExit(&p)
            return (0..<n).map { _ in
                p.counter += 1
                return p.counter
            }
        }
        guard !numbers.isEmpty else { return }
        let make: @Sendable () -> Void = {
            let files = makeFiles(size: size, in: dir, numbers: numbers)
            pool.withLock { p in
                p.making[k, default: numbers.count] -= numbers.count
                p.files[k, default: []].append(contentsOf: files)
                p.total += files.count
            }
        }
        if FileOpLog.current != nil { make() } else { queue.async(execute: make) }
    }

    /// Files of zeros, made and written, then synced together (`StoreFS.syncAll`: one commit of
    /// the journal for the lot). A file that cannot be made or written is left out (and removed).
    private static func makeFiles(size: Int, in dir: String, numbers: [Int]) -> [File] {
        let zeros = Data(count: size)
        var files: [File] = []
        for number in numbers {
            let path = Self.path(in: dir, number)
            guard let fd = try? StoreFS.createExclusive(path) else { continue }
            do {
                try StoreFS.write(fd, path, zeros, at: 0)
                files.append(File(fd: fd, path: path, size: size))
            } catch {
                try? fd.close()
                try? StoreFS.unlink(path)
            }
        }
        do {
            try StoreFS.syncAll(files.map { ($0.fd, $0.path) })
            return files
        } catch {
            for file in files {
                try? file.fd.close()
                try? StoreFS.unlink(file.path)
            }
            return []
        }
    }

    /// A new ready file's name in `dir`.
    static func newPath(in dir: String) -> String {
        let number = pool.withLock { p in
            p.counter += 1
            return p.counter
        }
        return path(in: dir, number)
    }

    /// The `number`th ready file's name of this process: a temporary file's, as `DurableFile.leftovers` reads them.
    private static func path(in dir: String, _ number: Int) -> String { dir + "/.ready.\(getpid()).\(number).tmp" }

    /// The process's end removes every ready file (registered once, with the first kept).
    private static func removeAtExit(_ p: inout Pool) {
        guard !p.exitHook else { return }
        p.exitHook = true
        atexit { ReadyFiles.discardAll() }
    }

    /// A case file's version replaced by a save, kept under a ready file's name (`DurableFile.swap`):
    /// ready for a later save of its length, unless as many are ready already or it is not a
    /// whole number of blocks long (a file an older version wrote); then removed.
    static func give(_ file: File, in dir: String) {
        let k = key(dir, file.size)
        let kept = pool.withLock { p -> Bool in
            guard file.size > 0, file.size % block == 0, (p.files[k]?.count ?? 0) < perSize, p.total < most else { return false }
            Self.removeAtExit(&p)
            p.files[k, default: []].append(file)
            p.total += 1
            return true
        }
        if !kept { discard(file) }
    }

    /// Removes a file that will not be used, and closes it, on the thread of its own (its blocks are
    /// freed then, off the saving thread).
    static func discard(_ file: File) {
        let log = FileOpLog.current
        let remove: @Sendable () -> Void = {
            try? StoreFS.unlink(file.path)
            try? file.fd.close()
        }
        if log != nil { remove() } else { queue.async(execute: remove) }
    }

    /// Waits until every ready file asked for so far is made (tests).
    static func settle() { queue.sync {} }

    /// Removes every ready file (of every folder): when the process ends, and in tests.
    static func discardAll() {
        let files = pool.withLock { p -> [File] in
            let all = p.files.values.flatMap { $0 }
            p.files = [:]
            p.total = 0
            return all
        }
        for file in files {
            try? file.fd.close()
            _ = Glibc.unlink(file.path)
        }
    }
}
