import DemoData
import DeskModel
import DeskUI
import Foundation
import XCTest

/// The list index (`list.idx`) is derived from the case files and never trusted blindly: whatever
/// happens to the store — edits, the real binary killed mid-save, case files and the index itself
/// damaged at random — what a desk reads at its next open agrees with the records themselves.
final class ListIndexAgreementTests: XCTestCase {
    var store: URL!

    override func tearDown() {
        if let store { try? FileManager.default.removeItem(at: store) }
    }

    /// What the lists show of a case, as text: every field, the report time to the millisecond.
    static func key(_ l: CaseListing) -> String {
        let s = l.summary
        func ms(_ d: Date) -> String { String(Int((d.timeIntervalSince1970 * 1000).rounded())) }
        var parts: [String] = [l.id.uuidString, String(l.revision), l.number.description, l.name, l.phone ?? "-", l.address]
        parts.append(l.openAlertRaisedAt.map(ms) ?? "-")
        parts.append(ms(s.reportedAt))
        parts += [s.stationID, s.status.rawValue, s.category.rawValue, s.arrival.rawValue, s.age.map(String.init) ?? "-"]
        parts += [s.risk.rawValue, s.countable ? "c" : "n", s.alertOpen ? "A" : "-", String(s.steps.count)]
        parts.append(s.sessionDays.map(\.description).joined(separator: ","))
        parts.append(s.nextSession?.description ?? "-")
        parts.append(s.screeningDays.map(\.description).joined(separator: ","))
        parts.append(s.steps.map { $0.status.rawValue + $0.referral.rawValue }.joined(separator: ","))
        parts += [s.firDay?.description ?? "-", s.complaint.rawValue, s.offenceCodes.joined(separator: ","), s.outcome.rawValue]
        parts.append(s.childDuty?.rawValue ?? "-")
        return parts.joined(separator: "|")
    }

    /// Opens the store as a desk does and checks its listings against every record read whole.
    func assertAgrees(_ round: Int, file: StaticString = #filePath, line: UInt = #line) throws {
        let opened = try CaseStore.open(at: store)
        let res = try DeskResources.load()
        let ctx = try DeskContext(store: opened, clock: SystemClock(), strings: res.strings, keymap: res.keymap, help: res.help)
        let listed = ctx.listings   // the list index read, checked against the files, mended; damaged set aside
        let load = opened.loadCases(setAside: false)
        XCTAssertTrue(load.damaged.isEmpty, "round \(round): a damaged file was left in cases/", file: file, line: line)
        XCTAssertEqual(Set(listed.map(Self.key)), Set(load.cases.map { Self.key(CaseListing($0)) }),
                       "round \(round): the lists disagree with the records", file: file, line: line)
        XCTAssertEqual(listed.count, load.cases.count, file: file, line: line)
        // The index was mended: the next open decodes nothing.
        let again = ListIndex(store: opened).open(setAside: false)
        XCTAssertEqual(again.decoded, 0, "round \(round): the index was not mended", file: file, line: line)
        XCTAssertEqual(Set(again.listings.map(Self.key)), Set(listed.map(Self.key)), file: file, line: line)
        // And the review index agrees with the records too.
        let review = SummaryIndex(store: opened).load()?.summaries ?? []
        XCTAssertEqual(Dictionary(review.map { ($0.id, $0.revision) }, uniquingKeysWith: { _, b in b }),
                       Dictionary(load.cases.map { ($0.id, $0.revision) }, uniquingKeysWith: { _, b in b }),
                       "round \(round): the review index disagrees", file: file, line: line)
    }

    func killMidSave(_ round: Int, rng: inout SeededRandom) throws {
        let p = Process()
        p.executableURL = Binary.url
        p.arguments = ["stress-save", "--store", store.path, "--worker", "k\(round)", "--seed", String(round + 1)]
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        p.standardInput = FileHandle.nullDevice
        try p.run()
        Thread.sleep(forTimeInterval: 0.03 + Double(rng.next() % 200) / 1000)
        kill(p.processIdentifier, SIGKILL)
        p.waitUntilExit()
    }

    /// One file changed behind the desk's back: a byte flipped, cut short, emptied, removed, or
    /// another case's file put in its place.
    static func damage(_ url: URL, rng: inout SeededRandom) throws {
        let fm = FileManager.default
        guard var bytes = fm.contents(atPath: url.path).map([UInt8].init), !bytes.isEmpty else { return }
        switch rng.next() % 5 {
        case 0: bytes[Int(rng.next() % UInt64(bytes.count))] ^= 0x41
        case 1: bytes = Array(bytes.prefix(Int(rng.next() % UInt64(bytes.count))))
        case 2: bytes = []
        case 3: try fm.removeItem(at: url); return
        default:
            let others = try fm.contentsOfDirectory(atPath: url.deletingLastPathComponent().path).filter { $0.hasSuffix(".plist") }
            guard let other = others.randomElement(using: &rng), let data = fm.contents(atPath: url.deletingLastPathComponent()
                .appendingPathComponent(other).path) else { return }
            bytes = [UInt8](data)
        }
        try Data(bytes).write(to: url)
    }

    func testTheListsAlwaysAgreeWithTheRecordsAfterTheNextOpen() throws {
        store = Binary.tempStore()
        let made = try Binary.run(["demo", "--store", store.path, "--cases", "30", "--seed", "12", "--plain"])
        XCTAssertEqual(made.status, 0, made.stderr)
        var rng = SeededRandom(seed: 12)
        try assertAgrees(-1)
        for round in 0..<36 {
            let casesDir = store.appendingPathComponent("cases")
            let files = try FileManager.default.contentsOfDirectory(atPath: casesDir.path).filter { $0.hasSuffix(".plist") }.sorted()
            switch round % 6 {
            case 0, 3:
                try killMidSave(round, rng: &rng)
            case 1:
                // An edit made by another terminal (in this process): a new revision and its lines.
                let s = try CaseStore.open(at: store)
                if let name = files.randomElement(using: &rng), let id = UUID(uuidString: String(name.dropLast(6))),
                   var r = s.reload(id) {
                    let base = r.revision
                    r.identity.name += " Devi"
                    r.status = .counselling
                    r.revision += 1
                    try s.save(r, base: base)
                }
            case 2:
                if let name = files.randomElement(using: &rng) { try Self.damage(casesDir.appendingPathComponent(name), rng: &rng) }
            case 4:
                // The index itself damaged: a byte flipped, cut mid-line, or gone.
                let idx = store.appendingPathComponent(ListIndex.fileName)
                if rng.next() % 3 == 0 { try? FileManager.default.removeItem(at: idx) } else { try Self.damage(idx, rng: &rng) }
            default:
                // A save whose list line never made it (a crash between the case and its line).
                let s = try CaseStore.open(at: store)
                let idx = store.appendingPathComponent(ListIndex.fileName)
                let before = FileManager.default.contents(atPath: idx.path)
                if let name = files.randomElement(using: &rng), let id = UUID(uuidString: String(name.dropLast(6))),
                   var r = s.reload(id) {
                    let base = r.revision
                    r.identity.phone = "98765" + String(10_000 + round)
                    r.revision += 1
                    try s.save(r, base: base)
                    if let before { try before.write(to: idx) }
                }
            }
            try assertAgrees(round)
        }
    }
}
