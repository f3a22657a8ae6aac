import Foundation
import XCTest

/// The one policy for tests that need tmux (or, later, Syncthing or a browser).
final class ExternalProgramTests: XCTestCase {
    var dir: URL!

    override func setUpWithError() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("urja-path-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        // A synthetic program in a folder that is no fixed install path.
        let program = dir.appendingPathComponent("fakeprog")
        try Data("#!/bin/sh\n".utf8).write(to: program)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: program.path)
        // Not executable: never found.
        try Data("x".utf8).write(to: dir.appendingPathComponent("plainfile"))
    }

    override func tearDown() {
        if let dir { try? FileManager.default.removeItem(at: dir) }
    }

    func testTheProgramIsFoundOnPATHWherever() {
        let env = ["PATH": "/nonexistent:\(dir.path)"]
        XCTAssertEqual(ExternalProgram.lookup("fakeprog", environment: env), .found(dir.appendingPathComponent("fakeprog").path))
        XCTAssertEqual(ExternalProgram.lookup("fakeprog", environment: env.merging(["CI": "1"]) { $1 }),
                       .found(dir.appendingPathComponent("fakeprog").path))
        XCTAssertNil(ExternalProgram.find("plainfile", environment: env), "a file that cannot run is no program")
        XCTAssertNil(ExternalProgram.find("fakeprog", environment: ["PATH": "/usr/bin:/bin"]), "only PATH is searched")
    }

    func testMissingFailsInCIAndSkipsOutside() {
        let env = ["PATH": dir.path]
        guard case .failInCI(let message) = ExternalProgram.lookup("tmux", environment: env.merging(["CI": "true"]) { $1 }) else {
            return XCTFail("with CI set, a missing program must fail the test")
        }
        XCTAssertTrue(message.contains("tmux"), message)
        guard case .skip(let skip) = ExternalProgram.lookup("tmux", environment: env) else {
            return XCTFail("outside CI, a missing program skips the test")
        }
        XCTAssertTrue(skip.contains("tmux is not on PATH") && skip.contains("skipped"), skip)
        guard case .skip = ExternalProgram.lookup("tmux", environment: env.merging(["CI": ""]) { $1 }) else {
            return XCTFail("an empty CI is no CI")
        }
    }
}
