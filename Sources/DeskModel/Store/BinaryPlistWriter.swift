// Over 300 lines: the bytes of one binary property list, written object by object, with the
// table that writes each string once; split from the Encoder, which only calls these.
import Foundation

extension BinaryPlistEncoder {
    /// The bytes written so far: every object but the containers is written as soon as it is met.
    final class State {
        /// The file's bytes, in a buffer of its own (an array here was checked for uniqueness,
        /// and its class property for exclusive access, at every byte).
        private var base: UnsafeMutablePointer<UInt8>
        private var capacity: Int
        private(set) var count = 0
        /// Where each object starts, by object number (a container's once it is written).
        @exclusivity(unchecked) var offsets: [Int] = []
        /// The containers, and their entries as lists (each entry pointing at the next of its
        /// container): no allocation per container.
        @exclusivity(unchecked) var nodes: [Node] = []
        @exclusivity(unchecked) var entries: [Entry] = []
        /// Strings already written, by the bits of their value: each is written once.
        private var strings = StringTable()
        /// Set at the first thing refused, so that a `try?` in a type's own encoding cannot hide it.
        var refused = false
        /// The case record's numerous parts written by hand (`BinaryPlistEncoder+Case`); off only
        /// in the test that compares them with what their own `encode(to:)` writes.
        let handWritten: Bool

        init(handWritten: Bool = true) {
            self.handWritten = handWritten
            capacity = 8192
            base = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
            offsets.reserveCapacity(512)
            nodes.reserveCapacity(128)
            entries.reserveCapacity(512)
            append(Array("bplist00".utf8))
        }

        deinit { base.deallocate() }

        func refuse() -> Error {
            refused = true
            return Refused()
        }

        // MARK: Bytes

        /// Room for `more` bytes after `count`.
        @inline(__always) func reserve(_ more: Int) {
            guard count + more > capacity else { return }
            var grown = capacity * 2
            while grown < count + more { grown *= 2 }
            let moved = UnsafeMutablePointer<UInt8>.allocate(capacity: grown)
            moved.update(from: base, count: count)
            base.deallocate()
            base = moved
            capacity = grown
        }

        @inline(__always) func byte(_ b: UInt8) {
            reserve(1)
            base[count] = b
            count += 1
        }

        func append(_ bytes: UnsafeRawBufferPointer) {
            guard let from = bytes.baseAddress, !bytes.isEmpty else { return }
            reserve(bytes.count)
            UnsafeMutableRawPointer(base + count).copyMemory(from: from, byteCount: bytes.count)
            count += bytes.count
        }

        func append(_ bytes: [UInt8]) { bytes.withUnsafeBytes { append($0) } }

        @inline(__always) func bigEndian<I: FixedWidthInteger>(_ value: I) {
            let size = MemoryLayout<I>.size
            reserve(size)
            UnsafeMutableRawPointer(base + count).storeBytes(of: value.bigEndian, as: I.self)
            count += size
        }

        // MARK: Objects

        /// A new object starting here.
        @inline(__always) func begin() -> Int {
            offsets.append(count)
            return offsets.count - 1
        }

        struct Node {
            var index: Int
            var isDict: Bool
            var count = 0
            var first = -1
            var last = -1
        }

        struct Entry {
            var key: Int
            var value: Int
            var next = -1
        }

        func box(isDict: Bool) -> Box {
            offsets.append(-1)
            nodes.append(Node(index: offsets.count - 1, isDict: isDict))
            return Box(node: nodes.count - 1, index: offsets.count - 1, isDict: isDict)
        }

        func count(_ box: Box) -> Int { nodes[box.node].count }

        /// One entry at the end of a container (`key` -1 in an array); false, and nothing added, if
        /// the dictionary has that key already.
        func add(_ box: Box, key: Int, value: Int) -> Bool {
            if key >= 0 {
                var e = nodes[box.node].first
                while e >= 0 {
                    if entries[e].key == key { return false }
                    e = entries[e].next
                }
            }
            append(box, key: key, value: value)
            return true
        }

        /// One entry at the end of a container, unchecked: for the writers whose keys are their own
        /// distinct literals (`BinaryPlistEncoder+Case`).
        @inline(__always) func append(_ box: Box, key: Int, value: Int) {
            let e = entries.count
            entries.append(Entry(key: key, value: value))
            let last = nodes[box.node].last
            if last >= 0 { entries[last].next = e } else { nodes[box.node].first = e }
            nodes[box.node].last = e
            nodes[box.node].count += 1
        }

        /// A marker with its count (in the marker below 15, else as an integer after it).
        func head(_ marker: UInt8, _ n: Int) {
            if n < 15 {
                byte(marker | UInt8(n))
            } else {
                byte(marker | 0x0F)
                integerBody(Int64(n))
            }
        }

        /// An integer object's bytes, as Foundation writes a signed one: the fewest of 1, 2 or 4
        /// bytes for its bit pattern, else 8.
        func integerBody(_ value: Int64) {
            let bits = UInt64(bitPattern: value)
            if bits <= 0xFF {
                byte(0x10)
                byte(UInt8(bits))
            } else if bits <= 0xFFFF {
                byte(0x11)
                bigEndian(UInt16(bits))
            } else if bits <= 0xFFFF_FFFF {
                byte(0x12)
                bigEndian(UInt32(bits))
            } else {
                byte(0x13)
                bigEndian(bits)
            }
        }

        func integer(_ value: Int64) -> Int {
            let index = begin()
            integerBody(value)
            return index
        }

        func bool(_ value: Bool) -> Int {
            let index = begin()
            byte(value ? 0x09 : 0x08)
            return index
        }

        func double(_ value: Double) -> Int {
            let index = begin()
            byte(0x23)
            bigEndian(value.bitPattern)
            return index
        }

        func date(_ value: Date) -> Int {
            let index = begin()
            byte(0x33)
            bigEndian(value.timeIntervalSinceReferenceDate.bitPattern)
            return index
        }

        func data(_ value: Data) -> Int {
            let index = begin()
            head(0x40, value.count)
            value.withUnsafeBytes { append($0) }
            return index
        }

        /// A UUID as its `uuidString` (upper-case hex in groups of 8-4-4-4-12), written straight
        /// from its bytes.
        func uuid(_ value: UUID) -> Int {
            let index = begin()
            head(0x50, 36)
            reserve(36)
            let hex = Self.hexDigits
            withUnsafeBytes(of: value.uuid) { raw in
                for (i, b) in raw.enumerated() {
                    if i == 4 || i == 6 || i == 8 || i == 10 {
                        base[count] = UInt8(ascii: "-")
                        count += 1
                    }
                    base[count] = hex[Int(b >> 4)]
                    base[count + 1] = hex[Int(b & 0x0F)]
                    count += 2
                }
            }
            return index
        }

        static let hexDigits: [UInt8] = Array("0123456789ABCDEF".utf8)

        func string(_ value: String) -> Int {
            if let known = strings.find(value) { return known }
            let index = begin()
            var text = value
            text.withUTF8 { utf8 in
                if utf8.allSatisfy({ $0 < 0x80 }) {
                    head(0x50, utf8.count)
                    append(UnsafeRawBufferPointer(utf8))
                } else {
                    utf16BigEndian(utf8)
                }
            }
            strings.insert(value, index)
            return index
        }

        /// A string that is not all ASCII, as UTF-16 big-endian units with their count, transcoded
        /// straight from its UTF-8 (a String's UTF-16 view walks it scalar by scalar, a tenth of a
        /// save's encoding on a record with Hindi notes). A String's UTF-8 is always valid.
        func utf16BigEndian(_ utf8: UnsafeBufferPointer<UInt8>) {
            var units = 0
            for b in utf8 where b & 0xC0 != 0x80 { units += b >= 0xF0 ? 2 : 1 }
            head(0x60, units)
            reserve(units * 2)
            @inline(__always) func unit(_ u: UInt32) {
                base[count] = UInt8(truncatingIfNeeded: u >> 8)
                base[count + 1] = UInt8(truncatingIfNeeded: u)
                count += 2
            }
            let n = utf8.count
            var i = 0
            while i < n {
                let b0 = UInt32(utf8[i])
                @inline(__always) func next(_ k: Int) -> UInt32 { i + k < n ? UInt32(utf8[i + k]) & 0x3F : 0 }
                if b0 < 0x80 {
                    unit(b0)
                    i += 1
                } else if b0 < 0xE0 {
                    unit((b0 & 0x1F) << 6 | next(1))
                    i += 2
                } else if b0 < 0xF0 {
                    unit((b0 & 0x0F) << 12 | next(1) << 6 | next(2))
                    i += 3
                } else {
                    let v = ((b0 & 0x07) << 18 | next(1) << 12 | next(2) << 6 | next(3)) &- 0x10000
                    unit(0xD800 + (v >> 10))
                    unit(0xDC00 + (v & 0x3FF))
                    i += 4
                }
            }
        }

        /// Foundation writes nil as this string.
        func null() -> Int { string("$null") }

        /// Any value: dates, data, strings and UUIDs written directly, everything else encodes itself.
        func encodeValue<T: Encodable>(_ value: T) throws -> Int {
            // Each branch runs only when T is that very type, so the bit casts are casts to itself.
            if T.self == String.self { return string(unsafeBitCast(value, to: String.self)) }
            if T.self == Date.self { return date(unsafeBitCast(value, to: Date.self)) }
            if T.self == UUID.self { return uuid(unsafeBitCast(value, to: UUID.self)) }
            if T.self == Data.self { return data(unsafeBitCast(value, to: Data.self)) }
            if let index = try written(value) { return index }
            // Foundation has ways of its own for these (or might): left to it.
            if T.self == URL.self || T.self == Decimal.self || T.self == UInt.self || T.self == UInt64.self
                || T.self == Float.self { throw refuse() }
            let slot = Slot(state: self)
            do {
                try value.encode(to: slot)
            } catch {
                throw refuse()
            }
            // A value that asked for no container: Foundation writes an empty dictionary; refused here.
            guard let index = slot.result else { throw refuse() }
            return index
        }

        // MARK: The file

        /// The whole file: the containers, the offset table and the trailer. With `fileSize`, which
        /// is given the file's natural length and answers the length wanted (no less), zero bytes
        /// are put between the last object and the offset table so that the file is exactly that
        /// long (readers find every object by the table, so the gap is never read); when no width
        /// of the table's offsets gives exactly that length, the file keeps its natural length.
        func finish(top: Int, fileSize: ((Int) -> Int)? = nil) -> Data {
            let objects = offsets.count
            let refSize = Self.width(UInt64(objects))
            for node in nodes {
                offsets[node.index] = count
                head(node.isDict ? 0xD0 : 0xA0, node.count)
                reserve(refSize * node.count * 2)
                if node.isDict {
                    var e = node.first
                    while e >= 0 {
                        sized(UInt64(entries[e].key), refSize)
                        e = entries[e].next
                    }
                }
                var e = node.first
                while e >= 0 {
                    sized(UInt64(entries[e].value), refSize)
                    e = entries[e].next
                }
            }
            var tableStart = count
            var offsetSize = Self.width(UInt64(tableStart))
            if let fileSize, let (start, width) = Self.padded(end: count, objects: objects,
                                                               length: fileSize(count + offsetSize * objects + 32)) {
                reserve(start - count)
                (base + count).initialize(repeating: 0, count: start - count)
                count = start
                tableStart = start
                offsetSize = width
            }
            reserve(offsetSize * objects + 32)
            for offset in offsets { sized(UInt64(offset), offsetSize) }
            // The trailer: five unused bytes, the sort version (0), the two widths, then three 8-byte numbers.
            append([0, 0, 0, 0, 0, 0, UInt8(offsetSize), UInt8(refSize)])
            bigEndian(UInt64(objects))
            bigEndian(UInt64(top))
            bigEndian(UInt64(tableStart))
            return Data(bytes: base, count: count)
        }

        @inline(__always) func sized(_ value: UInt64, _ size: Int) {
            switch size {
            case 1: byte(UInt8(truncatingIfNeeded: value))
            case 2: bigEndian(UInt16(truncatingIfNeeded: value))
            case 4: bigEndian(UInt32(truncatingIfNeeded: value))
            default: bigEndian(value)
            }
        }

        /// Where the offset table starts, and its offsets' width, for a file of exactly `length`
        /// bytes whose objects end at `end`: nil if that is its natural length or less, or if no
        /// width fits (a table whose start needs a wider offset than it has).
        static func padded(end: Int, objects: Int, length: Int) -> (start: Int, width: Int)? {
            for w in [1, 2, 4, 8] {
                let start = length - 32 - w * objects
                if start > end, width(UInt64(start)) == w { return (start, w) }
            }
            return nil
        }

        /// The fewest of 1, 2, 4 or 8 bytes that hold `value`.
        static func width(_ value: UInt64) -> Int {
            value <= 0xFF ? 1 : value <= 0xFFFF ? 2 : value <= 0xFFFF_FFFF ? 4 : 8
        }
    }

    /// The strings written, found again by the two words of their value rather than by hashing
    /// their text: equal words are the same text (a short string is held in its words, a longer
    /// one points at its storage, which the table keeps alive so that it is never reused for
    /// another text meanwhile). Equal texts held apart are simply written twice.
    struct StringTable {
        private var words: [(UInt64, UInt64, Int)]
        private var kept: [String] = []
        private var mask: Int

        init() {
            mask = 1_023
            words = Array(repeating: (0, 0, -1), count: mask + 1)
        }

        @inline(__always) static func bits(_ s: String) -> (UInt64, UInt64) { unsafeBitCast(s, to: (UInt64, UInt64).self) }

        @inline(__always) func slot(_ w: (UInt64, UInt64)) -> Int {
            Int(truncatingIfNeeded: ((w.0 &* 0x9E37_79B9_7F4A_7C15) ^ (w.1 &* 0xC2B2_AE3D_27D4_EB4F)) >> 40) & mask
        }

        func find(_ s: String) -> Int? {
            let w = Self.bits(s)
            var i = slot(w)
            while words[i].2 >= 0 {
                if words[i].0 == w.0, words[i].1 == w.1 { return words[i].2 }
                i = (i + 1) & mask
            }
            return nil
        }

        mutating func insert(_ s: String, _ index: Int) {
            if (kept.count + 1) * 2 > mask + 1 { grow() }
            kept.append(s)
            put(Self.bits(s), index)
        }

        private mutating func put(_ w: (UInt64, UInt64), _ index: Int) {
            var i = slot(w)
            while words[i].2 >= 0 { i = (i + 1) & mask }
            words[i] = (w.0, w.1, index)
        }

        private mutating func grow() {
            let old = words.filter { $0.2 >= 0 }
            mask = mask * 2 + 1
            words = Array(repeating: (0, 0, -1), count: mask + 1)
            for entry in old { put((entry.0, entry.1), entry.2) }
        }
    }
}
