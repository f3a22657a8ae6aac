/// The acts whose sections a women's desk writes into an FIR. DV Act reliefs are not FIR sections:
/// they are a civil path of their own.
public enum Act: String, CaseIterable, Codable, Sendable {
    case bns, pocso, dowry, itAct, itpa, pcma, scst
}

/// The offence sections a women's desk meets, picked from this list (never typed), so that the
/// legal track can follow them. Labels are "choice.offence.<rawValue>" in the strings (both languages).
public enum Offence: String, Choice {
    // Bharatiya Nyaya Sanhita 2023
    case bns64, bns65, bns66, bns67, bns68, bns69, bns70, bns71, bns72
    case bns74, bns75, bns76, bns77, bns78, bns79
    case bns80, bns82, bns84, bns85, bns86, bns87
    case bns108, bns115, bns117, bns118, bns124, bns137, bns143, bns351, bns352, bns356
    // Protection of Children from Sexual Offences Act 2012
    case pocso4, pocso6, pocso8, pocso10, pocso12, pocso14
    // Dowry Prohibition Act 1961
    case dowry3, dowry4
    // Information Technology Act 2000
    case it66E, it67, it67A, it67B
    // Immoral Traffic (Prevention) Act 1956
    case itpa3, itpa4, itpa5, itpa6
    // Prohibition of Child Marriage Act 2006
    case pcma9, pcma10, pcma11
    // SC/ST (Prevention of Atrocities) Act 1989
    case scst3_1r, scst3_1w, scst3_2v

    public static let listKey = "offence"

    public var act: Act {
        switch self {
        case .pocso4, .pocso6, .pocso8, .pocso10, .pocso12, .pocso14: return .pocso
        case .dowry3, .dowry4: return .dowry
        case .it66E, .it67, .it67A, .it67B: return .itAct
        case .itpa3, .itpa4, .itpa5, .itpa6: return .itpa
        case .pcma9, .pcma10, .pcma11: return .pcma
        case .scst3_1r, .scst3_1w, .scst3_2v: return .scst
        default: return .bns
        }
    }

    /// BNSS s.193(2): the investigation of these is to be finished within two months of the FIR
    /// (BNS ss.64–68, 70, 71 and POCSO ss.4, 6, 8, 10). For every other offence no such limit.
    public var hasTwoMonthInvestigation: Bool {
        switch self {
        case .bns64, .bns65, .bns66, .bns67, .bns68, .bns70, .bns71, .pocso4, .pocso6, .pocso8, .pocso10: return true
        default: return false
        }
    }

    /// Compoundable (BNSS s.359): the parties may settle it (राज़ीनामा), by themselves or with the
    /// court's permission. The sexual offences, cruelty (s.85), dowry, POCSO, PCMA, ITPA, SC/ST Act
    /// and the IT Act's offences against a woman or child (s.77A) are not.
    public var isCompoundable: Bool {
        switch self {
        case .bns79, .bns82, .bns115, .bns118, .bns351, .bns352, .bns356: return true
        default: return false
        }
    }

    /// A sexual offence: against a child it is a POCSO case (report to CWC and Special Court, s.19(6)).
    public var isSexual: Bool {
        switch self {
        case .bns64, .bns65, .bns66, .bns67, .bns68, .bns69, .bns70, .bns71, .bns74, .bns75, .bns76, .bns77,
             .bns79, .it66E, .it67, .it67A, .it67B, .scst3_1w:
            return true
        default: return act == .pocso
        }
    }

    /// A child marriage, a trafficked or kidnapped child: a child in need of care and protection.
    public var concernsCareAndProtection: Bool {
        switch self {
        case .pcma9, .pcma10, .pcma11, .bns137, .bns143, .bns87, .itpa3, .itpa4, .itpa5, .itpa6: return true
        default: return false
        }
    }

    /// Every section, in list order: BNS first, then the special acts.
    public static var catalogue: [Offence] { allCases }

    /// The codes kept in a record: unknown ones (from a later version) are kept but not read.
    public static func parse(_ codes: [String]) -> [Offence] { codes.compactMap { byCode[$0] } }

    /// Each section by its code: a report reads the sections of every FIR of a district, and a
    /// code's enum is otherwise found by comparing it with each case in turn.
    static let byCode = Dictionary(uniqueKeysWithValues: allCases.map { ($0.rawValue, $0) })

    /// The codes of a pick-list field: comma separated, in catalogue order, without repeats.
    public static func codes(_ text: String) -> [String] {
        let picked = Set(text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) })
        return allCases.map(\.rawValue).filter(picked.contains)
    }
}

extension Collection where Element == Offence {
    /// BNSS s.193(2) applies when any section of the FIR is one of its list.
    public var needsTwoMonthInvestigation: Bool { contains { $0.hasTwoMonthInvestigation } }
    /// A compromise is open only when every section may be compounded (and at least one is known).
    public var allCompoundable: Bool { !isEmpty && allSatisfy(\.isCompoundable) }
}
