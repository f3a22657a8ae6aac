import Foundation

/// A rehabilitation step: its kind, partner, status, dates and referral; the SHG group when it is one.
enum StepEntry {
    static func fields(_ form: EntryForm) -> [EntryField] {
        var out: [EntryField] = [
            .choice("stepKind", StepKind.self, required: true),
            EntryField("partner", .choice(listKey: "partner", options: form.partnerIDs, allowsEmpty: true)),
            .choice("referral", ReferralState.self),
        ]
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
    }

    static func crossCheck(_ form: EntryForm, _ key: String, record: CaseRecord) -> ValidationError? {
        let referral = ReferralState(rawValue: form.text("referral")) ?? .notReferred
        let status = StepStatus(rawValue: form.text("stepStatus")) ?? .planned
        let start = Day(record.reportedAt)
        switch key {
        case "partner" where referral != .notReferred && form.text("partner").isEmpty:
            return .partnerRequired
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
            joined: isSHG ? form.day("joined") : nil, createdAt: old?.createdAt ?? at, createdBy: old?.createdBy ?? by)
    }
}

/// The prosecution track: FIR day, charge sheet, a hearing to add, informed day, outcome.
enum ProsecutionEntry {
    static let fields: [EntryField] = [
        EntryField("firDay", .date),
        EntryField("chargeSheetDay", .date),
        EntryField("courtDay", .plannedDate),
        EntryField("informedDay", .date),
        .choice("outcome", CourtOutcome.self),
        EntryField("cwcReportDay", .date),
    ]

    static func fill(_ form: inout EntryForm, from p: Prosecution) {
        form["firDay"] = p.firDay?.description ?? ""
        form["chargeSheetDay"] = p.chargeSheetDay?.description ?? ""
        form["informedDay"] = p.informedDay?.description ?? ""
        form["outcome"] = p.outcome.rawValue
        form["cwcReportDay"] = p.cwcReportDay?.description ?? ""
    }

    static func crossCheck(_ form: EntryForm, _ key: String) -> ValidationError? {
        guard ["chargeSheetDay", "courtDay", "informedDay"].contains(key), let d = form.day(key) else { return nil }
        guard let fir = form.day("firDay") else { return .beforeFIR }
        return d < fir ? .beforeFIR : nil
    }

    static func prosecution(_ form: EntryForm, old: Prosecution) -> Prosecution {
        var p = old
        p.firDay = form.day("firDay")
        p.chargeSheetDay = form.day("chargeSheetDay")
        p.informedDay = form.day("informedDay")
        p.outcome = CourtOutcome(rawValue: form.text("outcome")) ?? .pending
        p.cwcReportDay = form.day("cwcReportDay")
        if let court = form.day("courtDay"), !p.courtDays.contains(court) {
            p.courtDays.append(court)
            p.courtDays.sort()
        }
        return p
    }
}
