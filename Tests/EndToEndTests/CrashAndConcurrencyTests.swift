import DeskModel
import Foundation
import XCTest

/// A killed process and two terminals on one store: the real binary saving, killed with SIGKILL
/// at random moments, or two of them saving the same cases at once. Nothing acknowledged is lost.
/// SIGKILL ends the process, not the machine: what it wrote stays in the kernel's page cache and
/// reaches the disk later, so the kill test checks that a save is never seen half-done (temporary
/// file, rename, the audit chain) — not that fsync made it durable against a power cut.
final class CrashAndConcurrencyTests: XCTestCase {
    var store: URL!

    override func setUpWithError() throws {
        store = Binary.tempStore()
        let made = try Binary.run(["demo", "--store", store.path, "--cases", "12", "--seed", "8", "--plain"])
        XCTAssertEqual(made.status, 0, made.stderr)
    }

    override func tearDown() {
        if let store { try? FileManager.default.removeItem(at: store) }
    }

    /// A writer process; its standard output is collected as it goes. `pin` signs it in (a sealed store).
    func start(_ args: [String], pin: String? = nil) throws -> (Process, Pipe) {
        let p = Process()
        p.executableURL = Binary.url
        p.arguments = ["stress-save", "--store", store.path] + args
        let out = Pipe(), inp = Pipe()
        p.standardOutput = out
        p.standardError = FileHandle.nullDevice
        p.standardInput = inp
        try p.run()
        if let pin { inp.fileHandleForWriting.write(Data((pin + "\n").utf8)) }
        try? inp.fileHandleForWriting.close()
        return (p, out)
    }

    /// The acknowledged saves in a writer's output: (case, token).
    func acks(_ text: String) -> [(UUID, String)] {
        text.split(separator: "\n").compactMap { line in
            let parts = line.split(separator: " ")
            guard parts.count == 3, parts[0] == "ack", let id = UUID(uuidString: String(parts[1])) else { return nil }
            return (id, String(parts[2]))
        }
    }

    /// Every acknowledged token is a remark on its case, on disk now.
    func assertKept(_ acked: [(UUID, String)], in opened: CaseStore? = nil, file: StaticString = #filePath, line: UInt = #line) throws -> Int {
        let s = try opened ?? CaseStore.open(at: store)
        let cases = Dictionary(uniqueKeysWithValues: s.loadCases(setAside: false).cases.map { ($0.id, $0) })
        for (id, token) in acked {
            let remarks = cases[id]?.events.filter { $0.kind == .remark }.map(\.detail) ?? []
            XCTAssertTrue(remarks.contains("stress \(token)"), "acknowledged save \(token) of \(id) lost", file: file, line: line)
        }
        return acked.count
    }

    /// Kills the writer with SIGKILL a random moment after its first acknowledged save (so a
    /// loaded machine, slow to start the writer, still kills it mid-save and not before its first
    /// save), and returns everything it printed.
    func killAfterFirstAck(_ p: Process, _ out: Pipe, within range: ClosedRange<Double>, rng: inout SystemRandomNumberGenerator) -> String {
        let collected = Collected()
        out.fileHandleForReading.readabilityHandler = { h in collected.add(h.availableData) }
        let deadline = Date().addingTimeInterval(30)
        while !collected.text.contains("ack "), p.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.005) }
        Thread.sleep(forTimeInterval: Double.random(in: range, using: &rng))
        kill(p.processIdentifier, SIGKILL)
        p.waitUntilExit()
        out.fileHandleForReading.readabilityHandler = nil
        collected.add(out.fileHandleForReading.readDataToEndOfFile())
        return collected.text
    }

    /// SIGKILL mid-save, 120 times (a process kill, not a power cut: see the class comment).
    func testKilledMidSaveLosesNothingAcknowledged() throws {
        var kills = 0, checked = 0, all: [(UUID, String)] = []
        var rng = SystemRandomNumberGenerator()
        for round in 0..<120 {
            let (p, out) = try start(["--worker", "k\(round)", "--seed", String(round + 1)])
            let printed = killAfterFirstAck(p, out, within: 0...0.05, rng: &rng)
            kills += 1
            all += acks(printed)
            // After every kill: the store checks clean (cases, drafts, audit chain) and nothing
            // acknowledged so far is missing.
            let report = StoreCheck.run(try CaseStore.open(at: store))
            XCTAssertTrue(report.isClean, "after kill \(round): \(report.problems)")
            if round % 10 == 9 || round == 119 { checked = try assertKept(all) }
        }
        XCTAssertGreaterThan(checked, 100, "enough saves were acknowledged to mean something")
        print("crash test: kills tried \(kills), acknowledged saves checked \(checked), store verified after every kill")
    }

    /// The same on a sealed store (records, drafts and the audit head written with the key): the
    /// writer signs in as the desk officer first, so it lives longer before the kill.
    func testKilledMidSaveOnASealedStoreLosesNothingAcknowledged() throws {
        try? FileManager.default.removeItem(at: store)
        let made = try Binary.run(["demo", "--store", store.path, "--cases", "12", "--seed", "8"])
        XCTAssertEqual(made.status, 0, made.stderr)
        let closed = try CaseStore.open(at: store)
        let opened = closed.unlocked(with: try XCTUnwrap(closed.loadKeyRing()).unlock(user: "asha", secret: "1111"))
        var all: [(UUID, String)] = [], checked = 0
        var rng = SystemRandomNumberGenerator()
        let rounds = 24
        for round in 0..<rounds {
            let (p, out) = try start(["--user", "asha", "--worker", "s\(round)", "--seed", String(round + 1), "--cases", "6"], pin: "1111")
            let printed = killAfterFirstAck(p, out, within: 0...0.1, rng: &rng)
            all += acks(printed)
            let report = StoreCheck.run(opened)
            XCTAssertTrue(report.isClean, "after kill \(round): \(report.problems)")
        }
        checked = try assertKept(all, in: opened)
        XCTAssertGreaterThan(checked, 20, "enough saves were acknowledged to mean something")
        print("sealed crash test: kills \(rounds), acknowledged saves checked \(checked), store verified with the key after every kill")
    }

    func testTwoProcessesSavingTheSameCasesLoseNothing() throws {
        // Both on the first six cases (the same cases, often at once), each 250 saves.
        let (a, outA) = try start(["--worker", "a", "--seed", "11", "--saves", "250", "--cases", "6"])
        let (b, outB) = try start(["--worker", "b", "--seed", "22", "--saves", "250", "--cases", "6"])
        let textA = String(decoding: outA.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let textB = String(decoding: outB.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        a.waitUntilExit()
        b.waitUntilExit()
        XCTAssertEqual(a.terminationStatus, 0)
        XCTAssertEqual(b.terminationStatus, 0)
        let checked = try assertKept(acks(textA) + acks(textB))
        XCTAssertEqual(checked, 500)
        func conflicts(_ t: String) -> Int {
            Int(t.split(separator: "\n").last?.split(separator: "=").last.map(String.init) ?? "") ?? 0
        }
        XCTAssertTrue(StoreCheck.run(try CaseStore.open(at: store)).isClean)
        XCTAssertTrue(textA.contains("done saves=250 ") && textB.contains("done saves=250 "), "both writers finished")
        // Each writer saves over the copy it holds, so the other's saves make it stale: the
        // conflict path must have run (and every save acknowledged after it is kept, above).
        let stale = conflicts(textA) + conflicts(textB)
        XCTAssertGreaterThan(stale, 0, "stale saves were detected and retried")
        print("two-process test: saves checked \(checked), stale saves detected and retried \(stale)")
    }
}

/// What a writer has printed so far, gathered on the pipe's reading thread.
final class Collected: @unchecked Sendable {
    private let lock = NSLock()
    private var data = Data()
    func add(_ more: Data) { lock.lock(); data.append(more); lock.unlock() }
    var text: String { lock.lock(); defer { lock.unlock() }; return String(decoding: data, as: UTF8.self) }
}
