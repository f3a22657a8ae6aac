@testable import DeskModel
import XCTest

/// Ctrl-T over running desk Hindi, not only names (issue 17): a paragraph as the desk types it in
/// Hinglish, word by word against the Hindi it means.
final class DeskHindiTests: XCTestCase {
    static let typed = """
        pati roz sharab peekar maarpeet karta hai aur saas bhi taane deti hai. mahila ne bataya ki pichhle saal \
        se ghar mein hinsa badh gayi hai. usne FIR darj karne ke liye sahamati di hai. unke do bachche hain, beti \
        ki umr 14 saal hai, isliye CWC ko suchna dein. POCSO aur BNS ki dhara ke baare mein salah di gayi. SI sharma \
        ne bayan liya. maa ke ghar rampur mein rehna chahti hai. agli baar paramarsh ke liye somvaar ko aayein. \
        kripya surakshit sthan par sampark karein. ASI verma ne sasural mein janch ki.
        """
    static let meant = """
        पति रोज़ शराब पीकर मारपीट करता है और सास भी ताने देती है. महिला ने बताया कि पिछले साल \
        से घर में हिंसा बढ़ गई है. उसने FIR दर्ज करने के लिए सहमति दी है. उनके दो बच्चे हैं, बेटी \
        की उम्र 14 साल है, इसलिए CWC को सूचना दें. POCSO और BNS की धारा के बारे में सलाह दी गई. SI शर्मा \
        ने बयान लिया. माँ के घर रामपुर में रहना चाहती है. अगली बार परामर्श के लिए सोमवार को आएँ. \
        कृपया सुरक्षित स्थान पर संपर्क करें. ASI वर्मा ने ससुराल में जाँच की.
        """

    static func words(_ s: String) -> [String] { s.split(whereSeparator: { $0 == " " || $0 == "," }).map(String.init) }

    /// Words right, out of all, for a conversion of the paragraph.
    static func score(_ convert: (String) -> String) -> (right: Int, of: Int, wrong: [String]) {
        let got = words(convert(typed))
        let want = words(meant)
        var wrong: [String] = []
        for (g, w) in zip(got, want) where g != w { wrong.append("\(g)≠\(w)") }
        return (zip(got, want).filter { $0 == $1 }.count, want.count, wrong)
    }

    func testARunningParagraphOfDeskHindi() {
        XCTAssertEqual(Self.words(Self.typed).count, Self.words(Self.meant).count, "the paragraph and its Hindi align word by word")
        let before = Self.score { Transliterator.devanagari($0, hinglish: false) }
        let after = Self.score { Transliterator.devanagari($0) }
        print("desk Hindi paragraph: \(before.right) of \(before.of) words right before the word list, \(after.right) of \(after.of) after")
        print("still wrong after: \(after.wrong.joined(separator: " "))")
        XCTAssertLessThan(before.right, before.of * 6 / 10, "the positive control: the rules alone get much of it wrong")
        XCTAssertGreaterThanOrEqual(after.right, after.of - 1, "at most one word wrong: \(after.wrong)")
    }

    func testAbbreviationsAreKeptAsTyped() {
        for w in ["BNS", "POCSO", "CWC", "FIR", "SI", "ASI", "PWDVA"] { XCTAssertEqual(Transliterator.devanagari(w), w) }
        XCTAssertEqual(Transliterator.devanagari("BNS 85 aur POCSO"), "BNS 85 और POCSO")
        // The scheme's own capitals inside a word still work, and a single capital too.
        XCTAssertEqual(Transliterator.devanagari("paTel"), "पटेल")
        XCTAssertEqual(Transliterator.devanagari("A"), "आ")
    }

    func testTheIssuesWords() {
        let cases = ["pati": "पति", "sahamati": "सहमति", "maa": "माँ", "men": "में", "karen": "करें", "mein": "में",
                     "karein": "करें", "suchna": "सूचना", "dein": "दें", "rampur": "रामपुर", "sanwer": "सांवेर"]
        for (typed, hindi) in cases { XCTAssertEqual(Transliterator.devanagari(typed), hindi, typed) }
        // "ein" at a word's end is ें by the rule, for words not in the list.
        XCTAssertEqual(Transliterator.devanagari("likhein"), "लिखें")
        XCTAssertEqual(Transliterator.devanagari("bhejein"), "भेजें")
        // Names come first: a name that is also a word keeps its name spelling.
        XCTAssertEqual(Transliterator.devanagari("asha"), "आशा")
    }
}
