import Foundation
import XCTest

/// scripts/typed-strings, which the lead runs again after each merge: it turns key literals into
/// StringKey members, wraps keys made at run time in .dynamic(…), leaves everything else alone,
/// and a second run changes nothing. scripts/string-keys: the generated file is up to date.
final class TypedStringsScriptTests: XCTestCase {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static let sample = #"""
        func draw(_ ctx: DeskContext, s: Surface, f: IntakeField, list: String, code: String, late: Bool) {
            ctx.say("intake.saved", .ok, 3)   // a comment with "intake.saved" stays
            s.text(ctx.t("intake.datePlaceholder"), row: 1, col: 2)
            s.text("⚠ " + ctx.t("error." + f.rawValue), row: 2, col: 0)
            let label = "[\(ctx.t("directive.state." + f.rawValue))] \(ctx.t("list.alert"))"
            _ = ctx.t(late ? "child.late" : "child.by", 2)
            _ = ctx.t("choice.\(list).\(code)")
            _ = strings.has("entry.title." + code, .hi)
            let headers = ["list.colNumber", "list.colName"]
            let key = late ? "child.late" : "child.by"
            var fields = [("audit.colWhen", code), ("audit.colWho", list)]
            let sameInBoth: Set<String> = ["intake.notSet"]
            _ = Prompt(.remark, titleKey: "remark.prompt", hintKey: "remark.hint", fields: [(nil, "", 200)])
            _ = Transition.ask("confirm.quit", [], yes: { .quit })
            _ = ctx.t("intake.noSuchKey")
            say("ack \(code)")
            _ = "store.plist" + "list.alert"
        }
        """#

    static let converted = #"""
        func draw(_ ctx: DeskContext, s: Surface, f: IntakeField, list: String, code: String, late: Bool) {
            ctx.say(.intake_saved, .ok, 3)   // a comment with "intake.saved" stays
            s.text(ctx.t(.intake_datePlaceholder), row: 1, col: 2)
            s.text("⚠ " + ctx.t(.dynamic("error." + f.rawValue)), row: 2, col: 0)
            let label = "[\(ctx.t(.dynamic("directive.state." + f.rawValue)))] \(ctx.t(.list_alert))"
            _ = ctx.t(late ? .child_late : .child_by, 2)
            _ = ctx.t(.dynamic("choice.\(list).\(code)"))
            _ = strings.has(.dynamic("entry.title." + code), .hi)
            let headers = [StringKey.list_colNumber, .list_colName]
            let key = late ? StringKey.child_late : .child_by
            var fields = [(StringKey.audit_colWhen, code), (.audit_colWho, list)]
            let sameInBoth: Set<String> = ["intake.notSet"]
            _ = Prompt(.remark, titleKey: .remark_prompt, hintKey: .remark_hint, fields: [(nil, "", 200)])
            _ = Transition.ask(.confirm_quit, [], yes: { .quit })
            _ = ctx.t("intake.noSuchKey")
            say("ack \(code)")
            _ = "store.plist" + "list.alert"
        }
        """#

    func run(_ args: [String]) throws -> (status: Int32, out: String, err: String) {
        let python = try ExternalProgram.require("python3")
        let p = Process()
        p.executableURL = URL(fileURLWithPath: python)
        p.arguments = args
        p.currentDirectoryURL = Self.root
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        try p.run()
        let o = out.fileHandleForReading.readDataToEndOfFile(), e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: o, as: UTF8.self), String(decoding: e, as: UTF8.self))
    }

    func convert(_ text: String) throws -> (String, String) {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("typed-strings-\(UUID().uuidString).swift")
        try Data(text.utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let r = try run(["scripts/typed-strings", "--stdout", file.path])
        XCTAssertEqual(r.status, 0, r.err)
        return (r.out, r.err)
    }

    func testTheConverterTypesKeysWrapsDynamicOnesAndASecondRunChangesNothing() throws {
        let (once, warnings) = try convert(Self.sample)
        XCTAssertEqual(once, Self.converted)
        XCTAssertTrue(warnings.contains("\"intake.noSuchKey\" is not a key"), warnings)
        let (twice, _) = try convert(once)
        XCTAssertEqual(twice, once)
    }

    func testTheTreeIsConvertedAndTheKeysAreGenerated() throws {
        let keys = try run(["scripts/string-keys", "--check"])
        XCTAssertEqual(keys.status, 0, keys.err)
        let typed = try run(["scripts/typed-strings", "--check"])
        XCTAssertEqual(typed.status, 0, typed.out + typed.err)
    }
}
