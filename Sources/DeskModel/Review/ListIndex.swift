import Foundation
import SystemPackage
#if canImport(Glibc)
import Glibc
#endif

/// The list index (`list.idx`): one line per saved case with what the lists need (`CaseListing`:
/// her name, phone and address, and the review summary), appended on every save and the last line
/// of each case winning, so that a queue opens without decoding every record. In an encrypted store
/// every line is sealed, bound to this file. Each line carries the stamp of the case file it was
/// made from (inode, size, modification time): a save replaces the file, so a new stamp. The index
/// is derived and never trusted blindly: at every open the case files are listed and stamped, and
/// any file whose stamp has no line (a crash between the case and its line, a file changed or
/// damaged behind the desk's back, an index from before a key change) is decoded and its line
/// made anew; lines of files that are gone are dropped; a file that cannot be read is set aside.
public struct ListIndex: Sendable {
    public static let fileName = "list.idx"
    public let url: URL
    let store: CaseStore

    public init(store: CaseStore) {
        self.store = store
        url = store.root.appendingPathComponent(Self.fileName)
    }

    /// The case file's identity as of now: a rename over it or a write into it changes it.
    public struct Stamp: Hashable, Sendable {
        var inode: UInt64
        var size: Int64
        var seconds: Int
        var nanoseconds: Int

        var text: String { "\(inode).\(size).\(seconds).\(nanoseconds)" }

        init?(text: Substring) {
            let p = text.split(separator: ".")
            guard p.count == 4, let i = UInt64(p[0]), let s = Int64(p[1]), let sec = Int(p[2]), let ns = Int(p[3]) else { return nil }
            inode = i
            size = s
            seconds = sec
            nanoseconds = ns
        }

        init?(path: String) {
            var st = stat()
            guard stat(path, &st) == 0 else { return nil }
            inode = UInt64(st.st_ino)
            size = Int64(st.st_size)
            seconds = Int(st.st_mtim.tv_sec)
            nanoseconds = Int(st.st_mtim.tv_nsec)
        }
    }

    // MARK: Lines

    static let version = "l1"
    static let binding = fileName

    /// Free text (her name, phone, address) with the separators escaped.
    static func escape(_ s: String) -> String {
        guard s.contains(where: { $0 == "\\" || $0 == "\t" || $0 == "\n" || $0 == "\r" }) else { return s }
        var out = ""
        for c in s {
            switch c {
            case "\\": out += "\\\\"
            case "\t": out += "\\t"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            default: out.append(c)
            }
        }
        return out
    }

    static func unescape(_ s: Substring) -> String {
        guard s.contains("\\") else { return String(s) }
        var out = ""
        var it = s.makeIterator()
        while let c = it.next() {
            guard c == "\\", let n = it.next() else { out.append(c); continue }
            switch n {
            case "t": out.append("\t")
            case "n": out.append("\n")
            case "r": out.append("\r")
            default: out.append(n)
            }
        }
        return out
    }

    static func encode(_ l: CaseListing, stamp: Stamp) -> String {
        let fields: [String] = [
            version, stamp.text, escape(l.number.stationCode), String(l.number.year), String(l.number.sequence),
            escape(l.name), l.phone.map { "+" + escape($0) } ?? "", escape(l.address),
            l.openAlertRaisedAt.map { String($0.timeIntervalSince1970) } ?? "",
            // Exact (the summary keeps whole seconds): the queue orders by it.
            String(l.summary.reportedAt.timeIntervalSince1970),
            SummaryLine.encode(l.summary),
        ]
        return fields.joined(separator: "\t")
    }

    static func decode(_ text: Substring) -> (CaseListing, Stamp)? {
        let f = text.split(separator: "\t", maxSplits: 10, omittingEmptySubsequences: false)
        guard f.count == 11, f[0] == version, let stamp = Stamp(text: f[1]), let year = Int(f[3]), let sequence = Int(f[4]),
              let reported = Double(f[9]), var summary = SummaryLine.decode(f[10]) else { return nil }
        summary.reportedAt = Date(timeIntervalSince1970: reported)
        let alert: Date?
        if f[8].isEmpty { alert = nil } else if let t = Double(f[8]) { alert = Date(timeIntervalSince1970: t) } else { return nil }
        let phone: String? = f[6].isEmpty ? nil : unescape(f[6].dropFirst())
        let listing = CaseListing(number: CaseNumber(stationCode: unescape(f[2]), year: year, sequence: sequence),
                                  name: unescape(f[5]), phone: phone, address: unescape(f[7]), openAlertRaisedAt: alert,
                                  summary: summary)
        return (listing, stamp)
    }

    func line(_ l: CaseListing, stamp: Stamp) -> String? {
        let plain = Self.encode(l, stamp: stamp)
        guard store.meta.encrypted else { return plain }
        return (try? store.sealer?.seal(Data(plain.utf8), binding: Self.binding))?.base64EncodedString()
    }

    func decodeLine(_ bytes: ArraySlice<UInt8>) -> (CaseListing, Stamp)? {
        if store.meta.encrypted {
            guard let sealer = store.sealer, let data = Data(base64Encoded: Data(bytes)),
                  let plain = try? sealer.open(data, binding: Self.binding) else { return nil }
            return Self.decode(Substring(String(decoding: plain, as: UTF8.self)))
        }
        return Self.decode(Substring(String(decoding: bytes, as: UTF8.self)))
    }

    // MARK: Keeping it current

    /// Adds the line of a case just saved (its file stamped now). Not fsynced: a lost line is
    /// found and mended at the next open.
    public func append(_ record: CaseRecord) throws {
        guard let stamp = Stamp(path: store.caseURL(record.id).path), let text = line(CaseListing(record), stamp: stamp) else { return }
        try StoreFS.appendLine(Data((text + "\n").utf8), to: url.path)
    }

    /// Every line that reads, the last of each case winning, and how many lines there were.
    func load() -> (entries: [UUID: (CaseListing, Stamp)], lines: Int) {
        guard !store.isLocked, let data = try? Data(contentsOf: url) else { return ([:], 0) }
        let bytes = [UInt8](data)
        let lines = bytes.split(separator: 10)
        var parsed = [(CaseListing, Stamp)?](repeating: nil, count: lines.count)
        let chunk = 512
        let chunks = (lines.count + chunk - 1) / chunk
        parsed.withUnsafeMutableBufferPointer { buffer in
            nonisolated(unsafe) let slots = buffer
            DispatchQueue.concurrentPerform(iterations: chunks) { c in
                for i in (c * chunk)..<min(lines.count, (c + 1) * chunk) { slots[i] = self.decodeLine(lines[i]) }
            }
        }
        var latest: [UUID: (CaseListing, Stamp)] = [:]
        latest.reserveCapacity(lines.count)
        for entry in parsed { if let entry { latest[entry.0.id] = entry } }
        return (latest, lines.count)
    }

    /// What opening the lists gives: every readable case's listing (in the order of the case
    /// files' names, as `loadCases` gives them), the files that could not be read, and how many
    /// case files had to be decoded because the index did not hold them as they are.
    public struct Opened: Sendable {
        public var listings: [CaseListing]
        public var damaged: [DamagedFile]
        public var decoded: Int
        public var rewritten: Bool
        /// The index did not hold the files as they are (written anew unless `mend` was false).
        public var stale = false
    }

    /// Reads the index, checks it against the case files (listed and stamped), decodes only the
    /// files it does not hold as they are now, and writes it anew when anything was mended (or it
    /// has grown long with old lines). A file that cannot be read is set aside when `setAside`.
    /// With neither `setAside` nor `mend`, nothing is written: the index is left as it is (`stale`).
    public func open(setAside: Bool, mend mending: Bool = true, clock: DeskClock = SystemClock()) -> Opened {
        guard !store.isLocked else { return Opened(listings: [], damaged: [], decoded: 0, rewritten: false) }
        let urls = store.caseFiles()
        var stamps = [Stamp?](repeating: nil, count: urls.count)
        stamps.withUnsafeMutableBufferPointer { buffer in
            nonisolated(unsafe) let slots = buffer
            let chunk = 1024
            DispatchQueue.concurrentPerform(iterations: (urls.count + chunk - 1) / chunk) { c in
                for i in (c * chunk)..<min(urls.count, (c + 1) * chunk) { slots[i] = Stamp(path: urls[i].path) }
            }
        }
        let loaded = load()
        var listings = [CaseListing?](repeating: nil, count: urls.count)
        var stale: [Int] = []
        var isStale = [Bool](repeating: false, count: urls.count)
        for (i, url) in urls.enumerated() {
            if let id = UUID(uuidString: url.deletingPathExtension().lastPathComponent), let entry = loaded.entries[id],
               let stamp = stamps[i], entry.1 == stamp {
                listings[i] = entry.0
            } else {
                stale.append(i)
                isStale[i] = true
            }
        }
        // The files the index does not hold as they are: decoded, as a full open would.
        var results = [Result<CaseRecord, Error>](repeating: .failure(CaseStore.CaseFileProblem.notRead), count: stale.count)
        let toRead = stale
        results.withUnsafeMutableBufferPointer { buffer in
            nonisolated(unsafe) let slots = buffer
            DispatchQueue.concurrentPerform(iterations: toRead.count) { k in
                slots[k] = Result { try self.store.readCase(at: urls[toRead[k]]) }
            }
        }
        var damaged: [DamagedFile] = []
        var fresh: [Int: Stamp] = [:]
        for (k, i) in stale.enumerated() {
            switch results[k] {
            case .success(let record):
                listings[i] = CaseListing(record)
                // Stamped again after reading: a file changed meanwhile is decoded at the next open.
                if let before = stamps[i], Stamp(path: urls[i].path) == before { fresh[i] = before }
            case .failure(let error):
                damaged.append(store.reportDamaged(urls[i], error: error, setAside: setAside, clock: clock))
            }
        }
        let count = listings.count - damaged.count
        let mend = !stale.isEmpty || loaded.entries.count != count || loaded.lines > 2 * count + 64
        var rewritten = false
        if mend, mending {
            var text = ""
            for (i, l) in listings.enumerated() {
                guard let l, let stamp = fresh[i] ?? (isStale[i] ? nil : stamps[i]), let line = line(l, stamp: stamp) else { continue }
                text += line + "\n"
            }
            rewritten = (try? DurableFile.write(Data(text.utf8), to: url)) != nil
        }
        return Opened(listings: listings.compactMap { $0 }, damaged: damaged, decoded: stale.count, rewritten: rewritten,
                      stale: mend)
    }
}
