import Foundation
#if canImport(Glibc)
import Glibc
#endif

extension ListIndex {
    /// The case file's identity as of now: a rename over it or a write into it changes it.
    public struct Stamp: Hashable, Sendable {
        var inode: UInt64
        var size: Int64
        var seconds: Int
        var nanoseconds: Int

        var text: String { "\(inode).\(size).\(seconds).\(nanoseconds)" }

        init?(bytes: ArraySlice<UInt8>) {
            // Four numbers between dots, read by hand (a line per case is read at every open); a
            // number too large for its field makes the line unreadable, never a crash.
            var n: [UInt64] = [0, 0, 0, 0]
            var k = 0
            var digits = 0
            for c in bytes {
                if c == 46 {
                    guard digits > 0, k < 3 else { return nil }
                    k += 1
                    digits = 0
                } else {
                    guard c >= 48, c <= 57 else { return nil }
                    let (times, o1) = n[k].multipliedReportingOverflow(by: 10)
                    let (sum, o2) = times.addingReportingOverflow(UInt64(c - 48))
                    guard !o1, !o2 else { return nil }
                    n[k] = sum
                    digits += 1
                }
            }
            guard k == 3, digits > 0, n[1] <= UInt64(Int64.max), n[2] <= UInt64(Int.max), n[3] <= UInt64(Int.max) else { return nil }
            inode = n[0]
            size = Int64(n[1])
            seconds = Int(n[2])
            nanoseconds = Int(n[3])
        }

        init?(path: String) {
            var st = stat()
            guard stat(path, &st) == 0 else { return nil }
            self.init(st)
        }

        /// A file in a directory open as `directory` (no path walked from the root for each file).
        init?(directory: Int32, name: String) {
            var st = stat()
            guard fstatat(directory, name, &st, 0) == 0 else { return nil }
            self.init(st)
        }

        init(_ st: stat) {
            inode = UInt64(st.st_ino)
            size = Int64(st.st_size)
            seconds = Int(st.st_mtim.tv_sec)
            nanoseconds = Int(st.st_mtim.tv_nsec)
        }
    }

    /// The case files (`*.plist`, not hidden) in name order, each stamped: read straight from the
    /// directory and stamped relative to it, on both cores (a large store's files listed through
    /// Foundation took longer than reading the index).
    static func stampedCaseFiles(in directory: String) -> (names: [String], stamps: [Stamp?]) {
        guard let dir = opendir(directory) else { return ([], []) }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name.hasSuffix(".plist"), !name.hasPrefix(".") { names.append(name) }
        }
        names.sort()
        let fd = dirfd(dir)
        var stamps = [Stamp?](repeating: nil, count: names.count)
        let list = names
        stamps.withUnsafeMutableBufferPointer { buffer in
            nonisolated(unsafe) let slots = buffer
            let chunk = 1024
            DispatchQueue.concurrentPerform(iterations: (list.count + chunk - 1) / chunk) { c in
                for i in (c * chunk)..<min(list.count, (c + 1) * chunk) { slots[i] = Stamp(directory: fd, name: list[i]) }
            }
        }
        return (names, stamps)
    }

    /// What `load` read: the listings of the cases the stations see (all with nil), in the order
    /// of their ids, and the cases whose line did not open (the check decodes their files).
    public struct Loaded: Sendable {
        public var listings: [CaseListing]
        public var unreadable: Set<UUID>
        public var lines: Int
    }

    /// The index as it is, without a file listed or stamped: what a desk draws her first screen
    /// from. Only the lines tagged for `stations` are opened (every line with nil).
    public func load(stations: Set<String>?) -> Loaded {
        let read = heads()
        let wanted = stations.map { Set($0.map { Array(tag($0).utf8) }) }
        let chosen = read.heads.values.filter { h in
            guard let wanted else { return true }
            return h.tags.split(separator: 44).contains { wanted.contains(Array($0)) }
        }
        var decoded = [CaseListing?](repeating: nil, count: chosen.count)
        decoded.withUnsafeMutableBufferPointer { buffer in
            nonisolated(unsafe) let slots = buffer
            let chunk = 256
            DispatchQueue.concurrentPerform(iterations: (chosen.count + chunk - 1) / chunk) { c in
                for i in (c * chunk)..<min(chosen.count, (c + 1) * chunk) { slots[i] = decodePayload(chosen[i]) }
            }
        }
        var listings: [CaseListing] = []
        listings.reserveCapacity(chosen.count)
        var unreadable = Set<UUID>()
        for (i, h) in chosen.enumerated() {
            guard let l = decoded[i] else { unreadable.insert(h.id); continue }
            if let stations, !Self.stations(of: l).contains(where: stations.contains) { continue }
            listings.append(l)
        }
        listings.sort { ListIndex.idOrder($0.id, $1.id) }
        return Loaded(listings: listings, unreadable: unreadable, lines: read.lines)
    }

    /// What `check` found: for every case whose line was not right (a file changed, new or gone,
    /// a line that did not open), its listing as the file now gives it (nil: gone, damaged, or not
    /// seen by the stations checked for); the files that could not be read; how many were decoded.
    public struct Checked: Sendable {
        public var changed: [UUID: CaseListing?]
        public var damaged: [DamagedFile]
        public var decoded: Int
        public var rewritten: Bool
        /// The index did not hold the files as they are (written anew unless `mend` was false).
        public var stale: Bool
        /// Every case file there is, by id.
        public var files: Int
    }

    /// Lists and stamps the case files and compares them with the lines' clear parts; decodes
    /// only the files the index does not hold as they are (and those in `unreadable`); writes the
    /// index anew when anything was mended or it has grown long with old lines (`mend`). A file
    /// that cannot be read is set aside when `setAside`. Nothing is written with neither.
    public func check(stations: Set<String>?, unreadable: Set<UUID> = [], setAside: Bool, mend mending: Bool = true,
                      clock: DeskClock = SystemClock()) -> Checked {
        guard !store.isLocked else { return Checked(changed: [:], damaged: [], decoded: 0, rewritten: false, stale: false, files: 0) }
        let (names, stamps) = Self.stampedCaseFiles(in: store.casesDir.path)
        let read = heads()
        var ids = [UUID?](repeating: nil, count: names.count)
        var stale: [Int] = []
        for i in names.indices {
            let id = UUID(uuidString: String(names[i].dropLast(6)))
            ids[i] = id
            if let id, let h = read.heads[id], let stamp = stamps[i], h.stamp == stamp, !unreadable.contains(id) { continue }
            stale.append(i)
        }
        let dir = store.casesDir
        let urls = stale.map { dir.appendingPathComponent(names[$0], isDirectory: false) }
        var results = [Result<CaseRecord, Error>](repeating: .failure(CaseStore.CaseFileProblem.notRead), count: stale.count)
        let toRead = stale
        results.withUnsafeMutableBufferPointer { buffer in
            nonisolated(unsafe) let slots = buffer
            DispatchQueue.concurrentPerform(iterations: toRead.count) { k in
                slots[k] = Result { try self.store.readCase(at: urls[k]) }
            }
        }
        var changed: [UUID: CaseListing?] = [:]
        var damaged: [DamagedFile] = []
        var fresh: [Int: (CaseListing, Stamp)] = [:]
        for (k, i) in stale.enumerated() {
            switch results[k] {
            case .success(let record):
                let l = CaseListing(record)
                let seen = stations.map { s in Self.stations(of: l).contains(where: s.contains) } ?? true
                // .some(nil): the case is no longer hers (a nil would drop the key).
                changed[record.id] = .some(seen ? l : nil)
                // Stamped again after reading: a file changed meanwhile is decoded at the next check.
                if let before = stamps[i], Stamp(path: urls[k].path) == before { fresh[i] = (l, before) }
            case .failure(let error):
                if let id = ids[i] { changed[id] = .some(nil) }
                damaged.append(store.reportDamaged(urls[k], error: error, setAside: setAside, clock: clock))
            }
        }
        let present = Set(ids.compactMap { $0 })
        for id in read.heads.keys where !present.contains(id) { changed[id] = .some(nil) }
        let count = names.count - damaged.count
        let mend = !stale.isEmpty || read.heads.count != count || read.lines > 2 * count + 64
        var rewritten = false
        if mend, mending {
            var out: [UInt8] = []
            out.reserveCapacity(read.bytes.count)
            let staleSet = Set(stale)
            for i in names.indices {
                if !staleSet.contains(i), let id = ids[i], let h = read.heads[id] {
                    out.append(contentsOf: h.line)
                    out.append(10)
                } else if let (l, stamp) = fresh[i], let text = line(l, stamp: stamp) {
                    out.append(contentsOf: text.utf8)
                    out.append(10)
                }
            }
            rewritten = (try? DurableFile.write(Data(out), to: url)) != nil
        }
        return Checked(changed: changed, damaged: damaged, decoded: stale.count, rewritten: rewritten, stale: mend, files: count)
    }

    /// What opening the lists gives: every readable case's listing (in the order of their ids),
    /// the files that could not be read, and how many case files had to be decoded because the
    /// index did not hold them as they are.
    public struct Opened: Sendable {
        public var listings: [CaseListing]
        public var damaged: [DamagedFile]
        public var decoded: Int
        public var rewritten: Bool
        /// The index did not hold the files as they are (written anew unless `mend` was false).
        public var stale = false

        public init(listings: [CaseListing], damaged: [DamagedFile], decoded: Int, rewritten: Bool, stale: Bool = false) {
            self.listings = listings
            self.damaged = damaged
            self.decoded = decoded
            self.rewritten = rewritten
            self.stale = stale
        }
    }

    /// `load` and `check` at once, for every station: the lists as the files give them.
    public func open(setAside: Bool, mend: Bool = true, clock: DeskClock = SystemClock()) -> Opened {
        guard !store.isLocked else { return Opened(listings: [], damaged: [], decoded: 0, rewritten: false) }
        let loaded = load(stations: nil)
        let checked = check(stations: nil, unreadable: loaded.unreadable, setAside: setAside, mend: mend, clock: clock)
        return Opened(listings: Self.apply(checked.changed, to: loaded.listings), damaged: checked.damaged, decoded: checked.decoded,
                      rewritten: checked.rewritten, stale: checked.stale)
    }

    /// Listings with a check's changes taken in, in the order of their ids.
    public static func apply(_ changed: [UUID: CaseListing?], to listings: [CaseListing]) -> [CaseListing] {
        guard !changed.isEmpty else { return listings }
        var out = listings.filter { changed[$0.id] == nil }
        for case let l? in changed.values { out.append(l) }
        return out.sorted { idOrder($0.id, $1.id) }
    }

    /// The order of case ids as their files' names sort (upper-case hexadecimal: the bytes' order).
    static func idOrder(_ a: UUID, _ b: UUID) -> Bool {
        withUnsafeBytes(of: a.uuid) { x in
            withUnsafeBytes(of: b.uuid) { y in
                guard let p = x.baseAddress, let q = y.baseAddress else { return false }
                return memcmp(p, q, 16) < 0
            }
        }
    }
}
