@testable import DeskModel
import Foundation
import XCTest

/// A folder asked for with "." and ".." in its path is made as `mkdir -p` makes it; before, taking
/// parents of such a path never ended and the command crashed.
final class MakeFolderTests: XCTestCase {
    func testAPathWithDotsIsMadePartByPart() throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("urja-mkdir-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: base) }
        let odd = URL(fileURLWithPath: base.path + "/new/../store/./cases")
        try DurableFile.makeFolder(odd)
        var isFolder: ObjCBool = false
        XCTAssertTrue(FileManager.default.fileExists(atPath: base.path + "/store/cases", isDirectory: &isFolder))
        XCTAssertTrue(isFolder.boolValue)
        XCTAssertTrue(FileManager.default.fileExists(atPath: base.path + "/new"), "made on the way, as mkdir -p makes it")
        // Made again: nothing to do, no error.
        try DurableFile.makeFolder(odd)
        try DurableFile.makeFolder(base.appendingPathComponent("plain/deeper"))
        XCTAssertTrue(FileManager.default.fileExists(atPath: base.path + "/plain/deeper"))
    }
}
