@testable import DemoData
@testable import DeskModel
import Foundation
import XCTest

/// The version a durable write replaces is closed (and so freed) after the write returns, on a
/// thread of its own: none is left open.
final class DurableFileFreeingTests: XCTestCase {
    func openDescriptors() -> Int { (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd").count) ?? -1 }

    func testReplacedVersionsAreAllClosed() throws {
        let root = tempFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        try DurableFile.makeFolder(root)
        let url = root.appendingPathComponent("one.plist", isDirectory: false)
        try DurableFile.write(Data("first".utf8), to: url)
        DurableFile.Freeing.settle()
        let before = openDescriptors()
        for i in 0..<40 { try DurableFile.write(Data("version \(i)".utf8), to: url) }
        DurableFile.Freeing.settle()
        XCTAssertEqual(openDescriptors(), before, "every replaced version closed")
        XCTAssertEqual(try String(contentsOf: url, encoding: .utf8), "version 39")
        // Nothing but the file itself is left in the folder.
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: root.path), ["one.plist"])
    }
}
