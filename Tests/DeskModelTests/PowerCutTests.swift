@testable import DeskModel
import Foundation
import XCTest

/// A power cut, not a killed process (issue 10): the operations of a working session are recorded
/// at the store's one file-system seam, and every state a power cut could leave is made on disk
/// and opened: unsynced data dropped or torn, names made or changed but not yet synced into their
/// folder kept or lost (in order, per folder), as the ALICE and CrashMonkey studies model a file
/// system. In each, `verify` passes and every save acknowledged before the cut is there.
final class PowerCutTests: XCTestCase {
    func testEveryStateAPowerCutCouldLeaveHasEveryAcknowledgedSave() throws {
        let root = tempFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let store = try CaseStore.create(at: root, directory: testDirectory(), clock: testClock)
        let first = makeCase(1)
        try store.save(first)
        let before = Snapshot(of: root)

        let log = FileOpLog()
        try FileOpLog.$current.withValue(log) {
            try Session.run(store)
        }
        let ops = log.ops
        if ProcessInfo.processInfo.environment["URJA_PRINT_OPS"] != nil {
            for (i, op) in ops.enumerated() { print(i, String(describing: op).replacingOccurrences(of: root.path, with: "").prefix(120)) }
        }
        let states = CrashStates(initial: before, root: root.path, ops: ops).all()
        var checked = 0
        for state in states {
            let folder = tempFolder("state")
            defer { try? FileManager.default.removeItem(at: folder) }
            try state.files.write(to: folder)
            let opened = try CaseStore.open(at: folder)
            let report = StoreCheck.run(opened)
            XCTAssertEqual(report.problems, [], "after op \(state.point) (\(state.variant)): \(report.problems)")
            for ack in state.acked { try Session.check(ack, in: opened, state: state) }
            checked += 1
        }
        let writes = ops.filter { if case .ack = $0 { return false } else { return true } }.count
        XCTAssertGreaterThan(checked, 100)
        print("power-cut test: \(writes) file-system operations recorded, \(checked) crash states made and checked, " +
              "\(ops.filter { if case .ack = $0 { return true } else { return false } }.count) acknowledgements")
    }
}

/// A working session at the desk, as store calls: each acknowledged step leaves a mark.
enum Session {
    static let second = makeCase(2, name: "रेखा यादव")

    static func run(_ store: CaseStore) throws {
        // A new case: its number taken, its file written.
        let number = try store.claim(second.number)
        var r = second
        r.number = number
        try store.save(r)
        FileOpLog.ack("case \(r.id) \(r.revision)")
        try AuditLog(store: store).append(AuditEntry(at: testNow, user: "asha", kind: .caseCreated, caseID: r.id, detail: "\(r.number) r\(r.revision)"))
        var lines = 1
        FileOpLog.ack("audit \(lines)")
        // Three saves over the revision read.
        for _ in 0..<3 {
            let base = r.revision
            r.revision += 1
            try r.addRemark("remark \(r.revision)", by: "asha", at: testNow)
            try store.save(r, base: base)
            FileOpLog.ack("case \(r.id) \(r.revision)")
            try AuditLog(store: store).append(AuditEntry(at: testNow, user: "asha", kind: .caseUpdated, caseID: r.id,
                                                         detail: "\(r.number) r\(r.revision)"))
            lines += 1
            FileOpLog.ack("audit \(lines)")
        }
        // A draft kept, then dropped once the intake is saved.
        try store.saveDraft(filledForm(), userID: "asha")
        FileOpLog.ack("draft asha")
        FileOpLog.ack("dropping draft")
        store.deleteDraft(userID: "asha")
        FileOpLog.ack("nodraft asha")
        // A directive on the first case, and her preferences.
        guard case .success(let d) = Directive.make(caseID: second.id, text: "meet her at home", due: "05-12-2026", by: "sp", clock: testClock) else {
            throw Directive.Problem.textTooShort
        }
        try store.updateDirectives(caseID: second.id) { $0.append(d) }
        FileOpLog.ack("directive \(second.id)")
        try store.savePrefs(UserPrefs(language: .hi), userID: "asha")
        FileOpLog.ack("prefs asha")
    }

    static func check(_ ack: String, in store: CaseStore, state: CrashStates.State) throws {
        let words = ack.split(separator: " ").map(String.init)
        let at = "after op \(state.point) (\(state.variant))"
        switch words[0] {
        case "case":
            let revision = Int(words[2]) ?? 0
            let found = store.loadCases(setAside: false).cases.first { $0.id.uuidString == words[1] }
            XCTAssertGreaterThanOrEqual(found?.revision ?? -1, revision, "\(at): acknowledged save of revision \(revision) lost")
        case "audit":
            let count = (try? AuditLog(store: store).readChain().count) ?? -1
            XCTAssertGreaterThanOrEqual(count, Int(words[1]) ?? 0, "\(at): acknowledged audit line lost")
        case "draft":
            // Until its removal begins (a removal under way may or may not have reached the disk).
            if !state.acked.contains("dropping draft") { XCTAssertNotNil(store.loadDraft(userID: "asha"), "\(at): draft lost") }
        case "dropping":
            break
        case "nodraft":
            XCTAssertNil(store.loadDraft(userID: "asha"), "\(at): a dropped draft came back")
        case "directive":
            XCTAssertEqual(store.loadDirectives()[second.id]?.count, 1, "\(at): acknowledged directive lost")
        case "prefs":
            XCTAssertEqual(store.loadPrefs(userID: "asha")?.language, .hi, "\(at): preferences lost")
        default:
            XCTFail("unknown ack \(ack)")
        }
    }
}

/// Files and folders of a store, in memory: the starting point of every crash state.
struct Snapshot {
    var files: [String: Data] = [:]
    var folders: Set<String> = []

    init() {}

    init(of root: URL) {
        let all = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isDirectoryKey])?.compactMap { $0 as? URL } ?? []
        let base = root.standardizedFileURL.path
        for url in all {
            let path = String(url.standardizedFileURL.path.dropFirst(base.count))
            if url.hasDirectoryPath { folders.insert(path) } else { files[path] = try? Data(contentsOf: url) }
        }
    }

    func write(to folder: URL) throws {
        let fm = FileManager.default
        try fm.createDirectory(at: folder, withIntermediateDirectories: true)
        for f in folders.sorted() { try fm.createDirectory(atPath: folder.path + f, withIntermediateDirectories: true) }
        for (path, data) in files {
            try fm.createDirectory(at: URL(fileURLWithPath: folder.path + path).deletingLastPathComponent(), withIntermediateDirectories: true)
            try data.write(to: URL(fileURLWithPath: folder.path + path))
        }
    }
}

/// A file system as a power cut sees it: each file's data as written (in the cache) and as last
/// synced; each folder's names as changed (in the cache) and as last synced, with the changes
/// since then waiting in order.
struct CrashStates {
    struct State {
        var point: Int
        var variant: String
        var files: Snapshot
        var acked: Set<String>
    }

    enum NameChange { case link(String, Int), unlink(String), mkdir(String), exchange(String, String) }

    var initial: Snapshot
    var root: String
    var ops: [FileOp]

    func rel(_ path: String) -> String {
        let inside = path.hasPrefix(root) ? String(path.dropFirst(root.count)) : path
        return inside.isEmpty ? "/" : inside
    }
    func parent(_ path: String) -> String { (path as NSString).deletingLastPathComponent }

    /// The model after the first `count` operations.
    struct Model {
        var cached: [Int: Data] = [:]
        var synced: [Int: Data] = [:]
        var names: [String: Int] = [:]
        var syncedNames: [String: Int] = [:]
        var folders: Set<String> = []
        var syncedFolders: Set<String> = []
        var pending: [String: [NameChange]] = [:]
        var nextInode = 0
        var lastWrite: (inode: Int, offset: Int, data: Data)?

        mutating func apply(_ change: NameChange, toSynced: Bool) {
            switch change {
            case .link(let p, let i): if toSynced { syncedNames[p] = i } else { names[p] = i }
            case .unlink(let p): if toSynced { syncedNames[p] = nil } else { names[p] = nil }
            case .mkdir(let p): if toSynced { syncedFolders.insert(p) } else { folders.insert(p) }
            // Both names at once, as one change: no state has one of them changed and not the other.
            case .exchange(let a, let b):
                if toSynced { (syncedNames[a], syncedNames[b]) = (syncedNames[b], syncedNames[a]) } else { (names[a], names[b]) = (names[b], names[a]) }
            }
        }
    }

    func model(after count: Int) -> Model {
        var m = Model()
        for (path, data) in initial.files {
            m.cached[m.nextInode] = data
            m.synced[m.nextInode] = data
            m.names[path] = m.nextInode
            m.syncedNames[path] = m.nextInode
            m.nextInode += 1
        }
        m.folders = initial.folders
        m.syncedFolders = initial.folders
        for op in ops.prefix(count) {
            m.lastWrite = nil
            switch op {
            case .create(let p):
                let path = rel(p)
                m.cached[m.nextInode] = Data()
                m.synced[m.nextInode] = Data()
                m.names[path] = m.nextInode
                m.pending[parent(path), default: []].append(.link(path, m.nextInode))
                m.nextInode += 1
            case .write(let p, let offset, let data):
                guard let i = m.names[rel(p)] else { continue }
                var bytes = m.cached[i] ?? Data()
                if bytes.count < offset + data.count { bytes.append(Data(count: offset + data.count - bytes.count)) }
                bytes.replaceSubrange(offset..<(offset + data.count), with: data)
                m.cached[i] = bytes
                m.lastWrite = (i, offset, data)
            case .fsync(let p):
                if let i = m.names[rel(p)] { m.synced[i] = m.cached[i] }
            case .truncate(let p, let size):
                if let i = m.names[rel(p)], let bytes = m.cached[i] { m.cached[i] = bytes.prefix(size) }
            case .rename(let from, let to):
                let a = rel(from), b = rel(to)
                guard let i = m.names[a] else { continue }
                m.names[b] = i
                m.names[a] = nil
                m.pending[parent(b), default: []].append(.link(b, i))
                m.pending[parent(a), default: []].append(.unlink(a))
            case .exchange(let a, let b):
                let x = rel(a), y = rel(b)
                guard m.names[x] != nil, m.names[y] != nil else { continue }
                m.apply(.exchange(x, y), toSynced: false)
                m.pending[parent(x), default: []].append(.exchange(x, y))
            case .mkdir(let p):
                let path = rel(p)
                m.folders.insert(path)
                m.pending[parent(path), default: []].append(.mkdir(path))
            case .fsyncDir(let p):
                let dir = rel(p)
                for change in m.pending[dir] ?? [] { m.apply(change, toSynced: true) }
                m.pending[dir] = nil
            case .unlink(let p):
                let path = rel(p)
                m.names[path] = nil
                m.pending[parent(path), default: []].append(.unlink(path))
            case .ack:
                break
            }
        }
        return m
    }

    func snapshot(names: [String: Int], folders: Set<String>, data: (Int) -> Data) -> Snapshot {
        var s = Snapshot()
        s.folders = folders
        for (path, i) in names {
            // A name in a folder that did not reach the disk is gone with it.
            var dir = parent(path)
            var reachable = true
            while !dir.isEmpty && dir != "/" {
                if !folders.contains(dir) { reachable = false; break }
                dir = parent(dir)
            }
            if reachable { s.files[path] = data(i) }
        }
        return s
    }

    func all() -> [State] {
        var states: [State] = []
        var acked: Set<String> = []
        for point in 0...ops.count {
            if point > 0, case .ack(let what) = ops[point - 1] { acked.insert(what); continue }
            let m = model(after: point)
            func add(_ variant: String, _ s: Snapshot) { states.append(State(point: point, variant: variant, files: s, acked: acked)) }
            // Only what was synced.
            add("synced only", snapshot(names: m.syncedNames, folders: m.syncedFolders) { m.synced[$0] ?? Data() })
            // Every name change reached the disk, data only as synced (a rename before its data).
            add("names, not data", snapshot(names: m.names, folders: m.folders) { m.synced[$0] ?? Data() })
            // Everything in the cache reached the disk but the last write, torn half-way.
            var torn = m.cached
            if let w = m.lastWrite, let synced = m.synced[w.inode] {
                var bytes = synced.count >= w.offset ? synced.prefix(w.offset) : synced
                bytes.append(w.data.prefix(w.data.count / 2))
                torn[w.inode] = bytes
            }
            add("cache, last write torn", snapshot(names: m.names, folders: m.folders) { torn[$0] ?? Data() })
            // In each folder, some of the waiting name changes, in order, and only synced data.
            for (dir, changes) in m.pending where changes.count > 1 {
                for keep in 1..<changes.count {
                    var partial = m
                    for change in changes.prefix(keep) { partial.apply(change, toSynced: true) }
                    add("\(keep) of \(changes.count) name changes in \(dir)",
                        snapshot(names: partial.syncedNames, folders: partial.syncedFolders) { partial.synced[$0] ?? Data() })
                }
            }
        }
        return states
    }
}
