import Foundation

/// The entry forms of the case's paths (issue 14), each over the `EntryForm` every entry uses
/// (drafted at every key, checked at the field): a contact, the safety plan and its review, the
/// DV Act's path, compensation and entitlements, the closure, the trafficking path and a transfer.
enum PathEntries {
    static func yes(_ key: String, required: Bool = false) -> EntryField { .choice(key, Answer.self, empty: !required, required: required) }

    static func fields(_ form: EntryForm) -> [EntryField] {
        let extra = form.pathFields ?? []
        switch form.kind {
        case .contact:
            return [EntryField("day", .date, required: true), .choice("contactKind", ContactKind.self, required: true),
                    .choice("reached", Answer.self, required: true)]
        case .safetyPlan:
            return [EntryField("made", .date, required: true), yes("withHer"),
                    EntryField("warningSigns", .text(maxLength: 160)), EntryField("safePlaces", .text(maxLength: 160)),
                    EntryField("safePeople", .text(maxLength: 160)), yes("documentsReady"), yes("moneyReady"),
                    EntryField("reviewDue", .plannedDate, required: true)]
        case .safetyReview:
            return [EntryField("day", .date, required: true), EntryField("reviewDue", .plannedDate)]
        case .dv:
            var out = DVDuty.allCases.map { yes("duty." + $0.rawValue) }
            out += [EntryField("poDay", .date), EntryField("dirNumber", .text(maxLength: 30)), EntryField("applicationDay", .date)]
            out += DVOrderKind.allCases.map { EntryField("order." + $0.rawValue, .date) }
            out.append(EntryField("breachDay", .date))
            if extra.contains("riskReviewed") { out.append(yes("riskReviewed")) }
            return out
        case .compensation:
            return [EntryField("compApplied", .date), EntryField("compInterim", .date), EntryField("compAmount", .number(0...10_000_000)),
                    EntryField("compPaid", .date), EntryField("lawyerDay", .date), EntryField("shelterDay", .date)]
        case .closure:
            let checks = extra.isEmpty ? ClosureCheck.allCases.map { "check." + $0.rawValue } : extra
            return [EntryField("day", .date, required: true), .choice("closureReason", ClosureReason.self, empty: true, required: true)]
                + checks.map { yes($0, required: true) }
        case .trafficking:
            return [EntryField("ahtuDay", .date), EntryField("rescueDay", .date), EntryField("shelterName", .text(maxLength: 80)),
                    EntryField("homeInvestigationDay", .date), .choice("traffickingOutcome", TraffickingOutcome.self, required: true)]
        case .transfer:
            // The stations it may go to (the directory's, not her own), fixed when the form was made.
            return [EntryField("toStation", .choice(listKey: "station", options: extra, allowsEmpty: true), required: true)]
        case .child:
            // POCSO Rules 2020 r.4(7): the support person; s.27: the medical; the Special Court's next date.
            return [EntryField("supportPerson", .text(maxLength: 80)), EntryField("supportDay", .date),
                    EntryField("medicalDay", .date), EntryField("specialCourtDay", .plannedDate)]
        default: return []
        }
    }

    static func fillDefaults(_ form: inout EntryForm, record: CaseRecord, today: String) {
        func d(_ day: Day?) -> String { day?.description ?? "" }
        func a(_ b: Bool) -> String { b ? Answer.yes.rawValue : "" }
        switch form.kind {
        case .contact:
            form["day"] = today
            form["contactKind"] = ContactKind.phone.rawValue
            form["reached"] = Answer.yes.rawValue
        case .safetyPlan:
            if let p = record.safetyPlan {
                form["made"] = d(p.made); form["withHer"] = p.madeWithHer.rawValue; form["warningSigns"] = p.warningSigns
                form["safePlaces"] = p.safePlaces; form["safePeople"] = p.safePeople
                form["documentsReady"] = p.documentsReady.rawValue; form["moneyReady"] = p.moneyReady.rawValue; form["reviewDue"] = d(p.reviewDue)
            } else {
                form["made"] = today
                form["withHer"] = Answer.yes.rawValue
            }
        case .safetyReview: form["day"] = today
        case .dv:
            let t = record.dv ?? DVTrack()
            for duty in DVDuty.allCases { form["duty." + duty.rawValue] = a(t.dutiesTold.contains(duty)) }
            form["poDay"] = d(t.protectionOfficerReferred); form["dirNumber"] = t.dirNumber; form["applicationDay"] = d(t.application)
            for o in t.orders { form["order." + o.kind.rawValue] = o.day.description }
        case .compensation:
            let e = record.entitlements, c = e.compensation
            form["compApplied"] = d(c.applied); form["compInterim"] = d(c.interimCertificate)
            form["compAmount"] = c.amount.map(String.init) ?? ""; form["compPaid"] = d(c.paid)
            form["lawyerDay"] = d(e.legalAidLawyer); form["shelterDay"] = d(e.shelter)
        case .closure:
            form["day"] = today
            if let c = record.closureRequest {
                form["day"] = c.day.description
                form["closureReason"] = c.reason.rawValue
                for check in c.checks { form["check." + check.rawValue] = Answer.yes.rawValue }
            }
        case .trafficking:
            let t = record.trafficking ?? TraffickingTrack()
            form["ahtuDay"] = d(t.ahtuInformed); form["rescueDay"] = d(t.rescued); form["shelterName"] = t.shelter
            form["homeInvestigationDay"] = d(t.homeInvestigation); form["traffickingOutcome"] = t.outcome.rawValue
        case .child:
            let t = record.child ?? ChildTrack()
            form["supportPerson"] = t.supportPerson; form["supportDay"] = d(t.supportAppointed); form["medicalDay"] = d(t.medicalExam)
        default: break
        }
    }

    /// Checks across fields, and the rules of the path (shown at the field they concern).
    static func crossCheck(_ form: EntryForm, _ key: String, record: CaseRecord) -> ValidationError? {
        switch (form.kind, key) {
        case (.safetyPlan, "reviewDue"):
            if let due = form.day("reviewDue"), let made = form.day("made"), due <= made { return .reviewBeforePlan }
        case (.safetyReview, "day"):
            if record.safetyPlan == nil { return .noSafetyPlan }
        case (.safetyReview, "reviewDue"):
            if let due = form.day("reviewDue"), let day = form.day("day"), due <= day { return .reviewBeforePlan }
        case (.dv, "duty.reliefRight"):
            if !record.dvApplies { return .notDVCase }
        case (.compensation, "compPaid"):
            if let paid = form.day("compPaid"), form.day("compApplied").map({ $0 > paid }) ?? true { return .paidBeforeApplied }
        case (.trafficking, "ahtuDay"):
            if !record.traffickingApplies { return .pathRefused }
        case (.trafficking, "traffickingOutcome"):
            // She is not sent back to where she was sold before the home investigation.
            if form.text(key) == TraffickingOutcome.repatriated.rawValue, form.day("homeInvestigationDay") == nil {
                return .repatriationWithoutHomeInvestigation
            }
        case (.transfer, "toStation"):
            if record.consent.sharing != .yes { return .sharingConsentNeeded }
            if form.text(key) == record.stationID { return .sameStation }
        case (.child, "supportPerson"):
            if !record.childPathApplies { return .pathRefused }
            if form.day("supportDay") != nil, form.text(key).isEmpty { return .supportPersonUnnamed }
        case (.child, "medicalDay"):
            if let m = form.day(key), m < Day(record.reportedAt) { return .beforeReport }
        case (.closure, _) where key.hasPrefix("check."):
            if form.text(key) != Answer.yes.rawValue { return .checkNotDone }
        default: break
        }
        return nil
    }

    /// The record with the entry applied (its checks passed).
    static func apply(_ form: EntryForm, to record: CaseRecord, by: String, role: Role?, clock: DeskClock) throws(PathError) -> CaseRecord {
        var r = record
        let now = clock.now(), today = Day(now)
        func d(_ key: String) -> Day? { form.day(key) }
        func yes(_ key: String) -> Bool { form.text(key) == Answer.yes.rawValue }
        func answer(_ key: String) -> Answer { Answer(rawValue: form.text(key)) ?? .unknown }
        switch form.kind {
        case .contact:
            try r.logContact(ContactEntry(day: d("day") ?? today, kind: ContactKind(rawValue: form.text("contactKind")) ?? .phone,
                                          reached: yes("reached"), by: by), today: today, at: now)
        case .safetyPlan:
            let old = record.safetyPlan
            try r.setSafetyPlan(SafetyPlan(made: d("made") ?? today, madeWithHer: answer("withHer"), warningSigns: form.text("warningSigns"),
                                           safePlaces: form.text("safePlaces"), safePeople: form.text("safePeople"),
                                           documentsReady: answer("documentsReady"), moneyReady: answer("moneyReady"),
                                           helplines: old?.helplines ?? Helpline.allCases, reviewDue: d("reviewDue"),
                                           reviewed: old?.reviewed ?? [], by: by), at: now)
        case .safetyReview:
            try r.reviewSafetyPlan(on: d("day") ?? today, next: d("reviewDue"), by: by, at: now)
        case .dv:
            try r.updateDV({ t in
                t.dutiesTold = DVDuty.allCases.filter { yes("duty." + $0.rawValue) }
                t.protectionOfficerReferred = d("poDay")
                t.dirNumber = form.text("dirNumber")
                t.application = d("applicationDay")
                t.orders = DVOrderKind.allCases.compactMap { k in d("order." + k.rawValue).map { DVOrder(kind: k, day: $0) } }
                if let b = d("breachDay"), !t.breaches.contains(b) { t.breaches.append(b) }
                if yes("riskReviewed") { t.breachUnreviewed = false }
            }, today: today, by: by, at: now)
        case .compensation:
            try r.updateEntitlements({ e in
                e.compensation = Compensation(applied: d("compApplied"), interimCertificate: d("compInterim"), amount: form.int("compAmount"),
                                              paid: d("compPaid"))
                e.legalAidLawyer = d("lawyerDay")
                e.shelter = d("shelterDay")
            }, today: today, by: by, at: now)
        case .closure:
            guard let reason = ClosureReason(rawValue: form.text("closureReason")) else { throw .noReason }
            let checks = ClosureCheck.allCases.filter { yes("check." + $0.rawValue) }
            let supervisor = role?.supervises == true
            let closure = Closure(day: d("day") ?? today, reason: reason, checks: checks, by: record.closureRequest?.by ?? by,
                                  approvedBy: supervisor && record.closureNeedsApproval ? by : nil)
            if record.closureNeedsApproval, !supervisor {
                try r.requestClosure(closure, at: now)
            } else {
                try r.close(closure, approverRole: role, at: now)
            }
        case .trafficking:
            try r.updateTrafficking({ t in
                t.ahtuInformed = d("ahtuDay"); t.rescued = d("rescueDay"); t.shelter = form.text("shelterName")
                t.homeInvestigation = d("homeInvestigationDay")
                t.outcome = TraffickingOutcome(rawValue: form.text("traffickingOutcome")) ?? .pending
            }, today: today, by: by, at: now)
        case .child:
            try r.updateChild({ t in
                t.supportPerson = form.text("supportPerson"); t.supportAppointed = d("supportDay"); t.medicalExam = d("medicalDay")
                if let h = d("specialCourtDay") { t.addHearing(h) }
            }, today: today, by: by, at: now)
        case .transfer:
            try r.askTransfer(to: form.text("toStation"), today: today, by: by, at: now)
        default: break
        }
        return r
    }
}
