import DeskModel
import Foundation
import XCTest

final class DirectiveTests: XCTestCase {
    func testADirectiveNeedsWordsAndAFutureDay() {
        let id = UUID()
        XCTAssertEqual(try? Directive.make(caseID: id, text: "ok", due: "05-12-2026", by: "sp", clock: testClock).get(), nil)
        // Each refused with its own reason: an accepted directive fails here (it is not skipped).
        func refusal(_ text: String, _ due: String, line: UInt = #line) -> Directive.Problem? {
            guard case .failure(let problem) = Directive.make(caseID: id, text: text, due: due, by: "sp", clock: testClock) else {
                XCTFail("\"\(text)\" due \(due) was accepted; it must be refused", line: line)
                return nil
            }
            return problem
        }
        XCTAssertEqual(refusal("ok", "05-12-2026"), .textTooShort)
        XCTAssertEqual(refusal("Meet her", "5 Dec"), .badDate)
        XCTAssertEqual(refusal("Meet her", "28-11-2026"), .pastDate)
        let d = try? Directive.make(caseID: id, text: "  Meet her at home ", due: "29-11-2026", by: "sp", clock: testClock).get()
        XCTAssertEqual(d?.text, "Meet her at home")
        XCTAssertEqual(d?.due, day(29, 11, 2026))
    }

    func testStates() throws {
        var d = try Directive.make(caseID: UUID(), text: "Record her statement", due: "01-12-2026", by: "sp", clock: testClock).get()
        let today = day(29, 11, 2026)
        XCTAssertEqual(d.state(today: today), .unread)
        d.markRead(by: "asha", at: testNow)
        XCTAssertEqual(d.state(today: today), .open)
        XCTAssertEqual(d.state(today: day(2, 12, 2026)), .late)
        XCTAssertThrowsError(try d.markDone(reply: "ok", by: "asha", at: testNow))
        try d.markDone(reply: "Statement recorded by SI Meena", by: "asha", at: testNow)
        XCTAssertEqual(d.state(today: day(2, 12, 2026)), .done, "done wins over late")
        XCTAssertEqual(d.doneBy, "asha")
    }

    func testDirectivesAreKeptBesideTheCase() throws {
        let root = tempFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let store = try CaseStore.create(at: root, directory: testDirectory(), clock: testClock)
        let record = makeCase(1)
        try store.save(record)
        let d = try Directive.make(caseID: record.id, text: "Refer to One Stop Centre", due: "03-12-2026", by: "sp", clock: testClock).get()
        try store.saveDirectives([d], caseID: record.id)
        XCTAssertEqual(store.loadDirectives()[record.id], [d])
        XCTAssertEqual(store.loadCases(setAside: false).cases, [record], "the case file is untouched")
    }
}
