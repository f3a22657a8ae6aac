import Foundation

/// A case as replicated: every field's writes not yet written over, the timeline as a set, and
/// what this state has seen. Each machine keeps its own copy in its own file; reading a case
/// merges every machine's copy. The merge is a join (commutative, associative, idempotent), so
/// files may arrive in any order, twice, or as Syncthing's conflict copies, and the result is the
/// same; a field changed on two machines without either seeing the other keeps both values, and
/// the case shows them as a conflict until the desk picks one.
public struct ReplicaCase: Codable, Hashable, Sendable {
    public var caseID: UUID
    public var seen: VersionVector
    public var fields: [String: [FieldWrite]]
    public var events: Set<String>

    public init(caseID: UUID, seen: VersionVector = VersionVector(), fields: [String: [FieldWrite]] = [:], events: Set<String> = []) {
        self.caseID = caseID
        self.seen = seen
        self.fields = fields
        self.events = events
    }

    /// Fields that change on every save: the latest is kept, never shown as a conflict.
    static let quiet: Set<String> = ["revision", "updatedAt"]

    // MARK: Merging

    public static func merge(_ a: ReplicaCase, _ b: ReplicaCase) -> ReplicaCase {
        var out = ReplicaCase(caseID: a.caseID, seen: a.seen, events: a.events.union(b.events))
        out.seen.formUnion(b.seen)
        for path in Set(a.fields.keys).union(b.fields.keys) {
            let merged = FieldRegister.merge(a.fields[path] ?? [], seen: a.seen, b.fields[path] ?? [], seen: b.seen)
            if !merged.isEmpty { out.fields[path] = merged }
        }
        return out
    }

    public func merged(with other: ReplicaCase) -> ReplicaCase { Self.merge(self, other) }

    // MARK: Writing

    /// One field written by this machine, over every value of it this state holds.
    public mutating func write(_ path: String, value: String, machine: String, by: String, at: Date) {
        let dot = seen.next(machine)
        fields[path] = [FieldWrite(dot: dot, value: value, by: by, at: at)]
    }

    /// What changed from `before` (nil for a new case) to `after`, written as this machine's writes.
    /// A conflict that `before` showed and `after` no longer carries was resolved at the desk:
    /// the value `after` holds is written over both.
    public mutating func record(from before: CaseRecord?, to after: CaseRecord, machine: String, by: String, at: Date) throws {
        let old = try before.map(FlatRecord.init) ?? FlatRecord()
        let new = try FlatRecord(after)
        let resolved = Set(before?.conflicts.map(\.path) ?? []).subtracting(after.conflicts.map(\.path))
        // New items first, in the case's order: their writes are counted in that order, which is
        // how items added together come back in the order they were added.
        var done = Set<String>()
        for item in new.itemOrder where old.fields[item + ".id"] == nil {
            if let value = new.fields[item + ".id"] { write(item + ".id", value: value, machine: machine, by: by, at: at) }
            done.insert(item + ".id")
        }
        for path in Set(old.fields.keys).union(new.fields.keys).sorted() where !done.contains(path) {
            let value = new.fields[path] ?? "null"
            if value != (old.fields[path] ?? "null") || resolved.contains(path) {
                write(path, value: value, machine: machine, by: by, at: at)
            }
        }
        events.formUnion(new.events.subtracting(old.events))
    }

    // MARK: Reading

    /// The case as it reads: each field's latest write (the newest `at`, then the higher write),
    /// the larger revision, and every field with two or more different values as a conflict.
    public func record() throws -> CaseRecord {
        var flat = FlatRecord(events: events)
        var conflicts: [FieldConflict] = []
        var order: [String: (Date, Dot)] = [:]
        for (path, writes) in fields {
            let newestFirst = writes.sorted { $0.at != $1.at ? $0.at > $1.at : $0.dot > $1.dot }
            guard var chosen = newestFirst.first else { continue }
            if path == "revision" {
                chosen = writes.max { (Int($0.value) ?? 0) < (Int($1.value) ?? 0) } ?? chosen
            }
            flat.fields[path] = chosen.value
            if path.hasSuffix("].id"), let first = writes.min(by: { ($0.at, $0.dot) < ($1.at, $1.dot) }) {
                order[String(path.dropLast(3))] = (first.at, first.dot)
            }
            if !Self.quiet.contains(path), Set(writes.map(\.value)).count > 1 {
                conflicts.append(FieldConflict(path: path, choices: newestFirst.map {
                    FieldConflict.Choice(value: $0.value, by: $0.by, at: $0.at, machine: $0.dot.machine)
                }))
            }
        }
        var record = try flat.record(order: order)
        record.conflicts = conflicts.sorted { $0.path < $1.path }
        return record
    }

    /// Every write this state holds, as (path, dot): what the property tests count.
    public var dots: Set<Dot> { Set(fields.values.joined().map(\.dot)) }
}
