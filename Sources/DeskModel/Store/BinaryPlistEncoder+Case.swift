import Foundation

/// The case record's most numerous parts written straight into the plist, without the `Encoder`
/// protocol's containers and boxes (a year of history is hundreds of events, sessions and days,
/// each of which cost a dozen generic look-ups and allocations through `encode(to:)`).
/// Each writer makes the very objects, in the very order, that the type's own `encode(to:)`
/// makes through this encoder, so the file's bytes are the same to the byte
/// (BinaryPlistCaseWritersTests compares the two on the demo's records; a stored property added to
/// one of these types fails its count there until its writer writes it).
/// Anything else (legal changes, path facts, the goal dictionary) goes through `encodeValue`.
extension BinaryPlistEncoder.State {
    /// The types written here, or nil for any other type (then `encodeValue` encodes it as usual).
    @inline(__always) func written<T>(_ value: T) throws -> Int? {
        guard handWritten else { return nil }
        if T.self == Day.self { return day(unsafeBitCast(value, to: Day.self)) }
        if T.self == [CaseEvent].self { return try list(unsafeBitCast(value, to: [CaseEvent].self), event) }
        if T.self == CaseEvent.self { return try event(unsafeBitCast(value, to: CaseEvent.self)) }
        if T.self == [CounsellingSession].self { return try list(unsafeBitCast(value, to: [CounsellingSession].self), session) }
        if T.self == [ScreeningRecord].self { return try list(unsafeBitCast(value, to: [ScreeningRecord].self), screening) }
        return nil
    }

    /// An array as `Array.encode(to:)` writes it: its container first, then each element.
    func list<E>(_ values: [E], _ write: (E) throws -> Int) rethrows -> Int {
        let box = box(isDict: false)
        for value in values { append(box, key: -1, value: try write(value)) }
        return box.index
    }

    /// One entry of a dictionary made here: the value is written before its key, as `Keyed.add` does.
    /// (Each writer's keys are distinct literals: not looked for among the entries already made.)
    @inline(__always) func put(_ box: BinaryPlistEncoder.Box, _ key: String, _ value: Int) {
        append(box, key: string(key), value: value)
    }

    func day(_ d: Day) -> Int {
        let box = box(isDict: true)
        put(box, "year", integer(Int64(d.year)))
        put(box, "month", integer(Int64(d.month)))
        put(box, "day", integer(Int64(d.day)))
        return box.index
    }

    func event(_ e: CaseEvent) throws -> Int {
        let box = box(isDict: true)
        put(box, "at", date(e.at))
        put(box, "by", string(e.by))
        put(box, "kind", string(e.kind.rawValue))
        put(box, "detail", string(e.detail))
        put(box, "facts", try facts(e.facts))
        return box.index
    }

    /// An enum as Swift's own `Codable` writes one: a dictionary of one entry, the case's name
    /// with a dictionary of its values (labelled, or `_0`; an absent optional left out).
    func facts(_ f: CaseEvent.Facts) throws -> Int {
        let outer: BinaryPlistEncoder.Box
        let inner: BinaryPlistEncoder.Box
        switch f {
        case .legal, .path:
            return try encodeValue(f)
        case .none:
            (outer, inner) = nested("none")
        case .text(let text):
            (outer, inner) = nested("text")
            put(inner, "_0", string(text))
        case let .session(number, day, mode, minutes):
            (outer, inner) = nested("session")
            put(inner, "number", integer(Int64(number)))
            put(inner, "day", self.day(day))
            put(inner, "mode", string(mode.rawValue))
            put(inner, "minutes", integer(Int64(minutes)))
        case let .screening(instrument, total, day):
            (outer, inner) = nested("screening")
            put(inner, "instrument", string(instrument.rawValue))
            put(inner, "total", integer(Int64(total)))
            put(inner, "day", self.day(day))
        case .alert(let itemNine):
            (outer, inner) = nested("alert")
            put(inner, "itemNine", integer(Int64(itemNine)))
        case let .stepAdded(kind, due):
            (outer, inner) = nested("stepAdded")
            put(inner, "kind", string(kind.rawValue))
            if let due { put(inner, "due", self.day(due)) }
        case let .stepUpdated(kind, status):
            (outer, inner) = nested("stepUpdated")
            put(inner, "kind", string(kind.rawValue))
            put(inner, "status", string(status.rawValue))
        case let .referral(kind, partnerID, state):
            (outer, inner) = nested("referral")
            put(inner, "kind", string(kind.rawValue))
            put(inner, "partnerID", string(partnerID))
            put(inner, "state", string(state.rawValue))
        case let .status(from, to):
            (outer, inner) = nested("status")
            put(inner, "from", string(from.rawValue))
            put(inner, "to", string(to.rawValue))
        }
        return outer.index
    }

    /// The enum's dictionary and, inside it under `name`, the case's (as `nestedContainer` makes them).
    private func nested(_ name: String) -> (BinaryPlistEncoder.Box, BinaryPlistEncoder.Box) {
        let outer = box(isDict: true)
        let inner = box(isDict: true)
        put(outer, name, inner.index)
        return (outer, inner)
    }

    func session(_ s: CounsellingSession) throws -> Int {
        let box = box(isDict: true)
        put(box, "id", uuid(s.id))
        put(box, "number", integer(Int64(s.number)))
        put(box, "day", day(s.day))
        put(box, "mode", string(s.mode.rawValue))
        put(box, "minutes", integer(Int64(s.minutes)))
        put(box, "counsellorID", string(s.counsellorID))
        put(box, "present", string(s.present))
        put(box, "problem", string(s.problem))
        put(box, "moodStart", string(s.moodStart.rawValue))
        put(box, "moodEnd", string(s.moodEnd.rawValue))
        put(box, "whatWasDone", string(s.whatWasDone))
        put(box, "agreements", string(s.agreements))
        put(box, "progress", try encodeValue(s.progress))
        if let next = s.nextDay { put(box, "nextDay", day(next)) }
        put(box, "recordedAt", date(s.recordedAt))
        return box.index
    }

    func screening(_ r: ScreeningRecord) throws -> Int {
        let box = box(isDict: true)
        put(box, "id", uuid(r.id))
        let inner = self.box(isDict: true)
        put(inner, "instrument", string(r.screening.instrument.rawValue))
        let items = self.box(isDict: false)
        for item in r.screening.items { append(items, key: -1, value: integer(Int64(item))) }
        put(inner, "items", items.index)
        put(inner, "day", day(r.screening.day))
        put(box, "screening", inner.index)
        put(box, "by", string(r.by))
        put(box, "recordedAt", date(r.recordedAt))
        return box.index
    }
}
