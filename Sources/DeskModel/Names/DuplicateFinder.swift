import Foundation

/// Likely earlier cases of the same woman, so that one woman does not become two cases: a weighted
/// match of name (across scripts and spellings), phone, age and village, in the spirit of Primero's.
public enum DuplicateFinder {
    public enum Reason: String, Sendable, CaseIterable {
        case name, givenName, phone, age, place
    }

    public struct Match<C: ListedCase> {
        public let record: C
        public let score: Double
        public let reasons: [Reason]
    }

    /// What is known of the woman being registered.
    public struct Person: Sendable {
        public var name: String
        public var phone: String?
        public var age: Int?
        public var address: String
        public var on: Day

        public init(name: String, phone: String?, age: Int?, address: String, on: Day) {
            self.name = name
            self.phone = phone
            self.age = age
            self.address = address
            self.on = on
        }
    }

    public static let weights: [Reason: Double] = [.name: 0.5, .givenName: 0.15, .phone: 0.4, .age: 0.1, .place: 0.1]
    /// A match scoring at least this is shown before saving.
    public static let threshold = 0.5

    /// Words of an address that say nothing about the place.
    static let placeWords: Set<String> = Set(["gram", "ward", "village", "mohalla", "colony", "nagar", "post", "tehsil",
                                              "ग्राम", "वार्ड", "गाँव", "मोहल्ला", "कॉलोनी", "नगर"].flatMap { NameKey.words($0) })

    public static func candidates<C: ListedCase>(for p: Person, among cases: [C], limit: Int = 5,
                                                 nameKeys: (C) -> [String] = { NameKey.words($0.listedName) }) -> [Match<C>] {
        let name = NameKey.words(p.name)
        let phone = p.phone.flatMap(IntakeForm.normalisedPhone)
        let place = Set(NameKey.words(p.address).filter { $0.count >= 3 && !placeWords.contains($0) })
        var out: [Match<C>] = []
        for r in cases {
            var reasons: [Reason] = []
            let other = nameKeys(r)
            if sameName(name, other) {
                reasons.append(.name)
            } else if let a = name.first, let b = other.first, a == b, a.count >= 2 {
                reasons.append(.givenName)
            }
            if let phone, phone == r.listedPhone { reasons.append(.phone) }
            // Strong evidence first: age and village only add to a name or phone.
            guard !reasons.isEmpty else { continue }
            if let age = p.age, let then = r.listedAge {
                let years = max(0, p.on.year - Day(r.reportedAt).year)
                if abs(then + years - age) <= 2 { reasons.append(.age) }
            }
            if !place.isEmpty, !place.isDisjoint(with: NameKey.words(r.listedAddress)) { reasons.append(.place) }
            let score = reasons.reduce(0) { $0 + (weights[$1] ?? 0) }
            if score >= threshold { out.append(Match(record: r, score: score, reasons: reasons)) }
        }
        return Array(out.sorted { ($0.score, $0.record.reportedAt) > ($1.score, $1.record.reportedAt) }.prefix(limit))
    }

    /// Every word of the shorter name is a word of the other; with a single word only when both are single.
    static func sameName(_ a: [String], _ b: [String]) -> Bool {
        guard !a.isEmpty, !b.isEmpty else { return false }
        let (short, long) = a.count <= b.count ? (a, b) : (b, a)
        if short.count == 1, long.count > 1 { return false }
        var rest = long
        for w in short {
            guard let i = rest.firstIndex(of: w) else { return false }
            rest.remove(at: i)
        }
        return true
    }
}

extension IntakeForm {
    /// The woman as this form describes her, for the duplicate check.
    public func person(today: Day) -> DuplicateFinder.Person {
        DuplicateFinder.Person(name: self[.name], phone: self[.phone], age: Int(Digits.toASCII(self[.age]).trimmingCharacters(in: .whitespaces)),
                               address: self[.address], on: today)
    }
}
