import Foundation

extension CaseRecord {
    /// The case with one conflict settled: the field takes the chosen value and the conflict goes.
    /// Saved, this is written over both values on every machine (`ReplicaCase.record`).
    public func picking(_ choice: FieldConflict.Choice, for path: String) throws -> CaseRecord {
        var flat = try FlatRecord(self)
        flat.fields[path] = choice.value
        // Items keep the order they have here.
        var order: [String: (Date, Dot)] = [:]
        for (i, item) in flat.itemOrder.enumerated() {
            order[item] = (Date(timeIntervalSinceReferenceDate: Double(i)), Dot(machine: "", counter: i))
        }
        var picked = try flat.record(order: order)
        picked.conflicts = conflicts.filter { $0.path != path }
        return picked
    }

    /// The name of a field for a person: `identity.address` → `address`, `plan[…].status` → `status`.
    public static func fieldName(of path: String) -> String {
        String(path.split(separator: ".").last ?? Substring(path))
    }
}
