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
            case .unreadableDirectory: line = s.text(.verify_unreadableDirectory, .en)
            case .damagedCase(let file, let reason): line = s.text(.verify_damagedCase, .en, file, reason)
            case .duplicateNumber(let n): line = s.text(.verify_duplicateNumber, .en, n)
            case .unknownStation(let n, let st): line = s.text(.verify_unknownStation, .en, n, st)
            case .unreadableDraft(let file): line = s.text(.verify_unreadableDraft, .en, file)
            case .setAsideFiles(let count): line = s.text(.verify_setAside, .en, count)
            case .auditChainBroken(let n): line = s.text(.verify_auditBroken, .en, n)
            case .auditCut(let n): line = s.text(.verify_auditCut, .en, n)
            case .caseRolledBack(let number, let onDisk, let recorded): line = s.text(.verify_rolledBack, .en, number, onDisk, recorded)
            case .unreadableFile(let file): line = s.text(.verify_unreadableFile, .en, file)
            case .machineAuditBroken(let machine, let station, let n): line = s.text(.verify_machineAuditBroken, .en, machine, station, n)
            case .machineAuditCut(let machine, let station, let n): line = s.text(.verify_machineAuditCut, .en, machine, station, n)
            }
            print(line)
        }
        if report.leftoverTemporaries > 0 { print(s.text(.verify_leftoverTemporaries, .en, report.leftoverTemporaries)) }
        if report.isClean {
            print(s.text(.verify_ok, .en, report.casesRead))
        } else {
            CLI.exit(Failure(s.text(.verify_failed, .en, report.problems.count, report.casesRead), code: 3))
        }
    }
}
