import Foundation
import XCTest

/// No stale cells on a real terminal: the same screen reached two ways must be the same picture,
/// pixel for pixel, in each emulator (mlterm shaping Devanagari, sakura's VTE, xterm), through
/// tmux as the desk runs in every other test. The pictures of a failure are kept under
/// $TMPDIR/urja-pixels-*/ (PNG) and named in the failure.
final class PixelsInEmulatorsTests: TmuxTestCase {
    override var demo: (cases: Int, seed: Int) { (25, 9) }

    func testMLtermShowsTheSameScreenHoweverReached() throws { try sameScreens(.mlterm) }
    func testSakuraShowsTheSameScreenHoweverReached() throws { try sameScreens(.sakura) }
    func testXtermShowsTheSameScreenHoweverReached() throws { try sameScreens(.xterm) }

    /// The Hindi main menu reached by F2 from English, and started in Hindi; the Hindi queue as
    /// opened, and scrolled down and back; the menu after leaving the queue, and after a resize.
    private func sameScreens(_ kind: Emulator.Kind) throws {
        // mlterm runs as the thana PC runs it (the recommended set-up, whole): terminal-setup's
        // settings, and tmux and the desk in the thana locale with URJA_TERMINAL=mlterm, as the
        // launcher starts them.
        var setUp = kind == .mlterm ? try Emulator.thanaSetUp() : nil
        tmux.environment = setUp?.environment ?? [:]
        tmux.start(command)
        var emulator = try Emulator(kind, attachedTo: tmux, home: setUp?.home)
        defer { emulator.stop() }
        login("asha", "1111")
        tmux.keys("F2")
        tmux.waitFor("मुख्य मेनू")
        let toggled = emulator.picture()

        tmux.keys("2")
        tmux.waitFor("कतार")
        Thread.sleep(forTimeInterval: 1.1)  // the queue's first second (type-ahead guard) passes
        let opened = emulator.picture()
        tmux.keys("PageDown")
        Thread.sleep(forTimeInterval: 0.3)
        tmux.keys("PageUp")
        let scrolled = emulator.picture()
        compare(opened, scrolled, "queue opened / scrolled down and back", emulator)

        tmux.keys("Escape")
        tmux.waitFor("मुख्य मेनू")
        let back = emulator.picture()
        tmux.tmux(["resize-window", "-t", tmux.session, "-x", "100", "-y", "30"])
        Thread.sleep(forTimeInterval: 0.5)
        tmux.tmux(["resize-window", "-t", tmux.session, "-A"])
        let resized = emulator.picture(settle: 0.8)
        compare(back, resized, "menu before / after a resize", emulator)

        quit()
        XCTAssertTrue(tmux.waitForExit())
        emulator.stop()
        tmux.stop()
        tmux = try Tmux()
        setUp = kind == .mlterm ? try Emulator.thanaSetUp() : nil
        tmux.environment = setUp?.environment ?? [:]
        tmux.start(command)
        emulator = try Emulator(kind, attachedTo: tmux, home: setUp?.home)
        login("asha", "1111", expect: "मुख्य मेनू")
        let fresh = emulator.picture()
        compare(toggled, fresh, "Hindi menu by F2 / started in Hindi", emulator)
        quit()
    }

    private func compare(_ a: Data, _ b: Data, _ what: String, _ emulator: Emulator,
                         file: StaticString = #filePath, line: UInt = #line) {
        let differ = Emulator.differingPixels(a, b)
        guard differ > 0 else { return }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("urja-pixels-\(UUID().uuidString.prefix(8))")
        try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        for (name, data) in [("first", a), ("second", b)] {
            emulator.savePNG(data, to: dir.appendingPathComponent("\(emulator.kind)-\(name).png"))
        }
        XCTFail("\(emulator.kind): \(what): \(differ) pixels differ (pictures in \(dir.path))", file: file, line: line)
    }
}
