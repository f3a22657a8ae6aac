import Foundation
import XCTest

/// `urja-desk terminal-setup` writes the thana set-up: mlterm with shaping and Noto Sans
/// Devanagari, tmux without a status line, and a launcher that runs the desk inside tmux inside
/// mlterm on the given store. (PixelsInEmulatorsTests runs mlterm by exactly these settings.)
final class TerminalSetupTests: XCTestCase {
    func testTheSetUpIsWrittenReadyToRun() throws {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("urja-setup-\(UUID().uuidString.prefix(8))")
        defer { try? FileManager.default.removeItem(at: home) }
        let store = home.appendingPathComponent("my store")
        let made = try Binary.run(["terminal-setup", "--home", home.path, "--store", store.path])
        XCTAssertEqual(made.status, 0, made.stderr)
        func read(_ path: String) -> String {
            (try? String(contentsOf: home.appendingPathComponent(path), encoding: .utf8)) ?? ""
        }
        let main = read(".mlterm/main")
        for setting in ["use_ot_layout = true", "use_ctl = true", "type_engine = cairo", "geometry = 80x24"] {
            XCTAssertTrue(main.contains(setting), setting + " in:\n" + main)
        }
        for map in [".mlterm/aafont", ".mlterm/font"] {
            XCTAssertTrue(read(map).contains("U+0900-097F=Noto Sans Devanagari"), map)
        }
        XCTAssertTrue(read(".urja-desk/tmux.conf").contains("set -g status off"))
        let launcher = home.appendingPathComponent(".urja-desk/urja-desk-terminal")
        XCTAssertTrue(FileManager.default.isExecutableFile(atPath: launcher.path))
        let script = read(".urja-desk/urja-desk-terminal")
        XCTAssertTrue(script.contains("exec mlterm"), script)
        XCTAssertTrue(script.contains("tmux -L urja-desk -f"), "a tmux server of its own: \(script)")
        // The thana locale: tmux and the desk run in it, and in it a spacing vowel sign takes no
        // column, as in mlterm (wc -L measures by wcwidth): कि is 1 column there, 2 in the stock locale.
        let locale = home.appendingPathComponent(".urja-desk/locale")
        XCTAssertTrue(script.contains("LOCPATH='\(locale.path)' tmux"), script)
        XCTAssertTrue(script.contains("LOCPATH='\\''\(locale.path)'\\'' URJA_TERMINAL=mlterm"), script)
        XCTAssertEqual(try Self.columns("कि", locale: locale), 1)
        XCTAssertEqual(try Self.columns("नहीं बंद", locale: locale), 5)
        XCTAssertEqual(try Self.columns("कि", locale: nil), 2)
        XCTAssertTrue(script.contains("my store"), "the store it opens: \(script)")
        XCTAssertTrue(script.contains(Binary.url.lastPathComponent), script)
        XCTAssertTrue(made.stdout.contains(launcher.path), made.stdout)
        // The launcher is a shell script sh can read.
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/sh")
        p.arguments = ["-n", launcher.path]
        try p.run()
        p.waitUntilExit()
        XCTAssertEqual(p.terminationStatus, 0)
    }

    /// Columns of a text by wcwidth (`wc -L`) in C.UTF-8, from `locale` (LOCPATH) or the system's.
    private static func columns(_ text: String, locale: URL?) throws -> Int {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/sh")
        p.arguments = ["-c", "printf '%s\\n' \"$1\" | wc -L", "sh", text]
        var env = ProcessInfo.processInfo.environment
        env["LANG"] = "C.UTF-8"
        env["LC_ALL"] = nil
        env["LOCPATH"] = locale?.path
        p.environment = env
        let out = Pipe()
        p.standardOutput = out
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return Int(String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)) ?? -1
    }
}
