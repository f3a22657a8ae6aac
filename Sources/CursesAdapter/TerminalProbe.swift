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
        probeKeepingTypeAhead(input: input, output: output, timeoutMs: timeoutMs).answer
    }

    /// The same, and the keys she typed before the terminal answered (her name typed while the
    /// desk was starting): read with the answer, they are given back to the desk
    /// (`CursesTerminal.giveBack`), not dropped.
    public static func probeKeepingTypeAhead(input: Int32 = 0, output: Int32 = 1, timeoutMs: Int32 = 400) -> (answer: Answer, typedAhead: [UInt8]) {
        CursesTerminal.prepareLocale()  // the desk's widths follow the locale's (the thana locale)
        guard isatty(input) == 1, isatty(output) == 1 else { return (.noAnswer, []) }
        var saved = termios()
        guard tcgetattr(input, &saved) == 0 else { return (.noAnswer, []) }
        var raw = saved
        raw.c_lflag &= ~tcflag_t(ICANON | ECHO)
        tcsetattr(input, TCSANOW, &raw)
        defer { tcsetattr(input, TCSANOW, &saved) }
        write(output, "\r" + sample + "\u{1B}[6n")
        let got = read(input, timeoutMs: timeoutMs)
        write(output, "\r\u{1B}[2K")
        let (col, typedAhead) = split(got)
        guard let col else { return (.noAnswer, typedAhead) }
        let desk = TextWidth.of(sample)
        return (col - 1 == desk ? .agrees : .differs(desk: desk, terminal: col - 1), typedAhead)
    }

    /// The column (1-based) of a cursor-position report, anywhere in what was read.
    public static func column(inReply bytes: [UInt8]) -> Int? { split(bytes).column }

    /// What was read, parted: the column of the first cursor-position report in it (ESC [ row ;
    /// col R), and every other byte, in order (keys typed before or around the answer).
    public static func split(_ bytes: [UInt8]) -> (column: Int?, typedAhead: [UInt8]) {
        guard let r = reply(in: bytes) else { return (nil, bytes) }
        let inner = bytes[(r.lowerBound + 2)..<(r.upperBound - 1)]
        let col = inner.split(separator: UInt8(ascii: ";")).last.flatMap { Int(String(decoding: $0, as: UTF8.self)) }
        return (col, Array(bytes[..<r.lowerBound]) + Array(bytes[r.upperBound...]))
    }

    /// Where the first whole report is: ESC, "[", digits, ";", digits, "R".
    static func reply(in b: [UInt8]) -> Range<Int>? {
        func digits(from i: Int) -> Int {
            var j = i
            while j < b.count, b[j] >= 48, b[j] <= 57 { j += 1 }
            return j
        }
        for start in b.indices where b[start] == 0x1B {
            guard start + 1 < b.count, b[start + 1] == UInt8(ascii: "[") else { continue }
            let row = digits(from: start + 2)
            guard row > start + 2, row < b.count, b[row] == UInt8(ascii: ";") else { continue }
            let col = digits(from: row + 1)
            guard col > row + 1, col < b.count, b[col] == UInt8(ascii: "R") else { continue }
            return start..<(col + 1)
        }
        return nil
    }

    private static func write(_ fd: Int32, _ text: String) {
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
    }

    /// Reads until a whole report has come (an "R" she typed ends nothing) or the time is up.
    private static func read(_ fd: Int32, timeoutMs: Int32) -> [UInt8] {
        var got: [UInt8] = []
        let deadline = Date().addingTimeInterval(Double(timeoutMs) / 1000)
        while Date() < deadline {
            let left = Int32(max(1, deadline.timeIntervalSinceNow * 1000))
            var fds = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            guard poll(&fds, 1, left) > 0, fds.revents & Int16(POLLIN) != 0 else { break }
            var byte: UInt8 = 0
            guard Glibc.read(fd, &byte, 1) == 1 else { break }
            got.append(byte)
            if byte == UInt8(ascii: "R"), reply(in: got) != nil { break }
        }
        return got
    }
}
