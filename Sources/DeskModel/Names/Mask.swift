/// Identity as shown on lists and screens by default: enough for the desk to tell two women
/// apart in her own queue, not enough for a passer-by to name her.
public enum Mask {
    /// "सुनीता वर्मा" -> "स••• व•••"
    public static func name(_ name: String) -> String {
        let words = name.split(separator: " ").filter { !$0.isEmpty }
        guard !words.isEmpty else { return "•••" }
        return words.map { word in word.first.map { String($0) + "•••" } ?? "•••" }.joined(separator: " ")
    }

    /// "9876543210" -> "••••••••10"
    public static func phone(_ phone: String?) -> String {
        guard let phone, phone.count >= 2 else { return "" }
        return String(repeating: "•", count: phone.count - 2) + phone.suffix(2)
    }

    public static let address = "•••"
}
