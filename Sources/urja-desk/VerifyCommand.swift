import ArgumentParser
import DeskModel
import Foundation

struct Verify: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify", abstract: "Check every record of a store and say what is wrong. Changes nothing.")

    @OptionGroup var storeOption: StoreOption

    func run() throws {
        let res = try CLI.resources()
        let s = res.strings
        let session = storeOption.signIn(s, via: "verify")
        session.require(.checkStore)
        let report = StoreCheck.run(session.store)
        for problem in report.problems {
            let line: String
            switch problem {
            case .unreadableDirectory: line = s.text("verify.unreadableDirectory", .en)
            case .damagedCase(let file, let reason): line = s.text("verify.damagedCase", .en, file, reason)
            case .duplicateNumber(let n): line = s.text("verify.duplicateNumber", .en, n)
            case .unknownStation(let n, let st): line = s.text("verify.unknownStation", .en, n, st)
            case .unreadableDraft(let file): line = s.text("verify.unreadableDraft", .en, file)
            case .setAsideFiles(let count): line = s.text("verify.setAside", .en, count)
            case .auditChainBroken(let n): line = s.text("verify.auditBroken", .en, n)
            case .auditCut(let n): line = s.text("verify.auditCut", .en, n)
            case .caseRolledBack(let number, let onDisk, let recorded): line = s.text("verify.rolledBack", .en, number, onDisk, recorded)
            case .unreadableFile(let file): line = s.text("verify.unreadableFile", .en, file)
            }
            print(line)
        }
        if report.leftoverTemporaries > 0 { print(s.text("verify.leftoverTemporaries", .en, report.leftoverTemporaries)) }
        if report.isClean {
            print(s.text("verify.ok", .en, report.casesRead))
        } else {
            CLI.exit(Failure(s.text("verify.failed", .en, report.problems.count, report.casesRead), code: 3))
        }
    }
}
