import Foundation

/// One thing that happened to a case, with who and when: the timeline is made of these.
public struct CaseEvent: Codable, Hashable, Sendable {
    public enum Kind: String, Codable, Sendable, CaseIterable {
        case intake, edited, statusChanged, session, screening, alertRaised, alertClosed, stepAdded, stepUpdated,
             referral, legal, remark, safetyPlan, contact, closed, reopened, dv, dvBreach, entitlement, transfer
    }

    public var at: Date
    public var by: String
    public var kind: Kind
    /// A short, non-identifying summary (codes, numbers, dates); remarks hold their text.
    public var detail: String

    public init(at: Date, by: String, kind: Kind, detail: String = "") {
        self.at = at
        self.by = by
        self.kind = kind
        self.detail = detail
    }
}
