import DeskUI
import Foundation
import XCTest

/// Typing a Roman name into a real terminal with transliteration on, and finding her again.
final class TransliterationInTmuxTests: TmuxTestCase {
    override var demo: (cases: Int, seed: Int) { (20, 3) }

    func testARomanNameIsSavedInHindiAndFoundByAnySpelling() throws {
        tmux.start(command)
        tmux.waitFor("PIN")
        tmux.type("asha")
        tmux.keys("Enter")
        tmux.type("1111")
        tmux.keys("Enter")
        tmux.waitFor("Main menu")
        tmux.keys("1")
        tmux.waitFor("Section 1 of 7")
        tmux.keys("PageDown", "PageDown", "C-t")
        tmux.waitFor("a→अ")
        tmux.type("suneeta kushwaha")
        let typing = tmux.waitFor("‹kushwaha›")
        XCTAssertTrue(typing.contains("सुनीता कुशवाहा"), typing)
        tmux.keys("Tab")
        tmux.type("34")
        tmux.keys("PageDown", "Tab", "Tab", "Right")   // a category
        tmux.keys("PageUp", "PageUp")                  // back to consent, asked first
        tmux.waitFor("Section 2 of 7")
        tmux.keys("y", "F10")
        let saved = tmux.waitFor("Saved as")
        let number = try XCTUnwrap(saved.range(of: "IND-VJN-2026-[0-9]{4}", options: .regularExpression).map { String(saved[$0]) })
        tmux.keys("Escape")
        tmux.waitFor("Main menu")
        // Found by the name in Devanagari (typed through transliteration too) ...
        tmux.keys("2")
        let queue = tmux.waitFor("Queue · Vijay Nagar")
        tmux.type("kushwaha")
        let byHindi = tmux.waitFor("कुशवाहा ‹kushwaha›")
        XCTAssertTrue(byHindi.contains(number), byHindi)
        assertNarrowed(before: queue, after: byHindi, keeps: number)
        // ... and by another Roman spelling, typed as it is.
        tmux.keys("Escape", "C-t")
        tmux.waitUntilGone("a→अ")
        tmux.type("sunita kushvaha")
        let byRoman = tmux.waitFor("sunita kushvaha")
        XCTAssertTrue(byRoman.contains(number), byRoman)
        assertNarrowed(before: queue, after: byRoman, keeps: number)
        XCTAssertFalse(byRoman.contains("सुनीता कुशवाहा"), "masked in the queue")
        quit()
        XCTAssertTrue(tmux.waitForExit())
    }
}
