extension NameKey {
    /// `foldText` for a word of lower-case ASCII letters, on its bytes (no Foundation string
    /// replacing, no Character arrays): the same rules in the same order. nil for any other word.
    /// A save makes a case's name keys (its listing); this was most of that.
    static func foldASCII(_ word: String) -> String? {
        var w: [UInt8] = []
        w.reserveCapacity(word.utf8.count + 4)
        for b in word.utf8 {
            guard b >= 0x61, b <= 0x7A else { return nil }
            w.append(b)
        }
        // Each folding over the whole word, left to right, without overlaps (as replacingOccurrences).
        for (from, to) in asciiFoldings {
            guard w.count >= from.count else { continue }
            var out: [UInt8] = []
            out.reserveCapacity(w.count + 2)
            var i = 0
            var changed = false
            while i < w.count {
                if i + from.count <= w.count, w[i] == from[0], w[i..<(i + from.count)].elementsEqual(from) {
                    out.append(contentsOf: to)
                    i += from.count
                    changed = true
                } else {
                    out.append(w[i])
                    i += 1
                }
            }
            if changed { w = out }
        }
        let a = UInt8(ascii: "a"), e = UInt8(ascii: "e"), r = UInt8(ascii: "r"), y = UInt8(ascii: "y")
        let o = UInt8(ascii: "o"), m = UInt8(ascii: "m"), n = UInt8(ascii: "n"), i8 = UInt8(ascii: "i")
        func vowel(_ c: UInt8) -> Bool { c == a || c == e || c == i8 || c == o || c == UInt8(ascii: "u") }
        var c = w
        for i in c.indices where c[i] == e && i + 2 < c.count && c[i + 1] == r && !vowel(c[i + 2]) && c[i + 2] != y { c[i] = a }
        if c.count > 2, c[c.count - 2] == e, c[c.count - 1] == y { c.removeLast() }
        if c.count > 3, c[c.count - 3] == o, c[c.count - 2] == r, c[c.count - 1] == e { c.removeLast() }
        if c.count > 1, c[c.count - 1] == y, !vowel(c[c.count - 2]) { c[c.count - 1] = i8 }
        if c.count > 1 { c = [c[0]] + c[1...].filter { $0 != a } }
        for i in c.indices where c[i] == m && i + 1 < c.count && !vowel(c[i + 1]) && c[i + 1] != y && c[i + 1] != m { c[i] = n }
        var out: [UInt8] = []
        out.reserveCapacity(c.count)
        for ch in c where out.last != ch { out.append(ch) }
        return String(decoding: out, as: UTF8.self)
    }

    static let asciiFoldings: [([UInt8], [UInt8])] = foldings.map { (Array($0.0.utf8), Array($0.1.utf8)) }
}
