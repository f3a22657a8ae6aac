@testable import DeskModel
import Foundation

/// A case record's file changed as a property list (files no encoder of the desk writes): its
/// events handed to `change` as dictionaries, written back as a binary plist.
func rewriteEvents(_ data: Data, _ change: (inout [[String: Any]]) -> Void) throws -> Data {
    guard var top = try PropertyListSerialization.propertyList(from: data, format: nil) as? [String: Any],
          var events = top["events"] as? [[String: Any]] else { throw CocoaError(.propertyListReadCorrupt) }
    change(&events)
    top["events"] = events
    return try PropertyListSerialization.data(fromPropertyList: top, format: .binary, options: 0)
}

/// Events of each shape the tests change: a session, a remark.
func twoEvents() -> [CaseEvent] {
    [CaseEvent(at: testNow, by: "meena", kind: .session, facts: .session(number: 1, day: Day(testNow), mode: .inPerson, minutes: 45)),
     CaseEvent(at: testNow, by: "asha", kind: .remark, facts: .text("फ़ोन पर बात हुई"))]
}
