import Foundation

/// An id made from text, the same on every machine and at every read: for list items written
/// before they carried ids (closures, transfers), so that an old record reads with the same ids
/// each time and replication can merge them item by item. Two FNV-1a hashes (64 bits each, of
/// different offsets), as version-8 UUID bits; not a secret, not for anything a user types.
public enum StableID {
    public static func make(_ text: String) -> UUID {
        func fnv(_ offset: UInt64) -> UInt64 {
            var h = offset
            for b in text.utf8 { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01B3 }
            return h
        }
        let a = fnv(0xCBF2_9CE4_8422_2325), b = fnv(0x84222325_CBF29CE4)
        var bytes = [UInt8](repeating: 0, count: 16)
        for i in 0..<8 {
            bytes[i] = UInt8((a >> (8 * UInt64(i))) & 0xFF)
            bytes[8 + i] = UInt8((b >> (8 * UInt64(i))) & 0xFF)
        }
        bytes[6] = (bytes[6] & 0x0F) | 0x80  // version 8: custom
        bytes[8] = (bytes[8] & 0x3F) | 0x80  // RFC 4122 variant
        return UUID(uuid: (bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7],
                           bytes[8], bytes[9], bytes[10], bytes[11], bytes[12], bytes[13], bytes[14], bytes[15]))
    }
}
