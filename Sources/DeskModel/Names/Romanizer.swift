/// Devanagari to plain Roman, the way names are usually written in English: long and short
/// vowels alike (सुनीता → sunita), the unwritten vowel dropped at the end of a word and where Hindi drops it in the
/// middle ("कमला" → kamla, "शबनम" → shabnam). Used to match names across scripts.
public enum Romanizer {
    static let consonants: [Unicode.Scalar: String] = [
        "क": "k", "ख": "kh", "ग": "g", "घ": "gh", "ङ": "n", "च": "ch", "छ": "chh", "ज": "j", "झ": "jh", "ञ": "n",
        "ट": "t", "ठ": "th", "ड": "d", "ढ": "dh", "ण": "n", "त": "t", "थ": "th", "द": "d", "ध": "dh", "न": "n",
        "प": "p", "फ": "ph", "ब": "b", "भ": "bh", "म": "m", "य": "y", "र": "r", "ल": "l", "ळ": "l", "व": "v",
        "श": "sh", "ष": "sh", "स": "s", "ह": "h",
        // Precomposed nukta letters (U+0958–U+095F).
        "\u{0958}": "q", "\u{0959}": "kh", "\u{095A}": "g", "\u{095B}": "z", "\u{095C}": "r", "\u{095D}": "rh",
        "\u{095E}": "f", "\u{095F}": "y",
    ]
    /// A consonant followed by the nukta sign.
    static let withNukta: [Unicode.Scalar: String] = [
        "क": "q", "ख": "kh", "ग": "g", "ज": "z", "ड": "r", "ढ": "rh", "फ": "f", "य": "y",
    ]
    static let vowels: [Unicode.Scalar: String] = [
        "अ": "a", "आ": "a", "इ": "i", "ई": "i", "उ": "u", "ऊ": "u", "ऋ": "ri", "ए": "e", "ऐ": "ai", "ओ": "o", "औ": "au",
        "ऑ": "o",
    ]
    static let matras: [Unicode.Scalar: String] = [
        "ा": "a", "ि": "i", "ी": "i", "ु": "u", "ू": "u", "ृ": "ri", "े": "e", "ै": "ai", "ो": "o", "ौ": "au", "ॉ": "o",
    ]
    static let nukta: Unicode.Scalar = "\u{093C}"
    static let virama: Unicode.Scalar = "\u{094D}"

    /// One unit of a word: a consonant with what follows it, or a vowel letter.
    struct Unit {
        var consonant: String?
        var vowel: String?
        /// A consonant with no written vowel and no halant: it carries the inherent "a" unless dropped.
        var inherent: Bool
        var nasal: Bool
        var halant: Bool
    }

    public static func roman(_ text: String) -> String {
        var out = ""
        var word: [Unicode.Scalar] = []
        func flush() {
            if !word.isEmpty { out += romanWord(word) }
            word = []
        }
        for s in text.unicodeScalars {
            if (0x0900...0x097F).contains(s.value), !(0x0966...0x096F).contains(s.value) { word.append(s) } else {
                flush()
                out.unicodeScalars.append(s)
            }
        }
        flush()
        return Digits.toASCII(out)
    }

    static func romanWord(_ scalars: [Unicode.Scalar]) -> String {
        var units: [Unit] = []
        var i = 0
        while i < scalars.count {
            let s = scalars[i]
            if var c = consonants[s] {
                if i + 1 < scalars.count, scalars[i + 1] == nukta {
                    c = withNukta[s] ?? c
                    i += 1
                }
                units.append(Unit(consonant: c, vowel: nil, inherent: true, nasal: false, halant: false))
            } else if let v = vowels[s] {
                units.append(Unit(consonant: nil, vowel: v, inherent: false, nasal: false, halant: false))
            } else if let m = matras[s], !units.isEmpty {
                units[units.count - 1].vowel = m
                units[units.count - 1].inherent = false
            } else if s == virama, !units.isEmpty {
                units[units.count - 1].inherent = false
                units[units.count - 1].halant = true
            } else if (s == "ं" || s == "ँ"), !units.isEmpty {
                units[units.count - 1].nasal = true
            } else if s == "ः", !units.isEmpty {
                units[units.count - 1].vowel = (units[units.count - 1].vowel ?? "") + "h"
            }
            i += 1
        }
        // The unwritten vowel: none at the end of a word; none in the middle between a vowel and a
        // consonant that has its own vowel (VC_CV), the usual Hindi schwa deletion.
        var sounded = units.map { $0.inherent }
        if let last = units.indices.last, units.count > 1, !units[last].nasal { sounded[last] = false }
        for k in units.indices.dropFirst().dropLast() where sounded[k] {
            let before = units[k - 1]
            let beforeHasVowel = before.vowel != nil || sounded[k - 1]
            let after = units[k + 1]
            let afterHasVowel = after.vowel != nil || (sounded[k + 1] && k + 1 != units.count - 1)
            if beforeHasVowel, after.consonant != nil, afterHasVowel, !units[k].nasal { sounded[k] = false }
        }
        var out = ""
        for (k, u) in units.enumerated() {
            out += u.consonant ?? ""
            if let v = u.vowel { out += v } else if sounded[k] { out += "a" }
            if u.nasal {
                let next = units.indices.contains(k + 1) ? units[k + 1].consonant ?? "" : ""
                out += ["p", "ph", "b", "bh", "m"].contains(next) ? "m" : "n"
            }
        }
        return out
    }
}
