// Over 300 lines: one Decoder and its three containers, which must read alike, side by side.
import Foundation

/// Decodes a `Decodable` value straight from a checked `BinaryPlist`, about ten times faster than
/// Foundation's `PropertyListDecoder` on a case record (which builds a map of every value first).
/// It reads what Foundation's encoder writes: dates and data as plist dates and data, nil as the
/// string "$null", integers and reals as such. Whatever it does not read exactly as Foundation
/// would (a number of another width or kind, a missing key, `superDecoder`, any error at all, even
/// one that the type's own `init(from:)` catches with `try?`) makes the whole decode refused, and
/// `decode` answers with Foundation's decoder instead: the fast path never decides alone that a
/// file is damaged, nor reads a value Foundation would read otherwise.
public enum BinaryPlistDecoder {
    /// The value in `data`: the fast reader when it takes the whole file, else Foundation's.
    public static func decode<T: Decodable>(_ type: T.Type, from data: Data) throws -> T {
        if let value = fastDecode(type, from: data) { return value }
        return try PropertyListDecoder().decode(type, from: data)
    }

    /// For `verify`, which keeps only a record's id, number, station and revision: throws exactly
    /// when `decode` throws (the same error), but leaves unread what cannot change that verdict:
    /// an event's typed facts (`CaseEvent.Facts`), which `CaseEvent` reads with `try?` and, failing
    /// that, takes from its line, so that no value of them makes a record unreadable. The facts of
    /// the value returned are `.none`: it is not the record, only its verdict and its other fields.
    /// (Every byte is still checked by `BinaryPlist`, and anything refused goes to Foundation whole.)
    static func decodeVerdict<T: Decodable>(_ type: T.Type, from data: Data) throws -> T {
        if let value = fastDecode(type, from: data, skipsFacts: true) { return value }
        return try PropertyListDecoder().decode(type, from: data)
    }

    /// The value as the fast reader reads it, or nil if it refuses anything (never throws, never traps).
    static func fastDecode<T: Decodable>(_ type: T.Type, from data: Data, skipsFacts: Bool = false) -> T? {
        guard let plist = try? BinaryPlist([UInt8](data)) else { return nil }
        let context = Context(plist)
        context.skipsFacts = skipsFacts
        guard let value = try? Reader(context: context, object: plist.top).decodeValue(type), !context.refused else { return nil }
        return value
    }

    final class Context {
        let plist: BinaryPlist
        /// Set at the first thing refused, so that a `try?` in a type's own decoding cannot hide it.
        var refused = false
        /// `decodeVerdict`: events' facts are not read.
        var skipsFacts = false
        init(_ plist: BinaryPlist) { self.plist = plist }

        func refuse() -> Error {
            refused = true
            return BinaryPlist.Refused()
        }
    }

    static let nullMarker: [UInt8] = Array("$null".utf8)
    static let nullHead = nullMarker.withUnsafeBufferPointer(BinaryPlist.head)

    /// The decoder over one object.
    struct Reader: Decoder, SingleValueDecodingContainer {
        let context: Context
        let object: Int
        var codingPath: [CodingKey] { [] }
        var userInfo: [CodingUserInfoKey: Any] { [:] }

        var obj: BinaryPlist.Object { context.plist.object(object) }

        func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
            let o = obj
            guard o.kind == .dict else { throw context.refuse() }
            return KeyedDecodingContainer(Keyed<Key>(context: context, dict: o))
        }

        func unkeyedContainer() throws -> UnkeyedDecodingContainer {
            let o = obj
            guard o.kind == .array else { throw context.refuse() }
            return Unkeyed(context: context, array: o)
        }

        func singleValueContainer() throws -> SingleValueDecodingContainer { self }

        // MARK: One value

        /// Foundation writes nil as the string "$null": read as nil here too, but the whole decode
        /// is then left to Foundation (a woman's text that is "$null" reads exactly as it does there).
        func decodeNil() -> Bool {
            guard BinaryPlistDecoder.isNull(obj, context.plist) else { return false }
            context.refused = true
            return true
        }

        func decode(_ type: Bool.Type) throws -> Bool {
            switch obj.kind {
            case .boolTrue: return true
            case .boolFalse: return false
            default: throw context.refuse()
            }
        }

        func decode(_ type: String.Type) throws -> String {
            let o = obj
            // "$null" is how the encoder writes nil: not a string to read as one.
            guard !BinaryPlistDecoder.isNull(o, context.plist) else { throw context.refuse() }
            do { return try context.plist.string(o) } catch { throw context.refuse() }
        }

        func decode(_ type: Double.Type) throws -> Double {
            let o = obj
            guard o.kind == .real, o.count == 8 else { throw context.refuse() }
            do { return try context.plist.double(o) } catch { throw context.refuse() }
        }

        func decode(_ type: Float.Type) throws -> Float {
            let o = obj
            guard o.kind == .real, o.count == 4, let value = try? context.plist.double(o) else { throw context.refuse() }
            return Float(value)
        }

        func integer<I: FixedWidthInteger>(_ type: I.Type) throws -> I {
            guard let raw = try? context.plist.integer(obj), let value = I(exactly: raw) else { throw context.refuse() }
            return value
        }

        func decode(_ type: Int.Type) throws -> Int { try integer(type) }
        func decode(_ type: Int8.Type) throws -> Int8 { try integer(type) }
        func decode(_ type: Int16.Type) throws -> Int16 { try integer(type) }
        func decode(_ type: Int32.Type) throws -> Int32 { try integer(type) }
        func decode(_ type: Int64.Type) throws -> Int64 { try integer(type) }
        func decode(_ type: UInt.Type) throws -> UInt { try integer(type) }
        func decode(_ type: UInt8.Type) throws -> UInt8 { try integer(type) }
        func decode(_ type: UInt16.Type) throws -> UInt16 { try integer(type) }
        func decode(_ type: UInt32.Type) throws -> UInt32 { try integer(type) }
        func decode(_ type: UInt64.Type) throws -> UInt64 { try integer(type) }

        func decode<T: Decodable>(_ type: T.Type) throws -> T { try decodeValue(type) }

        /// Dates and data are plist objects of their own; everything else decodes itself.
        func decodeValue<T: Decodable>(_ type: T.Type) throws -> T {
            // Each branch runs only when T is that very type, so the bit casts are casts to itself
            // (an `as? T` here made every call look up Optional<T>'s metadata).
            if type == Date.self { return unsafeBitCast(try date(), to: T.self) }
            if type == UUID.self { return unsafeBitCast(try uuid(), to: T.self) }
            if type == Data.self { return unsafeBitCast(try data(), to: T.self) }
            if type == CaseEvent.Facts.self, context.skipsFacts { return unsafeBitCast(CaseEvent.Facts.none, to: T.self) }
            do {
                // An array (asked only of array objects: the cast costs a lookup) read element by
                // element, as `Array.init(from:)` reads it, without an unkeyed container.
                if obj.kind == .array, let array = T.self as? any ReadsAsArray.Type { return try readArray(array, as: type) }
                return try T(from: self)
            } catch {
                // Whatever failed inside (the type's own check included): Foundation decides.
                throw context.refuse()
            }
        }

        func readArray<A: ReadsAsArray, T>(_ array: A.Type, as type: T.Type) throws -> T {
            // A is T (the cast above), so this is a cast to itself.
            unsafeBitCast(try A.read(self), to: T.self)
        }

        func date() throws -> Date {
            let o = obj
            guard o.kind == .date, let seconds = try? context.plist.double(o) else { throw context.refuse() }
            return Date(timeIntervalSinceReferenceDate: seconds)
        }

        /// UUID's own decoding parses its text with sscanf: here only the usual 36-character form
        /// is read; any other text is left to Foundation.
        func uuid() throws -> UUID {
            let o = obj
            // The usual form is ASCII: read in place, no String made.
            if let uuid = context.plist.withASCII(o, BinaryPlistDecoder.uuid(utf8:)) ?? nil { return uuid }
            guard let text = try? context.plist.string(o), let uuid = BinaryPlistDecoder.uuid(text) else { throw context.refuse() }
            return uuid
        }

        func data() throws -> Data {
            guard let data = try? context.plist.data(obj) else { throw context.refuse() }
            return data
        }
    }

    /// "E621E1F8-C36C-495A-93FC-0C247A3E6E5F" (either case), nothing else.
    static func uuid(_ text: String) -> UUID? {
        var text = text
        return text.withUTF8(uuid(utf8:))
    }

    /// `uuid(_:)` of the text's UTF-8 bytes.
    static func uuid(utf8: UnsafeBufferPointer<UInt8>) -> UUID? {
        var uuid: uuid_t = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        let ok: Bool = {
            guard utf8.count == 36 else { return false }
            return withUnsafeMutableBytes(of: &uuid) { bytes in
                var n = 0, high: UInt8?
                for (i, c) in utf8.enumerated() {
                    if i == 8 || i == 13 || i == 18 || i == 23 {
                        guard c == UInt8(ascii: "-") else { return false }
                        continue
                    }
                    let v: UInt8
                    switch c {
                    case UInt8(ascii: "0")...UInt8(ascii: "9"): v = c - UInt8(ascii: "0")
                    case UInt8(ascii: "a")...UInt8(ascii: "f"): v = c - UInt8(ascii: "a") + 10
                    case UInt8(ascii: "A")...UInt8(ascii: "F"): v = c - UInt8(ascii: "A") + 10
                    default: return false
                    }
                    guard n < bytes.count else { return false }
                    if let h = high {
                        bytes[n] = h << 4 | v
                        n += 1
                        high = nil
                    } else {
                        high = v
                    }
                }
                return n == 16
            }
        }()
        return ok ? UUID(uuid: uuid) : nil
    }

    static func isNull(_ o: BinaryPlist.Object, _ plist: BinaryPlist) -> Bool {
        guard o.kind == .ascii, o.count == nullMarker.count else { return false }
        return nullMarker.withUnsafeBufferPointer { plist.isASCII(o, equalTo: $0, head: nullHead) }
    }

    // MARK: Containers

    struct Keyed<Key: CodingKey>: KeyedDecodingContainerProtocol {
        let context: Context
        let dict: BinaryPlist.Object
        var codingPath: [CodingKey] { [] }

        /// The value object under `key`, if the dictionary has it. A key found twice (Foundation
        /// would keep one of them) refuses the decode.
        func lookup(_ key: Key) -> Int? {
            let plist = context.plist
            var name = key.stringValue
            if dict.plainKeys {
                let found: Int?? = name.withUTF8 { utf8 in
                    guard utf8.allSatisfy({ $0 < 0x80 }) else { return nil }
                    let head = BinaryPlist.head(utf8)
                    for i in 0..<dict.count where plist.isASCII(plist.object(plist.child(dict, i)), equalTo: utf8, head: head) {
                        return .some(plist.child(dict, dict.count + i))
                    }
                    return .some(nil)
                }
                if let found { return found }
            }
            // Keys written as UTF-16, a key name that is not ASCII, or a key twice: compared as
            // Swift compares strings, and a key found twice refuses the decode.
            var match: Int?
            for i in 0..<dict.count {
                guard let text = try? plist.string(plist.object(plist.child(dict, i))) else {
                    context.refused = true
                    return nil
                }
                if text == name {
                    if match != nil { context.refused = true }
                    match = i
                }
            }
            return match.map { plist.child(dict, dict.count + $0) }
        }

        /// One lookup for what `contains`, `decodeNil` and `decode` would each look up again.
        func present(_ key: Key) -> Reader? {
            guard let value = lookup(key) else { return nil }
            let reader = Reader(context: context, object: value)
            return reader.decodeNil() ? nil : reader
        }

        func decodeIfPresent(_ type: String.Type, forKey key: Key) throws -> String? { try present(key)?.decode(type) }
        func decodeIfPresent(_ type: Bool.Type, forKey key: Key) throws -> Bool? { try present(key)?.decode(type) }
        func decodeIfPresent(_ type: Int.Type, forKey key: Key) throws -> Int? { try present(key)?.decode(type) }
        func decodeIfPresent(_ type: Double.Type, forKey key: Key) throws -> Double? { try present(key)?.decode(type) }
        func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? { try present(key)?.decodeValue(type) }

        var allKeys: [Key] {
            let plist = context.plist
            return (0..<dict.count).compactMap { i in
                guard let text = try? plist.string(plist.object(plist.child(dict, i))) else {
                    context.refused = true
                    return nil
                }
                return Key(stringValue: text)
            }
        }

        func contains(_ key: Key) -> Bool { lookup(key) != nil }

        func reader(_ key: Key) throws -> Reader {
            guard let value = lookup(key) else { throw context.refuse() }
            return Reader(context: context, object: value)
        }

        func decodeNil(forKey key: Key) throws -> Bool { try reader(key).decodeNil() }
        func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try reader(key).decode(type) }
        func decode(_ type: String.Type, forKey key: Key) throws -> String { try reader(key).decode(type) }
        func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try reader(key).decode(type) }
        func decode(_ type: Float.Type, forKey key: Key) throws -> Float { try reader(key).decode(type) }
        func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try reader(key).decode(type) }
        func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try reader(key).decode(type) }
        func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try reader(key).decode(type) }
        func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try reader(key).decode(type) }
        func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try reader(key).decode(type) }
        func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try reader(key).decode(type) }
        func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try reader(key).decode(type) }
        func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try reader(key).decode(type) }
        func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try reader(key).decode(type) }
        func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try reader(key).decode(type) }
        func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T { try reader(key).decodeValue(type) }

        func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws
            -> KeyedDecodingContainer<NestedKey> {
            try reader(key).container(keyedBy: type)
        }

        func nestedUnkeyedContainer(forKey key: Key) throws -> UnkeyedDecodingContainer { try reader(key).unkeyedContainer() }
        func superDecoder() throws -> Decoder { throw context.refuse() }
        func superDecoder(forKey key: Key) throws -> Decoder { throw context.refuse() }
    }

    struct Unkeyed: UnkeyedDecodingContainer {
        let context: Context
        let array: BinaryPlist.Object
        var codingPath: [CodingKey] { [] }
        var count: Int? { array.count }
        var isAtEnd: Bool { currentIndex >= array.count }
        private(set) var currentIndex = 0

        init(context: Context, array: BinaryPlist.Object) {
            self.context = context
            self.array = array
        }

        /// The next element (not yet moved past).
        func peek() throws -> Reader {
            guard !isAtEnd else { throw context.refuse() }
            return Reader(context: context, object: context.plist.child(array, currentIndex))
        }

        mutating func next<T>(_ read: (Reader) throws -> T) throws -> T {
            let value = try read(try peek())
            currentIndex += 1
            return value
        }

        mutating func decodeNil() throws -> Bool {
            guard try peek().decodeNil() else { return false }
            currentIndex += 1
            return true
        }

        mutating func decode(_ type: Bool.Type) throws -> Bool { try next { try $0.decode(type) } }
        mutating func decode(_ type: String.Type) throws -> String { try next { try $0.decode(type) } }
        mutating func decode(_ type: Double.Type) throws -> Double { try next { try $0.decode(type) } }
        mutating func decode(_ type: Float.Type) throws -> Float { try next { try $0.decode(type) } }
        mutating func decode(_ type: Int.Type) throws -> Int { try next { try $0.decode(type) } }
        mutating func decode(_ type: Int8.Type) throws -> Int8 { try next { try $0.decode(type) } }
        mutating func decode(_ type: Int16.Type) throws -> Int16 { try next { try $0.decode(type) } }
        mutating func decode(_ type: Int32.Type) throws -> Int32 { try next { try $0.decode(type) } }
        mutating func decode(_ type: Int64.Type) throws -> Int64 { try next { try $0.decode(type) } }
        mutating func decode(_ type: UInt.Type) throws -> UInt { try next { try $0.decode(type) } }
        mutating func decode(_ type: UInt8.Type) throws -> UInt8 { try next { try $0.decode(type) } }
        mutating func decode(_ type: UInt16.Type) throws -> UInt16 { try next { try $0.decode(type) } }
        mutating func decode(_ type: UInt32.Type) throws -> UInt32 { try next { try $0.decode(type) } }
        mutating func decode(_ type: UInt64.Type) throws -> UInt64 { try next { try $0.decode(type) } }
        mutating func decode<T: Decodable>(_ type: T.Type) throws -> T { try next { try $0.decodeValue(type) } }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
            try next { try $0.container(keyedBy: type) }
        }

        mutating func nestedUnkeyedContainer() throws -> UnkeyedDecodingContainer { try next { try $0.unkeyedContainer() } }
        mutating func superDecoder() throws -> Decoder { throw context.refuse() }
    }
}

/// An array read by `BinaryPlistDecoder` straight from its elements.
protocol ReadsAsArray {
    static func read(_ reader: BinaryPlistDecoder.Reader) throws -> Self
}

extension Array: ReadsAsArray where Element: Decodable {
    /// The elements in order, each read as `Array.init(from:)` reads it (through `decodeValue`).
    static func read(_ reader: BinaryPlistDecoder.Reader) throws -> [Element] {
        let o = reader.obj
        guard o.kind == .array else { throw reader.context.refuse() }
        var elements = [Element]()
        elements.reserveCapacity(o.count)
        for n in 0..<o.count {
            elements.append(try BinaryPlistDecoder.Reader(context: reader.context, object: reader.context.plist.child(o, n)).decodeValue(Element.self))
        }
        return elements
    }
}
