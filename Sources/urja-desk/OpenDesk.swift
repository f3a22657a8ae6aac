import ArgumentParser
import CursesAdapter
import DemoData
import DeskModel
import DeskUI
import Foundation

struct OpenDesk: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "open", abstract: "Open the desk (the default).")

    @OptionGroup var storeOption: StoreOption
    @Flag(help: "If the folder holds no store yet, make a demo store there first.") var demo = false
    @Flag(name: .customLong("no-color"), help: "Monochrome, as with NO_COLOR set.") var noColor = false
    @Option(name: .customLong("lock-after"), help: "Minutes without a key before the desk locks itself (0: never).")
    var lockAfter: Double = 5

    func run() throws {
        var deskLock: StoreLock?
        defer { deskLock?.release() }
        let res = try CLI.resources()
        let url = storeOption.url
        let store: CaseStore
        do {
            let exists = FileManager.default.fileExists(atPath: url.appendingPathComponent("store.plist").path)
            if !exists && demo {
                let made = try DemoStore.createEncrypted(at: url, directory: SeedDirectory.load(), count: 240, seed: 2024,
                                                         clock: CLI.clock)
                print(res.strings.text(.cli_recoveryCode, .en, made.recovery))
                if isatty(0) == 1 {
                    print(res.strings.text(.cli_pressEnter, .en))
                    _ = readLine()
                }
            }
            store = try CaseStore.open(at: url)
            // What a killed save left behind goes before anyone writes.
            store.sweepTemporaries()
            // Held while the desk runs: a key rotation waits until every desk is closed.
            deskLock = StoreLock.shared(store)
        } catch let e as StoreError {
            if case .notAStore = e { CLI.exit(Failure(res.strings.text(.cli_noStoreHint, .en, url.path), code: 2)) }
            CLI.exit(CLI.fail(e, res.strings))
        } catch {
            CLI.exit(CLI.fail(error, res.strings))
        }
        guard isatty(0) == 1, isatty(1) == 1 else { CLI.exit(Failure(res.strings.text(.cli_needTerminal, .en), code: 64)) }
        let ctx: DeskContext
        do {
            ctx = try DeskContext(store: store, clock: CLI.clock, strings: res.strings, keymap: res.keymap, help: res.help)
        } catch {
            CLI.exit(CLI.fail(error, res.strings))
        }
        // Asked before curses starts: a terminal that lays Devanagari out otherwise gets Hinglish.
        let (probe, typedAhead) = TerminalProbe.probeKeepingTypeAhead()
        let colour = !noColor && (ProcessInfo.processInfo.environment["NO_COLOR"] ?? "").isEmpty
        guard let terminal = CursesTerminal(colour: colour) else {
            CLI.exit(Failure(res.strings.text(.cli_noCurses, .en)))
        }
        // Keys typed while the desk started (read with the terminal's answer) are hers.
        terminal.giveBack(typedAhead)
        let app = DeskApp(ctx: ctx)
        app.idleLimit = lockAfter > 0 ? lockAfter * 60 : nil
        if case .differs = probe {
            app.hindiBroken = true
            ctx.say(.terminal_hindiBroken, .warning)
        }
        app.render(on: terminal)
        terminal.present()
        events: while app.isRunning {
            // Sooner while the lists are being checked beside her: what it finds is shown at once.
            switch terminal.readKey(timeoutMs: ctx.repository.isChecking ? 50 : 1_000) {
            case .key(let key):
                app.handle(key)
            case .timeout:
                guard app.tick() else { continue events }
            case .closed:
                break events
            }
            app.render(on: terminal)
            terminal.present()
        }
        app.close()
        terminal.end()
    }
}
