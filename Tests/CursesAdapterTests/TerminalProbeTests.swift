@testable import CursesAdapter
import DeskUI
import Foundation
import XCTest

/// The cursor-position question asked at start, on a pseudo-terminal whose other end plays the
/// terminal: one that agrees with the desk's widths, one that gives spacing vowel signs no column
/// (as mlterm does), and one that never answers.
final class TerminalProbeTests: XCTestCase {
    /// A pty: the desk's side (slave) and the terminal's side (master).
    private func pty() throws -> (desk: Int32, terminal: Int32) {
        var master: Int32 = -1, slave: Int32 = -1
        guard openpty(&master, &slave, nil, nil, nil) == 0 else { throw XCTSkip("no pseudo-terminal here") }
        return (slave, master)
    }

    /// Plays a terminal that answers the report with the cursor `advance` columns on (nil: never).
    /// `typedBefore`: keys she typed before the desk asked (still waiting to be read); `typedWhile`:
    /// keys typed after the question, before the terminal's answer.
    private func probe(answering advance: (@Sendable (String) -> Int)?, typedBefore: String = "",
                       typedWhile: String = "") throws -> (TerminalProbe.Answer, written: String, seconds: Double, typedAhead: String) {
        let (desk, terminal) = try pty()
        defer { close(desk); close(terminal) }
        let early = Array(typedBefore.utf8)
        if !early.isEmpty { _ = early.withUnsafeBytes { write(terminal, $0.baseAddress, $0.count) } }
        let written = Written()
        let player = Thread {
            var seen = ""
            var buffer = [UInt8](repeating: 0, count: 256)
            var fds = pollfd(fd: terminal, events: Int16(POLLIN), revents: 0)
            while poll(&fds, 1, 1500) > 0 {
                let n = read(terminal, &buffer, buffer.count)
                guard n > 0 else { break }
                seen += String(decoding: buffer[0..<n], as: UTF8.self)
                written.set(seen)
                if seen.contains("\u{1B}[6n"), let advance {
                    let cluster = seen.components(separatedBy: "\r").dropFirst().first?.components(separatedBy: "\u{1B}").first ?? ""
                    let reply = Array((typedWhile + "\u{1B}[5;\(advance(cluster) + 1)R").utf8)
                    _ = reply.withUnsafeBytes { write(terminal, $0.baseAddress, $0.count) }
                    break
                }
            }
        }
        player.start()
        let start = Date()
        let (answer, typedAhead) = TerminalProbe.probeKeepingTypeAhead(input: desk, output: desk, timeoutMs: 400)
        let seconds = Date().timeIntervalSince(start)
        Thread.sleep(forTimeInterval: 0.1)
        return (answer, written.get(), seconds, String(decoding: typedAhead, as: UTF8.self))
    }

    func testATerminalThatCountsAsTheDeskAgrees() throws {
        let (answer, written, _, _) = try probe(answering: { TextWidth.of($0) })
        XCTAssertEqual(answer, .agrees)
        XCTAssertTrue(written.contains(TerminalProbe.sample), "the test cluster is written: \(written.debugDescription)")
    }

    func testATerminalThatGivesVowelSignsNoColumnDiffers() throws {
        // As mlterm: spacing vowel signs (ि ा) combine into the letter before them.
        let mlterm: @Sendable (String) -> Int = { text in
            text.unicodeScalars.reduce(0) { sum, s in
                let mark = s.properties.generalCategory == .spacingMark
                return sum + (mark ? 0 : TextWidth.of(s))
            }
        }
        let (answer, _, _, _) = try probe(answering: mlterm)
        XCTAssertEqual(answer, .differs(desk: TextWidth.of(TerminalProbe.sample), terminal: mlterm(TerminalProbe.sample)))
    }

    func testATerminalThatNeverAnswersIsNotWaitedForLong() throws {
        let (answer, _, seconds, _) = try probe(answering: nil)
        XCTAssertEqual(answer, .noAnswer)
        XCTAssertLessThan(seconds, 1.0, "waited only the time-out")
    }

    func testTheReportIsFoundAmongOtherBytes() {
        XCTAssertEqual(TerminalProbe.column(inReply: Array("x\u{1B}[12;7R".utf8)), 7)
        XCTAssertNil(TerminalProbe.column(inReply: Array("\u{1B}[12;".utf8)))
        let (col, rest) = TerminalProbe.split(Array("Rekha\u{1B}[\u{1B}[3;9Rx".utf8))
        XCTAssertEqual(col, 9)
        XCTAssertEqual(String(decoding: rest, as: UTF8.self), "Rekha\u{1B}[x")
    }

    /// Her name typed while the desk was starting (before the question, and between the question
    /// and the answer, an "R" among it) is given back, not dropped, and the answer is still read.
    func testKeysTypedWhileTheDeskStartsAreKept() throws {
        let (answer, _, _, typedAhead) = try probe(answering: { TextWidth.of($0) }, typedBefore: "asha\r", typedWhile: "Rekha")
        XCTAssertEqual(answer, .agrees)
        // Typed in the line's cooked mode, her Enter arrived as a new line.
        XCTAssertEqual(typedAhead, "asha\nRekha")
    }
}

/// What the terminal's side has read so far, shared with its thread.
private final class Written: @unchecked Sendable {
    private let lock = NSLock()
    private var text = ""
    func set(_ t: String) { lock.lock(); text = t; lock.unlock() }
    func get() -> String { lock.lock(); defer { lock.unlock() }; return text }
}
