import ArgumentParser
import DemoData
import DeskModel
import Foundation

struct Demo: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo", abstract: "Make a deterministic synthetic store: seed stations and users, invented cases.")

    @OptionGroup var storeOption: StoreOption
    @Option(help: "How many cases.") var cases: Int = 240
    @Option(help: "Seed of the generator: the same seed (and day) gives the same store.") var seed: UInt64 = 2024
    @Flag(help: "Leave the records unsealed (for tests and benchmarks). By default every record is sealed with a data key wrapped for each demo user's PIN, and the recovery code is printed once.")
    var plain = false

    func run() throws {
        let res = try CLI.resources()
        guard cases >= 0, cases <= 1_000_000 else { CLI.exit(Failure(res.strings.text(.cli_badCount, .en), code: 64)) }
        do {
            let url = storeOption.url
            if !plain {
                let made = try DemoStore.createEncrypted(at: url, directory: SeedDirectory.load(), count: cases, seed: seed,
                                                         clock: CLI.clock)
                print(res.strings.text(.cli_demoMade, .en, cases, url.path))
                print(res.strings.text(.cli_recoveryCode, .en, made.recovery))
            } else {
                try DemoStore.create(at: url, directory: SeedDirectory.load(), count: cases, seed: seed, clock: CLI.clock)
                print(res.strings.text(.cli_demoMade, .en, cases, url.path))
            }
        } catch {
            CLI.exit(CLI.fail(error, res.strings))
        }
    }
}
