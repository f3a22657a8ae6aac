@testable import DeskModel
@testable import DeskUI
import DemoData
import Foundation
import XCTest

/// The overview and the reports counted straight from the review index's lines (`SummaryIndex.fold`),
/// each line decoded into one reused summary: the counts must be exactly those of the summaries
/// themselves, whatever the lines before a line held.
final class SummaryFoldTests: XCTestCase {
    var root: URL!

    override func tearDown() {
        if let root { try? FileManager.default.removeItem(at: root) }
    }

    func sealedStore(_ count: Int) throws -> CaseStore {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("urja-fold-\(UUID().uuidString)")
        return try DemoStore.createEncrypted(at: root, directory: Harness.directory(), count: count, seed: 11, clock: testClock,
                                             rounds: 1000).store
    }

    /// Lines of every kind (s1, s2, s3; with and without steps, paths, sections, a child's duty)
    /// read in a shuffled order into one summary give, line by line, what a fresh read gives.
    func testEveryLineReadIntoOneSummaryIsReadAsIfAlone() throws {
        let store = try sealedStore(120)
        let repo = CaseRepository(store: store)
        repo.open()
        var lines: [String] = []
        for l in repo.listings {
            let line = SummaryLine.encode(l.summary)
            lines.append(line)
            // The same case as an older desk wrote it: s2 (no paths), s1 (no sections, outcome, duty).
            var f = line.components(separatedBy: "\t")
            f[0] = "s2"
            lines.append(f.dropLast().joined(separator: "\t"))
            f[0] = "s1"
            lines.append(f.prefix(22).joined(separator: "\t"))
        }
        XCTAssertGreaterThan(Set(repo.listings.map { $0.summary.steps.count }).count, 1, "cases with and without steps")
        XCTAssertTrue(repo.listings.contains { !$0.summary.paths.encoded.isEmpty }, "cases with paths")
        XCTAssertTrue(repo.listings.contains { $0.summary.paths.encoded.isEmpty }, "cases without")
        var random = SeededRandom(seed: 7)
        var order = Array(lines.indices)
        for i in order.indices.reversed() where i > 0 { order.swapAt(i, Int.random(in: 0...i, using: &random)) }
        var reused = CaseSummary.blank()
        var scratch = SummaryLine.Scratch(remember: true)
        var checked = 0
        for i in order {
            let bytes = Array(lines[i].utf8)
            let alone = SummaryLine.decode(Substring(lines[i]))
            let read = bytes.withUnsafeBufferPointer { SummaryLine.decode(bytes: $0[...], into: &reused, scratch: &scratch) }
            XCTAssertEqual(read, alone != nil)
            guard let alone else { continue }
            XCTAssertEqual(reused, alone, "line \(i)")
            // Byte for byte as well (String's == is canonical equivalence).
            XCTAssertEqual(Array(SummaryLine.encode(reused).utf8), Array(SummaryLine.encode(alone).utf8))
            checked += 1
        }
        XCTAssertEqual(checked, lines.count)
        // A line that does not parse, read after good ones, is still refused.
        var broken = lines[0].components(separatedBy: "\t")
        broken[6] = "nonsense"
        XCTAssertFalse(Array(broken.joined(separator: "\t").utf8).withUnsafeBufferPointer {
            SummaryLine.decode(bytes: $0[...], into: &reused, scratch: &scratch)
        })
    }

    /// The month's report and the SP's overview counted from the lines equal the same counted from
    /// the summaries, for every month of the year, for one station and for all, with lines after
    /// the blocks (saves, one case moved to another station) where the last line of a case wins.
    func testCountsFromTheLinesAreTheCountsOfTheSummaries() throws {
        let store = try sealedStore(300)
        let repo = CaseRepository(store: store)
        repo.open()
        repo.settle()
        // Saves after the blocks were written: a session logged on some cases, one case moved.
        let now = testClock.now()
        var moved: UUID?
        for (n, l) in repo.listings.prefix(12).enumerated() {
            guard var r = repo.record(l.id) else { continue }
            if n == 0 {
                r.stationID = r.stationID == "VJN" ? "MHK" : "VJN"
                moved = r.id
            } else {
                r.status = n % 3 == 0 ? .closed : .counselling
            }
            try repo.save(r, .care("test"), now: now)
        }
        let index = SummaryIndex(store: store)
        IndexLines.settle()
        let file = try Data(contentsOf: index.url)
        XCTAssertGreaterThan(BlockFile.lineRanges([UInt8](file[(file.firstIndex(of: 10) ?? 0)...])).count, 11, "lines after the blocks")
        let summaries = try XCTUnwrap(index.load()).summaries
        XCTAssertEqual(summaries.count, 300)
        XCTAssertNotNil(moved.flatMap { id in summaries.first { $0.id == id } })
        let stations = try Harness.directory().stations.map(\.id)
        let today = Day(now)
        for scope in [stations, ["VJN"], ["MHK", "VJN"]] {
            for month in 1...12 {
                let p = try XCTUnwrap(ReportPeriod.month(today.year, month))
                let made = Report.make(summaries, period: p, stationIDs: scope, today: today)
                let folded = try XCTUnwrap(index.fold(stations: Set(scope), from: Report.Tally(period: p, stationIDs: scope, today: today)))
                XCTAssertEqual(folded.report, made, "\(scope) \(month)")
            }
            XCTAssertGreaterThan(Report.make(summaries, period: try XCTUnwrap(ReportPeriod.month(today.year, today.month)),
                                             stationIDs: scope, today: today).counted, 0, "the month counts cases")
            let start = OverviewTally(stationIDs: scope, today: today, settings: ReviewSettings())
            let folded = try XCTUnwrap(index.fold(stations: Set(scope), from: start))
            let mine = summaries.filter { scope.contains($0.stationID) }
            XCTAssertEqual(folded.rows, StationOverview.rows(stationIDs: scope, summaries: mine, today: today, now: now,
                                                             settings: ReviewSettings()), "\(scope)")
            XCTAssertEqual(folded.months.bars, ChartData.newByMonth(mine, stationIDs: Set(scope), last: today))
            XCTAssertEqual(folded.closureRequests.map(\.number).sorted(),
                           mine.filter(\.paths.closureRequested).map(\.number).sorted())
            XCTAssertGreaterThan(folded.rows.map(\.open).reduce(0, +), 0)
        }
        // The cases the caller holds fresher copies of are left to it.
        let skip = Set(summaries.prefix(40).map(\.id))
        let counted = try XCTUnwrap(index.fold(stations: nil, from: CaseCount())).cases
        XCTAssertEqual(counted, 300, "each case once, from its last line")
        let skipped = try XCTUnwrap(index.fold(stations: nil, skipping: skip, from: CaseCount())).cases
        XCTAssertEqual(skipped, 260)
    }
}

/// Without the key, a station's sealed block can be copied and listed twice in the index's clear
/// table: it opens, so counting from the lines would count her cases twice. The count refuses such
/// an index (the overview reads it case by case) and her desk's check writes it anew.
final class ReviewIndexDoubledBlockTests: XCTestCase {
    var root: URL!

    override func tearDown() {
        if let root { try? FileManager.default.removeItem(at: root) }
    }

    func testAStationsBlockListedTwiceIsNotCountedTwiceAndIsWrittenAnew() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("urja-doubled-\(UUID().uuidString)")
        let store = try DemoStore.createEncrypted(at: root, directory: Harness.directory(), count: 40, seed: 5, clock: testClock,
                                                  rounds: 1000).store
        CaseRepository(store: store).open()
        let index = SummaryIndex(store: store)
        let vjn = try XCTUnwrap(index.latest(stations: ["VJN"])).byID.count
        XCTAssertGreaterThan(vjn, 0)
        XCTAssertEqual(index.fold(stations: ["VJN"], from: CaseCount())?.cases, vjn)
        // Vijay Nagar's block copied after the blocks and listed again (only clear bytes edited).
        let data = [UInt8](try Data(contentsOf: index.url))
        let nl = try XCTUnwrap(data.firstIndex(of: 10))
        let table = String(decoding: data[..<nl], as: UTF8.self).split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
        XCTAssertEqual(table.count, 4)
        let tailOffset = try XCTUnwrap(Int(table[3]))
        let entries = table[2].split(separator: ",").map { $0.split(separator: ":").map(String.init) }
        let mine = try XCTUnwrap(entries.first { $0[0] == index.tag("VJN") })
        let (offset, length) = (try XCTUnwrap(Int(mine[1])), try XCTUnwrap(Int(mine[2])))
        let copy = Array(data[offset..<(offset + length)])
        var header: [UInt8] = []
        var shift = 0
        for _ in 0..<4 {
            let moved = entries.map { "\($0[0]):\(Int($0[1])! + shift):\($0[2])" } + ["\(mine[0]):\(tailOffset + shift):\(length)"]
            header = Array([table[0], String(moved.count), moved.joined(separator: ","), String(tailOffset + shift + length)]
                .joined(separator: "\t").utf8) + [10]
            shift = header.count - (nl + 1)
        }
        let forged = header + data[(nl + 1)..<tailOffset] + copy + data[tailOffset...]
        try Data(forged).write(to: index.url)
        XCTAssertEqual(BlockFile.Reader(path: index.url.path)?.table?.blocks.filter { $0.tag == Array(index.tag("VJN").utf8) }.count, 2,
                       "the attack took: the block is listed twice and the file reads")
        XCTAssertEqual(index.latest(stations: ["VJN"])?.byID.count, vjn)
        XCTAssertNil(index.fold(stations: ["VJN"], from: CaseCount()), "not counted from the lines")
        let desk = CaseRepository(store: store)
        desk.open(stations: ["VJN"])
        desk.settle()
        XCTAssertEqual(BlockFile.Reader(path: index.url.path)?.table?.blocks.filter { $0.tag == Array(index.tag("VJN").utf8) }.count, 1,
                       "her desk's check wrote the index anew")
        XCTAssertEqual(index.fold(stations: ["VJN"], from: CaseCount())?.cases, vjn)
    }
}

/// The SP's overview in the desk itself: drawn from the counts of the index's lines, with no
/// summary of her stations kept, and the same rows as the summaries give.
final class OverviewFromTheLinesTests: XCTestCase {
    var root: URL!

    override func tearDown() {
        if let root { try? FileManager.default.removeItem(at: root) }
    }

    func testHerOverviewIsCountedFromTheLinesWithNoSummaryKept() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("urja-overview-\(UUID().uuidString)")
        let directory = try Harness.directoryWithDemoSP()
        let store = try DemoStore.createEncrypted(at: root, directory: directory, count: 80, seed: 9, clock: testClock, rounds: 1000).store
        CaseRepository(store: store).open()
        let (ctx, app) = try Harness.supervisorDesk(at: root)
        XCTAssertEqual(ctx.user?.id, "spindore")
        let screen = GridSurface(rows: 24, cols: 80)
        app.render(on: screen)
        XCTAssertEqual(app.top.map { String(describing: type(of: $0)) }, "OverviewScreen")
        XCTAssertFalse(ctx.repository.indexSummariesRead, "no summary read to be kept: counted from the lines")
        let rows = ctx.overview
        let open = rows.map(\.open).reduce(0, +)
        XCTAssertGreaterThan(open, 0)
        XCTAssertTrue(screen.snapshot.contains(String(open)), screen.snapshot)
        // The same as the summaries give, read case by case.
        let all = try XCTUnwrap(SummaryIndex(store: ctx.store).latest()).byID.values
        XCTAssertEqual(rows, StationOverview.rows(stationIDs: ctx.userStations.map(\.id), summaries: all, today: ctx.today,
                                                  now: testClock.now(), settings: ctx.settings, lateDirectives: ctx.lateDirectiveCases))
    }
}

/// Made-up cases with a few events each, days anywhere in two years (every path fact, steps with
/// and without days): read one after another into one summary, and counted in parts that merge.
final class MadeUpLinesTests: XCTestCase {
    func testMadeUpCasesReadIntoOneSummaryAndCountedInPartsAsAlone() throws {
        var g = SeededRandom(seed: 2026)
        func pick<T: CaseIterable>(_: T.Type) -> T { Array(T.allCases)[Int.random(in: 0..<T.allCases.count, using: &g)] }
        let first = try XCTUnwrap(Day(year: 2025, month: 1, day: 1)), span = 730
        func day() -> Day { first.adding(days: Int.random(in: 0..<span, using: &g)) }
        func maybe() -> Day? { Int.random(in: 0..<5, using: &g) == 0 ? day() : nil }
        func days(_ most: Int) -> [Day] { (0..<Int.random(in: 0...most, using: &g)).map { _ in day() }.sorted() }
        var lines: [(String, CaseSummary)] = []
        for n in 0..<1_500 {
            let reported = day()
            let steps = (0..<Int.random(in: 0...2, using: &g)).map { _ in
                CaseSummary.Step(kind: pick(StepKind.self), status: pick(StepStatus.self), partnerID: "p\(n % 7)",
                                 referral: pick(ReferralState.self), due: maybe(), completed: maybe(), joined: maybe(), referralDay: maybe())
            }
            var s = CaseSummary(id: UUID(), number: "IND-VJN-2026-\(n)", stationID: "VJN", revision: 1,
                                reportedAt: Date(timeIntervalSince1970: Double(reported.daysSince1970 ?? 0) * 86_400),
                                status: pick(CaseStatus.self), category: pick(IncidentCategory.self), arrival: pick(ArrivalMode.self),
                                age: Int.random(in: 12...60, using: &g), risk: pick(RiskLevel.self), countable: n % 5 != 0,
                                sessionDays: days(2), nextSession: maybe(), screeningDays: days(1), alertOpen: false, steps: steps,
                                firDay: n % 4 == 0 ? day() : nil, chargeSheetDay: maybe(), informedDay: maybe(), cwcReportDay: maybe(),
                                complaint: .none)
            s.paths.lastContact = maybe()
            s.paths.safetyPlanMade = maybe()
            s.paths.safetyReviews = days(1)
            s.paths.safetyReviewDue = maybe()
            s.paths.followUpDue = maybe()
            s.paths.closed = maybe()
            s.paths.closureReason = s.paths.closed == nil ? nil : pick(ClosureReason.self)
            s.paths.dvOrders = days(1)
            s.paths.dvApplied = maybe()
            s.paths.compensationApplied = maybe()
            s.paths.compensationPaid = maybe()
            s.paths.traffickingOutcomeDay = maybe()
            s.paths.traffickingOutcome = s.paths.traffickingOutcomeDay == nil ? nil : pick(TraffickingOutcome.self)
            let line = SummaryLine.encode(s)
            lines.append((line, try XCTUnwrap(SummaryLine.decode(Substring(line)))))
        }
        // Read one after another into one summary: each as a fresh read gives it.
        var reused = CaseSummary.blank()
        var scratch = SummaryLine.Scratch(remember: true)
        for (line, alone) in lines {
            let read = Array(line.utf8).withUnsafeBufferPointer { SummaryLine.decode(bytes: $0[...], into: &reused, scratch: &scratch) }
            XCTAssertTrue(read)
            XCTAssertEqual(Array(SummaryLine.encode(reused).utf8), Array(SummaryLine.encode(alone).utf8))
        }
        // Counted in parts and merged, as the index's count does: the report of the whole.
        let today = try XCTUnwrap(Day(year: 2026, month: 11, day: 30))
        let all = lines.map(\.1)
        let periods = (2025...2026).flatMap { y in (1...12).compactMap { ReportPeriod.month(y, $0) } }
            + [ReportPeriod.parse("03-02-2026..09-02-2026"), ReportPeriod.quarter(2026, 3)].compactMap { $0 }
        for p in periods {
            let whole = Report.make(all, period: p, stationIDs: ["VJN"], today: today)
            var parts: [Report.Tally] = []
            for (n, s) in all.enumerated() {
                if n % 97 == 0 { parts.append(Report.Tally(period: p, stationIDs: ["VJN"], today: today)) }
                parts[parts.count - 1].add(s)
            }
            var merged = Report.Tally(period: p, stationIDs: ["VJN"], today: today)
            for part in parts.reversed() { merged.merge(part) }
            XCTAssertEqual(merged.report, whole, "\(p)")
            XCTAssertGreaterThan(whole.counted, 0, "\(p)")
        }
    }
}

/// How many cases a count from the lines takes in.
struct CaseCount: SummaryTally {
    var cases = 0
    mutating func add(_ s: CaseSummary) { cases += 1 }
    mutating func merge(_ other: CaseCount) { cases += other.cases }
}
