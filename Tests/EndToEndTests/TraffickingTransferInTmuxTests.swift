import DeskModel
import DeskUI
import Foundation
import XCTest

/// Issue 14 in a real terminal at 80x24, in Hindi: the desk officer of Vijay Nagar records the
/// home investigation and the trafficking outcome of a rescued woman (repatriation refused at the
/// field before the home investigation), hands the case to Mahakal, and Mahakal's desk finds it on
/// her menu ("उत्तर देने हेतु हस्तांतरण"), opens it and accepts it: the case is Mahakal's.
/// It prints nothing (see PreventionInTmuxTests); the screens are asserted.
final class TraffickingTransferInTmuxTests: TmuxTestCase {
    override var demo: (cases: Int, seed: Int) { (80, 2) }

    /// An open trafficking case of Vijay Nagar whose woman agreed to sharing (a transfer needs it),
    /// found through the command line as the desk officer sees it.
    func rescuedWomansCase() throws -> String {
        let list = try Binary.run(["cases", "--store", store.path, "--user", "asha", "--format", "csv"], stdin: "1111\n")
        XCTAssertEqual(list.status, 0, list.stderr)
        let rows = list.stdout.split(separator: "\n").dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        var found: [(String, Bool)] = []
        for row in rows where row.count > 8 && row[6] == "Trafficking" && row[8] != "Closed" {
            let number = String(row[0])
            let shown = try Binary.run(["case", "show", number, "--store", store.path, "--user", "asha"], stdin: "1111\n")
            guard shown.stdout.range(of: "Consent: share with partners +Yes", options: .regularExpression) != nil else { continue }
            found.append((number, shown.stdout.range(of: "Home investigation +—", options: .regularExpression) != nil))
        }
        // One whose home is not yet checked, if there is one (the walk clears the day either way).
        guard let pick = found.first(where: \.1) ?? found.first else {
            XCTFail("no open trafficking case with consent to sharing in this demo store")
            return ""
        }
        return pick.0
    }

    func testTheTraffickingPathAndATransferAnsweredByTheReceivingDesk() throws {
        let number = try rescuedWomansCase()
        let today = Day(Date()).description
        tmux.start(command)
        login("asha", "1111", expect: "Main menu")
        tmux.keys("F2")
        tmux.waitFor("मुख्य मेनू")
        tmux.keys("2")
        tmux.waitFor("खोज")
        tmux.type(number)
        tmux.keys("Enter")
        tmux.waitFor("प्रकरण " + number)
        tmux.keys("4", "End")
        let legal = tmux.waitFor("मानव तस्करी (ITPA, BNS धारा 143)")
        XCTAssertTrue(legal.contains("शक्ति सदन"), legal)
        assertFits(legal)

        // The trafficking path: home first checked, then her return.
        tmux.keys("F3")
        tmux.waitFor("मानव तस्करी: AHTU, मुक्ति, आश्रय")
        pick("मानव तस्करी: AHTU, मुक्ति, आश्रय")
        let form = tmux.waitFor("मानव तस्करी: मुक्ति और उसके बाद")
        XCTAssertTrue(form.contains("घर की जाँच के बाद ही वापसी"), form)
        tmux.keys("Tab", "Tab", "Tab", "C-u", "Tab")        // the home investigation not done; to the outcome
        cycle(to: "‹ घर वापसी ›")
        tmux.keys("F10")
        let refused = tmux.waitFor("पहले घर की जाँच: उससे पहले उसे वापस नहीं भेजा जाता")
        assertFits(refused)
        tmux.keys("BTab")                                    // back to the home investigation
        tmux.keys("C-u")
        tmux.type(today)
        tmux.keys("F10")
        let saved = tmux.waitFor("मानव तस्करी का रास्ता सहेजा गया।")
        XCTAssertNotNil(saved.range(of: "घर की जाँच +" + today, options: .regularExpression), saved)
        XCTAssertNotNil(saved.range(of: "परिणाम +घर वापसी", options: .regularExpression), saved)
        assertFits(saved)

        // The transfer to Mahakal: asked here, answered there.
        tmux.keys("F3")
        tmux.waitFor("दूसरे थाने को सौंपें")
        pick("दूसरे थाने को सौंपें")
        let transfer = tmux.waitFor("केस दूसरे थाने को सौंपना")
        XCTAssertTrue(transfer.contains("केवल उसकी साझा-सहमति से"), transfer)
        cycle(to: "‹ महाकाल ›")
        tmux.keys("F10")
        let asked = tmux.waitFor("हस्तांतरण माँगा गया; वह थाना स्वीकार या अस्वीकार करेगा।")
        assertFits(asked)
        tmux.keys("Escape", "Escape")
        tmux.waitFor("मुख्य मेनू")
        XCTAssertFalse(tmux.screen.contains("उत्तर देने हेतु हस्तांतरण"), "the sending desk has nothing to answer")
        tmux.keys("Escape")
        XCTAssertTrue(waitForQuestion(), tmux.screen)
        tmux.keys("y")
        tmux.waitFor("पिन")

        tmux.type("meena")
        tmux.keys("Enter")
        tmux.type("2222")
        tmux.keys("Enter")
        let menu = tmux.waitFor("मुख्य मेनू")
        XCTAssertNotNil(menu.range(of: "t\\. उत्तर देने हेतु हस्तांतरण +1 प्रतीक्षा में: स्वीकार या अस्वीकार", options: .regularExpression), menu)
        assertFits(menu)
        tmux.keys("t")
        let waiting = tmux.waitFor("आपके थाने को सौंपे गए प्रकरण")
        XCTAssertTrue(waiting.contains(number + " · विजय नगर"), waiting)
        tmux.keys("Enter")
        tmux.waitFor("प्रकरण " + number)
        tmux.keys("F3")
        tmux.waitFor("हस्तांतरण स्वीकार करें")
        pick("हस्तांतरण स्वीकार करें")
        let accepted = tmux.waitFor("हस्तांतरण स्वीकार: केस अब महाकाल में है।")
        XCTAssertTrue(accepted.contains("जोखिम") && accepted.contains("· महाकाल"), accepted)
        assertFits(accepted)
        tmux.keys("End")
        let kept = tmux.waitFor("महाकाल  स्वीकार")
        XCTAssertNotNil(kept.range(of: "परिणाम +घर वापसी", options: .regularExpression), "its path goes with it:\n\(kept)")
        tmux.keys("Escape", "Escape")
        let after = tmux.waitFor("मुख्य मेनू")
        XCTAssertFalse(after.contains("उत्तर देने हेतु हस्तांतरण"), "answered: the line goes\n\(after)")
        quit()
        XCTAssertTrue(tmux.waitForExit())
    }

    /// Moves the pick list's ▶ to `label` and takes it.
    func pick(_ label: String, file: StaticString = #filePath, line: UInt = #line) {
        for _ in 0..<12 where !tmux.screen.contains("▶ " + label) {
            tmux.keys("Down")
            Thread.sleep(forTimeInterval: 0.2)
        }
        XCTAssertTrue(tmux.screen.contains("▶ " + label), tmux.screen, file: file, line: line)
        tmux.keys("Enter")
    }

    /// Turns the choice field in focus (→) until it shows `value`.
    func cycle(to value: String, file: StaticString = #filePath, line: UInt = #line) {
        for _ in 0..<10 where !tmux.screen.contains(value) {
            tmux.keys("Right")
            Thread.sleep(forTimeInterval: 0.2)
        }
        XCTAssertTrue(tmux.screen.contains(value), tmux.screen, file: file, line: line)
    }
}
