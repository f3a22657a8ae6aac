// Over 300 lines: one log kept two ways (the store's own, a machine's in a station folder) shares the chain and head code.
import Crypto
import Foundation
import SystemPackage
#if canImport(Glibc)
import Glibc
#endif

/// One thing worth answering for later: who did what, to which case, when.
public struct AuditEntry: Codable, Equatable, Sendable {
    public enum Kind: String, Codable, Sendable {
        case login, loginFailed, logout, revealIdentity, caseCreated, caseUpdated, export, directiveGiven, directiveDone,
             settingsChanged
        /// A PIN or passphrase changed, a copy of the key given or taken back.
        case keyChanged
        /// The store's recovery code was used (the admin's own reset).
        case recoveryUsed
        /// A line cut short by a crash or a full disk, kept as it was; this entry follows it.
        case tornLine
        /// The sealed head did not match the log: lines were cut or the log was replaced.
        case auditCut
        /// A backup was put in this store's place (written in both the restored and the old store).
        case restored
        /// An awareness event entered or changed (its id in the detail).
        case eventSaved
        /// A paper of a case printed or opened to print (its kind in the detail).
        case paperPrinted
    }

    public var at: Date
    public var user: String
    public var kind: Kind
    /// The case's id (never her name).
    public var caseID: UUID?
    /// Ids, numbers, kinds: never a name, a reason or any text a person typed.
    public var detail: String
    /// Free text that belongs with the entry (a reveal's reason, a directive, a reply), sealed
    /// with the store's data key ("USL2…" in base64); in a plain (test) store as typed.
    public var note: String?
    /// SHA-256 (hex) of the line before this one in the log; empty for the first.
    public var prev: String

    public init(at: Date, user: String, kind: Kind, caseID: UUID? = nil, detail: String = "", note: String? = nil,
                prev: String = "") {
        self.at = at
        self.user = user
        self.kind = kind
        self.caseID = caseID
        self.detail = detail
        self.note = note
        self.prev = prev
    }
}

/// The last point of the log vouched for by someone holding the key: how many lines, how many
/// bytes, and the hash of the last of them. Kept sealed (audit.head), so that cutting lines off
/// the end, or putting a freshly made chain in the log's place, is found.
public struct AuditHead: Codable, Equatable, Sendable {
    public var lines: Int
    public var bytes: Int
    public var lastHash: String
}

/// The store's audit log: one JSON line per entry, appended and synced, never rewritten. Each
/// entry carries the hash of the line before it, so a removed or altered entry breaks the chain.
///
/// With replication, each line that concerns a station held here is also appended to this
/// machine's own log in that station's folder (`ReplicatedAudit.swift`): its own file, its own
/// chain and sealed head, under the station's key; `AuditTrail` reads them all as one.
public struct AuditLog: Sendable {
    public let url: URL
    let store: CaseStore
    let headURL: URL
    /// This machine's log in a station folder (sealed with the station's key), not the store's own.
    let stationLog: Bool

    public init(store: CaseStore) {
        self.store = store
        url = store.root.appendingPathComponent("audit.log")
        headURL = store.root.appendingPathComponent("audit.head")
        stationLog = false
    }

    /// A machine's log in a station's replicated folder: `sync/<station>/audit/<machine>.log`, its
    /// sealed head `<machine>.log.head` (named to sort after the log: Syncthing fetches it second).
    public init(store: CaseStore, stationID: String, machineID: String) {
        self.store = store
        let folder = store.stationFolder(stationID).appendingPathComponent("audit", isDirectory: true)
        url = folder.appendingPathComponent(machineID + ".log")
        headURL = folder.appendingPathComponent(machineID + ".log.head")
        stationLog = true
    }

    init(store: CaseStore, url: URL) {
        self.store = store
        self.url = url
        headURL = url.deletingLastPathComponent().appendingPathComponent(url.lastPathComponent + ".head")
        stationLog = true
    }

    /// The key this log's notes and head are sealed with (nil: a plain store, or the key not open here).
    var sealer: Sealer? {
        guard stationLog else { return store.sealer }
        return (try? store.replicaSealer(for: url)) ?? nil
    }

    var noteBinding: String { stationLog ? store.binding(for: url) : "audit.log" }

    public enum ChainError: Error, Equatable {
        /// Line `line` (1-based) cannot be read or does not follow from the line before it.
        case broken(line: Int)
        /// The log ends before the point its sealed head vouches for, or is not the log it vouched for.
        case cut(vouched: Int)
    }

    /// Text to keep with an entry: sealed when the store is encrypted (nil without the key, so
    /// that nothing a person typed is ever written in the clear).
    public func sealNote(_ text: String) -> String? {
        guard store.meta.encrypted else { return text }
        guard let sealer, let sealed = try? sealer.seal(Data(text.utf8), binding: noteBinding) else { return nil }
        return sealed.base64EncodedString()
    }

    /// An entry's note as it was typed, when this store's key can open it.
    public func openNote(_ entry: AuditEntry) -> String? {
        guard let note = entry.note else { return nil }
        guard store.meta.encrypted else { return note }
        // A note sealed before the store was upgraded is unbound: the chain already keeps it in its place.
        // Notes written before a key rotation open with the key of their time.
        guard let sealer, let data = Data(base64Encoded: note) else { return nil }
        let retired = (stationLog ? store.retiredStationKeys(forLog: url) : []) + store.retiredKeys()
        for key in [sealer.raw] + retired {
            var opener = Sealer(key: SymmetricKey(data: key))
            opener.acceptsUnbound = !stationLog
            if let plain = try? opener.open(data, binding: noteBinding) { return String(decoding: plain, as: UTF8.self) }
        }
        return nil
    }

    static func hash(_ line: some DataProtocol) -> String {
        SHA256.hash(data: Data(line)).map { String(format: "%02x", $0) }.joined()
    }

    /// Appends an entry, chained to the last line. An exclusive lock keeps two terminals'
    /// appends from interleaving or chaining to the same line. A line left torn by a crash or a
    /// full disk is kept and marked first. With the key, the sealed head moves on with the log.
    /// Throws when the line cannot be written whole: whatever it was to record must not happen.
    public func append(_ entry: AuditEntry) throws {
        let file: FileDescriptor, created: Bool
        do { (file, created) = try StoreFS.openAppending(url.path) } catch { throw StoreError.writeFailed(path: url.path) }
        let fd = file.rawValue
        defer { try? file.close() }
        guard flock(fd, LOCK_EX) == 0 else { throw StoreError.writeFailed(path: url.path) }
        defer { flock(fd, LOCK_UN) }
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.sortedKeys]
        var out = Data()
        var previous = AuditLog.lastLine(fd)
        if let torn = AuditLog.tornTail(fd) {
            // Kept as it is, closed with a newline, and followed by an entry that says so.
            var mark = AuditEntry(at: entry.at, user: "", kind: .tornLine, detail: "after " + (torn.before.map(AuditLog.hash) ?? ""))
            mark.prev = AuditLog.hash(torn.fragment)
            var line = try encoder.encode(mark)
            line.append(0x0A)
            out.append(0x0A)
            out.append(line)
            previous = line.dropLast()
        }
        // With the key: a log that no longer reaches its sealed head is recorded as cut, for good,
        // before anything else is added (verify reports the mark ever after).
        let head = sealer != nil ? readHead() : nil
        let cut = head.map { !headHolds($0) } ?? false
        if cut, let head {
            var mark = AuditEntry(at: entry.at, user: "", kind: .auditCut, detail: "vouched \(head.lines) lines \(head.bytes) bytes")
            mark.prev = previous.map(AuditLog.hash) ?? ""
            var line = try encoder.encode(mark)
            line.append(0x0A)
            out.append(line)
            previous = line.dropLast()
        }
        var chained = entry
        chained.prev = previous.map(AuditLog.hash) ?? ""
        var line = try encoder.encode(chained)
        line.append(0x0A)
        out.append(line)
        let start = lseek(fd, 0, SEEK_END)
        do {
            try StoreFS.write(file, url.path, out, at: Int(start))
            try StoreFS.fsync(file, url.path)
            // A log made by this append is on disk only once its folder holds its name.
            if created { try StoreFS.syncFolder(url.deletingLastPathComponent().path) }
        } catch {
            // Nothing half-written stays behind to be glued to the next line.
            if start >= 0 { try? StoreFS.truncate(file, url.path, to: Int(start)); try? StoreFS.fsync(file, url.path) }
            throw StoreError.writeFailed(path: url.path)
        }
        if sealer != nil { try advanceHead(fd, from: cut ? nil : head, lastLine: line.dropLast(), size: Int(start) + out.count) }
        if !stationLog { try replicate(chained) }
    }

    /// Moves the sealed head to the end of the log: the lines added since it was last moved
    /// (by anyone, with or without the key) are counted on from where it stood.
    private func advanceHead(_ fd: Int32, from head: AuditHead?, lastLine: Data, size: Int) throws {
        let from = head.map { $0.bytes <= size ? $0.bytes : 0 } ?? 0
        var lines = from == 0 ? 0 : (head?.lines ?? 0)
        if size > from {
            var buffer = [UInt8](repeating: 0, count: size - from)
            guard pread(fd, &buffer, buffer.count, off_t(from)) == buffer.count else { throw StoreError.writeFailed(path: url.path) }
            lines += buffer.reduce(0) { $1 == 0x0A ? $0 + 1 : $0 }
        }
        let head = AuditHead(lines: lines, bytes: size, lastHash: AuditLog.hash(lastLine))
        if stationLog { try store.writeReplica(head, to: headURL) } else { try store.writeSealed(head, to: headURL) }
    }

    func readHead() -> AuditHead? {
        stationLog ? try? store.decodeReplica(AuditHead.self, at: headURL) : try? store.decodeStored(AuditHead.self, from: headURL)
    }

    /// A last line with no newline at its end (a torn write), and the complete line before it.
    static func tornTail(_ fd: Int32) -> (fragment: Data, before: Data?)? {
        let size = lseek(fd, 0, SEEK_END)
        guard size > 0 else { return nil }
        var last: UInt8 = 0
        guard pread(fd, &last, 1, size - 1) == 1, last != 0x0A else { return nil }
        guard let fragment = lastLine(fd) else { return nil }
        let cut = Int(size) - fragment.count
        guard cut > 0 else { return (fragment, nil) }
        var buffer = [UInt8](repeating: 0, count: cut)
        guard pread(fd, &buffer, cut, 0) == cut else { return (fragment, nil) }
        var body = buffer[...]
        if body.last == 0x0A { body = body.dropLast() }
        let start = body.lastIndex(of: 0x0A).map { $0 + 1 } ?? body.startIndex
        return (fragment, body.isEmpty ? nil : Data(body[start...]))
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
        lines(of: (try? Data(contentsOf: url)) ?? Data())
    }

    private func lines(of data: Data) -> [(line: Data, entry: AuditEntry?)] {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return data.split(separator: 0x0A).map { (Data($0), try? decoder.decode(AuditEntry.self, from: Data($0))) }
    }

    /// Every entry that can be read, chain or no chain: what is left of a damaged log too.
    public func entries() -> [AuditEntry] {
        lines().compactMap(\.entry)
    }

    /// Every entry, checking the chain as it goes. A torn line counts when the entry after it
    /// marks it as such, chained to it, naming the line before it. With the key, the log must also
    /// reach the point its sealed head vouches for, with the same line there.
    public func readChain() throws -> [AuditEntry] {
        let data = (try? Data(contentsOf: url)) ?? Data()
        var items = lines(of: data)
        // A last line cut short by a crash or a power cut (no newline after it) is not a break:
        // it never was a whole entry, and the next append keeps it and marks it.
        if let last = items.last, last.entry == nil, data.last != 0x0A { items.removeLast() }
        var out: [AuditEntry] = []
        var previous = ""
        var bytes = 0
        var head: AuditHead?
        if sealer != nil, !items.isEmpty {
            guard let read = readHead() else { throw ChainError.cut(vouched: 0) }
            head = read
        }
        var reached = head == nil
        for (i, item) in items.enumerated() {
            if let entry = item.entry, entry.prev == previous {
                out.append(entry)
            } else if item.entry == nil, i + 1 < items.count, let mark = items[i + 1].entry, mark.kind == .tornLine,
                      mark.prev == AuditLog.hash(item.line), mark.detail == "after " + previous {
                // What is left of an entry cut short; the mark after it says so.
            } else {
                throw ChainError.broken(line: i + 1)
            }
            previous = AuditLog.hash(item.line)
            bytes += item.line.count + 1
            if let head, bytes == head.bytes {
                guard previous == head.lastHash, i + 1 == head.lines else { throw ChainError.cut(vouched: head.lines) }
                reached = true
            }
        }
        if let head, !reached { throw ChainError.cut(vouched: head.lines) }
        return out
    }

    /// The quick check made at every sign-in: the line the sealed head vouches for is still
    /// where it was. True when there is nothing to check (no key, no head yet, an empty log).
    public func headHolds() -> Bool {
        guard sealer != nil, let head = readHead() else { return true }
        return headHolds(head)
    }

    func headHolds(_ head: AuditHead) -> Bool {
        let fd = open(url.path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return head.bytes == 0 }
        defer { close(fd) }
        guard lseek(fd, 0, SEEK_END) >= off_t(head.bytes), head.bytes > 0 else { return head.bytes == 0 }
        let chunk = min(head.bytes, 1 << 16)
        var buffer = [UInt8](repeating: 0, count: chunk)
        guard pread(fd, &buffer, chunk, off_t(head.bytes - chunk)) == chunk, buffer.last == 0x0A else { return false }
        var body = buffer[...].dropLast()
        if let cut = body.lastIndex(of: 0x0A) { body = body[(cut + 1)...] }
        return AuditLog.hash(Data(body)) == head.lastHash
    }
}
