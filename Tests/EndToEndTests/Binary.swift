import Foundation
import XCTest

/// The built `urja-desk`, run as a user would run it.
enum Binary {
    static var url: URL {
        // The test bundle sits beside the products it was built with.
        let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("urja-desk")
        if FileManager.default.isExecutableFile(atPath: beside.path) { return beside }
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return root.appendingPathComponent(".build/debug/urja-desk")
    }

    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    @discardableResult
    static func run(_ args: [String], stdin: String? = nil) throws -> Result {
        let p = Process()
        p.executableURL = url
        p.arguments = args
        let out = Pipe(), err = Pipe(), inp = Pipe()
        p.standardOutput = out
        p.standardError = err
        p.standardInput = inp
        try p.run()
        if let stdin { inp.fileHandleForWriting.write(Data(stdin.utf8)) }
        try inp.fileHandleForWriting.close()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return Result(status: p.terminationStatus, stdout: String(decoding: o, as: UTF8.self),
                      stderr: String(decoding: e, as: UTF8.self))
    }

    static func tempStore() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("urja-e2e-\(UUID().uuidString)")
    }
}

/// Collects a running process's standard output as it comes, so a test can see what it has
/// said so far (a writer's acknowledgements) while it goes on.
final class OutputLines: @unchecked Sendable {
    private let lock = NSLock()
    private var buffer = Data()

    init(_ pipe: Pipe) {
        pipe.fileHandleForReading.readabilityHandler = { [weak self] handle in
            let data = handle.availableData
            if data.isEmpty { handle.readabilityHandler = nil; return }
            guard let self else { return }
            self.lock.lock()
            self.buffer.append(data)
            self.lock.unlock()
        }
    }

    /// The complete lines so far.
    var lines: [String] {
        lock.lock()
        let text = String(decoding: buffer, as: UTF8.self)
        lock.unlock()
        guard let end = text.lastIndex(of: "\n") else { return [] }
        return text[..<end].split(separator: "\n").map(String.init)
    }

    /// Waits until `enough` holds for the lines, up to `seconds`.
    @discardableResult
    func wait(seconds: Double = 20, until enough: ([String]) -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if enough(lines) { return true }
            Thread.sleep(forTimeInterval: 0.01)
        }
        return enough(lines)
    }
}
