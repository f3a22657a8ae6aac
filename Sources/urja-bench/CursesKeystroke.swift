import CursesAdapter
import DeskModel
import DeskUI
import Foundation

/// A keystroke at 80 x 24 in Hindi, drawn through curses to a file as to a terminal: the key
/// handled, the screen drawn and curses' update written. Timed with lines holding Devanagari sent
/// whole (the desk's way, `CursesTerminal.wholeLines`) and with curses' own update of the changed
/// cells (before), with the bytes each keystroke sends.
struct CursesKeystrokes {
    var samples = Samples()
    var bytesPerKey = 0.0

    static func run(_ store: CaseStore, _ res: DeskResources, runs: Int, whole: Bool) throws -> CursesKeystrokes {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("urja-bench-\(UUID().uuidString).out").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        guard let out = fopen(path, "w"), let inp = fopen("/dev/null", "r") else { throw Failure(description: "no output file") }
        defer { fclose(inp) }
        guard let term = CursesTerminal(termType: "xterm-256color", output: out, input: inp, colour: true) else {
            throw Failure(description: "curses did not start")
        }
        term.resize(rows: 24, cols: 80)
        term.wholeLines = whole
        let (ctx, app) = try freshDesk(store, res)
        try signIn(app, "asha")
        if ctx.language != .hi { app.handle(.function(2)) }
        app.render(on: term)
        term.present()
        var result = CursesKeystrokes()
        var keys = 0
        fflush(out)
        let start = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        func press(_ key: Key) {
            result.samples.time {
                app.handle(key)
                app.render(on: term)
                term.present()
            }
            keys += 1
        }
        for _ in 0..<runs {
            // The main menu: down and up through its items.
            for _ in 0..<4 { press(.down) }
            for _ in 0..<4 { press(.up) }
        }
        app.handle(.char("2"))
        app.render(on: term)
        term.present()
        Thread.sleep(forTimeInterval: 1.1)  // the queue's type-ahead guard
        for _ in 0..<runs {
            for text in ["सुनी", "verma", "98"] {
                for s in text.unicodeScalars { press(.char(s)) }
                for _ in text.unicodeScalars { press(.backspace) }
            }
        }
        fflush(out)
        let end = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? start
        term.end()
        fclose(out)
        result.bytesPerKey = Double(end - start) / Double(max(1, keys))
        return result
    }
}
