import Foundation
import XCTest

/// A real terminal emulator under a virtual X server (Xvfb), attached to a `Tmux` session: the
/// desk as she sees it, in pixels. Each emulator gets an X display of its own, with no window
/// manager, so its window sits at 0,0 and nothing else draws over it. `scripts/screenshots` does
/// the same from the shell for people to look at.
final class Emulator {
    enum Kind: String, CaseIterable {
        /// Shapes Devanagari (OpenType, Noto Sans Devanagari): the recommended one.
        case mlterm
        /// VTE, the engine of GNOME Terminal and xfce4-terminal.
        case sakura
        case xterm
    }

    let kind: Kind
    let display: String
    private var processes: [Process] = []
    private let home: URL
    /// The emulator's top-level window.
    private(set) var window = ""
    private let importPath: String
    private let xwininfo: String

    /// Starts Xvfb and the emulator attached to `tmux`'s session, whose status line is turned off
    /// (the window is then exactly 80 x 24). Needs Xvfb, import, xwininfo and the emulator on PATH
    /// (the one policy: `ExternalProgram.require`, failing in CI).
    /// `home`: one `thanaSetUp()` made (its settings are used and it is removed at `stop`); else a
    /// home of its own is made the same way.
    init(_ kind: Kind, attachedTo tmux: Tmux, home: URL? = nil, file: StaticString = #filePath, line: UInt = #line) throws {
        self.kind = kind
        let xvfb = try ExternalProgram.require("Xvfb", file: file, line: line)
        importPath = try ExternalProgram.require("import", file: file, line: line)
        xwininfo = try ExternalProgram.require("xwininfo", file: file, line: line)
        let program = try ExternalProgram.require(kind.rawValue, file: file, line: line)
        let dbus = kind == .sakura ? try ExternalProgram.require("dbus-run-session", file: file, line: line) : ""
        if let home {
            self.home = home
        } else {
            self.home = try Emulator.thanaSetUp().home
        }
        display = ":" + String(Emulator.freeDisplay())
        tmux.tmux(["set", "-g", "status", "off"])

        launch(xvfb, [display, "-screen", "0", "1400x900x24", "-nolisten", "tcp", "-noreset"])
        guard wait(seconds: 10, until: { self.run(self.xwininfo, ["-root"]).status == 0 }) else {
            throw Failure(description: "Xvfb did not start on \(display)")
        }
        let attach = [tmux.program, "-L", tmux.socket, "attach", "-t", tmux.session]
        switch kind {
        case .mlterm:
            // Shaping, fonts and size from the settings terminal-setup wrote.
            launch(program, ["-e"] + attach)
        case .sakura:
            launch(dbus, ["--", program, "-f", "Noto Sans Mono 12", "-c", "80", "-r", "24", "-x",
                          attach.map { "'\($0)'" }.joined(separator: " ")])
        case .xterm:
            launch(program, ["-fa", "Noto Sans Mono", "-fs", "12", "-geometry", "80x24+0+0", "-e"] + attach)
        }
        guard wait(seconds: 30, until: { self.findWindow() && tmux.tmux(["list-clients"]).out.contains("/") }) else {
            stop()
            throw Failure(description: "\(kind) opened no window attached to tmux on \(display)")
        }
    }

    deinit { stop() }

    struct Failure: Error, CustomStringConvertible { let description: String }

    /// The window's pixels (raw RGB), once the emulator has drawn what tmux last sent: the
    /// picture is taken again until two in a row agree.
    func picture(settle: Double = 0.5) -> Data {
        Thread.sleep(forTimeInterval: settle)
        var last = grab()
        for _ in 0..<10 {
            Thread.sleep(forTimeInterval: 0.3)
            let now = grab()
            if now == last { return now }
            last = now
        }
        return last
    }

    /// The window's size in pixels.
    private(set) var pixels = (width: 0, height: 0)

    /// Writes a picture (from `picture()`) as a PNG.
    func savePNG(_ picture: Data, to url: URL) {
        let raw = url.deletingPathExtension().appendingPathExtension("rgb")
        guard (try? picture.write(to: raw)) != nil else { return }
        _ = run(importPath.replacingOccurrences(of: "/import", with: "/convert"),
                ["-size", "\(pixels.width)x\(pixels.height)", "-depth", "8", "rgb:" + raw.path, url.path])
        try? FileManager.default.removeItem(at: raw)
    }

    /// How many pixels differ between two pictures of the same window (RGB, 3 bytes a pixel).
    static func differingPixels(_ a: Data, _ b: Data) -> Int {
        guard a.count == b.count else { return max(a.count, b.count) / 3 }
        let x = [UInt8](a), y = [UInt8](b)
        var n = 0
        var i = 0
        while i + 2 < x.count {
            if x[i] != y[i] || x[i + 1] != y[i + 1] || x[i + 2] != y[i + 2] { n += 1 }
            i += 3
        }
        return n
    }

    /// Ends the emulator and the X server, those this object started (by pid).
    func stop() {
        for p in processes.reversed() where p.isRunning {
            p.terminate()
            p.waitUntilExit()
        }
        processes = []
        try? FileManager.default.removeItem(at: home)
    }

    // MARK: Inside

    private func grab() -> Data {
        run(importPath, ["-window", window, "-depth", "8", "rgb:-"]).out
    }

    private func findWindow() -> Bool {
        let tree = String(decoding: run(xwininfo, ["-root", "-children"]).out, as: UTF8.self)
        for row in tree.split(separator: "\n") where row.contains("\"") && !row.contains("has no name") {
            guard let size = row.range(of: " [0-9]+x[0-9]+\\+", options: .regularExpression),
                  let id = row.split(separator: " ").first, id.hasPrefix("0x") else { continue }
            let wh = row[size].dropFirst().dropLast().split(separator: "x").compactMap { Int($0) }
            guard wh.count == 2 else { continue }
            window = String(id)
            pixels = (wh[0], wh[1])
            return true
        }
        return false
    }

    private var environment: [String: String] {
        var env = ProcessInfo.processInfo.environment
        env["DISPLAY"] = display
        env["HOME"] = home.path
        env["XDG_CONFIG_HOME"] = home.appendingPathComponent(".config").path
        env["LANG"] = "C.UTF-8"
        return env
    }

    private func launch(_ path: String, _ args: [String]) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: path)
        p.arguments = args
        p.environment = environment
        p.standardInput = FileHandle.nullDevice
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        do {
            try p.run()
            processes.append(p)
        } catch {
            XCTFail("could not start \(path): \(error)")
        }
    }

    /// Runs a short program to its end through the shell (see `Tmux.tmux` on why not Process).
    private func run(_ path: String, _ args: [String]) -> (status: Int32, out: Data) {
        let env = "DISPLAY='\(display)' "
        let quoted = ([path] + args).map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }
        guard let pipe = popen(env + quoted.joined(separator: " ") + " </dev/null 2>/dev/null", "r") else { return (-1, Data()) }
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = fread(&buffer, 1, buffer.count, pipe)
            if n <= 0 { break }
            data.append(contentsOf: buffer[0..<n])
        }
        return (pclose(pipe) == 0 ? 0 : 1, data)
    }

    private func wait(seconds: Double, until done: () -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if done() { return true }
            Thread.sleep(forTimeInterval: 0.1)
        }
        return false
    }

    /// A display number no X server holds.
    private static func freeDisplay() -> Int {
        var n = 200 + Int.random(in: 0..<300)
        while FileManager.default.fileExists(atPath: "/tmp/.X11-unix/X\(n)") || FileManager.default.fileExists(atPath: "/tmp/.X\(n)-lock") {
            n += 1
        }
        return n
    }

    /// The thana set-up as `urja-desk terminal-setup` writes it (mlterm's settings with shaping on,
    /// its font map with Noto Sans Devanagari), in a home of the test's own: mlterm runs by it.
    /// Also the thana locale and the environment the launcher gives tmux and the desk (LOCPATH of
    /// that locale, URJA_TERMINAL=mlterm), for `Tmux.environment`: the recommended set-up whole.
    static func thanaSetUp() throws -> (home: URL, environment: [String: String]) {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("urja-emu-\(UUID().uuidString.prefix(8))")
        let made = try Binary.run(["terminal-setup", "--home", home.path, "--store", home.appendingPathComponent("store").path])
        guard made.status == 0 else { throw Failure(description: "terminal-setup failed: \(made.stderr)") }
        let locale = home.appendingPathComponent(".urja-desk/locale")
        guard FileManager.default.fileExists(atPath: locale.appendingPathComponent("C.UTF-8/LC_CTYPE").path) else {
            throw Failure(description: "terminal-setup made no thana locale in \(locale.path) (localedef, package locales)")
        }
        return (home, ["LOCPATH": locale.path, "URJA_TERMINAL": "mlterm"])
    }
}
