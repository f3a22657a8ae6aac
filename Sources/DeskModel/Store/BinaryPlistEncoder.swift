import Foundation

/// Encodes an `Encodable` value as a binary property list ("bplist00") laid out as Foundation's
/// `PropertyListEncoder` (binary) lays it out, several times faster on a case record (Foundation
/// builds a tree of reference objects, hashes every one of them and walks it twice).
/// It writes what Foundation writes and `BinaryPlistDecoder` and Foundation's decoder read:
/// dates and data as plist dates and data, nil as the string "$null", integers in the fewest of
/// 1, 2, 4 bytes (8 for a negative one), doubles as 8-byte reals, ASCII strings as ASCII and
/// others as UTF-16, each string written once. Whatever it might not write exactly as Foundation
/// would (a key written twice, a value that asks for no container or for two, `superEncoder`,
/// `UInt`/`UInt64` and `Float` (which Foundation writes in forms of their own), URL, Decimal, any
/// error at all) makes the whole encode refused, and `encode` answers with Foundation's encoder.
public enum BinaryPlistEncoder {
    /// The value as a binary property list: the fast writer when it takes the whole value, else Foundation's.
    public static func encode<T: Encodable>(_ value: T) throws -> Data {
        if let data = fastEncode(value) { return data }
        let encoder = PropertyListEncoder()
        encoder.outputFormat = .binary
        return try encoder.encode(value)
    }

    /// The same, made exactly `fileSize(natural length)` long when it can be (zero bytes before
    /// the offset table, which no reader reads): a case file made the length of a file made
    /// ready for it beforehand (`ReadyFiles`). Foundation's encoder, when it is the one used, and
    /// a length the table's widths cannot give, leave the natural length.
    public static func encode<T: Encodable>(_ value: T, fileSize: @escaping (Int) -> Int) throws -> Data {
        if let data = fastEncode(value, fileSize: fileSize) { return data }
        return try encode(value)
    }

    /// The value as the fast writer writes it, or nil if it refuses anything (never throws, never traps).
    static func fastEncode<T: Encodable>(_ value: T, handWritten: Bool = true, fileSize: ((Int) -> Int)? = nil) -> Data? {
        let state = State(handWritten: handWritten)
        // Foundation's encoder takes only a dictionary or an array at the top (one made here has
        // no offset until the end).
        guard let top = try? state.encodeValue(value), !state.refused, state.offsets[top] < 0 else { return nil }
        return state.finish(top: top, fileSize: fileSize)
    }

    struct Refused: Error {}

    /// A dictionary or an array: its place among the State's containers, and its object number
    /// (taken when it is made; its references are written at the end, when the number of objects,
    /// and so the width of a reference, is known).
    struct Box {
        let node: Int
        let index: Int
        let isDict: Bool
    }

    /// The encoder of one value: it takes one container, or one single value.
    final class Slot: Encoder, SingleValueEncodingContainer {
        let state: State
        /// The object this value became.
        @exclusivity(unchecked) var result: Int?
        @exclusivity(unchecked) var box: Box?
        var codingPath: [CodingKey] { [] }
        var userInfo: [CodingUserInfoKey: Any] { [:] }

        init(state: State) { self.state = state }

        /// The container this value asked for: asked again, the same one (as Foundation gives);
        /// another kind, or after a single value, refused.
        func take(isDict: Bool) -> Box {
            if let box, box.isDict == isDict { return box }
            if result != nil { state.refused = true }
            let made = state.box(isDict: isDict)
            box = made
            result = made.index
            return made
        }

        func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
            KeyedEncodingContainer(Keyed<Key>(state: state, box: take(isDict: true)))
        }

        func unkeyedContainer() -> UnkeyedEncodingContainer { Unkeyed(state: state, box: take(isDict: false)) }

        func singleValueContainer() -> SingleValueEncodingContainer { self }

        func put(_ index: Int) throws {
            guard result == nil else { throw state.refuse() }
            result = index
        }

        func encodeNil() throws { try put(state.null()) }
        func encode(_ value: Bool) throws { try put(state.bool(value)) }
        func encode(_ value: String) throws { try put(state.string(value)) }
        func encode(_ value: Double) throws { try put(state.double(value)) }
        func encode(_ value: Float) throws { throw state.refuse() }
        func encode(_ value: Int) throws { try put(state.integer(Int64(value))) }
        func encode(_ value: Int8) throws { try put(state.integer(Int64(value))) }
        func encode(_ value: Int16) throws { try put(state.integer(Int64(value))) }
        func encode(_ value: Int32) throws { try put(state.integer(Int64(value))) }
        func encode(_ value: Int64) throws { try put(state.integer(value)) }
        func encode(_ value: UInt) throws { throw state.refuse() }
        func encode(_ value: UInt8) throws { try put(state.integer(Int64(value))) }
        func encode(_ value: UInt16) throws { try put(state.integer(Int64(value))) }
        func encode(_ value: UInt32) throws { try put(state.integer(Int64(value))) }
        func encode(_ value: UInt64) throws { throw state.refuse() }
        func encode<T: Encodable>(_ value: T) throws { try put(try state.encodeValue(value)) }
    }

    struct Keyed<Key: CodingKey>: KeyedEncodingContainerProtocol {
        let state: State
        let box: Box
        var codingPath: [CodingKey] { [] }

        /// One entry; a key written twice (Foundation would keep the last) refuses the encode.
        func add(_ key: Key, _ value: Int) throws {
            guard state.add(box, key: state.string(key.stringValue), value: value) else { throw state.refuse() }
        }

        mutating func encodeNil(forKey key: Key) throws { try add(key, state.null()) }
        mutating func encode(_ value: Bool, forKey key: Key) throws { try add(key, state.bool(value)) }
        mutating func encode(_ value: String, forKey key: Key) throws { try add(key, state.string(value)) }
        mutating func encode(_ value: Double, forKey key: Key) throws { try add(key, state.double(value)) }
        mutating func encode(_ value: Float, forKey key: Key) throws { throw state.refuse() }
        mutating func encode(_ value: Int, forKey key: Key) throws { try add(key, state.integer(Int64(value))) }
        mutating func encode(_ value: Int8, forKey key: Key) throws { try add(key, state.integer(Int64(value))) }
        mutating func encode(_ value: Int16, forKey key: Key) throws { try add(key, state.integer(Int64(value))) }
        mutating func encode(_ value: Int32, forKey key: Key) throws { try add(key, state.integer(Int64(value))) }
        mutating func encode(_ value: Int64, forKey key: Key) throws { try add(key, state.integer(value)) }
        mutating func encode(_ value: UInt, forKey key: Key) throws { throw state.refuse() }
        mutating func encode(_ value: UInt8, forKey key: Key) throws { try add(key, state.integer(Int64(value))) }
        mutating func encode(_ value: UInt16, forKey key: Key) throws { try add(key, state.integer(Int64(value))) }
        mutating func encode(_ value: UInt32, forKey key: Key) throws { try add(key, state.integer(Int64(value))) }
        mutating func encode(_ value: UInt64, forKey key: Key) throws { throw state.refuse() }
        mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws { try add(key, try state.encodeValue(value)) }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key)
            -> KeyedEncodingContainer<NestedKey> {
            let nested = state.box(isDict: true)
            if (try? add(key, nested.index)) == nil { state.refused = true }
            return KeyedEncodingContainer(Keyed<NestedKey>(state: state, box: nested))
        }

        mutating func nestedUnkeyedContainer(forKey key: Key) -> UnkeyedEncodingContainer {
            let nested = state.box(isDict: false)
            if (try? add(key, nested.index)) == nil { state.refused = true }
            return Unkeyed(state: state, box: nested)
        }

        mutating func superEncoder() -> Encoder {
            state.refused = true
            return Slot(state: state)
        }

        mutating func superEncoder(forKey key: Key) -> Encoder {
            state.refused = true
            return Slot(state: state)
        }
    }

    struct Unkeyed: UnkeyedEncodingContainer {
        let state: State
        let box: Box
        var codingPath: [CodingKey] { [] }
        var count: Int { state.count(box) }

        func add(_ value: Int) { _ = state.add(box, key: -1, value: value) }

        mutating func encodeNil() throws { add(state.null()) }
        mutating func encode(_ value: Bool) throws { add(state.bool(value)) }
        mutating func encode(_ value: String) throws { add(state.string(value)) }
        mutating func encode(_ value: Double) throws { add(state.double(value)) }
        mutating func encode(_ value: Float) throws { throw state.refuse() }
        mutating func encode(_ value: Int) throws { add(state.integer(Int64(value))) }
        mutating func encode(_ value: Int8) throws { add(state.integer(Int64(value))) }
        mutating func encode(_ value: Int16) throws { add(state.integer(Int64(value))) }
        mutating func encode(_ value: Int32) throws { add(state.integer(Int64(value))) }
        mutating func encode(_ value: Int64) throws { add(state.integer(value)) }
        mutating func encode(_ value: UInt) throws { throw state.refuse() }
        mutating func encode(_ value: UInt8) throws { add(state.integer(Int64(value))) }
        mutating func encode(_ value: UInt16) throws { add(state.integer(Int64(value))) }
        mutating func encode(_ value: UInt32) throws { add(state.integer(Int64(value))) }
        mutating func encode(_ value: UInt64) throws { throw state.refuse() }
        mutating func encode<T: Encodable>(_ value: T) throws { add(try state.encodeValue(value)) }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
            let nested = state.box(isDict: true)
            add(nested.index)
            return KeyedEncodingContainer(Keyed<NestedKey>(state: state, box: nested))
        }

        mutating func nestedUnkeyedContainer() -> UnkeyedEncodingContainer {
            let nested = state.box(isDict: false)
            add(nested.index)
            return Unkeyed(state: state, box: nested)
        }

        mutating func superEncoder() -> Encoder {
            state.refused = true
            return Slot(state: state)
        }
    }
}
