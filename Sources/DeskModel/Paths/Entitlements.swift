import Foundation

/// Victim compensation under BNSS s.396 through the DLSA; s.396(6): interim relief on the
/// certificate of the officer in charge.
public struct Compensation: Codable, Hashable, Sendable {
    public var applied: Day?
    public var interimCertificate: Day?
    public var amount: Int?
    public var paid: Day?
    public init(applied: Day? = nil, interimCertificate: Day? = nil, amount: Int? = nil, paid: Day? = nil) {
        self.applied = applied
        self.interimCertificate = interimCertificate
        self.amount = amount
        self.paid = paid
    }
}

/// The medical examination of a rape victim: BNSS s.184, by a registered medical practitioner
/// within 24 hours of the information, the report sent to the investigating officer.
public struct MedicalExam: Codable, Hashable, Sendable {
    public static let hours = 24
    public var informedAt: Date
    public var examinedAt: Date?
    public var reportSent: Day?
    public init(informedAt: Date, examinedAt: Date? = nil, reportSent: Day? = nil) {
        self.informedAt = informedAt
        self.examinedAt = examinedAt
        self.reportSent = reportSent
    }
    public var due: Date { informedAt.addingTimeInterval(Double(MedicalExam.hours) * 3600) }
    /// Late when not done by the 24th hour (or done after it).
    public func late(now: Date) -> Bool { (examinedAt ?? now) > due }
}

/// What she is entitled to, apart from the plan's steps: compensation, a DLSA lawyer, the
/// s.184 medical, shelter.
public struct Entitlements: Codable, Hashable, Sendable {
    public var compensation = Compensation()
    public var legalAidLawyer: Day?
    public var medical: MedicalExam?
    public var shelter: Day?
    public init() {}

    /// Paid needs applied first (the DLSA pays what was applied for).
    public var consistent: Bool {
        guard let paid = compensation.paid else { return true }
        return compensation.applied.map { $0 <= paid } ?? false
    }
}

extension CaseRecord {
    public mutating func updateEntitlements(_ change: (inout Entitlements) -> Void, today: Day, by: String, at: Date) throws(PathError) {
        guard status != .closed else { throw .caseClosed }
        var e = entitlements
        change(&e)
        let c = e.compensation
        let days = [c.applied, c.interimCertificate, c.paid, e.legalAidLawyer, e.shelter, e.medical?.reportSent].compactMap { $0 }
        guard days.allSatisfy({ $0 <= today }) else { throw .dayInFuture }
        guard e.consistent else { throw .paidBeforeApplied }
        entitlements = e
        note(.entitlement, by: by, at: at, .path(.entitlement(applied: c.applied, paid: c.paid)))
    }
}
