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

    static let vowels: Set<Character> = ["a", "e", "i", "o", "u"]

    public static func fold(_ word: String) -> String {
        // A word of lower-case ASCII letters (every word `words` makes) is folded byte by byte
        // (NameKeyFold.swift), as this function folds it; anything else as written here.
        if let folded = foldASCII(word) { return folded }
        return foldText(word)
    }

    /// The folding as written: the reference the byte-wise folding is tested against.
    static func foldText(_ word: String) -> String {
        var w = word.lowercased()
        for (from, to) in foldings where w.contains(from) { w = w.replacingOccurrences(of: from, with: to) }
        var c = Array(w)
        // Spelling habits of surnames: an e before r and a consonant is a short a (verma); a final
        // "ey" is e (pandey); a final "ore" is or (rathore); a final y after a consonant is i.
        for i in c.indices where c[i] == "e" && i + 2 < c.count && c[i + 1] == "r" && !vowels.contains(c[i + 2])
            && c[i + 2] != "y" { c[i] = "a" }
        if c.count > 2, c.suffix(2) == ["e", "y"] { c.removeLast() }
        if c.count > 3, c.suffix(3) == ["o", "r", "e"] { c.removeLast() }
        if c.count > 1, c.last == "y", let before = c.dropLast().last, !vowels.contains(before) { c[c.count - 1] = "i" }
        // The short a inside the word and at its end (krishna / कृष्ण, seema / सीमा).
        if c.count > 1 { c = [c[0]] + c[1...].filter { $0 != "a" } }
        // A nasal before another consonant is one sound however it is written (ं, n, m).
        for i in c.indices where c[i] == "m" && i + 1 < c.count && !vowels.contains(c[i + 1]) && c[i + 1] != "y"
            && c[i + 1] != "m" { c[i] = "n" }
        // Doubled letters once.
        var out: [Character] = []
        for ch in c where out.last != ch { out.append(ch) }
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
