/// Why a step on one of the case's paths was refused; each has a message in both languages
/// ("path.error.<case>").
public enum PathError: String, Error, Sendable, CaseIterable {
    case caseClosed, caseNotClosed, noSafetyPlan, reviewBeforePlan, dayInFuture, noReason, checklistIncomplete,
         approvalNeeded, approverNotSupervisor, noSharingConsent, sameStation, transferNotPending, notDVCase,
         paidBeforeApplied, duplicateOrder,
         notTraffickingCase, repatriationWithoutHomeInvestigation,
         notChildCase, beforeReport, supportPersonUnnamed
}
