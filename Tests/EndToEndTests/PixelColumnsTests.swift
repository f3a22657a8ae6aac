import Foundation
import XCTest

/// Text after Hindi on a line starts at its column, measured in the pixels of the recommended
/// terminal as the launcher runs it (mlterm shaping with Noto Sans Devanagari, tmux and the desk in
/// the thana locale, URJA_TERMINAL=mlterm). mlterm draws Devanagari at the font's widths, so
/// without the desk moving blanks (ShapedColumns) the count after "थाने की कतार" sits 1.2 cells
/// right of its column and "Hinglish" 0.9; with it every right-hand column of the Hindi menu starts
/// within half a cell. Where each should start is read from the same menu in Hinglish (no
/// Devanagari, so nothing is moved and the text shows the desk's own columns).
final class PixelColumnsTests: TmuxTestCase {
    override var demo: (cases: Int, seed: Int) { (25, 9) }

    func testTextAfterHindiLandsAtItsColumnInMLterm() throws {
        let setUp = try Emulator.thanaSetUp()
        tmux.environment = setUp.environment
        tmux.start(command)
        let emulator = try Emulator(.mlterm, attachedTo: tmux, home: setUp.home)
        defer { emulator.stop() }
        login("asha", "1111")
        tmux.keys("F2")
        let hindi = tmux.waitFor("मुख्य मेनू").components(separatedBy: "\n")
        let picture = emulator.picture()
        tmux.keys("F2")
        let roman = tmux.waitFor("mukhya menu").components(separatedBy: "\n")
        let (width, height) = emulator.pixels
        let cell = (w: (width - 4) / 80, h: (height - 4) / 24)
        var measured = 0
        // The menu's rows with a right-hand column: the queue's count, the month's programmes, the language.
        for row in 4..<min(12, hindi.count, roman.count) where hindi[row].unicodeScalars.contains(where: { (0x0900...0x097F).contains($0.value) }) {
            let text = roman[row].drop { $0 == " " }
            guard let gap = text.range(of: "    ", options: .backwards),
                  text[gap.upperBound...].first.map({ $0 != " " }) == true else { continue }
            let col = roman[row].distance(from: roman[row].startIndex, to: gap.upperBound)
            let expected = 2 + col * cell.w
            guard let drawn = Self.firstInkAfterGap(picture, width: width, top: 2 + row * cell.h, height: cell.h, gap: 3 * cell.w) else {
                XCTFail("nothing drawn after the gap on row \(row): \(hindi[row])")
                continue
            }
            measured += 1
            XCTAssertLessThanOrEqual(abs(drawn - expected), cell.w / 2,
                                     "row \(row) \"\(hindi[row].trimmingCharacters(in: .whitespaces).prefix(24))\": the column at \(col) "
                                     + "should start near x=\(expected); drawn at x=\(drawn) "
                                     + "(\(String(format: "%+.1f", Double(drawn - expected) / Double(cell.w))) cells)")
        }
        XCTAssertGreaterThanOrEqual(measured, 3, "the queue, programmes and language rows:\n\(hindi.joined(separator: "\n"))")
        tmux.keys("F2")  // English again, for quit()
        tmux.waitFor("Main menu")
        quit()
    }

    /// Columns as curses and tmux count them in the thana locale: marks (Devanagari's spacing
    /// vowel signs too, as in mlterm) and format characters none, others one.
    static func columns(_ text: String) -> Int {
        text.unicodeScalars.filter {
            ![.nonspacingMark, .enclosingMark, .format, .spacingMark].contains($0.properties.generalCategory)
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
