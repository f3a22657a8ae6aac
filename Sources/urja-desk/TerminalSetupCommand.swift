import ArgumentParser
import DeskModel
import Foundation
import TerminalKit

/// The recommended terminal for a thana PC, ready to use: mlterm shaping Devanagari with Noto
/// Sans Devanagari, running the desk inside tmux (tmux lays text out by the desk's widths, which
/// mlterm alone does not; the desk sends lines holding Devanagari whole, so nothing stale stays).
/// mlterm gives Devanagari's spacing vowel signs (ा ि ी) no column, glibc's stock wcwidth (and so
/// tmux and curses) one each: it writes a locale of its own (the stock UTF-8 with those signs at
/// width 0, `TextWidth.mltermCombinedSigns`) under ~/.urja-desk/locale, and the launcher runs tmux
/// and the desk in it, so all four count the same columns. Without `localedef` (package locales)
/// the launcher sets only URJA_TERMINAL=mlterm and the desk pads instead (SpacingMarkPads).
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
        var files = TerminalSetupFiles(home: homeURL, desk: desk, store: storeOption.url.path)
        files.hasLocale = files.buildLocale()
        // Without it (no package locales) the launcher still works: the desk pads for mlterm.
        if files.hasLocale { print(s.text(.cli_terminalSetupWrote, .en, files.localeDir.path)) }
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

    /// Whether `buildLocale()` made the thana locale (the launcher then runs tmux and the desk in it).
    var hasLocale = false

    var launcher: URL { home.appendingPathComponent(".urja-desk/urja-desk-terminal") }
    /// LOCPATH of the thana locale: C.UTF-8 (and en_US.UTF-8, which tmux asks for first) with
    /// mlterm's widths for Devanagari's spacing signs.
    var localeDir: URL { home.appendingPathComponent(".urja-desk/locale") }

    /// The stock UTF-8 charmap's width table with `TextWidth.mltermCombinedSigns` at width 0.
    static var widthLines: String {
        TextWidth.mltermCombinedSigns.map { r in
            let name = { (v: UInt32) in "<U" + String(format: "%04X", v) + ">" }
            return (r.count == 1 ? name(r.lowerBound) : name(r.lowerBound) + "..." + name(r.upperBound)) + "\t0\n"
        }.joined()
    }

    /// Builds the thana locale with localedef (about a second); false when it cannot (no localedef
    /// or no charmap source: Debian's package locales), and then nothing is left half made.
    func buildLocale() -> Bool {
        let script = """
            set -e
            command -v localedef >/dev/null
            [ -r /usr/share/i18n/charmaps/UTF-8.gz ] && [ -r /usr/share/i18n/locales/C ]
            tmp=$(mktemp -d)
            trap 'rm -rf "$tmp"' EXIT
            gzip -dc /usr/share/i18n/charmaps/UTF-8.gz | awk -v extra="$URJA_WIDTHS" '/^END WIDTH/ { printf "%s", extra } { print }' > "$tmp/UTF-8"
            rm -rf "$URJA_LOCALE.new" && mkdir -p "$URJA_LOCALE.new"
            localedef -c -i C -f "$tmp/UTF-8" --no-archive "$URJA_LOCALE.new/C.UTF-8" >/dev/null 2>&1 || true
            [ -s "$URJA_LOCALE.new/C.UTF-8/LC_CTYPE" ]
            ln -s C.UTF-8 "$URJA_LOCALE.new/en_US.UTF-8"
            rm -rf "$URJA_LOCALE" && mv "$URJA_LOCALE.new" "$URJA_LOCALE"
            """
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/sh")
        p.arguments = ["-c", script]
        var env = ProcessInfo.processInfo.environment
        env["URJA_WIDTHS"] = Self.widthLines
        env["URJA_LOCALE"] = localeDir.path
        p.environment = env
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        do {
            try FileManager.default.createDirectory(at: localeDir.deletingLastPathComponent(), withIntermediateDirectories: true)
            try p.run()
        } catch {
            return false
        }
        p.waitUntilExit()
        return p.terminationStatus == 0
    }
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
        let locale = hasLocale ? "LOCPATH=\(quote(localeDir.path)) " : ""
        let inner = "env LANG=C.UTF-8 \(locale)URJA_TERMINAL=mlterm \(quote(desk)) --store \(quote(store))"
        let script = """
            #!/bin/sh
            # Urja Desk on this thana PC: mlterm (Noto Sans Devanagari, shaping on) with the desk inside tmux
            # (a tmux server of its own), tmux and the desk in the thana locale (LOCPATH: mlterm's widths).
            # Written by urja-desk terminal-setup; run that again to write it anew.
            exec mlterm -T "Urja Desk" -e env LANG=C.UTF-8 \(locale)tmux -L urja-desk -f \(quote(tmuxConf.path)) new-session -A -s urja-desk \(quote(inner))

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
