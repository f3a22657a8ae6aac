import Foundation

/// The prosecution track: FIR day and its sections (picked from the list), charge sheet, a hearing
/// to add, informed day, outcome (a compromise only where the law allows it), the CWC day for a child.
enum ProsecutionEntry {
    static func fields(_ form: EntryForm) -> [EntryField] {
        let compromise = Offence.parse(Offence.codes(form.text("sections"))).allCompoundable
        let outcomes = CourtOutcome.allCases.filter { $0 != .compromise || compromise }.map(\.rawValue)
        return [
            EntryField("firDay", .date),
            EntryField("sections", .choice(listKey: Offence.listKey, options: Offence.allCases.map(\.rawValue), allowsEmpty: true)),
            EntryField("chargeSheetDay", .date),
            EntryField("courtDay", .plannedDate),
            EntryField("informedDay", .date),
            EntryField("outcome", .choice(listKey: CourtOutcome.listKey, options: outcomes, allowsEmpty: false)),
            EntryField("cwcReportDay", .date),
        ]
    }

    static func fill(_ form: inout EntryForm, from p: Prosecution) {
        form["firDay"] = p.firDay?.description ?? ""
        form["sections"] = p.offenceCodes.joined(separator: ",")
        form["chargeSheetDay"] = p.chargeSheetDay?.description ?? ""
        form["informedDay"] = p.informedDay?.description ?? ""
        form["outcome"] = p.outcome.rawValue
        form["cwcReportDay"] = p.cwcReportDay?.description ?? ""
    }

    static func crossCheck(_ form: EntryForm, _ key: String) -> ValidationError? {
        let outcome = CourtOutcome(rawValue: form.text("outcome")) ?? .pending
        switch key {
        case "outcome" where outcome == .compromise:
            return Offence.parse(Offence.codes(form.text("sections"))).allCompoundable ? nil : .notCompoundable
        case "outcome" where outcome == .closureReport && form.day("chargeSheetDay") != nil:
            return .closureWithChargeSheet
        default: break
        }
        guard ["chargeSheetDay", "courtDay", "informedDay"].contains(key), let d = form.day(key) else { return nil }
        guard let fir = form.day("firDay") else { return .beforeFIR }
        return d < fir ? .beforeFIR : nil
    }

    static func prosecution(_ form: EntryForm, old: Prosecution) -> Prosecution {
        var p = old
        p.firDay = form.day("firDay")
        // Codes this version does not know (written by a later one) are kept.
        let known = Set(Offence.allCases.map(\.rawValue))
        p.offenceCodes = Offence.codes(form.text("sections")) + old.offenceCodes.filter { !known.contains($0) }
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
