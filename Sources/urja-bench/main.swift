import DemoData
import DeskModel
import DeskUI
import Foundation
import Histogram
import UrjaSeeds

// The desk's jobs timed on a store as `urja-desk demo` makes it (sealed by default), printed as
// a table and written as JSON. Run in release, one size per process for an honest peak memory:
//     swift build -c release --scratch-path .build-release
//     .build-release/release/urja-bench --cases 10000 [--plain] [--runs 7] [--json out.json]
//                                       [--store DIR (made there and kept if missing)] [--sqlite PEER.py]
// Medians and p99 come from HdrHistogram (microsecond buckets, 3 significant digits); peak memory
// is the kernel's VmHWM of this process. Synthetic data only: the demo generator's invented cases.
// For a profiler (`perf record`), `--queue-only` times the queue's opening and its parts, and the
// environment adds loops of one job: URJA_LOADLOOP=N (her station's index read), URJA_KEYLOOP=N
// (keystrokes in her queue), URJA_SAVELOOP=N (saves of one case), URJA_OVERVIEWLOOP=N (the SP's
// sign-in to her overview), URJA_REVIEWPARTS=N (the overview's and the report's parts: case by
// case, then counted from the lines, with CPU time; URJA_FOLDONLY=1 for the counts alone).

struct Options {
    var counts: [Int] = []
    var sealed = true
    var runs = 7
    var json: String?
    var store: String?
    var sqlite: String?
    var verify = false
    var keep = false
    /// Only the queue's opening, timed over and over (for a profiler).
    var queueOnly = false

    init(_ args: [String]) {
        var i = 0
        func value() -> String? { i += 1; return i < args.count ? args[i] : nil }
        while i < args.count {
            switch args[i] {
            case "--cases": if let v = value(), let n = Int(v) { counts.append(n) }
            case "--plain": sealed = false
            case "--runs": if let v = value(), let n = Int(v) { runs = max(1, n) }
            case "--json": json = value()
            case "--store": store = value()
            case "--sqlite": sqlite = value()
            case "--verify": verify = true
            case "--keep": keep = true
            case "--queue-only": queueOnly = true
            default: if let n = Int(args[i]) { counts.append(n) }
            }
            i += 1
        }
        if counts.isEmpty { counts = [1_000] }
    }
}

let options = Options(Array(CommandLine.arguments.dropFirst()))
let clock = SystemClock()

func now() -> UInt64 { DispatchTime.now().uptimeNanoseconds }

/// One job's samples, in microseconds.
struct Samples {
    var histogram = Histogram<UInt64>(highestTrackableValue: 3_600_000_000, numberOfSignificantValueDigits: .three)
    mutating func add(_ nanoseconds: UInt64) { _ = histogram.record(max(1, nanoseconds / 1_000)) }
    mutating func time<T>(_ work: () throws -> T) rethrows -> T {
        let start = now()
        let out = try work()
        add(now() - start)
        return out
    }
    var count: UInt64 { histogram.totalCount }
    var medianMS: Double { Double(histogram.valueAtPercentile(50)) / 1_000 }
    var p99MS: Double { Double(histogram.valueAtPercentile(99)) / 1_000 }
    var minMS: Double { Double(histogram.min) / 1_000 }
}

/// The kernel's figures for this process (kB): peak and current resident size.
func memory(_ field: String) -> Int {
    guard let text = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
    for line in text.split(separator: "\n") where line.hasPrefix(field + ":") {
        return Int(line.split(separator: " ").dropFirst().first.map(String.init) ?? "") ?? 0
    }
    return 0
}

struct Failure: Error, CustomStringConvertible { var description: String }

func type(_ app: DeskApp, _ text: String) { for s in text.unicodeScalars { app.handle(.char(s)) } }

/// A fresh desk on the store, as a new process has it.
func freshDesk(_ store: CaseStore, _ res: DeskResources) throws -> (DeskContext, DeskApp) {
    let opened = try CaseStore.open(at: store.root)
    let ctx = try DeskContext(store: opened, clock: clock, strings: res.strings, keymap: res.keymap, help: res.help)
    return (ctx, DeskApp(ctx: ctx))
}

func signIn(_ app: DeskApp, _ user: String) throws {
    guard let pin = DemoStore.demoPINs[user] else { throw Failure(description: "no demo PIN for \(user)") }
    type(app, user)
    app.handle(.enter)
    type(app, pin)
    app.handle(.enter)
}

let res = try DeskResources.load()
let directory = try SeedFormat.directory(stations: UrjaSeeds.stations(), partners: UrjaSeeds.partners(), users: UrjaSeeds.users())
var results: [[String: Any]] = []

print("urja-bench: \(options.sealed ? "sealed" : "plain") demo stores, \(options.runs) runs per job; medians and p99 in ms (HdrHistogram)")

for count in options.counts {
    // A given store that does not exist yet is made there and kept (to time the same store again).
    let made = options.store.map { !FileManager.default.fileExists(atPath: $0 + "/store.plist") } ?? true
    let root = options.store.map { URL(fileURLWithPath: $0, isDirectory: true) }
        ?? FileManager.default.temporaryDirectory.appendingPathComponent("urja-bench-\(UUID().uuidString)")
    defer { if made, options.store == nil, !options.keep { try? FileManager.default.removeItem(at: root) } }
    var createSeconds = 0.0
    if made {
        let start = now()
        if options.sealed {
            _ = try DemoStore.createEncrypted(at: root, directory: directory, count: count, seed: 2024, clock: clock)
        } else {
            try DemoStore.create(at: root, directory: directory, count: count, seed: 2024, clock: clock)
        }
        createSeconds = Double(now() - start) / 1e9
    }
    let base = try CaseStore.open(at: root)
    let caseCount = (try? FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("cases").path).count) ?? count
    // The key derivation of a sign-in, timed apart: it is the same at any size (PBKDF2, 600,000 rounds).
    var kdf = Samples()
    var keyed = base
    if base.meta.encrypted {
        guard let ring = base.loadKeyRing(), let pin = DemoStore.demoPINs["asha"] else { throw Failure(description: "no key ring") }
        for _ in 0..<max(5, options.runs) { keyed = base.unlocked(with: try kdf.time { try ring.unlock(user: "asha", secret: pin) }) }
    }
    // The fastest derivation is what is taken off each sign-in: a figure never made smaller than it
    // is by one slow derivation (the median of a few, taken off, once left a sign-in at nothing).
    let kdfMS = kdf.count > 0 ? kdf.minMS : 0

    // One desk opened untimed first: a store made before the list index (or a fresh demo) has it
    // built then, as its first desk would; the runs below time a desk opening as on any later day.
    var firstOpenMS = 0.0
    do {
        let (ctx, app) = try freshDesk(base, res)
        let start = now()
        try signIn(app, "asha")
        ctx.repository.settle()
        app.handle(.char("2"))
        app.render(on: GridSurface(rows: 24, cols: 80))
        firstOpenMS = Double(now() - start) / 1e6
    }
    // 1. The desk officer's PIN accepted → her queue drawn (fresh desk each run; key derivation subtracted).
    var openQueue = Samples()
    // The check of her lists against the case files, which runs beside her after the queue is drawn.
    var check = Samples()
    var firstScreen = ""
    // Her key's derivation timed just before and just after each run, the smaller taken from the
    // run (a median taken once at the start drifts with a shared machine by more than a 10k
    // store's whole queue; the smaller of two leaves the figure on the safe side).
    func kdfNow() -> UInt64 {
        guard base.meta.encrypted, let ring = base.loadKeyRing(), let pin = DemoStore.demoPINs["asha"] else { return 0 }
        let start = now()
        _ = try? ring.unlock(user: "asha", secret: pin)
        return now() - start
    }
    for _ in 0..<options.runs {
        let (deskCtx, app) = try freshDesk(base, res)
        type(app, "asha")
        app.handle(.enter)
        type(app, DemoStore.demoPINs["asha"] ?? "")
        let before = kdfNow()
        let start = now()
        app.handle(.enter)
        app.handle(.char("2"))
        let screen = GridSurface(rows: 24, cols: 80)
        app.render(on: screen)
        let spent = now() - start
        // The check beside her from the draw on (before the second derivation is timed: the
        // check went on during it, and only its last part was timed).
        check.time { deskCtx.repository.waitForCheck() }
        let derivation = min(before, kdfNow())
        openQueue.add(spent > derivation ? spent - derivation : 1_000)
        firstScreen = screen.snapshot
    }
    guard firstScreen.contains("Vijay Nagar") || firstScreen.contains("विजय नगर") else { throw Failure(description: "the queue did not open:\n" + firstScreen) }
    if options.queueOnly {
        // Its parts: her station's lines read and opened; the queue's table made from them.
        var load = Samples(), table = Samples()
        if let n = ProcessInfo.processInfo.environment["URJA_LOADLOOP"].flatMap(Int.init) {
            for _ in 0..<n { _ = ListIndex(store: keyed).load(stations: ["VJN"]) }
        }
        if let n = ProcessInfo.processInfo.environment["URJA_KEYLOOP"].flatMap(Int.init) {
            let (ctx, app) = try freshDesk(base, res)
            try signIn(app, "asha")
            ctx.repository.settle()
            app.handle(.char("2"))
            let surface = GridSurface(rows: 24, cols: 80)
            app.render(on: surface)
            Thread.sleep(forTimeInterval: 1.1)
            var keys = Samples()
            for _ in 0..<n {
                for s in "verma".unicodeScalars { keys.time { app.handle(.char(s)); app.render(on: surface) } }
                for _ in 0..<5 { keys.time { app.handle(.backspace); app.render(on: surface) } }
            }
            print(String(format: "  keystroke median %.2f ms, p99 %.2f ms", keys.medianMS, keys.p99MS))
        }
        if let n = ProcessInfo.processInfo.environment["URJA_SAVELOOP"].flatMap(Int.init) {
            let (ctx, app) = try freshDesk(base, res)
            try signIn(app, "asha")
            ctx.repository.settle()
            guard let id = ctx.visibleCaseIDs.first, var record = ctx.record(id) else { throw Failure(description: "no case") }
            // URJA_ENCODELOOP=M: first only the encoder, M times (for a profiler), then the saves.
            if let m = ProcessInfo.processInfo.environment["URJA_ENCODELOOP"].flatMap(Int.init) {
                var encodes = Samples()
                for _ in 0..<m { _ = try encodes.time { try BinaryPlistEncoder.encode(record) } }
                print(String(format: "  encode alone median %.3f ms, p99 %.3f ms (%d bytes)", encodes.medianMS, encodes.p99MS,
                             try BinaryPlistEncoder.encode(record).count))
            }
            // URJA_SAVENOSYNC=M: first M saves with every fsync left out (as a demo store is generated):
            // what a save costs apart from the disk's syncs, steady whatever the disk is doing.
            if let m = ProcessInfo.processInfo.environment["URJA_SAVENOSYNC"].flatMap(Int.init) {
                var unsynced = Samples()
                try DurableFile.$syncOnceAtEnd.withValue(true) {
                    for _ in 0..<m { record = try unsynced.time { try ctx.repository.save(record, .care("bench"), now: clock.now()) } }
                }
                sync()
                print(String(format: "  save without its fsyncs median %.3f ms, p99 %.3f ms", unsynced.medianMS, unsynced.p99MS))
            }
            var saves = Samples()
            for _ in 0..<n { record = try saves.time { try ctx.repository.save(record, .care("bench"), now: clock.now()) } }
            print(String(format: "  save median %.2f ms, p99 %.2f ms", saves.medianMS, saves.p99MS))
            // Its parts, each timed alone on the record saved last (the same number of times):
            // the encoders, the seal, the durable write of those bytes as a hidden file beside the
            // case files (temporary file, fsync, rename, fsync of the folder; removed after), the
            // two index lines (each made, sealed and appended).
            var foundation = Samples(), ours = Samples(), seal = Samples(), durable = Samples()
            var summary = Samples(), listing = Samples()
            let plist = PropertyListEncoder()
            plist.outputFormat = .binary
            let probe = root.appendingPathComponent("cases/.bench-durable-write.plist", isDirectory: false)
            let binding = keyed.binding(for: ctx.repository.store.caseURL(record.id))
            for _ in 0..<n {
                _ = try foundation.time { try plist.encode(record) }
                let bytes = try ours.time { try BinaryPlistEncoder.encode(record) }
                let sealed = try seal.time { try keyed.sealer?.seal(bytes, binding: binding) ?? bytes }
                try durable.time { try DurableFile.write(sealed, to: probe) }
                try summary.time { try SummaryIndex(store: keyed).append(CaseSummary(record)) }
                _ = try listing.time { try ListIndex(store: keyed).append(record) }
            }
            try? DurableFile.remove(probe)
            print(String(format: "  its parts (medians, ms): Foundation's encoder %.3f; ours %.3f; seal %.3f; durable write %.3f; summary line %.3f; list line %.3f",
                         foundation.medianMS, ours.medianMS, seal.medianMS, durable.medianMS, summary.medianMS, listing.medianMS))
        }
        if let n = ProcessInfo.processInfo.environment["URJA_REVIEWPARTS"].flatMap(Int.init) {
            // The overview's and the report's parts: the index read, then the counting.
            let sp = Set(directory.users.first { $0.id == "spindore" }?.stationIDs ?? [])
            var read = Samples(), rows = Samples(), readAll = Samples(), make = Samples()
            let today = Day(clock.now())
            let foldOnly = ProcessInfo.processInfo.environment["URJA_FOLDONLY"] != nil
            for _ in 0..<(foldOnly ? 0 : n) {
                let byID = read.time { SummaryIndex(store: keyed).latest(stations: sp)?.byID ?? [:] }
                _ = rows.time { StationOverview.rows(stationIDs: Array(sp), summaries: byID.values, today: today, now: clock.now(),
                                                     settings: ReviewSettings()) }
                let all = readAll.time { SummaryIndex(store: keyed).load()?.summaries ?? [] }
                if n == 1 {
                    let month = ReportPeriod.month(today.year, today.month)
                    print("  open \(all.filter { $0.status != .closed }.count) of \(all.count); in the month's report",
                          month.map { p in all.filter { Report.make([$0], period: p, stationIDs: [$0.stationID], today: today).counted
                                                        + Report.make([$0], period: p, stationIDs: [$0.stationID], today: today).leftOut > 0 }.count } ?? 0)
                }
                if let month = ReportPeriod.month(today.year, today.month) {
                    _ = make.time { Report.make(all, period: month, stationIDs: directory.stations.map(\.id), today: today) }
                }
            }
            var foldOverview = Samples(), foldReport = Samples(), pastReport = Samples()
            func cpu() -> Double {
                var t = timespec()
                clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t)
                return Double(t.tv_sec) * 1e3 + Double(t.tv_nsec) / 1e6
            }
            var cpuOverview = 0.0, cpuReport = 0.0, cpuBare = 0.0
            for _ in 0..<n {
                let start = OverviewTally(stationIDs: Array(sp), today: today, settings: ReviewSettings())
                var c0 = cpu()
                _ = SummaryIndex(store: keyed).fold(stations: nil, from: LineCount())
                cpuBare += cpu() - c0
                c0 = cpu()
                _ = foldOverview.time { SummaryIndex(store: keyed).fold(stations: sp, from: start) }
                cpuOverview += cpu() - c0
                if let month = ReportPeriod.month(today.year, today.month) {
                    let r = Report.Tally(period: month, stationIDs: directory.stations.map(\.id), today: today)
                    c0 = cpu()
                    _ = foldReport.time { SummaryIndex(store: keyed).fold(stations: nil, from: r) }
                    cpuReport += cpu() - c0
                }
                let back = today.adding(days: -today.day - 40)
                if let month = ReportPeriod.month(back.year, back.month) {
                    let r = Report.Tally(period: month, stationIDs: directory.stations.map(\.id), today: today)
                    _ = pastReport.time { SummaryIndex(store: keyed).fold(stations: nil, from: r) }
                }
            }
            print(String(format: "  overview: index read %.1f ms, rows %.1f ms; report: index read %.1f ms, counting %.1f ms",
                         read.medianMS, rows.medianMS, readAll.medianMS, make.medianMS))
            print(String(format: "  counted from the lines: overview %.1f ms (CPU %.1f ms), report %.1f ms (CPU %.1f ms)", foldOverview.medianMS,
                         cpuOverview / Double(max(1, n)), foldReport.medianMS, cpuReport / Double(max(1, n))))
            print(String(format: "  every line decoded, nothing counted: CPU %.1f ms; the report of two months back %.1f ms",
                         cpuBare / Double(max(1, n)), pastReport.medianMS))
            // On one core, the fastest of the runs: what the line reading costs, least touched by
            // whatever else the machine runs (to compare one change of the reader with the next).
            var oneBare = Double.infinity, oneReport = Double.infinity
            Cores.$one.withValue(true) {
                for _ in 0..<n {
                    var t = now()
                    _ = SummaryIndex(store: keyed).fold(stations: nil, from: LineCount())
                    oneBare = min(oneBare, Double(now() - t) / 1e6)
                    if let month = ReportPeriod.month(today.year, today.month) {
                        t = now()
                        _ = SummaryIndex(store: keyed).fold(stations: nil, from: Report.Tally(period: month, stationIDs: directory.stations.map(\.id), today: today))
                        oneReport = min(oneReport, Double(now() - t) / 1e6)
                    }
                }
            }
            print(String(format: "  on one core, fastest: every line decoded %.1f ms; the month's report %.1f ms", oneBare, oneReport))
        }
        if let n = ProcessInfo.processInfo.environment["URJA_OVERVIEWLOOP"].flatMap(Int.init) {
            var o = Samples()
            for _ in 0..<n {
                let (_, desk) = try freshDesk(base, res)
                type(desk, "spindore")
                desk.handle(.enter)
                type(desk, DemoStore.demoPINs["spindore"] ?? "")
                o.time {
                    desk.handle(.enter)
                    desk.render(on: GridSurface(rows: 24, cols: 80))
                }
            }
            print(String(format: "  SP overview with KDF %.1f ms", o.medianMS))
        }
        for _ in 0..<options.runs {
            let loaded = load.time { ListIndex(store: keyed).load(stations: ["VJN"]) }
            _ = table.time { QueueTable(loaded.listings, nameKeys: \.nameKeys) }
        }
        print(String(format: "  index read for VJN %.1f ms; queue table %.1f ms", load.medianMS, table.medianMS))
        var enter = Samples(), two = Samples(), draw = Samples()
        for _ in 0..<options.runs {
            let (deskCtx, app) = try freshDesk(base, res)
            type(app, "asha")
            app.handle(.enter)
            type(app, DemoStore.demoPINs["asha"] ?? "")
            enter.time { app.handle(.enter) }
            two.time { app.handle(.char("2")) }
            draw.time { app.render(on: GridSurface(rows: 24, cols: 80)) }
            deskCtx.repository.waitForCheck()
        }
        print(String(format: "  PIN's enter (KDF in) %.1f ms; the key 2 %.1f ms; the draw %.1f ms", enter.medianMS, two.medianMS, draw.medianMS))
        print(String(format: "%d cases: PIN → queue median %.1f ms, p99 %.1f ms; check beside her %.1f ms", count, openQueue.medianMS,
                     openQueue.p99MS, check.medianMS))
        continue
    }

    // 2. One search keystroke in the queue, the screen drawn again; 3. one case opened with its
    // whole history and drawn; 4. a durable save of one case over the revision read.
    var keystroke = Samples()
    var openCase = Samples()
    var save = Samples()
    let (ctx, app) = try freshDesk(base, res)
    try signIn(app, "asha")
    ctx.repository.settle()
    app.handle(.char("2"))
    let surface = GridSurface(rows: 24, cols: 80)
    app.render(on: surface)
    // Digits typed in the first second after a queue opens are not taken (a PIN typed too late).
    Thread.sleep(forTimeInterval: 1.1)
    for _ in 0..<options.runs {
        for text in ["सु", "सुनी", "sunita", "verma", "98", "IND-VJN-20"] {
            for s in text.unicodeScalars { keystroke.time { app.handle(.char(s)); app.render(on: surface) } }
            for _ in text.unicodeScalars { keystroke.time { app.handle(.backspace); app.render(on: surface) } }
        }
    }
    // The same at 80 x 24 in Hindi through curses: lines sent whole (now) and changed cells only (before).
    let curses = try [true, false].map { try CursesKeystrokes.run(base, res, runs: options.runs, whole: $0) }
    app.handle(.escape)
    app.render(on: surface)
    for _ in 0..<options.runs {
        openCase.time {
            app.handle(.down)
            app.handle(.enter)
            app.render(on: surface)
        }
        app.handle(.escape)
        app.render(on: surface)
    }
    guard let id = ctx.visibleCaseIDs.dropFirst(ctx.visibleCaseIDs.count / 2).first,
          var record = ctx.record(id) else { throw Failure(description: "no case to save") }
    // The desk's own save: over the revision she read, checked, durable, both indexes appended.
    for _ in 0..<max(50, options.runs) {
        record = try save.time { try ctx.repository.save(record, .care("bench"), now: clock.now()) }
    }

    // 5. The SP's overview in a fresh desk (key derivation subtracted); 6. a month's report from the index.
    var overview = Samples()
    for _ in 0..<options.runs {
        let (fresh, desk) = try freshDesk(base, res)
        type(desk, "spindore")
        desk.handle(.enter)
        type(desk, DemoStore.demoPINs["spindore"] ?? "")
        let start = now()
        desk.handle(.enter)
        let screen = GridSurface(rows: 24, cols: 80)
        desk.render(on: screen)
        let spent = now() - start
        overview.add(spent > UInt64(kdfMS * 1e6) ? spent - UInt64(kdfMS * 1e6) : 1_000)
        // Her overview in whichever language she last chose (a kept store remembers it).
        guard fresh.user != nil, desk.top.map({ String(describing: type(of: $0)) }) == "OverviewScreen" else {
            throw Failure(description: "no overview:\n" + screen.snapshot)
        }
    }
    var report = Samples()
    for _ in 0..<options.runs {
        report.time {
            // As `urja-desk report` counts it: straight from the index's lines, no summary kept.
            let today = Day(clock.now())
            if let month = ReportPeriod.month(today.year, today.month) {
                let start = Report.Tally(period: month, stationIDs: directory.stations.map(\.id), today: today)
                let counted = SummaryIndex(store: keyed).fold(stations: nil, from: start)?.report
                _ = ReportText(strings: res.strings, language: .en, directory: directory).text(counted ?? start.report)
            }
        }
    }
    var verifySeconds: Double?
    if options.verify {
        let start = now()
        _ = StoreCheck.run(keyed)
        verifySeconds = Double(now() - start) / 1e9
    }
    let peakKB = memory("VmHWM")

    // The SQLite peer on the same number of rows, in the same go.
    var peer: [String: Any]?
    if let script = options.sqlite {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", script, "--synthetic", String(caseCount)]
        let pipe = Pipe()
        p.standardOutput = pipe
        try p.run()
        let out = pipe.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        let line = String(decoding: out, as: UTF8.self).split(separator: "\n").last.map(String.init) ?? ""
        peer = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
    }
    func peerPair(_ key: String) -> (Double, Double)? {
        guard let v = peer?[key] as? [Double], v.count == 2 else { return nil }
        return (v[0], v[1])
    }

    let jobs: [(String, String, Samples, String?)] = [
        ("open_queue", "PIN accepted → her queue drawn (KDF apart)", openQueue, "open_and_queue_ms"),
        ("check_after_queue", "… then her lists checked against the files, beside her (after the draw)", check, nil),
        ("keystroke", "one search keystroke, screen drawn", keystroke, "keystroke_ms"),
        ("keystroke_curses", String(format: "Hindi keystroke through curses 80x24, lines whole (%.0f B/key)", curses[0].bytesPerKey),
         curses[0].samples, nil),
        ("keystroke_curses_cells", String(format: "the same, changed cells only: before (%.0f B/key)", curses[1].bytesPerKey),
         curses[1].samples, nil),
        ("durable_save", "durable save of one case", save, "durable_save_ms"),
        ("open_case", "open one case, drawn", openCase, nil),
        ("sp_overview", "SP overview, fresh desk (KDF apart)", overview, "open_and_queue_ms"),
        ("month_report", "month report", report, "month_report_ms"),
    ]
    print("")
    print("\(caseCount) \(options.sealed ? "sealed" : "plain") cases" + (made ? String(format: ", made in %.1f s", createSeconds) : ", store given")
          + String(format: "; first open (index built if missing) %.0f ms; key derivation (fastest, taken off each sign-in) %.0f ms; peak memory (VmHWM) %.0f MB",
                   firstOpenMS, kdfMS, Double(peakKB) / 1024)
          + (verifySeconds.map { String(format: "; verify %.2f s", $0) } ?? ""))
    print("| job | Urja Desk median ms | p99 ms | SQLite median ms | p99 ms | ratio (median) |")
    print("|---|---|---|---|---|---|")
    var jobJSON: [String: Any] = [:]
    for (key, label, s, peerKey) in jobs {
        let pair = peerKey.flatMap(peerPair)
        let ratio = pair.map { $0.0 > 0 ? String(format: "%.1fx", s.medianMS / $0.0) : "–" } ?? "–"
        print(String(format: "| %@ | %.3f | %.3f | %@ | %@ | %@ |", label, s.medianMS, s.p99MS,
                     pair.map { String(format: "%.3f", $0.0) } ?? "–", pair.map { String(format: "%.3f", $0.1) } ?? "–", ratio))
        var entry: [String: Any] = ["median_ms": s.medianMS, "p99_ms": s.p99MS, "samples": Int(s.count)]
        if let pair { entry["sqlite_median_ms"] = pair.0; entry["sqlite_p99_ms"] = pair.1 }
        jobJSON[key] = entry
    }
    var result: [String: Any] = ["cases": caseCount, "sealed": options.sealed, "runs": options.runs, "jobs": jobJSON,
                                 "kdf_ms": kdfMS, "first_open_ms": firstOpenMS, "peak_rss_kb": peakKB]
    if made { result["create_s"] = createSeconds }
    if let verifySeconds { result["verify_s"] = verifySeconds }
    if let peer { result["sqlite"] = peer }
    results.append(result)
}

if let path = options.json {
    let data = try JSONSerialization.data(withJSONObject: ["machine": ProcessInfo.processInfo.hostName,
                                                           "cores": ProcessInfo.processInfo.activeProcessorCount,
                                                           "results": results], options: [.prettyPrinted, .sortedKeys])
    try data.write(to: URL(fileURLWithPath: path))
    print("\nwritten: \(path)")
}

/// Every line decoded, nothing counted but the cases: what decoding alone costs.
struct LineCount: SummaryTally {
    var cases = 0
    mutating func add(_ s: CaseSummary) { cases += 1 }
    mutating func merge(_ other: LineCount) { cases += other.cases }
}
