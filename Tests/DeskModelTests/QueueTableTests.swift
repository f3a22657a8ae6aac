import DemoData
import DeskModel
import Foundation
import XCTest

/// The queue's prepared table must answer every search, filter and order exactly as `CaseQuery`
/// does on the same cases: it is the same query, only faster.
final class QueueTableTests: XCTestCase {
    func testTheTableAnswersEveryQueryAsTheQueryDoes() throws {
        let records = DemoGenerator(seed: 11, count: 400, clock: testClock).cases(directory: try testDirectory())
        let listings = records.map(CaseListing.init)
        let keys = Dictionary(uniqueKeysWithValues: listings.map { ($0.id, NameKey.words($0.name)) })
        let nameKeys: (CaseListing) -> [String] = { keys[$0.id] ?? [] }
        let table = QueueTable(listings, nameKeys: nameKeys)
        // Searches a desk officer types: parts of names in both scripts and common spellings,
        // case numbers, phone digits, Hindi digits, nothing, and what matches nothing.
        var searches = ["", "zzz", "98", "987", "९८", "IND-VJN", "vjn-2026-00", "2026-01", "sunita", "verma", "varma", "सु", "सुनी",
                        "वर्मा", "कि", "क", "priya y", "rathore", "राठौर", "sh", "a", " "]
        var random = SeededRandom(seed: 5)
        for _ in 0..<40 {
            let l = listings[Int(random.next() % UInt64(listings.count))]
            let words = l.name.split(separator: " ").map(String.init) + [l.number.description, l.phone ?? ""]
            let word = words[Int(random.next() % UInt64(words.count))]
            let cut = word.isEmpty ? 0 : Int(random.next() % UInt64(word.count)) + 1
            searches.append(String(word.prefix(cut)))
        }
        let today = Day(testNow)
        let review: (CaseListing) -> (CaseSummary, Set<ReviewFlag>) = {
            ($0.summary, $0.summary.flags(today: today, now: testNow, settings: ReviewSettings(), lateDirective: false))
        }
        var compared = 0, nonEmpty = 0
        for search in searches {
            for sort in CaseSort.allCases {
                for station in [nil, "VJN"] as [String?] {
                    for (status, flag) in [(nil, nil), (CaseStatus.open, nil), (nil, ReviewFlag.allCases.first)] as [(CaseStatus?, ReviewFlag?)] {
                        let q = CaseQuery(search: search, status: status, stationID: station, sort: sort, flag: flag)
                        let expected = q.apply(to: listings, nameKeys: nameKeys, review: review).map(\.id)
                        let got = table.apply(q, review: review).map(\.id)
                        XCTAssertEqual(got, expected, "search \(search) sort \(sort) station \(station ?? "-") status \(status?.rawValue ?? "-")")
                        compared += 1
                        if !expected.isEmpty && expected.count < listings.count { nonEmpty += 1 }
                    }
                }
            }
        }
        // The comparison means something only if the searches select some cases and not others.
        XCTAssertGreaterThan(nonEmpty, compared / 3)
    }

    func testASearchForAConsonantFindsTheNameWithItsVowelSign() {
        let records = [makeCase(1, name: "किरण वर्मा", age: 30, reported: testNow)]
        let listings = records.map(CaseListing.init)
        XCTAssertEqual(QueueTable(listings).apply(CaseQuery(search: "क")).count, 1)
        XCTAssertEqual(CaseQuery(search: "क").apply(to: records).count, 1)
        XCTAssertEqual(QueueTable(listings).apply(CaseQuery(search: "ग")).count, 0)
    }

    func testANuktaTypedEitherWayFindsTheSameName() {
        // ज़ as one code point (U+095B) in one record, as ज + nukta (U+091C U+093C) in the other; each
        // searched the other way, inside the word (where only the letters, not the name keys, match).
        let records = [makeCase(1, name: "ना\u{095B}मा ख़ान", age: 30, reported: testNow), makeCase(2, name: "रज\u{093C}िया", age: 30, reported: testNow)]
        let listings = records.map(CaseListing.init)
        for (search, id) in [("\u{091C}\u{093C}मा", records[0].id), ("ज\u{093C}िय", records[1].id), ("\u{095B}िय", records[1].id)] {
            XCTAssertEqual(QueueTable(listings).apply(CaseQuery(search: search)).map(\.id), [id], search)
            XCTAssertEqual(CaseQuery(search: search).apply(to: records).map(\.id), [id], search)
        }
    }
}
