import Foundation

/// What can go wrong with a store, each with enough to say one clear line.
public enum StoreError: Error, Equatable, Sendable {
    /// The folder holds no store (no store.plist).
    case notAStore(path: String)
    /// The store was written by a newer (or unknown) format.
    case unsupportedVersion(found: Int, supported: Int)
    /// store.plist itself cannot be read.
    case damagedMeta(path: String)
    case cannotCreate(path: String)
    case writeFailed(path: String)
    /// The folder already holds cases where a new store was asked for.
    case notEmpty(path: String)
}

/// A record file that could not be read. It is set aside, and every other record is still used.
public struct DamagedFile: Hashable, Sendable {
    public var path: String
    public var reason: String
    /// Where it was moved, if it was set aside.
    public var movedTo: String?

    public init(path: String, reason: String, movedTo: String? = nil) {
        self.path = path
        self.reason = reason
        self.movedTo = movedTo
    }
}

/// A save refused because another terminal saved the same case since it was read.
public enum SaveConflict: Error {
    case stale(onDisk: CaseRecord)
}
