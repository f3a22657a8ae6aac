import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A derived index kept as blocks (the list index, the review index): when it is written anew,
/// each station's lines go into one block, sealed as a whole in an encrypted store, and a table on
/// the file's first line says where each block is:
///
///     i4 ⇥ <blocks> ⇥ <tag>:<offset>:<length>,… ⇥ <where the tail starts>
///     <block of the first station> <block of the next> …
///     lines appended by saves since (the tail)
///
/// A reader reads the table, the blocks it wants (one seal opened each, instead of one per line)
/// and the tail, and nothing else. A file without a sound table (an older store, or one damaged)
/// is read as a tail only: every line.
enum BlockFile {
    static let tableVersion = "i4"
    /// The most read of a block or of the tail, and the largest index file read at all (a
    /// district's 100,000 cases make a few tens of megabytes): a file made huge behind the desk's
    /// back (a sparse file costs nothing on disk) is not read into memory; its cases are decoded
    /// from their files and the index is written anew.
    static let maxPiece = 128 << 20
    static let maxFile = 1 << 30

    struct Table {
        struct Block {
            var tag: [UInt8]
            var offset: Int
            var length: Int
        }
        var blocks: [Block]
        var tailOffset: Int
    }

    /// The index file open for reading: its table (if it has a sound one) and ranges read by offset.
    final class Reader {
        let fd: Int32
        let size: Int
        let table: Table?

        init?(path: String) {
            // The lines of saves that have returned are in first (`IndexLines`).
            IndexLines.settle()
            let fd = Glibc.open(path, O_RDONLY | O_CLOEXEC)
            guard fd >= 0 else { return nil }
            var st = stat()
            guard fstat(fd, &st) == 0 else { close(fd); return nil }
            self.fd = fd
            size = Int(st.st_size)
            table = size <= BlockFile.maxFile ? Self.readTable(fd, size) : nil
        }

        /// The tail (or the whole file) is too long to be read: not read, and the index is written anew.
        var tailTooLong: Bool { size > BlockFile.maxFile || size - (table?.tailOffset ?? 0) > BlockFile.maxPiece }

        deinit { close(fd) }

        /// `length` bytes from `offset`, or nil when the file is shorter.
        func read(_ offset: Int, _ length: Int) -> [UInt8]? { Self.read(fd, size, offset, length) }

        /// The same bytes as a `Data` (what the seal opens), read straight into it (memory of its
        /// own, not set to zero first: a district's blocks are tens of megabytes).
        func readData(_ offset: Int, _ length: Int) -> Data? {
            guard offset >= 0, length >= 0, offset <= size, length <= size - offset else { return nil }
            guard length > 0 else { return Data() }
            guard let base = malloc(length) else { return nil }
            var done = 0
            while done < length {
                let n = pread(fd, base + done, length - done, off_t(offset + done))
                if n < 0, errno == EINTR { continue }
                guard n > 0 else { break }
                done += n
            }
            guard done == length else { free(base); return nil }
            return Data(bytesNoCopy: base, count: length, deallocator: .free)
        }

        static func read(_ fd: Int32, _ size: Int, _ offset: Int, _ length: Int) -> [UInt8]? {
            guard offset >= 0, length >= 0, offset <= size, length <= size - offset else { return nil }
            var failed = false
            let bytes = [UInt8](unsafeUninitializedCapacity: length) { buffer, count in
                var done = 0
                while done < length, let base = buffer.baseAddress {
                    let n = pread(fd, base + done, length - done, off_t(offset + done))
                    if n < 0, errno == EINTR { continue }
                    guard n > 0 else { failed = true; break }
                    done += n
                }
                count = done
            }
            return failed ? nil : bytes
        }

        /// The table on the first line, when it is whole and every block lies inside the file.
        static func readTable(_ fd: Int32, _ size: Int) -> Table? {
            guard let head = read(fd, size, 0, min(size, 65_536)), head.starts(with: (tableVersion + "\t").utf8),
                  let end = head.firstIndex(of: 10) else { return nil }
            let f = head[..<end].split(separator: 9, omittingEmptySubsequences: false)
            guard f.count == 4, let n = SummaryLine.int(f[1]), let tail = SummaryLine.int(f[3]), tail <= size else { return nil }
            var blocks: [Table.Block] = []
            // Blocks in file order, none over another (as written): no byte is read twice.
            var free = end + 1
            for part in f[2].split(separator: 44) {
                let p = part.split(separator: 58, omittingEmptySubsequences: false)
                guard p.count >= 3, let offset = SummaryLine.int(p[p.count - 2]), let length = SummaryLine.int(p[p.count - 1]),
                      offset >= free, length <= BlockFile.maxPiece, offset + length <= tail else { return nil }
                free = offset + length
                blocks.append(Table.Block(tag: Array(part[part.startIndex..<(p[p.count - 2].startIndex - 1)]), offset: offset, length: length))
            }
            guard blocks.count == n else { return nil }
            return Table(blocks: blocks, tailOffset: tail)
        }

        /// The lines after the blocks (the whole file when it has no table).
        func tail() -> [UInt8] {
            guard !tailTooLong else { return [] }
            return read(table?.tailOffset ?? 0, size - (table?.tailOffset ?? 0)) ?? []
        }
    }

    /// How a file's blocks are sealed: with the store's key (`sealer`, nil while it is locked) in an
    /// encrypted store, not at all in a plain one. A block is bound to the file's name and its tag
    /// (`list.idx/block/<tag>`): put under another tag or in the other index, it does not open.
    struct Sealing {
        var encrypted: Bool
        var sealer: Sealer?

        static func binding(_ url: URL, _ tag: [UInt8]) -> String { url.lastPathComponent + "/block/" + String(decoding: tag, as: UTF8.self) }

        /// A block's lines in the clear; nil if it cannot be read or does not open.
        func open(_ file: Reader, _ block: Table.Block, of url: URL) -> [UInt8]? {
            guard encrypted else { return file.read(block.offset, block.length) }
            // Opened from a Data read in place: a large block is held twice at most, never four times.
            guard let sealer, let sealed = file.read(block.offset, block.length).map({ Data($0) }),
                  let plain = try? sealer.open(sealed, binding: Self.binding(url, block.tag)) else { return nil }
            return [UInt8](plain)
        }

        /// The same, as the `Data` the seal gives (a large block not copied into an array again:
        /// what counts a district's index reads every block).
        func openData(_ file: Reader, _ block: Table.Block, of url: URL) -> Data? {
            guard let sealed = file.readData(block.offset, block.length) else { return nil }
            guard encrypted else { return sealed }
            guard let sealer else { return nil }
            return try? sealer.open(sealed, binding: Self.binding(url, block.tag))
        }

        func seal(_ plain: Data, _ tag: [UInt8], of url: URL) throws -> Data {
            guard encrypted else { return plain }
            guard let sealer else { throw Sealer.Problem.cannotOpen }
            return try sealer.seal(plain, binding: Self.binding(url, tag))
        }
    }

    /// The ranges of the whole lines in `bytes` (a last line without its newline is an append
    /// still being written: not read).
    static func lineRanges(_ bytes: [UInt8]) -> [Range<Int>] {
        bytes.withUnsafeBufferPointer { lineRanges($0) }
    }

    static func lineRanges(_ buffer: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        var out: [Range<Int>] = []
        out.reserveCapacity(buffer.count / 400 + 1)
        if let base = buffer.baseAddress {
            var at = 0
            while at < buffer.count, let found = memchr(base + at, 10, buffer.count - at) {
                let end = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                if end > at { out.append(at..<end) }
                at = end + 1
            }
        }
        return out
    }

    /// Writes the file anew as a table and one block per tag, each block made by `lines` (one at a
    /// time, so that only one is in memory) and sealed, durably (temporary file, fsync, rename).
    static func write(to url: URL, tags: [[UInt8]], sealing: Sealing, lines: ([UInt8]) -> [UInt8]) throws {
        IndexLines.settle()
        // The table's size is known before the blocks are made: numbers are written 12 digits wide.
        func number(_ n: Int) -> String { let s = String(n); return String(repeating: "0", count: max(0, 12 - s.count)) + s }
        let tableLength = (tableVersion + "\t" + number(0) + "\t").utf8.count
            + tags.reduce(0) { $0 + $1.count + 26 } + max(0, tags.count - 1) + 1 + 12 + 1
        var entries: [String] = []
        try DurableFile.write(to: url, headLength: tableLength) { append in
            var offset = tableLength
            for t in tags {
                let block = try sealing.seal(Data(lines(t)), t, of: url)
                try append(block)
                entries.append(String(decoding: t, as: UTF8.self) + ":" + number(offset) + ":" + number(block.count))
                offset += block.count
            }
            let table = tableVersion + "\t" + number(tags.count) + "\t" + entries.joined(separator: ",") + "\t" + number(offset) + "\n"
            return Data(table.utf8)
        }
    }
}
