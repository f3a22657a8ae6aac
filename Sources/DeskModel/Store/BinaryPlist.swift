// Over 300 lines: the whole reader of one file format, so that every bounds check is in one place.
import Foundation

/// A binary property list ("bplist00", as Foundation's `PropertyListEncoder` writes it) read from
/// its bytes: the trailer, the offset table and every object reachable from the top one are checked
/// once (each read inside the bytes, each reference to an object that exists, no object inside
/// itself, no nesting deeper than `maxDepth`), and kept as a table of (kind, where, how long).
/// Anything it does not know (sets, UIDs, 16-byte integers, a string byte over 0x7F in an ASCII
/// string) it refuses: the caller then asks Foundation, which has the last word.
/// `BinaryPlistDecoder` reads a `Decodable` value from that table without building other values.
struct BinaryPlist {
    enum Kind: UInt8 { case unvisited, null, boolFalse, boolTrue, int, real, date, data, ascii, utf16, array, dict }

    /// One object: for numbers and dates `start` is where its bytes are and `count` their width;
    /// for data and strings the bytes (UTF-16: code units); for arrays and dictionaries where
    /// their references start and how many entries (a dictionary's keys, then as many values).
    /// `head`: for an ASCII string, its length and first seven bytes, to tell most keys apart by one comparison.
    /// `first`: for an array or dictionary, where its children (keys first) are in `children`;
    /// `plainKeys`: a dictionary whose keys are all ASCII and all different.
    struct Object {
        var kind: Kind = .unvisited
        var plainKeys = false
        /// While reading the file: a container whose children are being visited (met again: a cycle).
        var isOpen = false
        // Positions and counts inside a file of less than 2 GB (`init` refuses a larger one), kept
        // in 32 bits: a record's table of objects is half the size (fewer cache misses).
        private var start32: Int32 = 0
        private var count32: Int32 = 0
        private var first32: Int32 = 0
        var head: UInt64 = 0

        init() {}

        /// `start` and `count` already checked to lie inside the file.
        init(kind: Kind, start: Int, count: Int) {
            self.kind = kind
            start32 = Int32(truncatingIfNeeded: start)
            count32 = Int32(truncatingIfNeeded: count)
        }

        var start: Int { Int(start32) }
        var count: Int { Int(count32) }
        var first: Int {
            get { Int(first32) }
            set { first32 = Int32(truncatingIfNeeded: newValue) }
        }
    }

    /// The `head` of an ASCII text.
    static func head(_ text: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var value = UInt64(truncatingIfNeeded: min(text.count, 255)) << 56
        for i in 0..<min(text.count, 7) { value |= UInt64(text[i]) << (8 * UInt64(i)) }
        return value
    }

    /// Anything the reader does not take: the caller falls back to Foundation.
    struct Refused: Error {}

    static let maxDepth = 256

    let bytes: [UInt8]
    let refSize: Int
    let top: Int
    private(set) var objects: [Object]
    /// Every container's references, resolved and checked, one after another.
    private(set) var children: [Int] = []
    private let offsets: [Int]
    private let tableStart: Int

    init(_ bytes: [UInt8]) throws {
        self.bytes = bytes
        let header: [UInt8] = Array("bplist00".utf8)
        guard bytes.count >= header.count + 32, bytes.count < Int(Int32.max), bytes.starts(with: header) else { throw Refused() }
        let t = bytes.count - 32
        let offsetSize = Int(bytes[t + 6])
        refSize = Int(bytes[t + 7])
        guard [1, 2, 4, 8].contains(offsetSize), [1, 2, 4, 8].contains(refSize) else { throw Refused() }
        let count = try BinaryPlist.uint(bytes, at: t + 8, width: 8)
        top = try BinaryPlist.uint(bytes, at: t + 16, width: 8)
        tableStart = try BinaryPlist.uint(bytes, at: t + 24, width: 8)
        // Each object takes at least one byte, between the header and the offset table.
        guard count > 0, top < count, tableStart >= header.count, tableStart <= t, count <= tableStart,
              count <= (t - tableStart) / offsetSize else { throw Refused() }
        var offsets = [Int]()
        offsets.reserveCapacity(count)
        for i in 0..<count {
            let offset = try BinaryPlist.uint(bytes, at: tableStart + i * offsetSize, width: offsetSize)
            guard offset >= header.count, offset < tableStart else { throw Refused() }
            offsets.append(offset)
        }
        self.offsets = offsets
        objects = [Object](repeating: Object(), count: count)
        // Most objects are referred to once or a few times (keys are shared).
        children.reserveCapacity(2 * count)
        try visitAll()
        markPlainKeys()
    }

    /// Marks the dictionaries whose keys can be looked up byte by byte, stopping at the first match.
    private mutating func markPlainKeys() {
        for index in objects.indices where objects[index].kind == .dict {
            let dict = objects[index]
            let keys = children[dict.first..<(dict.first + dict.count)]
            var plain = keys.allSatisfy { objects[$0].kind == .ascii }
            if plain {
                outer: for (n, a) in keys.enumerated() {
                    for b in keys.dropFirst(n + 1) where objects[a].head == objects[b].head && objects[a].count == objects[b].count {
                        if a == b || bytes[objects[a].start..<(objects[a].start + objects[a].count)]
                            == bytes[objects[b].start..<(objects[b].start + objects[b].count)] {
                            plain = false
                            break outer
                        }
                    }
                }
            }
            objects[index].plainKeys = plain
        }
    }

    /// The `n`th child of a container (a dictionary's keys, then its values).
    func child(_ container: Object, _ n: Int) -> Int { children[container.first + n] }

    /// Big-endian unsigned integer of `width` bytes (at most 8, and at most Int.max) inside `bytes`.
    static func uint(_ bytes: [UInt8], at offset: Int, width: Int) throws -> Int {
        guard width >= 1, width <= 8, offset >= 0, offset <= bytes.count - width else { throw Refused() }
        var value: UInt64 = 0
        for i in offset..<(offset + width) { value = value << 8 | UInt64(bytes[i]) }
        guard value <= UInt64(Int.max) else { throw Refused() }
        return Int(value)
    }

    /// The object a reference at `offset` names.
    func ref(at offset: Int) throws -> Int {
        let index = try BinaryPlist.uint(bytes, at: offset, width: refSize)
        guard index < objects.count else { throw Refused() }
        return index
    }

    /// Reads every object reachable from the top one, depth first without recursion (a deep or
    /// cyclic file cannot exhaust the stack): an object met again while still open is a cycle.
    private mutating func visitAll() throws {
        // Each frame: the container, and the next of its children to visit.
        var stack: [(object: Int, next: Int)] = []
        try enter(top, &stack)
        while let frame = stack.last {
            let obj = objects[frame.object]
            let total = obj.kind == .dict ? obj.count * 2 : obj.count
            if frame.next == total {
                objects[frame.object].isOpen = false
                stack.removeLast()
                continue
            }
            stack[stack.count - 1].next += 1
            let child = children[obj.first + frame.next]
            // Met before and closed (a shared key or value): not read again.
            let seen = objects[child].kind != .unvisited && !objects[child].isOpen
            if !seen { try enter(child, &stack) }
            // Keys are strings.
            if obj.kind == .dict, frame.next < obj.count {
                guard objects[child].kind == .ascii || objects[child].kind == .utf16 else { throw Refused() }
            }
        }
    }

    /// Reads one object's marker and size; a container is pushed to have its children visited.
    private mutating func enter(_ index: Int, _ stack: inout [(object: Int, next: Int)]) throws {
        if objects[index].isOpen { throw Refused() }
        if objects[index].kind != .unvisited { return }
        guard stack.count < BinaryPlist.maxDepth else { throw Refused() }
        let at = offsets[index]
        let limit = tableStart
        let marker = bytes[at]
        let high = marker >> 4, low = Int(marker & 0x0F)
        // Checked to lie inside the file before the object is made.
        var kind = Kind.unvisited, start = at + 1, count = 0
        switch high {
        case 0x0:
            switch marker {
            case 0x00: kind = .null
            case 0x08: kind = .boolFalse
            case 0x09: kind = .boolTrue
            default: throw Refused()
            }
        case 0x1:
            // 1, 2, 4 bytes unsigned; 8 bytes signed. 16 bytes (a UInt64 over Int64.max): refused.
            guard low <= 3 else { throw Refused() }
            (kind, count) = (.int, 1 << low)
        case 0x2:
            guard low == 2 || low == 3 else { throw Refused() }
            (kind, count) = (.real, 1 << low)
        case 0x3:
            guard marker == 0x33 else { throw Refused() }
            (kind, count) = (.date, 8)
        case 0x4, 0x5, 0x6, 0xA, 0xD:
            (count, start) = try length(low, at: at)
            switch high {
            case 0x4: kind = .data
            case 0x5: kind = .ascii
            case 0x6: kind = .utf16
            case 0xA: kind = .array
            default: kind = .dict
            }
        default:
            throw Refused()
        }
        let width: Int
        switch kind {
        case .utf16: width = 2
        case .array: width = refSize
        case .dict: width = refSize * 2
        case .data, .ascii, .int, .real, .date: width = 1
        default: width = 0
        }
        let (size, overflow) = count.multipliedReportingOverflow(by: width)
        guard !overflow, start <= limit, size <= limit - start else { throw Refused() }
        var obj = Object(kind: kind, start: start, count: count)
        if obj.kind == .ascii {
            let ok = bytes.withUnsafeBufferPointer { all in
                let text = UnsafeBufferPointer(rebasing: all[obj.start..<(obj.start + obj.count)])
                obj.head = BinaryPlist.head(text)
                return text.allSatisfy { $0 < 0x80 }
            }
            guard ok else { throw Refused() }
        }
        if obj.kind == .array || obj.kind == .dict {
            obj.first = children.count
            let total = obj.kind == .dict ? obj.count * 2 : obj.count
            if refSize == 1 {
                // The usual width (fewer than 256 objects), read without the general path; inside
                // the bytes, as checked above.
                for n in 0..<total {
                    let index = Int(bytes[obj.start + n])
                    guard index < objects.count else { throw Refused() }
                    children.append(index)
                }
            } else if refSize == 2 {
                // The width of a record with a history (fewer than 65,536 objects), likewise.
                for n in 0..<total {
                    let index = Int(bytes[obj.start + 2 * n]) << 8 | Int(bytes[obj.start + 2 * n + 1])
                    guard index < objects.count else { throw Refused() }
                    children.append(index)
                }
            } else {
                for n in 0..<total { children.append(try ref(at: obj.start + n * refSize)) }
            }
        }
        objects[index] = obj
        if obj.kind == .array || obj.kind == .dict {
            objects[index].isOpen = true
            stack.append((index, 0))
        }
    }

    /// A count in the marker's low nibble, or (0xF) in the integer object after it.
    private func length(_ low: Int, at: Int) throws -> (count: Int, start: Int) {
        if low != 0x0F { return (low, at + 1) }
        guard at + 1 < tableStart else { throw Refused() }
        let marker = bytes[at + 1]
        guard marker >> 4 == 0x1, marker & 0x0F <= 3 else { throw Refused() }
        let width = 1 << Int(marker & 0x0F)
        let count = try BinaryPlist.uint(bytes, at: at + 2, width: width)
        return (count, at + 2 + width)
    }

    // MARK: Values

    func object(_ index: Int) -> Object { objects[index] }

    /// An integer object's value (8 bytes: signed).
    func integer(_ obj: Object) throws -> Int64 {
        guard obj.kind == .int else { throw Refused() }
        if obj.count == 8 {
            var value: UInt64 = 0
            for i in obj.start..<(obj.start + 8) { value = value << 8 | UInt64(bytes[i]) }
            return Int64(bitPattern: value)
        }
        return Int64(try BinaryPlist.uint(bytes, at: obj.start, width: obj.count))
    }

    /// A real or date object's value as a Double.
    func double(_ obj: Object) throws -> Double {
        guard obj.kind == .real || obj.kind == .date else { throw Refused() }
        var bits: UInt64 = 0
        for i in obj.start..<(obj.start + obj.count) { bits = bits << 8 | UInt64(bytes[i]) }
        return obj.count == 4 ? Double(Float(bitPattern: UInt32(truncatingIfNeeded: bits))) : Double(bitPattern: bits)
    }

    /// A string object's text; UTF-16 that is not well formed is refused.
    func string(_ obj: Object) throws -> String {
        switch obj.kind {
        case .ascii:
            return bytes.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[obj.start..<(obj.start + obj.count)]), as: UTF8.self) }
        case .utf16:
            // Big-endian UTF-16 straight to UTF-8 (at most 3 bytes a unit), surrogates paired or refused.
            var failed = false
            let text = bytes.withUnsafeBufferPointer { all in
                String(unsafeUninitializedCapacity: obj.count * 3) { out in
                    var n = 0, i = obj.start
                    let end = obj.start + 2 * obj.count
                    func put(_ b: UInt32) { out[n] = UInt8(truncatingIfNeeded: b); n += 1 }
                    while i < end {
                        var scalar = UInt32(all[i]) << 8 | UInt32(all[i + 1])
                        i += 2
                        if scalar >= 0xD800, scalar < 0xE000 {
                            guard scalar < 0xDC00, i < end else { failed = true; return 0 }
                            let low = UInt32(all[i]) << 8 | UInt32(all[i + 1])
                            guard low >= 0xDC00, low < 0xE000 else { failed = true; return 0 }
                            i += 2
                            scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                        }
                        switch scalar {
                        case ..<0x80: put(scalar)
                        case ..<0x800: put(0xC0 | scalar >> 6); put(0x80 | scalar & 0x3F)
                        case ..<0x10000: put(0xE0 | scalar >> 12); put(0x80 | scalar >> 6 & 0x3F); put(0x80 | scalar & 0x3F)
                        default:
                            put(0xF0 | scalar >> 18); put(0x80 | scalar >> 12 & 0x3F); put(0x80 | scalar >> 6 & 0x3F)
                            put(0x80 | scalar & 0x3F)
                        }
                    }
                    return n
                }
            }
            guard !failed else { throw Refused() }
            return text
        default:
            throw Refused()
        }
    }

    /// `body` over an ASCII string object's bytes, in place.
    func withASCII<R>(_ obj: Object, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R? {
        guard obj.kind == .ascii else { return nil }
        return bytes.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[obj.start..<(obj.start + obj.count)])) }
    }

    /// True when the object is the string ASCII `text` (compared byte by byte, no String made).
    func isASCII(_ obj: Object, equalTo text: UnsafeBufferPointer<UInt8>, head: UInt64) -> Bool {
        guard obj.kind == .ascii, obj.head == head, obj.count == text.count else { return false }
        if obj.count <= 7 { return true }
        return bytes.withUnsafeBufferPointer { all in
            UnsafeBufferPointer(rebasing: all[obj.start..<(obj.start + obj.count)]).elementsEqual(text)
        }
    }

    func data(_ obj: Object) throws -> Data {
        guard obj.kind == .data else { throw Refused() }
        return Data(bytes[obj.start..<(obj.start + obj.count)])
    }
}
