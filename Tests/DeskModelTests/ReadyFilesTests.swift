@testable import DemoData
@testable import DeskModel
import Foundation
import XCTest

/// A save writes into a file made ready for it (`ReadyFiles`): case files are a whole number of
/// blocks long, every reader reads them as before, and a ready file is never a leftover while its
/// desk runs, nor kept after it.
final class ReadyFilesTests: XCTestCase {
    // Each test starts with none ready (other tests' stores, gone, may have left some in the pool).
    override func setUp() {
        ReadyFiles.settle()
        ReadyFiles.discardAll()
    }

    override func tearDown() {
        ReadyFiles.settle()
        ReadyFiles.discardAll()
    }

    /// After the first save of a case, the next writes over a ready file: no new file is made for
    /// it, its data alone is synced, then its name and the case's are exchanged in one step and the
    /// folder synced. The version replaced is then the ready file the next save writes over.
    func testASaveAfterTheFirstWritesIntoAReadyFile() throws {
        let root = tempFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let store = try DemoStore.createEncrypted(at: root, directory: DemoStoryTests.seeds(), count: 4, seed: 5,
                                                  clock: testClock, rounds: 1_000).store
        guard var record = store.loadCases(setAside: false).cases.first else { return XCTFail("no case") }
        let casePath = store.caseURL(record.id).path
        let log = FileOpLog()
        try FileOpLog.$current.withValue(log) {
            for _ in 0..<3 {
                record.revision += 1
                try store.save(record, base: record.revision - 1)
                FileOpLog.ack("saved \(record.revision)")
            }
        }
        let ops = log.ops
        let acks = ops.indices.filter { if case .ack = ops[$0] { return true } else { return false } }
        XCTAssertEqual(acks.count, 3)
        // The second and third saves: what each did to the cases folder between the ack before it and its own.
        var written: [String] = []
        for (from, to) in zip(acks, acks.dropFirst()) {
            let save = Array(ops[(from + 1)..<to])
            guard let rename = save.firstIndex(where: { if case .exchange(_, let target) = $0 { return target == casePath } else { return false } }),
                  case .exchange(let ready, _) = save[rename] else { return XCTFail("no exchange with the case in \(save)") }
            XCTAssertTrue((ready as NSString).lastPathComponent.hasPrefix(".ready."), "renamed from \(ready)")
            let before = save[..<rename]
            XCTAssertFalse(before.contains(.create(ready)), "the file written was made by the save itself")
            XCTAssertTrue(before.contains { if case .write(ready, 0, _) = $0 { return true } else { return false } })
            XCTAssertTrue(before.contains(.fsync(ready)))
            XCTAssertTrue(save[rename...].contains(.fsyncDir(store.casesDir.path)))
            written.append(ready)
        }
        XCTAssertEqual(written.count, 2)
        XCTAssertEqual(Set(written).count, 1, "the third save wrote over the version the second replaced")
        // What was written is the case, a whole number of blocks long, read by the desk and by Foundation.
        let bytes = try Data(contentsOf: store.caseURL(record.id))
        XCTAssertEqual(bytes.count % ReadyFiles.block, 0)
        XCTAssertEqual(try store.readCase(at: store.caseURL(record.id)), record)
        guard let sealer = store.sealer else { return XCTFail("not sealed") }
        let plain = try sealer.open(bytes, binding: store.caseBinding(record.id))
        XCTAssertEqual(try PropertyListDecoder().decode(CaseRecord.self, from: plain), record)
    }

    /// A plist made a given length reads as the same value with both decoders, at every length from
    /// its natural one up, across the widths of the offset table; a length no width gives is refused
    /// (the natural length kept).
    func testAPaddedPlistReadsTheSameAtEveryLength() throws {
        let records = DemoGenerator(seed: 9, count: 3, clock: testClock).cases(directory: try DemoStoryTests.seeds())
        for record in records {
            let natural = try BinaryPlistEncoder.encode(record).count
            var made = 0
            for wanted in stride(from: natural, through: natural + 70_000, by: 997) {
                guard let data = BinaryPlistEncoder.fastEncode(record, fileSize: { _ in wanted }) else { return XCTFail("refused") }
                if data.count == wanted { made += 1 } else { XCTAssertEqual(data.count, natural) }
                XCTAssertNoThrow(try BinaryPlist([UInt8](data)), "the desk's own reader, at \(wanted)")
                XCTAssertEqual(try BinaryPlistDecoder.decode(CaseRecord.self, from: data), record, "at \(wanted)")
                XCTAssertEqual(try PropertyListDecoder().decode(CaseRecord.self, from: data), record, "at \(wanted)")
            }
            XCTAssertGreaterThan(made, 60)
        }
        // A gap that would need the table's offsets wider than its start allows: no width fits.
        XCTAssertNil(BinaryPlistEncoder.State.padded(end: 200, objects: 10, length: 32 + 10 + 256 + 5))
        XCTAssertEqual(BinaryPlistEncoder.State.padded(end: 200, objects: 10, length: 32 + 10 + 250)?.start, 250)
        XCTAssertEqual(BinaryPlistEncoder.State.padded(end: 200, objects: 10, length: 32 + 20 + 4_000)?.width, 2)
    }

    /// A live desk's ready files are not leftovers (`verify` does not count them); they are gone
    /// when it ends; one left by a desk that is gone is a leftover, swept like any other.
    func testReadyFilesAreNeverLeftoversOfALiveDesk() throws {
        let root = tempFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let store = try CaseStore.create(at: root, directory: testDirectory(), clock: testClock)
        try store.save(makeCase(1))
        ReadyFiles.settle()
        let names = { (try? FileManager.default.contentsOfDirectory(atPath: store.casesDir.path)) ?? [] }
        let ready = names().filter { $0.hasPrefix(".ready.\(getpid()).") }
        XCTAssertEqual(ready.count, ReadyFiles.perSize)
        XCTAssertEqual(store.leftoverTemporaries(), [])
        XCTAssertEqual(StoreCheck.run(store).leftoverTemporaries, 0)
        XCTAssertEqual(store.loadCases(setAside: false).cases.count, 1)
        ReadyFiles.discardAll()
        XCTAssertEqual(names().filter { $0.hasPrefix(".ready.") }, [])
        // One of a process that is gone.
        let gone = store.casesDir.appendingPathComponent(".ready.999999999.1.tmp")
        try Data(count: ReadyFiles.block).write(to: gone)
        XCTAssertEqual(store.leftoverTemporaries().map(\.lastPathComponent), [gone.lastPathComponent])
        XCTAssertEqual(store.sweepTemporaries(), 1)
    }

    /// A ready file removed by hand (or replaced) is never written into: the save makes its own
    /// file and goes through.
    func testAReadyFileRemovedByHandIsPassedOver() throws {
        let root = tempFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let store = try CaseStore.create(at: root, directory: testDirectory(), clock: testClock)
        var record = makeCase(1)
        try store.save(record)
        ReadyFiles.settle()
        let names = { (try? FileManager.default.contentsOfDirectory(atPath: store.casesDir.path)) ?? [] }
        let ready = names().filter { $0.hasPrefix(".ready.") }
        XCTAssertFalse(ready.isEmpty)
        for name in ready { try FileManager.default.removeItem(at: store.casesDir.appendingPathComponent(name)) }
        record.revision += 1
        XCTAssertNoThrow(try store.save(record, base: record.revision - 1))
        XCTAssertEqual(try store.readCase(at: store.caseURL(record.id)).revision, record.revision)
    }

    /// Saves in quick succession write over the versions they replaced (two files, in turn): a case
    /// file's stamp is never one it had before, so another desk's save over a revision it read is
    /// still refused (a stamp that came back would say "unchanged since you read it").
    func testAStampNeverComesBack() throws {
        let root = tempFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let store = try CaseStore.create(at: root, directory: testDirectory(), clock: testClock)
        var record = makeCase(1)
        try store.save(record)
        try store.save(record)   // its file now a whole number of blocks long: the same length from here on
        ReadyFiles.settle()
        var seen: Set<ListIndex.Stamp> = []
        var inodes: Set<UInt64> = []
        for _ in 0..<40 {
            record.revision += 1
            let stamp = try XCTUnwrap(store.save(record, base: record.revision - 1))
            XCTAssertTrue(seen.insert(stamp).inserted, "a stamp came back: \(stamp.text)")
            inodes.insert(stamp.inode)
        }
        XCTAssertLessThanOrEqual(inodes.count, 3, "saves write over the versions they replaced")
        // Another desk read it at a revision; two quick saves since bring its inode back.
        let (read, readStamp) = try XCTUnwrap(store.reloadStamped(record.id))
        for _ in 0..<2 {
            record.revision += 1
            try store.save(record, base: record.revision - 1)
        }
        var hers = read
        hers.revision += 1
        XCTAssertThrowsError(try store.save(hers, base: read.revision, readStamp: readStamp)) { error in
            guard case SaveConflict.stale(let onDisk) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(onDisk.revision, record.revision)
        }
    }

    /// A case file with a second name (a hard link made to another file of the store) is never kept
    /// to be written over: the save replaces the name, and the other file is left as it was.
    func testAHardLinkedCaseFileIsNotWrittenOver() throws {
        let root = tempFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let store = try CaseStore.create(at: root, directory: testDirectory(), clock: testClock)
        var record = makeCase(1)
        try store.save(record)
        try store.save(record)
        // The case's file is also the store's settings file, by a hard link.
        let other = root.appendingPathComponent("settings.plist")
        try? FileManager.default.removeItem(at: other)
        XCTAssertEqual(link(store.caseURL(record.id).path, other.path), 0)
        let before = try Data(contentsOf: other)
        // Room in the pool for the version replaced, were it kept.
        ReadyFiles.settle()
        ReadyFiles.discardAll()
        for _ in 0..<4 {
            record.revision += 1
            try store.save(record, base: record.revision - 1)
        }
        ReadyFiles.settle()
        XCTAssertEqual(try Data(contentsOf: other), before, "the other name's file was written over")
        XCTAssertEqual(try store.readCase(at: store.caseURL(record.id)).revision, record.revision)
    }
}
