import DemoData
import DeskModel
import DeskUI
import Foundation
import XCTest

/// The desk's own open on a sealed store: her stations' lines read from the list index at once,
/// and the check against the case files run beside her. Whatever happened to the store (edits by
/// another terminal, transfers to and from her station, saves whose line never made it, case
/// files and the index damaged at random), once the check is taken in her lists agree with the
/// records she may see, and the next open needs nothing mended.
final class DeskOpenAgreementTests: XCTestCase {
    var root: URL!

    override func tearDown() {
        if let root { try? FileManager.default.removeItem(at: root) }
    }

    func signedIn() throws -> DeskContext {
        let res = try DeskResources.load()
        let ctx = try DeskContext(store: try CaseStore.open(at: root), clock: SystemClock(), strings: res.strings, keymap: res.keymap,
                                  help: res.help)
        guard case .accepted = ctx.signIn(name: "asha", pin: "1111") else { throw XCTSkip("asha could not sign in") }
        return ctx
    }

    func unlocked() throws -> CaseStore {
        let s = try CaseStore.open(at: root)
        let ring = try XCTUnwrap(s.loadKeyRing())
        return s.unlocked(with: try ring.unlock(user: "asha", secret: "1111"))
    }

    func assertAgrees(_ round: Int, file: StaticString = #filePath, line: UInt = #line) throws {
        let ctx = try signedIn()
        XCTAssertEqual(ctx.repository.loadedStations, ["VJN"], "her station's lines only", file: file, line: line)
        ctx.repository.settle()
        let store = try unlocked()
        let records = store.loadCases(setAside: false)
        XCTAssertTrue(records.damaged.isEmpty, "round \(round): a damaged file was left in cases/", file: file, line: line)
        let hers = records.cases.filter { $0.stationID == "VJN" || $0.transfers.last.map { $0.state == .pending && $0.to == "VJN" } == true }
        XCTAssertEqual(Set(ctx.listings.map(ListIndexAgreementTests.key)), Set(hers.map { ListIndexAgreementTests.key(CaseListing($0)) }),
                       "round \(round): her lists disagree with the records", file: file, line: line)
        // Mended for her: her lines all open and every file has its line. (A damaged line of
        // another station's case is opened, and mended, by a desk of that station.)
        let index = ListIndex(store: store)
        let loaded = index.load(stations: ["VJN"])
        XCTAssertEqual(loaded.unreadable, [], "round \(round): a line of hers does not open", file: file, line: line)
        XCTAssertEqual(index.check(stations: ["VJN"], setAside: false, mend: false).decoded, 0,
                       "round \(round): the index was not mended", file: file, line: line)
        XCTAssertEqual(Set(loaded.listings.map(ListIndexAgreementTests.key)), Set(ctx.listings.map(ListIndexAgreementTests.key)),
                       file: file, line: line)
        let review = SummaryIndex(store: store).load()?.summaries ?? []
        XCTAssertEqual(Dictionary(review.map { ($0.id, $0.revision) }, uniquingKeysWith: { _, b in b }),
                       Dictionary(records.cases.map { ($0.id, $0.revision) }, uniquingKeysWith: { _, b in b }),
                       "round \(round): the review index disagrees", file: file, line: line)
    }

    func testHerListsAgreeWithTheRecordsOnceTheCheckIsTakenIn() throws {
        root = Binary.tempStore()
        let made = try Binary.run(["demo", "--store", root.path, "--cases", "40", "--seed", "21"])
        XCTAssertEqual(made.status, 0, made.stderr)
        var rng = SeededRandom(seed: 21)
        try assertAgrees(-1)
        for round in 0..<20 {
            let store = try unlocked()
            let casesDir = root.appendingPathComponent("cases")
            let files = try FileManager.default.contentsOfDirectory(atPath: casesDir.path).filter { $0.hasSuffix(".plist") }.sorted()
            let idx = root.appendingPathComponent(ListIndex.fileName)
            let pick = files.randomElement(using: &rng).flatMap { UUID(uuidString: String($0.dropLast(6))) }.flatMap(store.reload)
            switch round % 5 {
            case 0:
                // Another terminal's edit.
                if var r = pick {
                    let base = r.revision
                    r.identity.name += " Devi"
                    r.revision += 1
                    try store.save(r, base: base)
                }
            case 1:
                // A transfer asked to her station, or one of hers sent elsewhere, or answered.
                if var r = pick {
                    let base = r.revision
                    if let last = r.transfers.indices.last, r.transfers[last].state == .pending {
                        r.transfers[last].state = .declined
                    } else {
                        r.transfers.append(Transfer(to: r.stationID == "VJN" ? "MHW" : "VJN", asked: Day(Date()), by: "asha"))
                    }
                    r.revision += 1
                    try store.save(r, base: base)
                }
            case 2:
                if let name = files.randomElement(using: &rng) { try ListIndexAgreementTests.damage(casesDir.appendingPathComponent(name), rng: &rng) }
            case 3:
                if rng.next() % 3 == 0 { try? FileManager.default.removeItem(at: idx) } else { try ListIndexAgreementTests.damage(idx, rng: &rng) }
            default:
                // A save whose list line never made it.
                let before = FileManager.default.contents(atPath: idx.path)
                if var r = pick {
                    let base = r.revision
                    r.identity.phone = "98765" + String(10_000 + round)
                    r.revision += 1
                    try store.save(r, base: base)
                    if let before { try before.write(to: idx) }
                }
            }
            try assertAgrees(round)
        }
    }
}
