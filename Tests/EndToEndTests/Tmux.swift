import DeskUI
import Foundation
import XCTest

/// The one policy for tests that need a program from outside the package (tmux now; Syncthing or
/// a browser later): the program is looked up on `PATH`. When it is missing, a run with `CI` set
/// fails the test (never a silent skip) and stops it cleanly by throwing; elsewhere the test is
/// skipped with a line that says which program is missing and that CI would fail.
enum ExternalProgram {
    enum Lookup: Equatable {
        case found(String)
        /// CI: the test must fail, with this message.
        case failInCI(String)
        /// Not CI: the test may skip, with this message.
        case skip(String)
    }

    struct Missing: Error, CustomStringConvertible {
        let description: String
    }

    /// The first executable `name` in the `PATH` of `environment`, if any.
    static func find(_ name: String, environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        let dirs = (environment["PATH"] ?? "").split(separator: ":").map(String.init)
        return dirs.map { URL(fileURLWithPath: $0).appendingPathComponent(name).path }
            .first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// What a test needing `name` should do in `environment` (pure: tested on its own).
    static func lookup(_ name: String, environment: [String: String] = ProcessInfo.processInfo.environment) -> Lookup {
        if let path = find(name, environment: environment) { return .found(path) }
        if let ci = environment["CI"], !ci.isEmpty {
            return .failInCI("\(name) is required in CI (CI is set) but is not on PATH")
        }
        return .skip("\(name) is not on PATH: test skipped (outside CI only; with CI set this fails)")
    }

    /// The program's path, or the test stops: an XCTFail and a thrown error in CI, an XCTSkip elsewhere.
    /// Call it from `setUpWithError` or a throwing test.
    static func require(_ name: String, file: StaticString = #filePath, line: UInt = #line) throws -> String {
        switch lookup(name) {
        case .found(let path): return path
        case .failInCI(let message):
            XCTFail(message, file: file, line: line)
            throw Missing(description: message)
        case .skip(let message):
            throw XCTSkip(message, file: file, line: line)
        }
    }
}

/// A tmux server of its own (its own socket), running the real binary in an 80x24 window.
final class Tmux {
    let socket = "urja-e2e-\(UUID().uuidString.prefix(8))"
    let session = "desk"
    /// tmux as found on PATH.
    let program: String

    /// Finds tmux by the one policy (`ExternalProgram.require`): a test without it fails in CI.
    init(file: StaticString = #filePath, line: UInt = #line) throws {
        program = try ExternalProgram.require("tmux", file: file, line: line)
    }

    /// Set before `start`: the environment the server and the desk run in (and each tmux command),
    /// as a launcher sets it (the thana locale's LOCPATH, URJA_TERMINAL).
    var environment: [String: String] = [:]

    /// `env K=V ...` for `environment` (empty when none).
    private var envPrefix: [String] {
        environment.isEmpty ? [] : ["env"] + environment.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
    }

    /// Runs tmux through the shell. Foundation's Process waits on descriptors that the tmux
    /// server (a daemon forked by new-session) inherits, so it would never return here.
    @discardableResult
    func tmux(_ args: [String]) -> (status: Int32, out: String) {
        let quoted = (envPrefix + [program, "-L", socket] + args).map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }
        let line = quoted.joined(separator: " ") + " </dev/null 2>/dev/null"
        guard let pipe = popen(line, "r") else { return (-1, "") }
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let n = fread(&buffer, 1, buffer.count, pipe)
            if n <= 0 { break }
            data.append(contentsOf: buffer[0..<n])
        }
        let status = pclose(pipe)
        return (status == 0 ? 0 : 1, String(decoding: data, as: UTF8.self))
    }

    func start(_ command: String, rows: Int = 24, cols: Int = 80) {
        // The server must not hold the capture pipe: start it with its output sent nowhere.
        let inner = (["env", "LANG=C.UTF-8"] + envPrefix.dropFirst().map { "'\($0)'" }).joined(separator: " ") + " " + command
        let quoted = (envPrefix + [program, "-L", socket, "new-session", "-d", "-s", session, "-x", "\(cols)", "-y", "\(rows)",
                      inner]).map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }
        _ = system(quoted.joined(separator: " ") + " </dev/null >/dev/null 2>&1")
    }

    /// Presses named keys (tmux's names: Enter, Tab, F10, C-q, Escape).
    func keys(_ names: String...) {
        for name in names {
            tmux(["send-keys", "-t", session, name])
            Thread.sleep(forTimeInterval: 0.05)
        }
    }

    /// Types text literally, Hindi included.
    func type(_ text: String) {
        tmux(["send-keys", "-t", session, "-l", text])
        Thread.sleep(forTimeInterval: 0.1)
    }

    /// What the pane shows (without U+200B: the pads the desk sends mlterm, see SpacingMarkPads).
    var screen: String { tmux(["capture-pane", "-p", "-t", session]).out.replacingOccurrences(of: "\u{200B}", with: "") }

    var isRunning: Bool { tmux(["has-session", "-t", session]).status == 0 }

    /// Waits until the screen shows `text`; returns the screen.
    @discardableResult
    func waitFor(_ text: String, seconds: Double = 10, file: StaticString = #filePath, line: UInt = #line) -> String {
        let deadline = Date().addingTimeInterval(seconds)
        var last = ""
        while Date() < deadline {
            last = screen
            if last.contains(text) { return last }
            Thread.sleep(forTimeInterval: 0.1)
        }
        XCTFail("waited \(seconds)s for \"\(text)\"; screen:\n\(last)", file: file, line: line)
        return last
    }

    /// Waits until the screen no longer shows `text`; returns the screen.
    @discardableResult
    func waitUntilGone(_ text: String, seconds: Double = 10, file: StaticString = #filePath, line: UInt = #line) -> String {
        let deadline = Date().addingTimeInterval(seconds)
        var last = ""
        while Date() < deadline {
            last = screen
            if !last.contains(text) { return last }
            Thread.sleep(forTimeInterval: 0.1)
        }
        XCTFail("waited \(seconds)s for \"\(text)\" to go; screen:\n\(last)", file: file, line: line)
        return last
    }

    func waitForExit(seconds: Double = 5) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if !isRunning { return true }
            Thread.sleep(forTimeInterval: 0.1)
        }
        return false
    }

    func stop() { tmux(["kill-server"]) }
}
