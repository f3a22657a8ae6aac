import Foundation

/// What a police officer must tell her under PWDVA 2005 s.5, ticked as told.
public enum DVDuty: String, Choice {
    /// Her right to apply for relief (s.12 orders), the service providers, the Protection Officer,
    /// free legal aid (Legal Services Authorities Act), a criminal complaint (BNS s.85).
    case reliefRight, serviceProviders, protectionOfficer, freeLegalAid, criminalComplaint
    public static let listKey = "dvDuty"
}

/// An order of the Magistrate under PWDVA 2005.
public enum DVOrderKind: String, Choice {
    /// s.18 protection, s.19 residence, s.20 monetary relief, s.21 custody, s.22 compensation.
    case protection, residence, monetary, custody, compensation
    public static let listKey = "dvOrder"
    public var section: String {
        switch self {
        case .protection: return "s.18"
        case .residence: return "s.19"
        case .monetary: return "s.20"
        case .custody: return "s.21"
        case .compensation: return "s.22"
        }
    }
}

public struct DVOrder: Codable, Hashable, Sendable {
    public var kind: DVOrderKind
    public var day: Day
    public init(kind: DVOrderKind, day: Day) {
        self.kind = kind
        self.day = day
    }
}

/// The civil path of the DV Act, apart from any FIR: the s.5 duties, the Protection Officer and
/// her Domestic Incident Report (Form I), the s.12 application, the orders, and breaches (s.31).
public struct DVTrack: Codable, Hashable, Sendable {
    public var dutiesTold: [DVDuty] = []
    public var protectionOfficerReferred: Day?
    public var dirNumber: String = ""
    public var application: Day?
    public var orders: [DVOrder] = []
    /// Days an order was breached (an offence under s.31).
    public var breaches: [Day] = []
    /// Set by a new breach, cleared when her risk was looked at again after it: until then the
    /// risk shown is at least High.
    public var breachUnreviewed = false

    public init() {}

    public var allDutiesTold: Bool { Set(DVDuty.allCases).isSubset(of: Set(dutiesTold)) }
}

extension CaseRecord {
    /// The DV path applies to a domestic violence or dowry case, or once anything of it was recorded.
    public var dvApplies: Bool { incident.category == .domesticViolence || incident.category == .dowry || dv != nil }

    /// Changes the DV path (duties told, PO referral, DIR, application); days must not be in the future.
    public mutating func updateDV(_ change: (inout DVTrack) -> Void, today: Day, by: String, at: Date) throws(PathError) {
        guard status != .closed else { throw .caseClosed }
        guard dvApplies else { throw .notDVCase }
        var t = dv ?? DVTrack()
        change(&t)
        let days = [t.protectionOfficerReferred, t.application].compactMap { $0 } + t.orders.map(\.day) + t.breaches
        guard days.allSatisfy({ $0 <= today }) else { throw .dayInFuture }
        guard Set(t.orders.map(\.kind)).count == t.orders.count else { throw .duplicateOrder }
        let before = dv
        dv = t
        if (before?.breaches.count ?? 0) < t.breaches.count {
            t.breachUnreviewed = true
            dv = t
            note(.dvBreach, by: by, at: at, .path(.dvBreach(t.breaches.last ?? today)))
        } else {
            note(.dv, by: by, at: at, .path(.dvOrders(t.orders.count)))
        }
    }
}
