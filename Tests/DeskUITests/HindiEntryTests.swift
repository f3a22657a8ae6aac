@testable import DeskUI
import DeskModel
import XCTest

/// Typing Hindi through Roman letters, finding her again, and the duplicate warning.
final class HindiEntryTests: XCTestCase {
    var h: Harness!
    override func setUpWithError() throws { h = try Harness(cases: 40) }
    override func tearDown() { h.cleanUp() }

    let ctrlT = Key(name: "Ctrl-T") ?? .escape

    /// The identity section filled in Hindi through transliteration, at 80x24, in a Hindi screen.
    func testIntakeFilledThroughTransliteration() throws {
        h.login("asha", "1111")
        h.ctx.language = .hi
        h.press(.char("1"), .pageDown, .pageDown)
        h.press(ctrlT)
        XCTAssertTrue(h.ctx.transliterating)
        h.type("kshama pradeep")
        h.press(.tab)
        h.type("29")
        h.press(.tab, .tab)
        h.type("9876500001")
        h.press(.tab, .tab)
        // A long address: the field scrolls, and no cluster is cut at its edge.
        h.type("gram pipalya, ward 12, tehsil sanwer, jila indaur, madhya pradesh")
        h.press(.tab, .tab)
        h.type("silaaii")
        let screen = h.screen
        XCTAssertTrue(screen.contains("क्षमा प्रदीप"), screen)
        XCTAssertTrue(screen.contains("सिलाई"), screen)
        for row in screen.split(separator: "\n") {
            // A field's text never ends on a dangling mark: the first scalar of each cell's text is
            // never a combining sign (that would mean a cluster was cut).
            for word in row.split(separator: " ") {
                if let first = word.unicodeScalars.first {
                    XCTAssertFalse(first.properties.generalCategory == .nonspacingMark
                                   || first.properties.generalCategory == .spacingMark, "cut cluster in: \(row)")
                }
            }
        }
        assertWellFormed(h)
        assertSnapshot(screen, named: "intake-transliterated-hi-80x24")
        // Coming back to a field adds a new word; the committed one stays as it is.
        for _ in 0..<7 { h.press(.up) }
        h.press(.end)
        h.type(" devi")
        XCTAssertEqual(h.ctx.draft?[.name], "क्षमा प्रदीप देवी")
    }

    func testTransliterationIsRememberedPerUser() {
        h.login("asha", "1111")
        h.press(.char("1"), .pageDown, .pageDown, ctrlT)
        XCTAssertTrue(h.screen.contains("a→अ"))
        h.logout()  // out of the form, log out
        h.login("kavita", "3333")
        XCTAssertFalse(h.ctx.transliterating)
        h.logout()
        h.login("asha", "1111")
        XCTAssertTrue(h.ctx.transliterating)
    }

    /// The queue finds her by any spelling in either script.
    func testQueueSearchAcrossScripts() throws {
        h.login("asha", "1111")
        let r = try XCTUnwrap(h.ctx.visibleCases.first)
        let roman = Romanizer.roman(r.identity.name)
        h.press(.char("2"))
        let all = try XCTUnwrap(h.queueRows)
        // A case on the first screen that her name does not match: it must go.
        let onScreen = h.screen
        let other = try XCTUnwrap(all.first { $0.id != r.id && onScreen.contains($0.number.description)
                                              && !NameKey.matches(query: NameKey.words(roman), name: NameKey.words($0.name)) })
        h.type(roman)
        XCTAssertTrue(h.screen.contains(r.number.description), "\(roman) finds \(r.identity.name)")
        XCTAssertFalse(h.screen.contains(other.number.description), "\(roman) leaves out \(other.name)")
        XCTAssertLessThan(try XCTUnwrap(h.queueRows).count, all.count)
        XCTAssertEqual(h.shownQueueCount, h.queueRows?.count)
        h.press(.escape)
        XCTAssertEqual(h.shownQueueCount, all.count, "Esc clears the search")
        h.type(r.identity.name)
        XCTAssertTrue(h.screen.contains(r.number.description))
        XCTAssertFalse(h.screen.contains(other.number.description))
        XCTAssertLessThan(try XCTUnwrap(h.queueRows).count, all.count)
    }

    /// A re-entered woman is shown before saving; F10 saves anyway, Enter opens the earlier case.
    func testDuplicateWarningAtIntake() throws {
        h.login("asha", "1111")
        let earlier = try XCTUnwrap(h.ctx.visibleCases.first { ($0.identity.age ?? 0) >= 18 && $0.identity.phone != nil })
        let count = h.ctx.cases.count
        func fill() {
            h.press(.char("1"), .pageDown, .pageDown)
            h.type(Romanizer.roman(earlier.identity.name))
            h.press(.tab)
            h.type(String(earlier.identity.age ?? 30))
            h.press(.tab, .tab)
            h.type(earlier.identity.phone ?? "")
            h.press(.pageDown)
            h.press(.tab, .tab, .right)  // a category
            h.press(.pageUp, .pageUp)    // back to Consent (asked first)
            h.type("y")                  // consent to services
            h.press(.function(10))
        }
        fill()
        var screen = h.screen
        XCTAssertTrue(screen.contains("Is she already registered?"), screen)
        XCTAssertTrue(screen.contains(earlier.number.description))
        XCTAssertFalse(screen.contains(earlier.identity.name), "masked in the warning")
        XCTAssertTrue(screen.contains("same name, phone, age"), screen)
        assertWellFormed(h)
        assertSnapshot(screen, named: "duplicate-warning-en-80x24")
        XCTAssertEqual(h.ctx.cases.count, count, "nothing saved yet")
        h.press(.enter)
        screen = h.screen
        XCTAssertTrue(screen.contains("Case " + earlier.number.description), screen)
        XCTAssertNotNil(h.ctx.draft, "her new intake is kept as a draft")
        h.press(.escape)
        // Back in the form: F10 warns again; F10 once more saves a new case.
        h.press(.function(10))
        XCTAssertTrue(h.screen.contains("Is she already registered?"))
        h.press(.function(10))
        XCTAssertEqual(h.ctx.cases.count, count + 1)
        XCTAssertNil(h.ctx.draft)
    }

    func testCasesOfOtherStationsAreNotShown() throws {
        h.login("asha", "1111")
        func enter(_ r: CaseRecord) {
            h.press(.char("1"), .pageDown, .pageDown)
            h.type(r.identity.name)
            h.press(.tab)
            h.type(String(r.identity.age ?? 30))
            h.press(.pageDown, .tab, .tab, .right)
            h.press(.pageUp, .pageUp)    // back to Consent (asked first)
            h.type("y")
            h.press(.function(10))
        }
        // The positive control: the same steps for a woman of her own station raise the warning.
        let own = try XCTUnwrap(h.ctx.visibleCases.first { ($0.identity.age ?? 0) >= 18 })
        enter(own)
        XCTAssertTrue(h.screen.contains("Is she already registered?"), h.screen)
        XCTAssertTrue(h.screen.contains(own.number.description))
        h.press(.escape, .escape, .char("x"), .char("y"))  // back to the form, leave it, discard the draft (yes)
        XCTAssertNil(h.ctx.draft)
        // A woman of another station: the finder, blind to stations, would show her ...
        let elsewhere = try XCTUnwrap(h.ctx.cases.first { $0.stationID == "MHK" && ($0.identity.age ?? 0) >= 18 })
        let person = DuplicateFinder.Person(name: elsewhere.identity.name, phone: nil, age: elsewhere.identity.age,
                                            address: "", on: Day(testNow))
        XCTAssertTrue(DuplicateFinder.candidates(for: person, among: h.ctx.cases).contains { $0.record.id == elsewhere.id })
        // ... and the desk does not.
        let count = h.ctx.cases.count
        enter(elsewhere)
        XCTAssertFalse(h.screen.contains(elsewhere.number.description), "a case she may not see is never shown")
        XCTAssertFalse(h.screen.contains("Is she already registered?"), h.screen)
        XCTAssertEqual(h.ctx.cases.count, count + 1, "saved at once: nothing she may see matched")
    }
}
