import Foundation

/// What a secret that guards a store's key must be: in an encrypted store a PIN or passphrase
/// is all that stands between a stolen disk and every record (10,000 four-digit PINs fall in
/// about an hour of PBKDF2). Demo stores keep the README's PINs and say so at the login.
public enum SecretPolicy {
    public enum Problem: String, Error, Equatable, Sendable {
        case tooShort, oneCharacter, sequence, containsName, common
    }

    public static let shortest = 8

    /// Passphrases that lists of leaked passwords put first, and the obvious ones of this desk.
    static let common: Set<String> = [
        "password", "password1", "passw0rd", "12345678", "123456789", "1234567890", "qwertyui", "qwerty123",
        "iloveyou", "abcd1234", "11223344", "12341234", "admin123", "administrator", "welcome1", "letmein1",
        "india123", "bharat123", "police123", "mppolice", "urjadesk", "urja1234", "mahilaurja", "humhongekamyab",
        "indore123", "ujjain123", "jaihind1", "sunita123", "00000000",
    ]

    /// Nil when `secret` may guard the key; else what is wrong with it.
    public static func check(_ secret: String, userID: String) -> Problem? {
        let plain = Digits.toASCII(secret)
        guard plain.count >= shortest else { return .tooShort }
        let folded = plain.lowercased().filter { !$0.isWhitespace }
        if Set(folded).count <= 2 { return .oneCharacter }
        let scalars = folded.unicodeScalars.map { Int($0.value) }
        let steps = Set(zip(scalars, scalars.dropFirst()).map { $1 - $0 })
        if steps.count == 1, let step = steps.first, abs(step) == 1 { return .sequence }
        let name = userID.lowercased()
        if name.count >= 3, folded.contains(name) { return .containsName }
        if common.contains(folded) { return .common }
        return nil
    }
}
