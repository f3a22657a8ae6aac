import Foundation

/// A case as a flat map from field paths to values (JSON fragments), which is what replication
/// merges field by field: `identity.address` → `"Ward 4"`, `plan[<id>].status` → `"done"`.
/// Sessions, questionnaires, alerts, plan steps, contacts, closures and transfers are keyed by their
/// ids (so two machines adding one each keep both), the timeline's events are a set, and every other list is one value.
/// Dates are written as the exact number of seconds, so that a value read back compares equal.
public struct FlatRecord: Equatable, Sendable {
    public var fields: [String: String]
    public var events: Set<String>
    /// The listed items (`plan[<id>]`) in the order the case holds them.
    public var itemOrder: [String] = []

    public static func == (a: FlatRecord, b: FlatRecord) -> Bool { a.fields == b.fields && a.events == b.events }

    /// The lists whose items carry an id and are merged item by item.
    static let itemLists: Set<String> = ["sessions", "screenings", "alerts", "plan", "contacts", "closures", "transfers"]
    /// Lists that were one value before their items carried ids: a replica written then holds the
    /// whole list as one field. Its items read with the ids their type makes for them (`StableID`),
    /// and whatever was written since about an item (by id) goes over it.
    static let formerlyWhole = ["closures", "transfers"]

    static func legacyID(_ list: String, _ item: [String: Any]) -> String? {
        list == "closures" ? legacyID(Closure.self, item) : legacyID(Transfer.self, item)
    }

    static func legacyID<T: Decodable & Identifiable>(_ type: T.Type, _ item: [String: Any]) -> String? where T.ID == UUID {
        guard let data = try? JSONSerialization.data(withJSONObject: item),
              let value = try? decoder().decode(T.self, from: data) else { return nil }
        return value.id.uuidString
    }
    /// Not merged as fields: the timeline is a set; the conflicts are worked out from the fields.
    static let notFields: Set<String> = ["events", "conflicts"]

    public enum Problem: Error { case notAnObject, badPath(String) }

    static func encoder() -> JSONEncoder {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys]
        e.dateEncodingStrategy = .custom { date, encoder in
            var c = encoder.singleValueContainer()
            try c.encode(String(date.timeIntervalSinceReferenceDate))
        }
        return e
    }

    static func decoder() -> JSONDecoder {
        let d = JSONDecoder()
        d.dateDecodingStrategy = .custom { decoder in
            let c = try decoder.singleValueContainer()
            guard let t = Double(try c.decode(String.self)) else {
                throw DecodingError.dataCorruptedError(in: c, debugDescription: "not a date")
            }
            return Date(timeIntervalSinceReferenceDate: t)
        }
        return d
    }

    static func fragment(_ value: Any) throws -> String {
        let data = try JSONSerialization.data(withJSONObject: value, options: [.fragmentsAllowed, .sortedKeys])
        return String(decoding: data, as: UTF8.self)
    }

    public init(fields: [String: String] = [:], events: Set<String> = []) {
        self.fields = fields
        self.events = events
    }

    public init(_ record: CaseRecord) throws {
        let data = try Self.encoder().encode(record)
        guard let top = try JSONSerialization.jsonObject(with: data) as? [String: Any] else { throw Problem.notAnObject }
        var fields: [String: String] = [:], order: [String] = []
        for (key, value) in top where !Self.notFields.contains(key) {
            if Self.itemLists.contains(key), let items = value as? [[String: Any]] {
                for item in items {
                    guard let id = item["id"] as? String else { throw Problem.badPath(key) }
                    order.append("\(key)[\(id)]")
                    try Self.flatten(item, prefix: "\(key)[\(id)]", into: &fields)
                }
            } else {
                try Self.flatten(value, prefix: key, into: &fields)
            }
        }
        var events = Set<String>()
        for event in (top["events"] as? [Any]) ?? [] { events.insert(try Self.fragment(event)) }
        self.init(fields: fields, events: events)
        itemOrder = order
    }

    /// Dictionaries keyed by a choice (`risk.answers`, a session's `progress`), which JSON writes as
    /// [key, value, key, value]: merged answer by answer, in no order that depends on hashing.
    static let pairedDicts: Set<String> = ["answers", "progress"]

    static func flatten(_ value: Any, prefix: String, into fields: inout [String: String]) throws {
        if let last = prefix.split(separator: ".").last, pairedDicts.contains(String(last)),
           let pairs = value as? [Any], pairs.count % 2 == 0 {
            var dict: [String: Any] = [:]
            for i in stride(from: 0, to: pairs.count, by: 2) {
                guard let key = pairs[i] as? String else { return fields[prefix] = try fragment(value) }
                dict[key] = pairs[i + 1]
            }
            if dict.isEmpty { fields[prefix] = "{}" } else {
                for (k, v) in dict { try flatten(v, prefix: prefix + "." + k, into: &fields) }
            }
        } else if let dict = value as? [String: Any], !dict.isEmpty {
            for (k, v) in dict { try flatten(v, prefix: prefix + "." + k, into: &fields) }
        } else {
            fields[prefix] = try fragment(value)
        }
    }

    /// The case again. `order` gives each listed item's place (its first write), so that items
    /// come back in the order they were added.
    public func record(order: [String: (Date, Dot)] = [:]) throws -> CaseRecord {
        var top: [String: Any] = [:]
        var items: [String: [String: [String: Any]]] = [:]
        for path in fields.keys.sorted() {
            guard let text = fields[path], text != "null" else { continue }
            let value = try JSONSerialization.jsonObject(with: Data(text.utf8), options: .fragmentsAllowed)
            var parts = path.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
            guard let head = parts.first else { throw Problem.badPath(path) }
            if let open = head.firstIndex(of: "["), head.hasSuffix("]") {
                let list = String(head[..<open]), id = String(head[head.index(after: open)..<head.index(before: head.endIndex)])
                parts.removeFirst()
                var item = items[list, default: [:]][id] ?? [:]
                Self.set(&item, parts, value)
                items[list, default: [:]][id] = item
            } else {
                Self.set(&top, parts, value)
            }
        }
        // A list kept whole by an older desk: its items first, each under its id, with what was
        // written since about it laid over it.
        var legacy: [String: [String]] = [:]
        for list in Self.formerlyWhole {
            guard let whole = top[list] as? [Any] else { continue }
            for case let item as [String: Any] in whole {
                guard let id = (item["id"] as? String) ?? Self.legacyID(list, item) else { continue }
                var merged = item
                merged["id"] = id
                Self.overlay(&merged, items[list]?[id] ?? [:])
                items[list, default: [:]][id] = merged
                legacy[list, default: []].append(id)
            }
        }
        for (list, byID) in items {
            let old = legacy[list] ?? [], oldSet = Set(old)
            let ids = old + byID.keys.filter { !oldSet.contains($0) }.sorted { a, b in
                let oa = order["\(list)[\(a)]"], ob = order["\(list)[\(b)]"]
                switch (oa, ob) {
                case let (x?, y?): return x.0 != y.0 ? x.0 < y.0 : (x.1 != y.1 ? x.1 < y.1 : a < b)
                default: return a < b
                }
            }
            // An item whose writes were all taken back ("null") has no id left: it is not there.
            top[list] = ids.compactMap { id in byID[id].flatMap { $0["id"] == nil ? nil : $0 } }
        }
        var events: [(Double, String, Any)] = []
        for text in self.events {
            let value = try JSONSerialization.jsonObject(with: Data(text.utf8), options: .fragmentsAllowed)
            let at = ((value as? [String: Any])?["at"] as? String).flatMap(Double.init) ?? 0
            events.append((at, text, value))
        }
        top["events"] = events.sorted { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }.map(\.2)
        let data = try JSONSerialization.data(withJSONObject: Self.pairUp(top, key: nil), options: [.sortedKeys])
        return try Self.decoder().decode(CaseRecord.self, from: data)
    }

    /// The paired dictionaries back as JSON's [key, value, …] lists.
    static func pairUp(_ value: Any, key: String?) -> Any {
        if var dict = value as? [String: Any] {
            if let key, pairedDicts.contains(key) {
                return dict.keys.sorted().flatMap { [$0, dict[$0] ?? NSNull()] }
            }
            for (k, v) in dict { dict[k] = pairUp(v, key: k) }
            return dict
        }
        if let list = value as? [Any] { return list.map { pairUp($0, key: nil) } }
        return value
    }

    /// `over` laid on `dict` leaf by leaf (a day written since changes its parts, not the rest).
    static func overlay(_ dict: inout [String: Any], _ over: [String: Any]) {
        for (k, v) in over {
            if let inner = v as? [String: Any], var mine = dict[k] as? [String: Any] {
                overlay(&mine, inner)
                dict[k] = mine
            } else {
                dict[k] = v
            }
        }
    }

    static func set(_ dict: inout [String: Any], _ path: [String], _ value: Any) {
        guard let key = path.first else { return }
        if path.count == 1 {
            // An empty object written before its fields: the fields win.
            if let empty = value as? [String: Any], empty.isEmpty, dict[key] is [String: Any] { return }
            dict[key] = value
            return
        }
        var inner = dict[key] as? [String: Any] ?? [:]
        set(&inner, Array(path.dropFirst()), value)
        dict[key] = inner
    }
}
