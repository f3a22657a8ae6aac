import DeskModel
import Foundation
import XCTest

/// Two SPs' terminals giving directives on the same cases at once: every directive is kept
/// (before the fix, the second save of a case's list wrote over the first).
final class DirectivesTwoTerminalsTests: XCTestCase {
    func testTwoTerminalsGivingDirectivesLoseNone() throws {
        let store = Binary.tempStore()
        defer { try? FileManager.default.removeItem(at: store) }
        XCTAssertEqual(try Binary.run(["demo", "--store", store.path, "--cases", "6", "--seed", "2", "--plain"]).status, 0)
        let perWriter = 60
        func start(_ name: String) throws -> (Process, Pipe) {
            let p = Process()
            p.executableURL = Binary.url
            p.arguments = ["stress-directive", "--store", store.path, "--worker", name, "--count", "\(perWriter)", "--cases", "2"]
            let out = Pipe()
            p.standardOutput = out
            try p.run()
            return (p, out)
        }
        let (a, outA) = try start("sp1")
        let (b, outB) = try start("sp2")
        let textA = String(decoding: outA.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let textB = String(decoding: outB.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        a.waitUntilExit()
        b.waitUntilExit()
        XCTAssertEqual(a.terminationStatus, 0)
        XCTAssertEqual(b.terminationStatus, 0)
        let acked = Set((textA + textB).split(separator: "\n").compactMap { $0.hasPrefix("ack ") ? UUID(uuidString: String($0.dropFirst(4))) : nil })
        XCTAssertEqual(acked.count, 2 * perWriter)
        let kept = Set(try CaseStore.open(at: store).loadDirectives().values.flatMap { $0.map(\.id) })
        XCTAssertEqual(kept.count, 2 * perWriter, "every directive given is there")
        XCTAssertTrue(acked.isSubset(of: kept), "missing: \(acked.subtracting(kept).count)")
    }
}
