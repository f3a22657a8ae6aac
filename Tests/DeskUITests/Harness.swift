@testable import DeskUI
import DemoData
import DeskModel
import Foundation
import XCTest

/// 29-11-2026 10:30 IST.
let testNow = Date(timeIntervalSince1970: 1_795_928_400)
let testClock = FixedClock(testNow)

/// A desk on a temporary store with a fixed clock, drawn on an in-memory screen.
final class Harness {
    let root: URL
    let ctx: DeskContext
    let app: DeskApp
    let surface: GridSurface

    /// The harness's directory with its SP under the demo's name, so that a demo store wraps the
    /// key for her ("spindore", PIN 4444).
    static func directoryWithDemoSP() throws -> Directory {
        let d = try directory()
        return Directory(stations: d.stations, partners: d.partners, users: d.users.map {
            $0.id == "sp" ? User(id: "spindore", nameEn: $0.nameEn, nameHi: $0.nameHi, role: .sp, stationIDs: [], pin: $0.pin) : $0
        })
    }

    /// A fresh desk on the store at `root`, the SP signed in at its login as she would type.
    static func supervisorDesk(at root: URL) throws -> (DeskContext, DeskApp) {
        let res = try DeskResources.load()
        let ctx = try DeskContext(store: try CaseStore.open(at: root), clock: testClock, strings: res.strings, keymap: res.keymap,
                                  help: res.help)
        let app = DeskApp(ctx: ctx)
        for s in "spindore".unicodeScalars { app.handle(.char(s)) }
        app.handle(.enter)
        for s in "4444".unicodeScalars { app.handle(.char(s)) }
        app.handle(.enter)
        return (ctx, app)
    }

    static func directory() throws -> Directory {
        func pin(_ p: String) throws -> PinHash { try PinHash.make(pin: p, rounds: 1000) }
        return Directory(
            stations: [Station(id: "VJN", code: "IND-VJN", nameEn: "Vijay Nagar", nameHi: "विजय नगर", district: "Indore", range: "Indore"),
                       Station(id: "MHK", code: "UJN-MHK", nameEn: "Mahakal", nameHi: "महाकाल", district: "Ujjain", range: "Ujjain")],
            partners: [Partner(id: "nrlm", nameEn: "Rural Livelihood Mission (SHG)", nameHi: "ग्रामीण आजीविका मिशन (स्व-सहायता समूह)", kind: "livelihood"),
                       Partner(id: "labour", nameEn: "Labour Department", nameHi: "श्रम विभाग", kind: "labour")],
            users: [User(id: "asha", nameEn: "Asha Rathore", nameHi: "आशा राठौर", role: .deskOfficer, stationIDs: ["VJN"], pin: try pin("1111")),
                    User(id: "kavita", nameEn: "Kavita Joshi", nameHi: "कविता जोशी", role: .counsellor, stationIDs: ["VJN"], pin: try pin("3333")),
                    User(id: "sp", nameEn: "SP Indore", nameHi: "पुलिस अधीक्षक इंदौर", role: .sp, stationIDs: [], pin: try pin("4444")),
                    User(id: "admin", nameEn: "Admin", nameHi: "प्रशासक", role: .admin, stationIDs: [], pin: try pin("9999"))])
    }

    /// A fresh store with `cases` demo cases, or an existing store folder.
    init(cases: Int = 0, root existing: URL? = nil, rows: Int = 24, cols: Int = 80, clock: DeskClock = testClock) throws {
        root = existing ?? FileManager.default.temporaryDirectory.appendingPathComponent("urja-ui-\(UUID().uuidString)")
        let store: CaseStore
        if existing == nil {
            store = try DemoStore.create(at: root, directory: Harness.directory(), count: cases, seed: 11, clock: testClock)
        } else {
            store = try CaseStore.open(at: root)
        }
        let res = try DeskResources.load()
        ctx = try DeskContext(store: store, clock: clock, strings: res.strings, keymap: res.keymap, help: res.help)
        app = DeskApp(ctx: ctx)
        // A fixed clock never moves on: the type-ahead guard is tested on its own, with a clock that does.
        app.typeAheadGuard = 0
        surface = GridSurface(rows: rows, cols: cols)
    }

    /// Logs out the way she would: Esc until the desk asks "Log out?", then yes.
    func logout(file: StaticString = #filePath, line: UInt = #line) {
        for _ in 0..<10 where ctx.user != nil {
            press(.escape)
            if app.question != nil { press(.char("y")) }
        }
        XCTAssertNil(ctx.user, "logged out", file: file, line: line)
    }

    /// Answers the desk's yes/no question (log out? quit? delete?) with yes.
    func confirm(file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertNotNil(app.question, "a question was asked", file: file, line: line)
        press(.char("y"))
    }

    func cleanUp() { try? FileManager.default.removeItem(at: root) }

    func press(_ keys: Key...) {
        for k in keys { app.handle(k) }
    }

    /// Types text one code point at a time, as a terminal sends it.
    func type(_ text: String) {
        for s in text.unicodeScalars { app.handle(.char(s)) }
    }

    var screen: String {
        app.render(on: surface)
        return surface.snapshot
    }

    func resize(rows: Int, cols: Int) {
        surface.resize(rows: rows, cols: cols)
        app.handle(.resize)
    }

    /// The cases the queue on top lists now (after its search, filter and sort), or nil off the queue.
    var queueRows: [CaseListing]? { (app.top as? CaseListScreen).map { Array($0.rows(ctx)) } }

    /// The count the queue shows on its filter line ("… · Sort: Newest · 13", "… · क्रम: … · 13").
    var shownQueueCount: Int? {
        let line = screen.split(separator: "\n", omittingEmptySubsequences: false).dropFirst().first.map(String.init) ?? ""
        guard let r = line.range(of: "· [0-9]+$", options: .regularExpression) else { return nil }
        return Int(line[r].dropFirst(2))
    }

    /// From the main menu (or a counsellor's caseload): the queue, search the number, open it.
    func openCase(_ number: String) {
        if ctx.user?.role == .counsellor { press(.char("m")) }
        press(.char("2"))
        type(number)
        press(.enter)
    }

    /// Chooses the main-menu item with this label (leaving an overview or caseload first).
    func choose(_ label: String, file: StaticString = #filePath, line: UInt = #line) {
        if app.top is OverviewScreen || app.top is CaseloadScreen { press(.char("m")) }
        guard let menu = app.top as? MenuScreen, let items = Optional(menu.items(ctx)),
              let i = items.firstIndex(where: { $0.label == label }),
              let key = MenuScreen.shortcuts(items)[i]?.unicodeScalars.first else {
            XCTFail("no menu item \(label)", file: file, line: line)
            return
        }
        press(.char(key))
    }

    func login(_ user: String, _ pin: String) {
        type(user)
        press(.enter)
        type(pin)
        press(.enter)
        // The check of her lists against the case files runs beside the desk: as on a desk, the
        // next tick takes in what it found.
        ctx.repository.waitForCheck()
        app.tick()
    }
}

/// Compares a screen with its stored text snapshot in __Snapshots__/NAME.txt. Set
/// URJA_RECORD_SNAPSHOTS=1 to write them anew (then read each one before committing it).
func assertSnapshot(_ text: String, named name: String, file: StaticString = #filePath, line: UInt = #line) {
    let folder = URL(fileURLWithPath: "\(file)").deletingLastPathComponent().appendingPathComponent("__Snapshots__")
    let url = folder.appendingPathComponent(name + ".txt")
    let record = ProcessInfo.processInfo.environment["URJA_RECORD_SNAPSHOTS"] == "1"
    guard !record, let stored = try? String(contentsOf: url, encoding: .utf8) else {
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try? (text + "\n").write(to: url, atomically: true, encoding: .utf8)
        XCTFail("recorded snapshot \(name); check it and run again", file: file, line: line)
        return
    }
    XCTAssertEqual(text + "\n", stored, "screen differs from snapshot \(name)", file: file, line: line)
}

/// Runs `steps` on a fresh desk at 80x24 and 120x40, in English and Hindi, and checks each screen
/// against its snapshot NAME-LANG-COLSxROWS.
func checkSnapshots(_ name: String, cases: Int, clock: () -> DeskClock = { testClock }, file: StaticString = #filePath,
                    line: UInt = #line, steps: (Harness) throws -> Void) throws {
    for (rows, cols) in [(24, 80), (40, 120)] {
        for lang in Language.allCases {
            let h = try Harness(cases: cases, rows: rows, cols: cols, clock: clock())
            defer { h.cleanUp() }
            h.ctx.language = lang
            try steps(h)
            h.ctx.language = lang
            assertWellFormed(h, file: file, line: line)
            assertSnapshot(h.screen, named: "\(name)-\(lang.rawValue)-\(cols)x\(rows)", file: file, line: line)
        }
    }
}

/// No row of a drawn screen was too wide (the surface counts every cell of text it had to cut at
/// the right edge, as the terminal would), and no raw string key (like "field.name") shows.
func assertWellFormed(_ h: Harness, file: StaticString = #filePath, line: UInt = #line) {
    let text = h.screen
    XCTAssertEqual(h.surface.cutCells, 0, "cut cells: text drawn past the right edge of \(h.surface.size.cols) columns: "
                   + h.surface.cuts.map { "row \($0.row) lost \"\($0.lost)\"" }.joined(separator: "; ") + "\n\(text)",
                   file: file, line: line)
    let keyLike = try? NSRegularExpression(pattern: "\\b(field|choice|action|intake|list|menu|detail|error|section|login|role|sort|keys)\\.[a-zA-Z]")
    let range = NSRange(text.startIndex..., in: text)
    XCTAssertNil(keyLike?.firstMatch(in: text, range: range), "an untranslated key shows:\n\(text)", file: file, line: line)
}

/// A clock the test moves forward.
final class MovableClock: DeskClock, @unchecked Sendable {
    private let lock = NSLock()
    private var current: Date
    init(_ start: Date) { current = start }
    func now() -> Date { lock.lock(); defer { lock.unlock() }; return current }
    func advance(_ seconds: TimeInterval) { lock.lock(); current += seconds; lock.unlock() }
}
