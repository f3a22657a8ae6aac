import Foundation

/// One thing that happened to a case, with who and when: the timeline is made of these.
///
/// What happened is held typed (`facts`: a session's number, day and mode, a step's kind and
/// referral …), so that the timeline names each value from its own list. A record also keeps
/// `detail`, the one-line text older versions wrote and read; a record written before events
/// were typed is read back from that line (`Facts.read`).
public struct CaseEvent: Codable, Hashable, Sendable {
    public enum Kind: String, Codable, Sendable, CaseIterable {
        case intake, edited, statusChanged, session, screening, alertRaised, alertClosed, stepAdded, stepUpdated,
             referral, legal, remark, safetyPlan, contact, closed, closureRequested, reopened, dv, dvBreach, entitlement, transfer, trafficking, child
    }

    /// What happened, by kind of event.
    public enum Facts: Codable, Hashable, Sendable {
        case none
        /// A remark, an alert's action note, the case number at intake (or an old line not read).
        case text(String)
        case session(number: Int, day: Day, mode: SessionMode, minutes: Int)
        case screening(instrument: Instrument, total: Int, day: Day)
        /// A self-harm alert from PHQ-9 item 9.
        case alert(itemNine: Int)
        case stepAdded(kind: StepKind, due: Day?)
        case stepUpdated(kind: StepKind, status: StepStatus)
        case referral(kind: StepKind, partnerID: String, state: ReferralState)
        case legal([LegalChange])
        case status(from: CaseStatus, to: CaseStatus)
        /// Safety plan, contacts, closure, DV Act, entitlements, transfer (Sources/DeskModel/Paths).
        case path(PathFact)
    }

    /// One change to the prosecution track.
    public enum LegalChange: Codable, Hashable, Sendable {
        case day(LegalDay, Day)
        case outcome(CourtOutcome)
        case sections([String])
    }

    /// The days of the prosecution track, named as the entry form names them (`entry.<raw>`).
    public enum LegalDay: String, Codable, Hashable, Sendable, CaseIterable {
        case firDay, chargeSheetDay, courtDay, informedDay, cwcReportDay
    }

    public var at: Date
    public var by: String
    public var kind: Kind
    public var facts: Facts

    public init(at: Date, by: String, kind: Kind, facts: Facts = .none) {
        self.at = at
        self.by = by
        self.kind = kind
        self.facts = facts
    }

    /// An event from its one-line text (what older versions wrote): read by its kind.
    public init(at: Date, by: String, kind: Kind, detail: String) {
        self.init(at: at, by: by, kind: kind, facts: Facts.read(detail, kind: kind))
    }

    /// A short, non-identifying summary (codes, numbers, dates); remarks hold their text. The line
    /// older versions wrote, word for word (the export and older readers use it).
    public var detail: String { facts.line }

    enum CodingKeys: String, CodingKey { case at, by, kind, detail, facts }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        at = try c.decode(Date.self, forKey: .at)
        by = try c.decode(String.self, forKey: .by)
        kind = try c.decode(Kind.self, forKey: .kind)
        let line = try c.decodeIfPresent(String.self, forKey: .detail) ?? ""
        // Typed facts when written so; else (an event from before, or facts this version cannot
        // read) read from the line.
        if let typed = try? c.decodeIfPresent(Facts.self, forKey: .facts) {
            facts = typed
        } else {
            facts = Facts.read(line, kind: kind)
        }
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(at, forKey: .at)
        try c.encode(by, forKey: .by)
        try c.encode(kind, forKey: .kind)
        try c.encode(detail, forKey: .detail)
        try c.encode(facts, forKey: .facts)
    }
}

extension CaseEvent.Facts {
    /// The one-line text of these facts, as older versions wrote it.
    public var line: String {
        switch self {
        case .none: return ""
        case .text(let text): return text
        case let .session(number, day, mode, minutes): return "#\(number) · \(day) · \(mode.rawValue) · \(minutes)'"
        case let .screening(instrument, total, day): return "\(instrument.displayName) \(total) · \(day)"
        case .alert(let itemNine): return "PHQ-9 · 9 = \(itemNine)"
        case let .stepAdded(kind, due): return "\(kind.rawValue) · \(due?.description ?? "")"
        case let .stepUpdated(kind, status): return "\(kind.rawValue) · \(status.rawValue)"
        case let .referral(kind, partnerID, state): return "\(kind.rawValue) · \(partnerID) · \(state.rawValue)"
        case .legal(let changes): return changes.map(\.line).joined(separator: " · ")
        case let .status(from, to): return "\(from.rawValue) → \(to.rawValue)"
        case .path(let fact): return fact.line
        }
    }

    /// Reads an event's one-line text by its kind (each kind wrote its own shape). A line that
    /// does not have its kind's shape is kept as text.
    public static func read(_ line: String, kind: CaseEvent.Kind) -> CaseEvent.Facts {
        if line.isEmpty { return .none }
        let parts = line.components(separatedBy: " · ")
        let read: CaseEvent.Facts?
        switch kind {
        case .intake, .edited, .remark, .alertClosed: read = nil
        // The paths' events (issue 14) are written as codes and days, kept as their line for now.
        case .safetyPlan, .contact, .closed, .closureRequested, .reopened, .dv, .dvBreach, .entitlement, .transfer, .trafficking, .child: read = nil
        case .session:
            read = parts.count == 4 && parts[0].hasPrefix("#") && parts[3].hasSuffix("'")
                ? zip4(Int(parts[0].dropFirst()), Day.parse(parts[1]), SessionMode(rawValue: parts[2]),
                       Int(parts[3].dropLast())).map { .session(number: $0, day: $1, mode: $2, minutes: $3) }
                : nil
        case .screening:
            let head = parts.first?.split(separator: " ").map(String.init) ?? []
            let instrument = Instrument.allCases.first { $0.displayName == head.first }
            read = parts.count == 2 && head.count == 2
                ? zip3(instrument, Int(head[1]), Day.parse(parts[1])).map { .screening(instrument: $0, total: $1, day: $2) }
                : nil
        case .alertRaised:
            read = parts.count == 2 && parts[0] == "PHQ-9" && parts[1].hasPrefix("9 = ")
                ? Int(parts[1].dropFirst(4)).map { .alert(itemNine: $0) } : nil
        case .stepAdded:
            let due: Day?? = parts.count == 2 ? (parts[1].isEmpty ? .some(nil) : Day.parse(parts[1]).map { Day?.some($0) }) : nil
            read = parts.count == 2 ? zip2(StepKind(rawValue: parts[0]), due).map { .stepAdded(kind: $0, due: $1) } : nil
        case .stepUpdated:
            read = parts.count == 2
                ? zip2(StepKind(rawValue: parts[0]), StepStatus(rawValue: parts[1])).map { .stepUpdated(kind: $0, status: $1) } : nil
        case .referral:
            read = parts.count == 3
                ? zip2(StepKind(rawValue: parts[0]), ReferralState(rawValue: parts[2]))
                    .map { .referral(kind: $0, partnerID: parts[1], state: $1) }
                : nil
        case .legal:
            let changes = parts.map(CaseEvent.LegalChange.read)
            read = changes.allSatisfy { $0 != nil } ? .legal(changes.compactMap { $0 }) : nil
        case .statusChanged:
            let sides = line.components(separatedBy: " → ")
            read = sides.count == 2
                ? zip2(CaseStatus(rawValue: sides[0]), CaseStatus(rawValue: sides[1])).map { .status(from: $0, to: $1) } : nil
        }
        return read ?? .text(line)
    }
}

extension CaseEvent.LegalChange {
    /// "firDay 12-08-2026", "convicted", "sections bns85,bns86".
    public var line: String {
        switch self {
        case let .day(which, day): return "\(which.rawValue) \(day)"
        case .outcome(let outcome): return outcome.rawValue
        case .sections(let codes): return "sections " + codes.joined(separator: ",")
        }
    }

    static func read(_ part: String) -> CaseEvent.LegalChange? {
        if let outcome = CourtOutcome(rawValue: part) { return .outcome(outcome) }
        let bits = part.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        if bits.first == "sections" {
            let codes = bits.count == 2 ? bits[1] : ""
            return .sections(codes.isEmpty ? [] : codes.components(separatedBy: ","))
        }
        guard bits.count == 2, let which = CaseEvent.LegalDay(rawValue: bits[0]), let day = Day.parse(bits[1]) else { return nil }
        return .day(which, day)
    }
}

private func zip2<A, B>(_ a: A?, _ b: B?) -> (A, B)? {
    guard let a, let b else { return nil }
    return (a, b)
}

private func zip3<A, B, C>(_ a: A?, _ b: B?, _ c: C?) -> (A, B, C)? {
    guard let a, let b, let c else { return nil }
    return (a, b, c)
}

private func zip4<A, B, C, D>(_ a: A?, _ b: B?, _ c: C?, _ d: D?) -> (A, B, C, D)? {
    guard let a, let b, let c, let d else { return nil }
    return (a, b, c, d)
}
