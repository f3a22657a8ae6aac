import ArgumentParser
import DeskModel
import Foundation

/// For whoever edits seeds/users.json: turns a PIN read from standard input into the stored hash.
struct HashPIN: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hash-pin", abstract: "Read a PIN on standard input and print its salted hash as JSON (for seeds/users.json).",
        shouldDisplay: false)

    func run() throws {
        guard let pin = readLine(strippingNewline: true), !pin.isEmpty else {
            CLI.exit(Failure("urja-desk: no PIN on standard input", code: 64))
        }
        // A store's key must not hang on a weak secret: say so (a demo's or a plain store's PIN may be short).
        if let problem = SecretPolicy.check(pin, userID: "") {
            let s = try CLI.resources().strings
            FileHandle.standardError.write(Data((s.text(.cli_hashPinWeak, .en, s.text(.dynamic("secret." + problem.rawValue), .en)) + "\n").utf8))
        }
        let hash = try PinHash.make(pin: pin)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        print(String(decoding: try encoder.encode(hash), as: UTF8.self))
    }
}
