@testable import DemoData
@testable import DeskModel
import XCTest

final class TransliterationTests: XCTestCase {
    func testTheTableIsBigEnough() {
        XCTAssertGreaterThanOrEqual(nameTable.count, 100)
    }

    /// Typed precisely in the scheme, every name comes out right by the rules alone.
    func testPreciseSpellingsByTheRulesAlone() {
        for (_, precise, hindi) in nameTable {
            XCTAssertEqual(Transliterator.devanagari(precise, useLexicon: false), hindi, precise)
        }
    }

    /// Typed the way names are usually spelt in English, the rules and the lexicon give the Hindi.
    func testCommonSpellings() {
        var byRules = 0
        for (common, _, hindi) in nameTable {
            XCTAssertEqual(Transliterator.devanagari(common), hindi, common)
            if Transliterator.devanagari(common, useLexicon: false) == hindi { byRules += 1 }
        }
        print("transliteration: \(byRules) of \(nameTable.count) common spellings by the rules alone")
        // The rules alone must keep doing at least this well (the count when this floor was set):
        // a change to the rules that loses names shows here, not only in a printed line.
        XCTAssertGreaterThanOrEqual(byRules, TransliterationTests.rulesAloneFloor,
                                    "common spellings right by the rules alone, without the lexicon")
    }

    static let rulesAloneFloor = 75

    /// Names that are in neither the lexicon nor the name table (held out): what a desk officer meets
    /// the first time. Each must find its Hindi spelling in a search (one key across scripts), and
    /// the rules alone must write most of them as they are usually written in Hindi.
    func testNamesTheLexiconLacks() {
        let heldOut: [(common: String, hindi: String)] = [
            ("bhavna", "भावना"), ("jaya", "जया"), ("maya", "माया"), ("sharda", "शारदा"), ("pratibha", "प्रतिभा"), ("renu", "रेनू"),
            ("saroj", "सरोज"), ("rajni", "रजनी"), ("alka", "अलका"), ("bindu", "बिंदु"), ("chhaya", "छाया"), ("hemlata", "हेमलता"),
            ("indira", "इंदिरा"), ("kamlesh", "कमलेश"), ("leela", "लीला"), ("malti", "मालती"), ("neelam", "नीलम"), ("padma", "पद्मा"),
            ("rama", "रमा"), ("santosh", "संतोष"), ("tara", "तारा"), ("urmila", "उर्मिला"), ("vimla", "विमला"), ("yashoda", "यशोदा"),
            ("mandloi", "मंडलोई"), ("chouhan", "चौहान"), ("damor", "डामोर"), ("aruna", "अरुणा"), ("beena", "बीना"), ("chanchal", "चंचल"),
            ("kirti", "कीर्ति"), ("nidhi", "निधि"), ("payal", "पायल"), ("rinki", "रिंकी"), ("shilpa", "शिल्पा"), ("varsha", "वर्षा"),
            ("zeenat", "ज़ीनत"), ("naseem", "नसीम"), ("gehlot", "गेहलोत"), ("vyas", "व्यास"),
        ]
        var right: [String] = [], wrong: [String] = []
        for (common, hindi) in heldOut {
            XCTAssertNil(NameLexicon.devanagari[common], "\(common) is held out: not in the lexicon")
            XCTAssertFalse(nameTable.contains { $0.common == common }, "\(common) is held out: not in the name table")
            XCTAssertEqual(NameKey.words(common), NameKey.words(hindi), "\(common) and \(hindi) find each other")
            let got = Transliterator.devanagari(common)
            if got == hindi { right.append(common) } else { wrong.append("\(common) → \(got) (usual \(hindi))") }
        }
        print("transliteration, names the lexicon lacks: \(right.count) of \(heldOut.count) right; "
              + "the rest: \(wrong.joined(separator: ", "))")
        XCTAssertGreaterThanOrEqual(right.count, 17, "held-out names right by the rules: \(wrong)")
    }

    /// The district's place names come out as the district writes them (the demo data spells
    /// सांवेर, not सन्वेर), and are found across scripts.
    func testPlaceNamesOfTheDistrict() {
        let places = [("sanwer", "सांवेर"), ("depalpur", "देपालपुर"), ("mhow", "महू"), ("khajrana", "खजराना"),
                      ("pipalya", "पिपल्या"), ("badnagar", "बड़नगर"), ("tarana", "तराना"), ("mahidpur", "महिदपुर"),
                      ("nagda", "नागदा"), ("khachrod", "खाचरौद"), ("indaur", "इंदौर"), ("ujjain", "उज्जैन")]
        for (roman, hindi) in places {
            XCTAssertEqual(Transliterator.devanagari(roman), hindi, roman)
            XCTAssertEqual(Transliterator.devanagari(roman.capitalized), hindi, roman.capitalized)
        }
        XCTAssertEqual(Transliterator.devanagari("gram pipalya, tehsil sanwer, jila indaur"),
                       "ग्राम पिपल्या, तहसील सांवेर, ज़िला इंदौर")
        // Every village of the demo data is known to the lexicon.
        for village in DemoGenerator.villages where village.hasPrefix("ग्राम ") {
            let place = String(village.split(separator: " ").last ?? "")
            XCTAssertTrue(NameLexicon.devanagari.values.contains(place), village)
        }
    }
}

final class CrossScriptTests: XCTestCase {
    /// Every common spelling, the precise one and the Hindi find one another.
    func testEverySpellingOfANameHasOneKey() {
        for (common, precise, hindi) in nameTable {
            XCTAssertEqual(NameKey.words(common), NameKey.words(hindi), "\(common) / \(hindi) (\(Romanizer.roman(hindi)))")
            XCTAssertEqual(NameKey.words(precise.replacingOccurrences(of: "'", with: "")), NameKey.words(hindi), precise)
        }
    }
}

extension CrossScriptTests {
    /// Written back in Roman, a Hindi name reads as it is usually spelt in English.
    func testHindiBackToRoman() {
        let back = ["सुनीता": "sunita", "प्रिया": "priya", "रेखा": "rekha", "कविता": "kavita", "लक्ष्मी": "lakshmi",
                    "क्षमा": "kshama", "ममता": "mamta", "कमला": "kamla", "शबनम": "shabnam", "सपना": "sapna",
                    "सुषमा": "sushma", "रामकली": "ramkali", "परमार": "parmar", "अहिरवार": "ahirvar",
                    "संगीता": "sangita", "मंजू": "manju", "चंपा": "champa", "शांति": "shanti", "यादव": "yadav",
                    "शर्मा": "sharma", "ज्योति": "jyoti", "किरण": "kiran", "दुर्गा": "durga", "राम": "ram",
                    "सिंह": "sinh", "ज़ैनब": "zainab", "फ़रीदा": "farida", "लड़की": "larki", "माँ": "man"]
        for (hindi, roman) in back { XCTAssertEqual(Romanizer.roman(hindi), roman, hindi) }
        XCTAssertEqual(Romanizer.roman("सुनीता वर्मा, वार्ड १२"), "sunita varma, vard 12")
    }

    /// Different women's names stay apart, however close.
    func testNearMissesDoNotMatch() {
        let apart = [("sunita", "sumita"), ("kavita", "kavya"), ("anita", "amita"), ("geeta", "neeta"),
                     ("priya", "puja"), ("rekha", "radha"), ("sharma", "verma"), ("asha", "usha"), ("lata", "lalita"),
                     ("sunil", "sunita"), ("kiran", "karan"), ("ramesh", "rajesh"), ("reena", "rani"),
                     ("सुनीता", "sumita"), ("मीना", "meera"), ("यादव", "jadhav"), ("शर्मा", "varma"), ("पूजा", "priya")]
        for (a, b) in apart { XCTAssertNotEqual(NameKey.words(a), NameKey.words(b), "\(a) / \(b)") }
        let same = [("sunita", "suneeta"), ("suneeta", "सुनीता"), ("laxmi", "लक्ष्मी"), ("lakshmi", "laxmi"),
                    ("verma", "वर्मा"), ("varma", "verma"), ("singh", "सिंह"), ("pandey", "पांडे"), ("jyothi", "ज्योति"),
                    ("rathore", "राठौर"), ("chaudhary", "चौधरी"), ("kushwaha", "कुशवाहा"), ("seema", "sima")]
        for (a, b) in same { XCTAssertEqual(NameKey.words(a), NameKey.words(b), "\(a) / \(b)") }
    }

    func testSearchAsYouTypeMatchesAcrossScripts() {
        let name = NameKey.words("सुनीता वर्मा")
        for query in ["sun", "suneeta", "sunita verma", "verma", "varma sunita", "सुनी", "वर्मा"] {
            XCTAssertTrue(NameKey.matches(query: NameKey.words(query), name: name), query)
        }
        for query in ["sumita", "sharma", "sunita sharma", "verma verma"] {
            XCTAssertFalse(NameKey.matches(query: NameKey.words(query), name: name), query)
        }
    }
}

extension TransliterationTests {
    /// The issue's examples and the scheme's tricky corners.
    func testTrickyCases() {
        let cases: [(String, String)] = [
            ("priya", "प्रिया"), ("sunita", "सुनीता"), ("kshama", "क्षमा"), ("laxmi", "लक्ष्मी"),
            ("shrI", "श्री"), ("vidyaa", "विद्या"), ("sthaan", "स्थान"), ("kuttaa", "कुत्ता"), ("k_sh", "क्श"),  // conjuncts, halant
            ("ram_", "रम्"), ("raam", "राम"), ("kamal", "कमल"),                                 // the end of a word
            ("la.Dakii", "लड़की"), ("zindagii", "ज़िंदगी"), ("fariida", "फ़रीदा"), ("qaanuun", "क़ानून"),  // nukta
            ("gangaa", "गंगा"), ("champa", "चंपा"), ("saMvaad", "संवाद"), ("amma", "अम्मा"),    // anusvara
            ("maa~", "माँ"), ("haa.N", "हाँ"),                                                  // chandrabindu
            ("aaii", "आई"), ("bhaaii", "भाई"), ("RiShi", "ऋषी"), ("kRipa", "कृपा"),           // vowels
            ("jyoti'", "ज्योति"), ("krishna'", "क्रिश्न"),                                        // as typed
            ("sunita verma", "सुनीता वर्मा"), ("ward 12", "वार्ड 12"), ("vard 12", "वर्द 12"), ("", ""),
        ]
        for (roman, hindi) in cases { XCTAssertEqual(Transliterator.devanagari(roman), hindi, roman) }
    }
}
