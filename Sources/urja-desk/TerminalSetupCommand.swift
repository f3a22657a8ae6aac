import ArgumentParser
import DeskModel
import Foundation

/// The recommended terminal for a thana PC, ready to use: mlterm shaping Devanagari with Noto
/// Sans Devanagari, running the desk inside tmux (tmux lays text out by the desk's widths, which
/// mlterm alone does not; the desk sends lines holding Devanagari whole, so nothing stale stays).
/// The launcher sets URJA_TERMINAL=mlterm: the desk then pads for the columns mlterm does not give
/// Devanagari's spacing vowel signs (SpacingMarkPads), so text after Hindi lands at its column.
struct TerminalSetup: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "terminal-setup",
        abstract: "Write a ready terminal set-up: mlterm with Noto Sans Devanagari and shaping on, the desk inside tmux, and a launcher.")

    @OptionGroup var storeOption: StoreOption
    @Option(name: .long, help: "The home folder to write into (else $HOME).") var home: String?

    func run() throws {
        let s = try CLI.resources().strings
        let homeURL = URL(fileURLWithPath: home ?? ProcessInfo.processInfo.environment["HOME"] ?? NSHomeDirectory(), isDirectory: true)
        let desk = Bundle.main.executableURL?.path ?? URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL.path
        let files = TerminalSetupFiles(home: homeURL, desk: desk, store: storeOption.url.path)
        do {
            for file in files.all {
                try FileManager.default.createDirectory(at: file.url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try file.text.write(to: file.url, atomically: true, encoding: .utf8)
                if file.executable { try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: file.url.path) }
                print(s.text(.cli_terminalSetupWrote, .en, file.url.path))
            }
        } catch {
            CLI.exit(Failure(s.text(.cli_cannotCreate, .en, homeURL.path), code: 73))
        }
        print(s.text(.cli_terminalSetupDone, .en, files.launcher.path))
    }
}

/// What `terminal-setup` writes: mlterm's settings and font map, tmux's settings, a launcher.
struct TerminalSetupFiles {
    let home: URL
    let desk: String
    let store: String

    struct File {
        var url: URL
        var text: String
        var executable = false
    }

    var launcher: URL { home.appendingPathComponent(".urja-desk/urja-desk-terminal") }
    var tmuxConf: URL { home.appendingPathComponent(".urja-desk/tmux.conf") }

    /// Noto Sans Mono for Latin, Noto Sans Devanagari for U+0900–097F (without the map mlterm
    /// draws boxes); the same map for the anti-aliased and the plain engines.
    static let fontMap = "DEFAULT=Noto Sans Mono\nU+0900-097F=Noto Sans Devanagari\n"

    /// OpenType shaping and complex text layout on (the cairo engine), 80 x 24, no scroll bar.
    static let mltermMain = """
        # Urja Desk: Hindi shaped with Noto Sans Devanagari (written by urja-desk terminal-setup)
        use_ot_layout = true
        use_ctl = true
        type_engine = cairo
        use_anti_alias = true
        use_scrollbar = false
        blink_cursor = false
        fontsize = 16
        geometry = 80x24

        """

    static let tmux = """
        # Urja Desk inside tmux (written by urja-desk terminal-setup): all 24 rows for the desk, Esc at once.
        set -g status off
        set -g escape-time 10

        """

    var all: [File] {
        let quote = { (s: String) in "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'" }
        let inner = "env LANG=C.UTF-8 URJA_TERMINAL=mlterm \(quote(desk)) --store \(quote(store))"
        let script = """
            #!/bin/sh
            # Urja Desk on this thana PC: mlterm (Noto Sans Devanagari, shaping on) with the desk inside tmux.
            # Written by urja-desk terminal-setup; run that again to write it anew.
            exec mlterm -T "Urja Desk" -e tmux -f \(quote(tmuxConf.path)) new-session -A -s urja-desk \(quote(inner))

            """
        return [
            File(url: home.appendingPathComponent(".mlterm/main"), text: Self.mltermMain),
            File(url: home.appendingPathComponent(".mlterm/aafont"), text: Self.fontMap),
            File(url: home.appendingPathComponent(".mlterm/font"), text: Self.fontMap),
            File(url: tmuxConf, text: Self.tmux),
            File(url: launcher, text: script, executable: true),
        ]
    }
}
