import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// One thing worth answering for later: who did what, to which case, when.
public struct AuditEntry: Codable, Equatable, Sendable {
    public enum Kind: String, Codable, Sendable {
        case login, loginFailed, logout, revealIdentity, caseCreated, caseUpdated, export
    }

    public var at: Date
    public var user: String
    public var kind: Kind
    /// The case's id (never her name).
    public var caseID: UUID?
    public var detail: String

    public init(at: Date, user: String, kind: Kind, caseID: UUID? = nil, detail: String = "") {
        self.at = at
        self.user = user
        self.kind = kind
        self.caseID = caseID
        self.detail = detail
    }
}

/// The store's audit log: one JSON line per entry, appended and synced, never rewritten.
public struct AuditLog: Sendable {
    public let url: URL

    public init(store: CaseStore) {
        url = store.root.appendingPathComponent("audit.log")
    }

    public func append(_ entry: AuditEntry) throws {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.sortedKeys]
        var line = try encoder.encode(entry)
        line.append(0x0A)
        let fd = open(url.path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw StoreError.writeFailed(path: url.path) }
        defer { close(fd) }
        let written = line.withUnsafeBytes { buf in buf.baseAddress.map { Glibc.write(fd, $0, buf.count) } ?? -1 }
        guard written == line.count, fsync(fd) == 0 else { throw StoreError.writeFailed(path: url.path) }
    }

    public func entries() -> [AuditEntry] {
        guard let data = try? Data(contentsOf: url) else { return [] }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return data.split(separator: 0x0A).compactMap { try? decoder.decode(AuditEntry.self, from: Data($0)) }
    }
}
