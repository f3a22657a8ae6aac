import CNcurses
import Foundation
import TerminalKit

/// Asks the terminal, before curses starts, how many columns it gives a test cluster: the
/// cluster is written at the start of the line, then a cursor-position report is asked for
/// (ESC [ 6 n, answered ESC [ row ; col R) and the line is wiped. A terminal that lays Devanagari
/// out by other widths than the desk's (mlterm gives a spacing vowel sign no column) would be
/// drawn broken; one that does not answer (a console, a pipe) is waited for only `timeoutMs`.
public enum TerminalProbe {
    /// Clusters whose widths terminals disagree on: a conjunct and spacing vowel signs.
    public static let sample = "क्षि कृपा"

    public enum Answer: Equatable {
        /// The terminal advanced as the desk measures.
        case agrees
        /// The terminal advanced `terminal` columns where the desk measures `desk`.
        case differs(desk: Int, terminal: Int)
        /// No answer in time (or not a terminal).
        case noAnswer
    }

    /// Probes the terminal on the given descriptors (the process's own by default).
    public static func probe(input: Int32 = 0, output: Int32 = 1, timeoutMs: Int32 = 400) -> Answer {
        CursesTerminal.prepareLocale()  // the desk's widths follow the locale's (the thana locale)
        guard isatty(input) == 1, isatty(output) == 1 else { return .noAnswer }
        var saved = termios()
        guard tcgetattr(input, &saved) == 0 else { return .noAnswer }
        var raw = saved
        raw.c_lflag &= ~tcflag_t(ICANON | ECHO)
        tcsetattr(input, TCSANOW, &raw)
        defer { tcsetattr(input, TCSANOW, &saved) }
        write(output, "\r" + sample + "\u{1B}[6n")
        let reply = read(input, until: UInt8(ascii: "R"), timeoutMs: timeoutMs)
        write(output, "\r\u{1B}[2K")
        guard let col = column(inReply: reply) else { return .noAnswer }
        let desk = TextWidth.of(sample)
        return col - 1 == desk ? .agrees : .differs(desk: desk, terminal: col - 1)
    }

    /// The column (1-based) of a cursor-position report, anywhere in what was read.
    public static func column(inReply bytes: [UInt8]) -> Int? {
        let text = String(decoding: bytes, as: UTF8.self)
        guard let r = text.range(of: "\u{1B}\\[[0-9]+;[0-9]+R", options: .regularExpression) else { return nil }
        let inner = text[r].dropFirst(2).dropLast()
        return inner.split(separator: ";").last.flatMap { Int($0) }
    }

    private static func write(_ fd: Int32, _ text: String) {
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
    }

    private static func read(_ fd: Int32, until last: UInt8, timeoutMs: Int32) -> [UInt8] {
        var got: [UInt8] = []
        let deadline = Date().addingTimeInterval(Double(timeoutMs) / 1000)
        while Date() < deadline {
            let left = Int32(max(1, deadline.timeIntervalSinceNow * 1000))
            var fds = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            guard poll(&fds, 1, left) > 0, fds.revents & Int16(POLLIN) != 0 else { break }
            var byte: UInt8 = 0
            guard Glibc.read(fd, &byte, 1) == 1 else { break }
            got.append(byte)
            if byte == last { break }
        }
        return got
    }
}
