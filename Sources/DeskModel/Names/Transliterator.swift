/// Phonetic Roman-to-Devanagari entry, close to ITRANS and the common phonetic keyboards:
///
/// - vowels: a आ=aa/A  i ई=ii/ee/I  u ऊ=uu/oo/U  e ऐ=ai  o औ=au  ऋ=Ri
/// - consonants: k kh g gh ch chh j jh T Th D Dh N (ट-वर्ग) t th d dh n p ph b bh m y r l v/w s
///   sh Sh(ष) h; x = ksh = क्ष, gy = ज्ञ; nukta: f फ़  z ज़  q क़  K ख़  G ग़  .D ड़  .Dh ढ़
/// - two consonants in a row join (conjunct with halant): "priya" प्रिया; "_" forces a halant
/// - n before a stop or sibilant, m before p/b, and M give anusvara ं ("ganga" गंगा);
///   .N or ~ give chandrabindu ँ
/// - at the end of a word a consonant keeps its inherent vowel unwritten ("ram" → रम, but
///   "raam" → राम); as in names, a final "a" is आ (ा) and a final "i" is ई (ी); an apostrophe
///   at the end keeps the word as typed ("jyoti'" ज्योति, "krishna'" कृष्ण)
/// - common names are looked up first in a small lexicon of their usual spellings
///   ("sunita" सुनीता, "yadav" यादव), because English spellings of names drop vowel length
///   and retroflex sounds that no rule can recover.
public enum Transliterator {
    /// The Devanagari of a phrase: each run of Roman letters is a word; anything else is kept.
    /// `hinglish: false` gives the rules and names alone, as before the desk's word list (kept to
    /// measure what the word list and the Hinglish spellings add).
    public static func devanagari(_ text: String, useLexicon: Bool = true, hinglish: Bool = true) -> String {
        var out = ""
        var word = ""
        func flush() {
            if !word.isEmpty { out += convert(word: word, useLexicon: useLexicon, hinglish: hinglish) }
            word = ""
        }
        for c in text {
            if isWordCharacter(c) { word.append(c) } else { flush(); out.append(c) }
        }
        flush()
        return out
    }

    /// Letters of a word as typed in the scheme: ASCII letters and the marks . _ ~ '.
    public static func isWordCharacter(_ c: Character) -> Bool {
        guard c.isASCII else { return false }
        return c.isLetter || c == "." || c == "_" || c == "~" || c == "'"
    }

    static func convert(word: String, useLexicon: Bool, hinglish: Bool = true) -> String {
        // A full stop ends a sentence: the word before it is looked up without it.
        if hinglish, word.count > 1, word.hasSuffix("."), !word.hasSuffix("..") {
            return convert(word: String(word.dropLast()), useLexicon: useLexicon, hinglish: hinglish) + "."
        }
        // BNS, POCSO, CWC, FIR, SI: an all-capital word of two letters or more is an abbreviation.
        if hinglish, isAbbreviation(word) { return word }
        if useLexicon, !word.hasSuffix("'") {
            if let known = NameLexicon.devanagari[word.lowercased()] { return known }
            if hinglish, let known = WordLexicon.devanagari[word.lowercased()] { return known }
        }
        // Hinglish writes the nasal e of karein, dein, mein as "ein" at a word's end: ें.
        if hinglish, word.count > 3, word.hasSuffix("ein"), !word.hasSuffix("'") {
            return rules(String(word.dropLast(2))) + "ं"
        }
        return rules(word)
    }

    /// Two or more capital letters and nothing else.
    static func isAbbreviation(_ word: String) -> Bool {
        word.count >= 2 && word.allSatisfy { $0.isASCII && $0.isUppercase }
    }

    enum Token: Equatable {
        case consonant(String, roman: String)
        case vowel(independent: String, matra: String)
        case anusvara, chandrabindu, halant, asTyped
        case other(Character)
    }

    static let consonants: [(String, String)] = [
        ("ksh", "क्ष"), ("chh", "छ"), (".Dh", "ढ़"), ("Sh", "ष"), ("sh", "श"), ("kh", "ख"), ("gh", "घ"), ("ch", "च"),
        ("jh", "झ"), ("Th", "ठ"), ("Dh", "ढ"), ("th", "थ"), ("dh", "ध"), ("ph", "फ"), ("bh", "भ"), ("gy", "ज्ञ"),
        (".D", "ड़"), ("T", "ट"), ("D", "ड"), ("N", "ण"), ("x", "क्ष"), ("k", "क"), ("g", "ग"), ("c", "च"), ("j", "ज"),
        ("t", "त"), ("d", "द"), ("n", "न"), ("p", "प"), ("b", "ब"), ("m", "म"), ("y", "य"), ("r", "र"), ("l", "ल"),
        ("v", "व"), ("w", "व"), ("s", "स"), ("h", "ह"), ("f", "फ़"), ("z", "ज़"), ("q", "क़"), ("K", "ख़"), ("G", "ग़"),
    ]

    static let vowels: [(String, String, String)] = [
        ("aa", "आ", "ा"), ("ai", "ऐ", "ै"), ("au", "औ", "ौ"), ("ee", "ई", "ी"), ("ii", "ई", "ी"), ("oo", "ऊ", "ू"),
        ("uu", "ऊ", "ू"), ("Ri", "ऋ", "ृ"), ("A", "आ", "ा"), ("I", "ई", "ी"), ("U", "ऊ", "ू"), ("E", "ए", "े"),
        ("O", "ओ", "ो"), ("a", "अ", ""), ("i", "इ", "ि"), ("u", "उ", "ु"), ("e", "ए", "े"), ("o", "ओ", "ो"),
    ]

    static func tokens(_ word: String) -> [Token] {
        let chars = Array(word)
        var i = 0
        var out: [Token] = []
        func matches(_ s: String) -> Bool {
            let p = Array(s)
            guard i + p.count <= chars.count else { return false }
            return Array(chars[i..<(i + p.count)]) == p
        }
        scan: while i < chars.count {
            for (roman, dev) in [(".N", "ँ")] where matches(roman) {
                out.append(.chandrabindu); i += roman.count; _ = dev; continue scan
            }
            for (roman, indep, matra) in vowels where matches(roman) {
                out.append(.vowel(independent: indep, matra: matra)); i += roman.count; continue scan
            }
            for (roman, dev) in consonants where matches(roman) {
                out.append(.consonant(dev, roman: roman)); i += roman.count; continue scan
            }
            switch chars[i] {
            case "M": out.append(.anusvara)
            case "~": out.append(.chandrabindu)
            case "_": out.append(.halant)
            case "'": out.append(.asTyped)
            default: out.append(.other(chars[i]))
            }
            i += 1
        }
        return out
    }

    /// Stops and sibilants: an n before one of them is written as anusvara.
    static let nasalisedBefore: Set<String> = ["k", "kh", "g", "gh", "ch", "chh", "c", "j", "jh", "T", "Th", "D", "Dh",
                                               "t", "th", "d", "dh", "s", "sh", "Sh", "x", "ksh", "q", "z"]
    static let labials: Set<String> = ["p", "ph", "b", "bh", "f"]

    static func rules(_ word: String) -> String {
        let toks = tokens(word)
        let asTyped = toks.last == .asTyped
        let body = asTyped ? Array(toks.dropLast()) : toks
        var out = ""
        var pending = false  // the last thing written is a consonant still waiting for its vowel
        for (i, tok) in body.enumerated() {
            let isLast = i == body.count - 1
            switch tok {
            case .consonant(let dev, let roman):
                let next: Token? = i + 1 < body.count ? body[i + 1] : nil
                if i > 0, !pending, case .consonant(_, let nextRoman)? = next,
                   (roman == "n" && nasalisedBefore.contains(nextRoman)) || (roman == "m" && labials.contains(nextRoman)) {
                    out += "ं"
                    continue
                }
                if pending { out += "्" }
                out += dev
                pending = true
            case .vowel(let independent, let matra):
                if pending {
                    var m = matra
                    if isLast, !asTyped, body.count > 2 {
                        if independent == "अ" { m = "ा" } else if independent == "इ" { m = "ी" }
                    }
                    out += m
                    pending = false
                } else {
                    out += independent
                }
            case .anusvara:
                out += "ं"
                pending = false
            case .chandrabindu:
                out += "ँ"
                pending = false
            case .halant:
                if pending { out += "्" }
                pending = false
            case .asTyped:
                break
            case .other(let c):
                pending = false
                out.append(c)
            }
        }
        return out
    }
}
