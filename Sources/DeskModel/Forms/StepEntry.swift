import Foundation

/// A rehabilitation step: its kind, partner, status, dates and referral; the SHG group when it is one.
enum StepEntry {
    static func fields(_ form: EntryForm) -> [EntryField] {
        var out: [EntryField] = [
            .choice("stepKind", StepKind.self, required: true),
            EntryField("partner", .choice(listKey: "partner", options: partnerOptions(form), allowsEmpty: true)),
            .choice("referral", ReferralState.self),
        ]
        if form.text("referral") != ReferralState.notReferred.rawValue, !form.text("referral").isEmpty {
            // Empty when she consented to sharing; else the exception that allows it.
            out.append(.choice("sharingException", SharingException.self, empty: true))
        }
        if form.text("referral") == ReferralState.declined.rawValue {
            out.append(EntryField("declineReason", .text(maxLength: 100)))
        }
        out += [
            .choice("stepStatus", StepStatus.self),
            EntryField("due", .plannedDate),
            EntryField("completed", .date),
        ]
        if form.text("stepKind") == StepKind.shgLinkage.rawValue {
            out += [EntryField("groupName", .text(maxLength: 60)), EntryField("groupVillage", .text(maxLength: 60)),
                    EntryField("joined", .date)]
        }
        out.append(EntryField("note", .text(maxLength: 160)))
        return out
    }

    /// The kinds of partner (as `seeds/partners.json` names them) a step of each kind goes to.
    static let partnerKinds: [StepKind: Set<String>] = [
        .counselling: ["health", "ngo", "wcd"],
        .shgLinkage: ["livelihood"],
        .skillTraining: ["livelihood", "ngo"],
        .livelihood: ["livelihood", "scheme", "ngo"],
        .scheme: ["scheme", "wcd"],
        .shelter: ["wcd", "ngo"],
        .legalAid: ["legal", "wcd", "ngo"],
    ]

    /// The partners offered for the step's kind: those of its kinds, any partner of a kind not in
    /// the table (a partner the admin added), and the one already chosen, so an old step still reads.
    static func partnerOptions(_ form: EntryForm) -> [String] {
        guard let kinds = form.partnerKinds, let step = StepKind(rawValue: form.text("stepKind")),
              let allowed = partnerKinds[step] else { return form.partnerIDs }
        let known = partnerKinds.values.reduce(into: Set<String>()) { $0.formUnion($1) }
        return form.partnerIDs.filter { id in
            let kind = kinds[id] ?? ""
            return allowed.contains(kind) || !known.contains(kind) || id == form.text("partner")
        }
    }

    static func fillDefaults(_ form: inout EntryForm) {
        form["stepKind"] = StepKind.shgLinkage.rawValue
        form["referral"] = ReferralState.notReferred.rawValue
        form["stepStatus"] = StepStatus.planned.rawValue
    }

    static func fill(_ form: inout EntryForm, from step: RehabStep) {
        form["stepKind"] = step.kind.rawValue
        form["partner"] = step.partnerID ?? ""
        form["referral"] = step.referral.rawValue
        form["declineReason"] = step.declineReason
        form["stepStatus"] = step.status.rawValue
        form["due"] = step.due?.description ?? ""
        form["completed"] = step.completed?.description ?? ""
        form["groupName"] = step.groupName
        form["groupVillage"] = step.groupVillage
        form["joined"] = step.joined?.description ?? ""
        form["note"] = step.note
        form["sharingException"] = step.sharingException?.rawValue ?? ""
    }

    static func crossCheck(_ form: EntryForm, _ key: String, record: CaseRecord) -> ValidationError? {
        let referral = ReferralState(rawValue: form.text("referral")) ?? .notReferred
        let status = StepStatus(rawValue: form.text("stepStatus")) ?? .planned
        let start = Day(record.reportedAt)
        switch key {
        case "partner" where referral != .notReferred && form.text("partner").isEmpty:
            return .partnerRequired
        case "referral" where referral != .notReferred:
            // A step already referred before (when this was not asked) is left as it was.
            let old = form.itemID.flatMap { id in record.plan.first { $0.id == id } }
            guard old.map({ $0.referral == .notReferred }) ?? true else { return nil }
            return record.referralRefusal(exception: SharingException(rawValue: form.text("sharingException")))
        case "declineReason" where referral == .declined && form.text("declineReason").count < 3:
            return .reasonRequired
        case "completed":
            if status == .done && form.text("completed").isEmpty { return .completedDayRequired }
            if let d = form.day("completed"), d < start { return .beforeIntake }
        case "joined":
            if let d = form.day("joined"), d < start { return .beforeIntake }
        case "groupName" where status == .done && form.text("stepKind") == StepKind.shgLinkage.rawValue
            && form.text("groupName").isEmpty:
            return .groupRequired
        default: break
        }
        return nil
    }

    static func step(_ form: EntryForm, record: CaseRecord, by: String, at: Date) -> RehabStep {
        let old = form.itemID.flatMap { id in record.plan.first { $0.id == id } }
        let referral = ReferralState(rawValue: form.text("referral")) ?? .notReferred
        let isSHG = form.text("stepKind") == StepKind.shgLinkage.rawValue
        return RehabStep(
            id: old?.id ?? UUID(), kind: StepKind(rawValue: form.text("stepKind")) ?? .counselling,
            partnerID: form.text("partner").isEmpty ? nil : form.text("partner"),
            status: StepStatus(rawValue: form.text("stepStatus")) ?? .planned, due: form.day("due"),
            completed: form.day("completed"), note: form.text("note"), referral: referral,
            referralDay: old?.referral == referral ? old?.referralDay : (referral == .notReferred ? nil : Day(at)),
            declineReason: referral == .declined ? form.text("declineReason") : "",
            groupName: isSHG ? form.text("groupName") : "", groupVillage: isSHG ? form.text("groupVillage") : "",
            joined: isSHG ? form.day("joined") : nil, createdAt: old?.createdAt ?? at, createdBy: old?.createdBy ?? by,
            sharingException: referral == .notReferred || record.consent.sharing == .yes
                ? nil : SharingException(rawValue: form.text("sharingException")))
    }
}

extension CaseRecord {
    /// Why a referral to a partner may not be made, or nil when it may: her consent to sharing, or
    /// a recorded exception (she is a child; her life is in danger). The child exception needs a child.
    public func referralRefusal(exception: SharingException?) -> ValidationError? {
        if consent.sharing == .yes { return nil }
        switch exception {
        case nil: return .sharingConsentNeeded
        case .child?: return isMinor ? nil : .exceptionNotChild
        case .dangerToLife?: return nil
        }
    }
}
