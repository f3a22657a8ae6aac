import Foundation

/// The awareness event's form, on the entry-form model: the same fields, checks and drafts as a
/// session or a plan step. It stands alone (no case): its drafts are kept under `draftCaseID`.
public enum EventEntry {
    /// The case id an event's form and drafts carry: none (all zeros).
    public static let draftCaseID = UUID(uuid: (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0))
    /// The most people one event is taken to reach, per group (a district's largest ground).
    public static let headCount = 0...20_000

    static func fields(_ form: EntryForm) -> [EntryField] {
        var out: [EntryField] = []
        // The station is asked only of one who keeps more than one station's register.
        if (form.stationIDs ?? []).count > 1 {
            out.append(EntryField("eventStation", .choice(listKey: "station", options: form.stationIDs ?? [], allowsEmpty: false),
                                  required: true))
        }
        out += [
            EntryField("eventDay", .date, required: true),
            .choice("eventPlace", EventPlace.self, required: true),
            EntryField("eventPlaceName", .text(maxLength: 60), required: true),
            .choice("eventAudience", EventAudience.self, required: true),
            EntryField("eventWomen", .number(headCount)),
            EntryField("eventMen", .number(headCount)),
            EntryField("eventChildren", .number(headCount)),
            EntryField("partner", .choice(listKey: "partner", options: form.partnerIDs, allowsEmpty: true)),
            EntryField("eventTopics", .choice(listKey: EventTopic.listKey, options: EventTopic.allCases.map(\.rawValue),
                                              allowsEmpty: false), required: true),
            EntryField("eventOfficer", .text(maxLength: 60), required: true),
            EntryField("note", .text(maxLength: 160)),
        ]
        return out
    }

    /// A new event's form: today, her station, led by her.
    public static func blank(stationIDs: [String], partnerIDs: [String], officer: String, today: Day) -> EntryForm {
        var form = EntryForm(kind: .event, caseID: draftCaseID, partnerIDs: partnerIDs)
        form.stationIDs = stationIDs
        form["eventStation"] = stationIDs.first ?? ""
        form["eventDay"] = today.description
        form["eventPlace"] = EventPlace.village.rawValue
        form["eventAudience"] = EventAudience.community.rawValue
        form["eventOfficer"] = officer
        return form
    }

    /// The form of an event already in the register.
    public static func editing(_ e: AwarenessEvent, stationIDs: [String], partnerIDs: [String]) -> EntryForm {
        var form = EntryForm(kind: .event, caseID: draftCaseID, itemID: e.id, partnerIDs: partnerIDs)
        form.stationIDs = stationIDs
        form["eventStation"] = e.stationID
        form["eventDay"] = e.day.description
        form["eventPlace"] = e.placeKind.rawValue
        form["eventPlaceName"] = e.place
        form["eventAudience"] = e.audience.rawValue
        form["eventWomen"] = String(e.women)
        form["eventMen"] = String(e.men)
        form["eventChildren"] = String(e.children)
        form["partner"] = e.partnerID ?? ""
        form["eventTopics"] = e.topics.map(\.rawValue).joined(separator: ",")
        form["eventOfficer"] = e.officer
        form["note"] = e.note
        return form
    }

    static func crossCheck(_ form: EntryForm, _ key: String) -> ValidationError? {
        switch key {
        case "eventChildren":
            // Checked at the last of the three counts: an event reaches somebody.
            let counts = ["eventWomen", "eventMen", "eventChildren"].map { form.int($0) ?? 0 }
            return counts.reduce(0, +) == 0 ? .nobodyReached : nil
        case "eventTopics" where EventTopic.parse(form.text("eventTopics")).isEmpty:
            return .required
        default: return nil
        }
    }

    /// The event the form describes, when every field is valid.
    public static func event(_ form: EntryForm, old: AwarenessEvent?, by userID: String, today: Day, at now: Date)
        -> Result<AwarenessEvent, EntryErrors> {
        let problems = form.errors(record: nil, today: today)
        guard problems.isEmpty else { return .failure(EntryErrors(errors: problems)) }
        guard let day = form.day("eventDay") else { return .failure(EntryErrors(errors: [("eventDay", .badDate)])) }
        let station = form.text("eventStation").isEmpty ? (form.stationIDs?.first ?? "") : form.text("eventStation")
        return .success(AwarenessEvent(
            id: old?.id ?? form.itemID ?? UUID(), stationID: station, day: day,
            placeKind: EventPlace(rawValue: form.text("eventPlace")) ?? .other, place: form.text("eventPlaceName"),
            audience: EventAudience(rawValue: form.text("eventAudience")) ?? .other,
            women: form.int("eventWomen") ?? 0, men: form.int("eventMen") ?? 0, children: form.int("eventChildren") ?? 0,
            partnerID: form.text("partner").isEmpty ? nil : form.text("partner"),
            topics: EventTopic.parse(form.text("eventTopics")), officer: form.text("eventOfficer"), note: form.text("note"),
            createdAt: old?.createdAt ?? now, createdBy: old?.createdBy ?? userID, revision: (old?.revision ?? 0) + 1))
    }
}
