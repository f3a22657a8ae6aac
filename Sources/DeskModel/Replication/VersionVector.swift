import Foundation

/// One write made by one machine: its name and that machine's running count of writes on this case.
public struct Dot: Codable, Hashable, Comparable, Sendable, CustomStringConvertible {
    public var machine: String
    public var counter: Int

    public init(machine: String, counter: Int) {
        self.machine = machine
        self.counter = counter
    }

    public static func < (a: Dot, b: Dot) -> Bool { (a.machine, a.counter) < (b.machine, b.counter) }
    public var description: String { "\(machine):\(counter)" }
}

/// What a replica has seen: for each machine, the highest write of it taken in. A machine's
/// writes are counted one after the other and a replica always takes in another's whole state,
/// so having seen write n of a machine means having seen all its writes up to n.
public struct VersionVector: Codable, Hashable, Sendable {
    public var counters: [String: Int]

    public init(_ counters: [String: Int] = [:]) { self.counters = counters }

    public func contains(_ dot: Dot) -> Bool { (counters[dot.machine] ?? 0) >= dot.counter }

    public mutating func formUnion(_ other: VersionVector) {
        for (machine, n) in other.counters where n > (counters[machine] ?? 0) { counters[machine] = n }
    }

    /// The next write of `machine`, counted in.
    public mutating func next(_ machine: String) -> Dot {
        let n = (counters[machine] ?? 0) + 1
        counters[machine] = n
        return Dot(machine: machine, counter: n)
    }
}

/// One value written to one field of a case: the value (a JSON fragment), which write it was,
/// who wrote it and when.
public struct FieldWrite: Codable, Hashable, Sendable {
    public var dot: Dot
    public var value: String
    public var by: String
    public var at: Date

    public init(dot: Dot, value: String, by: String, at: Date) {
        self.dot = dot
        self.value = value
        self.by = by
        self.at = at
    }
}

/// A field's writes that no one has yet written over knowingly (a multi-value register with a
/// causal context). Merging keeps every write that both sides hold, and every write that one
/// side holds and the other has never seen; a write that the other side has seen and no longer
/// holds was written over there, and goes. So two writes made without seeing each other are
/// both kept (a conflict to show), and nothing is ever lost without a person having seen it.
public enum FieldRegister {
    public static func merge(_ a: [FieldWrite], seen ca: VersionVector, _ b: [FieldWrite], seen cb: VersionVector) -> [FieldWrite] {
        let inA = Set(a.map(\.dot)), inB = Set(b.map(\.dot))
        var out = a.filter { inB.contains($0.dot) || !cb.contains($0.dot) }
        out += b.filter { !inA.contains($0.dot) && !ca.contains($0.dot) }
        return out.sorted { $0.dot < $1.dot }
    }
}
