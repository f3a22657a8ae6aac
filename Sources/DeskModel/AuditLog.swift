import Crypto
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// One thing worth answering for later: who did what, to which case, when.
public struct AuditEntry: Codable, Equatable, Sendable {
    public enum Kind: String, Codable, Sendable {
        case login, loginFailed, logout, revealIdentity, caseCreated, caseUpdated, export, directiveGiven, directiveDone,
             settingsChanged
    }

    public var at: Date
    public var user: String
    public var kind: Kind
    /// The case's id (never her name).
    public var caseID: UUID?
    public var detail: String
    /// SHA-256 (hex) of the line before this one in the log; empty for the first.
    public var prev: String

    public init(at: Date, user: String, kind: Kind, caseID: UUID? = nil, detail: String = "", prev: String = "") {
        self.at = at
        self.user = user
        self.kind = kind
        self.caseID = caseID
        self.detail = detail
        self.prev = prev
    }
}

/// The store's audit log: one JSON line per entry, appended and synced, never rewritten. Each
/// entry carries the hash of the line before it, so a removed or altered entry breaks the chain.
public struct AuditLog: Sendable {
    public let url: URL

    public init(store: CaseStore) {
        url = store.root.appendingPathComponent("audit.log")
    }

    public enum ChainError: Error, Equatable {
        /// Line `line` (1-based) cannot be read or does not follow from the line before it.
        case broken(line: Int)
    }

    static func hash(_ line: some DataProtocol) -> String {
        SHA256.hash(data: Data(line)).map { String(format: "%02x", $0) }.joined()
    }

    /// Appends an entry, chained to the last line. An exclusive lock keeps two terminals'
    /// appends from interleaving or chaining to the same line.
    public func append(_ entry: AuditEntry) throws {
        let fd = open(url.path, O_RDWR | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw StoreError.writeFailed(path: url.path) }
        defer { close(fd) }
        guard flock(fd, LOCK_EX) == 0 else { throw StoreError.writeFailed(path: url.path) }
        defer { flock(fd, LOCK_UN) }
        var chained = entry
        chained.prev = AuditLog.lastLine(fd).map(AuditLog.hash) ?? ""
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.sortedKeys]
        var line = try encoder.encode(chained)
        line.append(0x0A)
        let written = line.withUnsafeBytes { buf in buf.baseAddress.map { Glibc.write(fd, $0, buf.count) } ?? -1 }
        guard written == line.count, fsync(fd) == 0 else { throw StoreError.writeFailed(path: url.path) }
    }

    /// The last complete line of the file (without its newline), read from the end.
    static func lastLine(_ fd: Int32) -> Data? {
        let size = lseek(fd, 0, SEEK_END)
        guard size > 0 else { return nil }
        var chunk = 4096
        while true {
            let start = max(0, Int(size) - chunk)
            var buffer = [UInt8](repeating: 0, count: Int(size) - start)
            let n = pread(fd, &buffer, buffer.count, off_t(start))
            guard n == buffer.count else { return nil }
            var body = buffer[...]
            if body.last == 0x0A { body = body.dropLast() }
            if let cut = body.lastIndex(of: 0x0A) { return Data(body[(cut + 1)...]) }
            if start == 0 { return body.isEmpty ? nil : Data(body) }
            chunk *= 4
        }
    }

    /// Each line of the log with its entry, or nil where the line cannot be read.
    private func lines() -> [(line: Data, entry: AuditEntry?)] {
        guard let data = try? Data(contentsOf: url) else { return [] }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return data.split(separator: 0x0A).map { (Data($0), try? decoder.decode(AuditEntry.self, from: Data($0))) }
    }

    /// Every entry that can be read, chain or no chain: what is left of a damaged log too.
    public func entries() -> [AuditEntry] {
        lines().compactMap(\.entry)
    }

    /// Every entry, checking the chain as it goes.
    public func readChain() throws -> [AuditEntry] {
        var out: [AuditEntry] = []
        var previous = ""
        for (i, item) in lines().enumerated() {
            guard let entry = item.entry, entry.prev == previous else { throw ChainError.broken(line: i + 1) }
            out.append(entry)
            previous = AuditLog.hash(item.line)
        }
        return out
    }
}
