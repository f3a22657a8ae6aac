import Foundation
import XCTest

/// Text after Hindi on a line lands at its column, measured in the pixels of the recommended
/// terminal (mlterm shaping with Noto Sans Devanagari, the desk inside tmux, as `terminal-setup`
/// launches it). mlterm gives a spacing vowel sign (ा ि ी) no column of its own, so without the
/// desk's pads (SpacingMarkPads) the queue's count after "थाने की कतार" sits about two cells
/// left of its column (-1.8 cells measured); with them it lands within half a cell.
final class PixelColumnsTests: TmuxTestCase {
    override var demo: (cases: Int, seed: Int) { (25, 9) }

    func testTextAfterHindiLandsAtItsColumnInMLterm() throws {
        tmux.start("env URJA_TERMINAL=mlterm " + command)
        let emulator = try Emulator(.mlterm, attachedTo: tmux)
        defer { emulator.stop() }
        login("asha", "1111")
        tmux.keys("F2")
        let screen = tmux.waitFor("मुख्य मेनू")
        let picture = emulator.picture()
        let rows = screen.components(separatedBy: "\n")
        guard let row = rows.firstIndex(where: { $0.contains("थाने की कतार") }),
              let gap = rows[row].range(of: "      ", options: .backwards) else {
            return XCTFail("no queue line on the Hindi menu:\n\(screen)")
        }
        let line = rows[row]
        let segment = line[gap.lowerBound...].drop { $0 == " " }
        let col = Self.columns(String(line[..<segment.startIndex]))
        let (width, height) = emulator.pixels
        let cell = (w: (width - 4) / 80, h: (height - 4) / 24)
        let expected = 2 + col * cell.w
        guard let drawn = Self.firstInkAfterGap(picture, width: width, top: 2 + row * cell.h, height: cell.h, gap: 4 * cell.w) else {
            return XCTFail("nothing drawn after the gap on row \(row)")
        }
        XCTAssertLessThanOrEqual(abs(drawn - expected), cell.w / 2,
                                 "\"\(segment.prefix(10))\" at column \(col) should start near x=\(expected); drawn at x=\(drawn) "
                                 + "(\(String(format: "%+.1f", Double(drawn - expected) / Double(cell.w))) cells)")
        quit()
    }

    /// Columns as curses counts them: combining marks and format characters none, others one.
    static func columns(_ text: String) -> Int {
        text.unicodeScalars.filter {
            ![.nonspacingMark, .enclosingMark, .format].contains($0.properties.generalCategory)
        }.count
    }

    /// The x of the first dark pixel (text on the light background) that follows a run of at
    /// least `gap` pixel columns without any, in the band of rows of one text line.
    static func firstInkAfterGap(_ rgb: Data, width: Int, top: Int, height: Int, gap: Int) -> Int? {
        let bytes = [UInt8](rgb)
        var lastInk: Int?
        for x in 0..<width {
            var ink = false
            for y in (top + 3)..<(top + height - 3) where !ink {
                let i = (y * width + x) * 3
                guard i + 2 < bytes.count else { continue }
                ink = Int(bytes[i]) + Int(bytes[i + 1]) + Int(bytes[i + 2]) < 300
            }
            guard ink else { continue }
            if let last = lastInk, x - last >= gap { return x }
            lastInk = x
        }
        return nil
    }
}
