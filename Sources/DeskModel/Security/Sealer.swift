import Crypto
import Foundation

/// Seals and opens files with the store's data key (AES-256-GCM). A sealed file starts with
/// "USL2", then the nonce, the ciphertext and the tag, and is bound to its place: the path it is
/// kept at (which names the record: `cases/<id>.plist`) is authenticated with it, so a flipped
/// byte, a file moved to another name, or one record's file put in another's place fails to open.
/// Files of a store made before that ("USL1", unbound) open only until the store is upgraded.
public struct Sealer: Sendable {
    public static let magic = Data("USL2".utf8)
    /// What sealing adds to a file's length: the magic, the nonce and the tag.
    public static let overhead = 4 + 12 + 16
    public static let unboundMagic = Data("USL1".utf8)
    let raw: Data
    var key: SymmetricKey { SymmetricKey(data: raw) }
    /// A store of format version 1 still holds unbound files; once upgraded, none is accepted.
    public var acceptsUnbound = false

    public init(key: SymmetricKey) {
        raw = key.withUnsafeBytes { Data($0) }
    }

    public enum Problem: Error, Equatable {
        case notSealed
        /// Altered, damaged, sealed with another key, or kept at another place than it was sealed for.
        case cannotOpen
    }

    /// True when `data` is sealed (bound or not) by a store's key.
    public static func isSealed(_ data: Data) -> Bool {
        let head = data.prefix(magic.count)
        return head == magic || head == unboundMagic
    }

    public func seal(_ plain: Data, binding: String) throws -> Data {
        guard let combined = try AES.GCM.seal(plain, using: key, authenticating: Data(binding.utf8)).combined else {
            throw Problem.cannotOpen
        }
        return Sealer.magic + combined
    }

    /// As a store of format version 1 sealed (no binding): kept for the upgrade's tests.
    func sealUnbound(_ plain: Data) throws -> Data {
        guard let combined = try AES.GCM.seal(plain, using: key).combined else { throw Problem.cannotOpen }
        return Sealer.unboundMagic + combined
    }

    /// A short keyed hash of `text` (16 hex digits): the same for the same text under this key,
    /// telling nothing of the text without it. Its key is derived from the data key, apart from sealing.
    public func tag(_ text: String) -> String {
        let tagKey = SymmetricKey(data: Data(HMAC<SHA256>.authenticationCode(for: Data("urja tag key".utf8), using: key)))
        let mac = HMAC<SHA256>.authenticationCode(for: Data(text.utf8), using: tagKey)
        let hex = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        for b in mac.prefix(8) { out.append(hex[Int(b >> 4)]); out.append(hex[Int(b & 15)]) }
        return String(decoding: out, as: UTF8.self)
    }

    public func open(_ sealed: Data, binding: String) throws -> Data {
        guard sealed.count > Sealer.magic.count + 28, Sealer.isSealed(sealed) else { throw Problem.notSealed }
        let bound = sealed.prefix(Sealer.magic.count) == Sealer.magic
        guard bound || acceptsUnbound else { throw Problem.cannotOpen }
        do {
            let box = try AES.GCM.SealedBox(combined: sealed.dropFirst(Sealer.magic.count))
            return bound ? try AES.GCM.open(box, using: key, authenticating: Data(binding.utf8)) : try AES.GCM.open(box, using: key)
        } catch {
            throw Problem.cannotOpen
        }
    }
}
