/// Devanagari digits (०–९) typed at the desk are the same numbers as ASCII digits.
public enum Digits {
    public static func toASCII(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if (0x0966...0x096F).contains(scalar.value), let ascii = Unicode.Scalar(scalar.value - 0x0966 + 0x30) {
                out.append(ascii)
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }
}
