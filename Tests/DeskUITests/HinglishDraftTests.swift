@testable import DeskUI
import DeskModel
import Foundation
import XCTest

/// The Hinglish a constable writes on her phone, not the romanizer's letter-for-letter drafts:
/// what `scripts/fill-hinglish` writes for new keys, and what the string file already holds.
final class HinglishDraftTests: XCTestCase {
    func testDraftsUseTheWordsStaffWrite() {
        XCTAssertEqual(HinglishDraft.draft(fromHindi: "नया पंजीयन"), "nayi entry")
        XCTAssertEqual(HinglishDraft.draft(fromHindi: "थाने की कतार"), "thane ki list")
        XCTAssertEqual(HinglishDraft.draft(fromHindi: "प्रकरण सहेजा नहीं गया।"), "case save nahi hua.")
        XCTAssertEqual(HinglishDraft.draft(fromHindi: "एफ़आईआर की तारीख़"), "FIR ki tarikh")
        XCTAssertEqual(HinglishDraft.draft(fromHindi: "24 घंटे में बाल कल्याण समिति"), "24 ghante mein CWC")
        XCTAssertEqual(HinglishDraft.draft(fromHindi: "पुलिस अधीक्षक के नए निर्देश"), "SP ke naye nirdesh")
        XCTAssertEqual(HinglishDraft.draft(fromHindi: "आपका पिन सही है"), "aapka PIN sahi hai")
        XCTAssertEqual(HinglishDraft.draft(fromHindi: "बीएनएसएस धारा 396"), "BNSS dhara 396")
    }

    func testFileNamesPathsAndOptionsStayAsTheyAre() {
        XCTAssertEqual(HinglishDraft.mend("seeds/users.json men --user den"), "seeds/users.json mein --user den")
        XCTAssertEqual(HinglishDraft.mend("directory.plist nahin"), "directory.plist nahi")
    }

    /// Every Hinglish string has been through the rules: a draft that was not (a "men", a
    /// "nahin", a "prakran" left in) fails here with its key.
    func testEveryHinglishStringIsMended() throws {
        let url = HinglishTests.stringsFolder.appendingPathComponent("hi-Latn.json")
        let table = try JSONDecoder().decode([String: String].self, from: Data(contentsOf: url))
        for (key, value) in table.sorted(by: { $0.key < $1.key }) {
            XCTAssertEqual(HinglishDraft.mend(value), value, "\(key): the romanizer's draft, not yet mended")
        }
    }
}
