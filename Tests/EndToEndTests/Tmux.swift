import DeskUI
import Foundation
import XCTest

/// A tmux server of its own (its own socket), running the real binary in an 80x24 window.
final class Tmux {
    let socket = "urja-e2e-\(UUID().uuidString.prefix(8))"
    let session = "desk"

    static var available: Bool {
        ["/usr/bin/tmux", "/usr/local/bin/tmux"].contains { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Runs tmux through the shell. Foundation's Process waits on descriptors that the tmux
    /// server (a daemon forked by new-session) inherits, so it would never return here.
    @discardableResult
    func tmux(_ args: [String]) -> (status: Int32, out: String) {
        let quoted = (["tmux", "-L", socket] + args).map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }
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
        let quoted = ["tmux", "-L", socket, "new-session", "-d", "-s", session, "-x", "\(cols)", "-y", "\(rows)",
                      "env LANG=C.UTF-8 " + command].map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }
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

    var screen: String { tmux(["capture-pane", "-p", "-t", session]).out }

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
