import DeskModel
import Foundation
import XCTest

/// Awareness events: the form's checks, the register in the store (one sealed file per event), the counts.
final class PreventionTests: XCTestCase {
    func filledEvent() -> EntryForm {
        var form = EventEntry.blank(stationIDs: ["VJN"], partnerIDs: ["wcd"], officer: "आशा राठौर", today: day(29, 11, 2026))
        form["eventPlace"] = EventPlace.school.rawValue
        form["eventPlaceName"] = "शासकीय कन्या विद्यालय"
        form["eventAudience"] = EventAudience.students.rawValue
        form["eventWomen"] = "८५"
        form["eventChildren"] = "40"
        form["eventTopics"] = "helpline181,teleManas14416"
        return form
    }

    func testTheFormIsCheckedAtEachField() {
        var form = filledEvent()
        let today = day(29, 11, 2026)
        XCTAssertTrue(form.errors(record: nil, today: today).isEmpty, "\(form.errors(record: nil, today: today))")
        XCTAssertNil(form.field("eventStation"), "one station: not asked")
        form["eventDay"] = "30-11-2026"
        XCTAssertEqual(form.error(for: "eventDay", record: nil, today: today), .futureDate)
        form["eventDay"] = "31-02-2026"
        XCTAssertEqual(form.error(for: "eventDay", record: nil, today: today), .noSuchDay)
        form = filledEvent()
        form["eventWomen"] = ""
        form["eventChildren"] = "0"
        XCTAssertEqual(form.error(for: "eventChildren", record: nil, today: today), .nobodyReached)
        form["eventMen"] = "20001"
        XCTAssertEqual(form.error(for: "eventMen", record: nil, today: today), .outOfRange)
        form = filledEvent()
        form["eventTopics"] = ""
        XCTAssertEqual(form.error(for: "eventTopics", record: nil, today: today), .required)
        form["eventTopics"] = "helpline181,nonsense"
        XCTAssertEqual(form.error(for: "eventTopics", record: nil, today: today), .unknownOption)
        form = filledEvent()
        form["eventPlaceName"] = "  "
        XCTAssertEqual(form.error(for: "eventPlaceName", record: nil, today: today), .required)
        // Someone who keeps two stations' registers is asked which.
        let two = EventEntry.blank(stationIDs: ["VJN", "MHK"], partnerIDs: [], officer: "SP", today: today)
        XCTAssertEqual(two.fields.first?.key, "eventStation")
    }

    func testAFilledFormMakesTheEvent() throws {
        let form = filledEvent()
        let e = try EventEntry.event(form, old: nil, by: "asha", today: day(29, 11, 2026), at: testNow).get()
        XCTAssertEqual(e.stationID, "VJN")
        XCTAssertEqual(e.women, 85, "Devanagari digits read")
        XCTAssertEqual(e.reached, 125)
        XCTAssertEqual(e.topics, [.helpline181, .teleManas14416])
        XCTAssertEqual(e.place, "शासकीय कन्या विद्यालय")
        XCTAssertEqual(e.revision, 1)
        // Opened again and changed: the same event, one revision on.
        var again = EventEntry.editing(e, stationIDs: ["VJN"], partnerIDs: ["wcd"])
        XCTAssertEqual(again.values, form.values.merging(["eventMen": "0", "eventWomen": "85", "note": "", "partner": ""]) { $1 })
        again["eventMen"] = "10"
        let changed = try EventEntry.event(again, old: e, by: "meena", today: day(29, 11, 2026), at: testNow).get()
        XCTAssertEqual(changed.id, e.id)
        XCTAssertEqual(changed.revision, 2)
        XCTAssertEqual(changed.createdBy, "asha")
        XCTAssertEqual(changed.reached, 135)
        var bad = form
        bad["eventDay"] = ""
        guard case .failure(let problems) = EventEntry.event(bad, old: nil, by: "asha", today: day(29, 11, 2026), at: testNow) else {
            return XCTFail("an event without its day was made")
        }
        XCTAssertEqual(problems.errors.map(\.0), ["eventDay"])
    }

    func testEventsAreSealedOneFileEachAndAStaleEditIsRefused() throws {
        let root = tempFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let made = try CaseStore.createEncrypted(at: root, directory: testDirectory(), secrets: ["asha": "1111"],
                                                 clock: testClock, rounds: 1000)
        let store = made.store
        let e = try EventEntry.event(filledEvent(), old: nil, by: "asha", today: day(29, 11, 2026), at: testNow).get()
        try store.saveEvent(e)
        let files = try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("events").path)
        XCTAssertEqual(files, [e.id.uuidString + ".plist"])
        XCTAssertEqual(try Data(contentsOf: root.appendingPathComponent("events/" + files[0])).prefix(4), Sealer.magic)
        XCTAssertEqual(DiskScan.findings(["शासकीय", "कन्या"], under: root), [], "the place is sealed")
        XCTAssertEqual(store.loadEvents(), [e])
        XCTAssertEqual(store.locked().loadEvents(), [], "nothing reads without the key")
        // Two desks edit the same event: the second, based on revision 1 again, is refused.
        var first = e
        first.men = 5
        first.revision = 2
        try store.saveEvent(first)
        var second = e
        second.children = 1
        second.revision = 2
        XCTAssertThrowsError(try store.saveEvent(second)) { error in
            guard case EventConflict.stale(let onDisk) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(onDisk, first)
        }
        XCTAssertEqual(store.loadEvents(), [first])
        // The store check reads it; a key rotation reseals it (it is among the sealed files).
        XCTAssertTrue(StoreCheck.run(store).isClean, "\(StoreCheck.run(store).problems)")
    }

    /// A key rotation reseals the events with the rest: the old key opens none of them after.
    func testAKeyRotationResealsTheEvents() throws {
        let root = tempFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        var directory = try testDirectory()
        directory.users.append(User(id: "admin", nameEn: "Admin", nameHi: "प्रशासक", role: .admin, stationIDs: [],
                                    pin: try PinHash.make(pin: "kshipra-river-77", rounds: 1000)))
        let made = try CaseStore.createEncrypted(at: root, directory: directory, secrets: ["asha": "1111", "admin": "kshipra-river-77"],
                                                 clock: testClock, rounds: 1000)
        let e = try EventEntry.event(filledEvent(), old: nil, by: "asha", today: day(29, 11, 2026), at: testNow).get()
        try made.store.saveEvent(e)
        let signed = SignIn.attempt(try CaseStore.open(at: root), name: "admin", secret: "kshipra-river-77", now: testNow, via: "t")
        let done = try XCTUnwrap(signed.store).rotateKey(adminID: "admin", secret: "kshipra-river-77", rounds: 1000)
        XCTAssertEqual(done.store.loadEvents(), [e])
        XCTAssertEqual(made.store.loadEvents(), [], "the old key opens no event")
    }

    func testCountsByPeriodStationAudienceAndTopic() throws {
        func event(_ d: Day, _ station: String, _ audience: EventAudience, _ w: Int, _ m: Int, _ c: Int, _ topics: [EventTopic]) -> AwarenessEvent {
            AwarenessEvent(stationID: station, day: d, placeKind: .village, place: "x", audience: audience, women: w, men: m,
                           children: c, partnerID: nil, topics: topics, officer: "o", createdAt: testNow, createdBy: "asha")
        }
        let events = [event(day(3, 11, 2026), "VJN", .students, 50, 0, 30, [.helpline181, .pocso]),
                      event(day(20, 11, 2026), "VJN", .shgMembers, 40, 5, 0, [.helpline181]),
                      event(day(20, 11, 2026), "MHK", .shgMembers, 10, 0, 0, [.theDesk]),
                      event(day(31, 10, 2026), "VJN", .students, 100, 0, 0, [.cyberSafety])]
        let nov = try XCTUnwrap(ReportPeriod.month(2026, 11))
        let c = EventCount.make(events, period: nov, stationIDs: ["VJN"])
        XCTAssertEqual(c.events, 2)
        XCTAssertEqual(c.reached, 125)
        XCTAssertEqual([c.women, c.men, c.children], [90, 5, 30])
        XCTAssertEqual(c.reachedByAudience, [.students: 80, .shgMembers: 45])
        XCTAssertEqual(c.partsByAudience[.students], [50, 0, 30])
        XCTAssertEqual(c.eventsByTopic, [.helpline181: 2, .pocso: 1])
        XCTAssertEqual(EventCount.make(events, period: nil, stationIDs: ["VJN", "MHK"]).events, 4, "since the desk began")
        let report = Report.make([], period: nov, stationIDs: ["VJN", "MHK"], today: day(29, 11, 2026), events: events)
        XCTAssertEqual(report.prevention.events, 3)
        XCTAssertEqual(report.prevention.reached, 135)
    }
}
