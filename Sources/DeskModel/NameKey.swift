import Foundation

/// A spelling-blind key for matching names across scripts: "sunita", "suneeta" and सुनीता all give
/// the key "sunit", while "sumita" ("sumit") stays apart. Devanagari is romanized first,
/// then both are folded: long and short vowels alike, aspirates, sibilants (श ष स), w/v, x/ksh,
/// z/j, ph/f merged, nasals before a consonant one, the short "a" after the first letter dropped
/// (it is the one most often written or not), doubled letters single, and a few common spelling
/// habits (verma/varma, pandey/pande, singh/सिंह).
public enum NameKey {
    /// One key per word, in order.
    public static func words(_ text: String) -> [String] {
        let roman = Romanizer.roman(text).lowercased()
        return roman.split { !($0.isASCII && $0.isLetter) }.map { fold(String($0)) }.filter { !$0.isEmpty }
    }

    static let foldings: [(String, String)] = [
        ("x", "ksh"), ("w", "v"), ("ph", "f"), ("z", "j"), ("q", "k"), ("ee", "i"), ("ii", "i"), ("oo", "u"),
        ("uu", "u"), ("aa", "a"), ("ai", "e"), ("ei", "e"), ("au", "o"), ("ou", "o"), ("ngh", "nh"), ("jn", "gy"),
        ("kh", "k"), ("gh", "g"), ("chh", "ch"), ("jh", "j"), ("th", "t"), ("dh", "d"), ("bh", "b"), ("yi", "i"),
        ("sh", "s"),
    ]

    public static func fold(_ word: String) -> String {
        var w = word.lowercased()
        for (from, to) in foldings { w = w.replacingOccurrences(of: from, with: to) }
        // Spelling habits of surnames: an e before r+consonant is a short a; a final "ey" is e;
        // a final "ore" is or; a final y after a consonant is i.
        w = w.replacingOccurrences(of: "er(?=[bcdfgjklmnpqrstvz])", with: "ar", options: .regularExpression)
        w = w.replacingOccurrences(of: "ey$", with: "e", options: .regularExpression)
        w = w.replacingOccurrences(of: "ore$", with: "or", options: .regularExpression)
        w = w.replacingOccurrences(of: "(?<=[^aeiou])y$", with: "i", options: .regularExpression)
        // The short a inside the word and at its end (krishna / कृष्ण, seema / सीमा).
        var chars = Array(w)
        if chars.count > 1 {
            chars = [chars[0]] + chars[1...].filter { $0 != "a" }
        }
        // A nasal before another consonant is one sound however it is written (ं, n, m).
        w = String(chars).replacingOccurrences(of: "m(?=[^aeiouym])", with: "n", options: .regularExpression)
        chars = Array(w)
        // Doubled letters once.
        var out: [Character] = []
        for c in chars where out.last != c { out.append(c) }
        return String(out)
    }

    /// True when every word of `query` begins a different word of the name, in any script (search as
    /// you type); a word of three letters or more must match its whole key or a prefix of it.
    public static func matches(query: [String], name: [String]) -> Bool {
        guard !query.isEmpty else { return true }
        var used = Set<Int>()
        for q in query {
            guard let i = name.indices.first(where: { !used.contains($0) && name[$0].hasPrefix(q) }) else { return false }
            used.insert(i)
        }
        return true
    }
}
