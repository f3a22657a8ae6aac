import DeskModel
import DeskUI
import Foundation

// Benchmarks of the store and the queue, printed as figures. Run in release:
//     swift run -c release urja-bench [cases...]
// Synthetic data only: the demo generator's invented cases in a temporary folder.

let clock = SystemClock()
let sizes = CommandLine.arguments.dropFirst().compactMap { Int($0) }
let counts = sizes.isEmpty ? [1_000, 10_000] : sizes

func seconds(_ work: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try work()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

func median(_ xs: [Double]) -> Double { xs.sorted()[xs.count / 2] }

func directory() throws -> Directory {
    let stations = (1...7).map { Station(id: "S\($0)", code: "BEN-S\($0)", nameEn: "Station \($0)", nameHi: "थाना \($0)", district: "D", range: "R") }
    let user = User(id: "desk", nameEn: "Desk", nameHi: "डेस्क", role: .deskOfficer, stationIDs: ["S1"],
                    pin: try PinHash.make(pin: "1111", rounds: 1000))
    let sp = User(id: "sp", nameEn: "SP", nameHi: "एसपी", role: .sp, stationIDs: [], pin: try PinHash.make(pin: "4444", rounds: 1000))
    return Directory(stations: stations, partners: [], users: [user, sp])
}

print("urja-bench: store of one binary plist per case; figures are wall-clock on this machine")
print(["cases", "create s", "open s", "save 1 ms", "search ms", "key+draw ms", "overview ms", "report ms", "desk ovw ms"]
    .enumerated().map { $0.offset == 0 ? String(repeating: " ", count: 8 - $0.element.count) + $0.element
                                       : String(repeating: " ", count: max(1, 13 - $0.element.count)) + $0.element }
    .joined())
let res = try DeskResources.load()
for count in counts {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("urja-bench-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: root) }
    let dir = try directory()
    var store: CaseStore?
    let create = try seconds { store = try DemoStore.create(at: root, directory: dir, count: count, seed: 1, clock: clock) }
    guard let store else { break }
    var loaded: CaseStore.Load?
    let open = seconds { loaded = store.loadCases(setAside: false) }
    guard let load = loaded, !load.cases.isEmpty else { break }
    // One case saved again, many times: the cost must not grow with the store.
    var record = load.cases[load.cases.count / 2]
    var saves: [Double] = []
    for _ in 0..<50 {
        record.revision += 1
        saves.append(try seconds { try store.save(record) })
    }
    // Search as you type over the whole store, with the name keys kept as the desk keeps them.
    let keys = Dictionary(uniqueKeysWithValues: load.cases.map { ($0.id, NameKey.words($0.identity.name)) })
    var searches: [Double] = []
    for text in ["सु", "सुनी", "वर्मा", "sunita", "98", "BEN-S3-2026-00"] {
        searches.append(seconds { _ = CaseQuery(search: text).apply(to: load.cases, nameKeys: { keys[$0.id] ?? [] }) })
    }
    // The queue drawn on an in-memory 80x24 screen, with the whole store loaded.
    let ctx = try DeskContext(store: store, clock: clock, strings: res.strings, keymap: res.keymap, help: res.help)
    let app = DeskApp(ctx: ctx)
    let surface = GridSurface(rows: 24, cols: 80)
    for s in "desk".unicodeScalars { app.handle(.char(s)) }
    app.handle(.enter)
    for s in "1111".unicodeScalars { app.handle(.char(s)) }
    app.handle(.enter)
    app.handle(.char("2"))
    // One keystroke of search-as-you-type in a station's queue, and the screen drawn again.
    var renders: [Double] = []
    for i in 0..<20 {
        renders.append(seconds {
            app.handle(i % 2 == 0 ? .char("स") : .backspace)
            app.render(on: surface)
        })
    }
    // The SP's overview, as a fresh process shows it: the review index read, every station's row
    // worked out, the screen drawn. And a month's report from the index, as `urja-desk report` does.
    let overview = try seconds {
        let summaries = ReviewData.summaries(store)
        let rows = StationOverview.rows(stationIDs: dir.stations.map(\.id), summaries: summaries, today: Day(clock.now()),
                                        now: clock.now(), settings: store.loadSettings())
        guard rows.count == dir.stations.count else { throw CocoaError(.coderInvalidValue) }
    }
    // The same overview in the desk itself: a fresh desk on the store, the SP logging in (a PIN
    // hashed with few rounds, so that the PIN check is not what is measured), the overview drawn.
    let deskOverview = try seconds {
        let fresh = try DeskContext(store: store, clock: clock, strings: res.strings, keymap: res.keymap, help: res.help)
        let desk = DeskApp(ctx: fresh)
        let screen = GridSurface(rows: 24, cols: 80)
        for s in "sp".unicodeScalars { desk.handle(.char(s)) }
        desk.handle(.enter)
        for s in "4444".unicodeScalars { desk.handle(.char(s)) }
        desk.handle(.enter)
        desk.render(on: screen)
        guard screen.snapshot.contains("District overview"), !fresh.casesLoaded else { throw CocoaError(.coderInvalidValue) }
    }
    let report = seconds {
        let summaries = ReviewData.summaries(store)
        let today = Day(clock.now())
        if let month = ReportPeriod.month(today.year, today.month) {
            _ = ReportText(strings: res.strings, language: .en, directory: dir)
                .text(Report.make(summaries, period: month, stationIDs: dir.stations.map(\.id), today: today))
        }
    }
    print(String(format: "%8d %12.2f %12.3f %12.3f %12.3f %12.3f %12.1f %12.1f %12.1f", count, create, open, median(saves) * 1000,
                 median(searches) * 1000, median(renders) * 1000, overview * 1000, report * 1000, deskOverview * 1000))
}
