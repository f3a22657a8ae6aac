import Foundation

/// What happened on one of the case's paths, typed for the timeline (`CaseEvent.Facts.path`).
public enum PathFact: Codable, Hashable, Sendable {
    case safetyPlanMade(Day)
    case safetyPlanChanged
    case safetyPlanReviewed(Day)
    case contact(ContactKind, Day, reached: Bool)
    case followUp(Day)
    case closed(ClosureReason, approvedBy: String?)
    case reopened(Day)
    case dvOrders(Int)
    case dvBreach(Day)
    case entitlement(applied: Day?, paid: Day?)
    case transferAsked(to: String)
    case trafficking(TraffickingOutcome)
    case transferAnswered(to: String, TransferState)
    case child(supportAppointed: Day?, medical: Day?, hearing: Day?)

    /// Codes and days only, as the other events' lines are.
    public var line: String {
        switch self {
        case .safetyPlanMade(let d): return "made · \(d)"
        case .safetyPlanChanged: return "changed"
        case .safetyPlanReviewed(let d): return "reviewed · \(d)"
        case let .contact(kind, d, reached): return "\(kind.rawValue) · \(d)" + (reached ? "" : " · unreached")
        case .followUp(let d): return "followUp · \(d)"
        case let .closed(reason, approvedBy): return reason.rawValue + (approvedBy.map { " · \($0)" } ?? "")
        case .reopened(let d): return d.description
        case .dvOrders(let n): return "orders \(n)"
        case .dvBreach(let d): return "s.31 · \(d)"
        case let .entitlement(applied, paid): return [applied.map { "applied \($0)" }, paid.map { "paid \($0)" }].compactMap { $0 }.joined(separator: " · ")
        case .transferAsked(let to): return "→ \(to)"
        case .trafficking(let o): return o.rawValue
        case let .transferAnswered(to, state): return "\(state.rawValue) · \(to)"
        case let .child(support, medical, hearing):
            return [support.map { "support \($0)" }, medical.map { "s.27 \($0)" }, hearing.map { "court \($0)" }]
                .compactMap { $0 }.joined(separator: " · ")
        }
    }
}
