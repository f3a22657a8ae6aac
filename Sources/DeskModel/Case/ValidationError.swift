/// Why a field's value was refused. The strings hold a message per case ("error.<rawValue>").
public enum ValidationError: String, Error, Equatable, Sendable, CaseIterable {
    case required
    case notANumber
    case outOfRange
    /// The number's own range, said for its field: age 0–120, dependents 0–20, minutes 5–480.
    case ageRange, dependentsRange, minutesRange
    case phoneDigits
    case badDate
    /// Written as DD-MM-YYYY, but no such day (31-02-2026).
    case noSuchDay
    case futureDate
    case tooLong
    case unknownOption
    case beforeIncident
    case guardianForMinor
    /// A questionnaire answer is 0, 1, 2 or 3.
    case scoreRange
    /// The next session must come after this one.
    case notAfterSession
    /// Nothing can be added to a closed case until it is reopened.
    case caseClosed
    /// A charge sheet or hearing cannot come before the FIR.
    case beforeFIR
    /// A declined referral needs its reason.
    case reasonRequired
    /// A referral needs the partner it went to.
    case partnerRequired
    /// A finished step needs the day it was finished.
    case completedDayRequired
    /// An SHG linkage that is done needs the group's name.
    case groupRequired
    /// A day of completion or joining cannot be before the plan began.
    case beforeIntake
    /// A referral to a partner needs her consent to sharing, or a recorded exception.
    case sharingConsentNeeded
    /// The "child" exception is for a child only.
    case exceptionNotChild
    /// A compromise only where every section of the FIR may be compounded.
    case notCompoundable
    /// A case closed by a closure report has no charge sheet.
    case closureWithChargeSheet
    /// The paths (issue 14): each rule's message at the field it concerns.
    case reviewBeforePlan, noSafetyPlan, notDVCase, paidBeforeApplied, checkNotDone, pathRefused
    /// Trafficking: she is not sent home before the home investigation; transfer: not to her own station.
    case repatriationWithoutHomeInvestigation, sameStation
    /// A child's path: the support person appointed has no name; the medical before she came.
    case supportPersonUnnamed, beforeReport
    /// An awareness event reached somebody: women, men or children.
    case nobodyReached
}

/// What the desk is warned of at a field without being stopped. The strings hold "warn.<rawValue>".
public enum FieldWarning: String, Equatable, Sendable, CaseIterable {
    /// A child's guardian consents, but the one who hurt her is a parent or relative.
    case guardianAccusedSide
}

extension ValidationError {
    /// A rule of the paths refused at saving, shown at the form's first field.
    public init(_ e: PathError) {
        switch e {
        case .caseClosed: self = .caseClosed
        case .reviewBeforePlan: self = .reviewBeforePlan
        case .noSafetyPlan: self = .noSafetyPlan
        case .notDVCase: self = .notDVCase
        case .paidBeforeApplied: self = .paidBeforeApplied
        case .checklistIncomplete: self = .checkNotDone
        case .dayInFuture: self = .futureDate
        case .noSharingConsent: self = .sharingConsentNeeded
        case .repatriationWithoutHomeInvestigation: self = .repatriationWithoutHomeInvestigation
        case .sameStation: self = .sameStation
        case .supportPersonUnnamed: self = .supportPersonUnnamed
        case .beforeReport: self = .beforeReport
        default: self = .pathRefused
        }
    }
}
