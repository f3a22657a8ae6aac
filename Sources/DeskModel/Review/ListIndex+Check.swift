// Over 300 lines: the stamp, the load, the check and its rewrite read one file format together.
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

        init?<C: Collection>(bytes: C) where C.Element == UInt8 {
            // Four numbers between dots, read by hand (a line per case is read at every open); a
            // number too large for its field makes the line unreadable, never a crash.
            var done: (UInt64, UInt64, UInt64) = (0, 0, 0)
            var current: UInt64 = 0
            var k = 0
            var digits = 0
            for c in bytes {
                if c == 46 {
                    guard digits > 0, k < 3 else { return nil }
                    switch k {
                    case 0: done.0 = current
                    case 1: done.1 = current
                    default: done.2 = current
                    }
                    k += 1
                    digits = 0
                    current = 0
                } else {
                    guard c >= 48, c <= 57 else { return nil }
                    let (times, o1) = current.multipliedReportingOverflow(by: 10)
                    let (sum, o2) = times.addingReportingOverflow(UInt64(c - 48))
                    guard !o1, !o2 else { return nil }
                    current = sum
                    digits += 1
                }
            }
            guard k == 3, digits > 0, done.1 <= UInt64(Int64.max), done.2 <= UInt64(Int.max), current <= UInt64(Int.max) else { return nil }
            inode = done.0
            size = Int64(done.1)
            seconds = Int(done.2)
            nanoseconds = Int(current)
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
            Cores.perform((list.count + chunk - 1) / chunk) { c in
                for i in (c * chunk)..<min(list.count, (c + 1) * chunk) { slots[i] = Stamp(directory: fd, name: list[i]) }
            }
        }
        return (names, stamps)
    }

    /// What `check` found: for every case whose line was not right (a file changed, new or gone,
    /// a line that did not open), its listing as the file now gives it (nil: gone, damaged, or not
    /// seen by the stations checked for); the files that could not be read; how many were decoded.
    public struct Checked: Sendable {
        public var changed: [UUID: CaseListing?]
        public var damaged: [DamagedFile]
        public var decoded: Int
        public var rewritten: Bool
        /// The index did not hold the files as they are (written anew unless `mend` was false); a
        /// rewrite only to gather the tail into blocks is not that.
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
        let file = File(path: url.path)
        let blocks = file?.table?.blocks ?? []
        // Every case's last line, where it is (no payload opened, no bytes kept but the tail's).
        var tagLists: [[UInt8]] = []
        var tagIndex: [[UInt8]: Int] = [:]
        func intern(_ t: ArraySlice<UInt8>) -> Int {
            let a = Array(t)
            if let i = tagIndex[a] { return i }
            tagLists.append(a)
            tagIndex[a] = tagLists.count - 1
            return tagLists.count - 1
        }
        var latest: [UUID: Seen] = [:]
        latest.reserveCapacity(names.count)
        var unopened = 0
        for (k, block) in blocks.enumerated() {
            guard let file, let plain = openBlock(file, block) else { unopened += 1; continue }
            for r in Self.lineRanges(plain) {
                guard let h = Self.head(plain[r]) else { continue }
                var seen = Seen(stamp: h.stamp, tags: intern(h.tags), block: k, range: r)
                // A desk reads only her stations' blocks: a case's line must be the same in every
                // block of its stations (an older block put back beside a current one, or a block
                // left out of the table, would show her another line than the one checked here).
                let here = h.tags.split(separator: 44).contains { $0.elementsEqual(block.tag) }
                if let before = latest[h.id] {
                    seen.copies = before.copies + 1
                    seen.agree = before.agree && here && before.stamp == h.stamp && before.tags == seen.tags
                } else {
                    seen.agree = here
                }
                latest[h.id] = seen
            }
        }
        let tagCounts = tagLists.map { $0.split(separator: 44).count }
        let tail = file?.tail() ?? []
        let tailRanges = Self.lineRanges(tail)
        for r in tailRanges {
            guard let h = Self.head(tail[r]) else { continue }
            latest[h.id] = Seen(stamp: h.stamp, tags: intern(h.tags), block: -1, range: r)
        }
        var ids = [UUID?](repeating: nil, count: names.count)
        var stale: [Int] = []
        for i in names.indices {
            let id = ListIndex.uuid(names[i].utf8.dropLast(6))
            ids[i] = id
            if let id, let seen = latest[id], let stamp = stamps[i], seen.stamp == stamp, !unreadable.contains(id),
               seen.block < 0 || (seen.agree && seen.copies == tagCounts[seen.tags]) { continue }
            stale.append(i)
        }
        let dir = store.casesDir
        let urls = stale.map { dir.appendingPathComponent(names[$0], isDirectory: false) }
        var results = [Result<CaseRecord, Error>](repeating: .failure(CaseStore.CaseFileProblem.notRead), count: stale.count)
        let toRead = stale
        results.withUnsafeMutableBufferPointer { buffer in
            nonisolated(unsafe) let slots = buffer
            Cores.perform(toRead.count) { k in
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
        for id in latest.keys where !present.contains(id) { changed[id] = .some(nil) }
        let count = names.count - damaged.count
        // Written anew when anything was mended, a block did not open, the tail has grown long, or
        // the file is not yet in blocks.
        let disagreed = !stale.isEmpty || latest.count != count || unopened > 0
        let mend = disagreed || tailRanges.count > 64 + count / 32 || (file?.table == nil && count > 0) || file?.tailTooLong == true
        var rewritten = false
        if mend, mending {
            let staleSet = Set(stale)
            var members: [[UInt8]: [Int]] = [:]
            for i in names.indices {
                let tags: [UInt8]
                if !staleSet.contains(i), let id = ids[i], let seen = latest[id] {
                    tags = tagLists[seen.tags]
                } else if let (l, _) = fresh[i] {
                    tags = Array(self.tags(l).utf8)
                } else {
                    continue
                }
                for t in tags.split(separator: 44) { members[Array(t), default: []].append(i) }
            }
            var opened: (block: Int, plain: [UInt8])?
            func line(_ i: Int) -> [UInt8]? {
                if staleSet.contains(i) { return fresh[i].map { plainLine($0.0, stamp: $0.1) } }
                guard let id = ids[i], let seen = latest[id] else { return nil }
                guard seen.block >= 0 else { return Self.head(tail[seen.range]).flatMap(plainLine) }
                if opened?.block != seen.block, let file, let plain = openBlock(file, blocks[seen.block]) { opened = (seen.block, plain) }
                guard let opened, opened.block == seen.block else { return nil }
                return Array(opened.plain[seen.range])
            }
            func source(_ i: Int) -> Int { staleSet.contains(i) ? Int.max : ids[i].flatMap { latest[$0]?.block } ?? Int.max }
            let tags = members.keys.sorted { $0.lexicographicallyPrecedes($1) }
            rewritten = (try? writeBlocks(tags: tags) { t in
                var out: [UInt8] = []
                // Lines of one old block together: each is opened once per station.
                for i in (members[t] ?? []).sorted(by: { source($0) < source($1) }) {
                    guard let l = line(i) else { continue }
                    out.append(contentsOf: l)
                    out.append(10)
                }
                return out
            }) != nil
        }
        return Checked(changed: changed, damaged: damaged, decoded: stale.count, rewritten: rewritten, stale: disagreed, files: count)
    }

    /// Where the check found a case's last line: in a block (its place in the table) or the tail (-1), and where in it.
    struct Seen {
        var stamp: Stamp
        var tags: Int
        var block: Int
        var range: Range<Int>
        /// In blocks: how many blocks hold the case's line, and whether every one held it with
        /// this stamp and these tags, in a block of one of them.
        var copies = 1
        var agree = true
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
        return sortedByID(out)
    }

    /// Listings in the order of their ids: their ids sorted with their places, then moved once
    /// (sorting the listings themselves moved each many times).
    static func sortedByID(_ listings: [CaseListing]) -> [CaseListing] {
        var keys = listings.enumerated().map { ($0.element.id, $0.offset) }
        keys.sort { idOrder($0.0, $1.0) }
        return keys.map { listings[$0.1] }
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
