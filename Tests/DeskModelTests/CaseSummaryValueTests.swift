import DemoData
import DeskModel
import Foundation
import XCTest

/// A summary keeps its fields in a shared box (copies are cheap): it must still behave as a value.
final class CaseSummaryValueTests: XCTestCase {
    func testAChangedCopyLeavesTheOriginalAsItWas() throws {
        let r = try XCTUnwrap(DemoGenerator(seed: 3, count: 3, clock: testClock).cases(directory: testDirectory()).first)
        let original = CaseSummary(r)
        var copy = original
        XCTAssertEqual(copy, original)
        copy.stationID = "ELSEWHERE"
        copy.sessionDays.append(Day(testNow))
        copy.paths.closureRequested.toggle()
        XCTAssertEqual(original.stationID, r.stationID)
        XCTAssertEqual(original.sessionDays, CaseSummary(r).sessionDays)
        XCTAssertEqual(original.paths, CaseSummary(r).paths)
        XCTAssertNotEqual(copy, original)
        XCTAssertNotEqual(copy.hashValue, original.hashValue)
        // Written and read back through its Codable form, it is the same value.
        let data = try PropertyListEncoder().encode(original)
        XCTAssertEqual(try PropertyListDecoder().decode(CaseSummary.self, from: data), original)
    }
}
