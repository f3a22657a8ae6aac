import Foundation

/// The revision of every case an index's count counts (`SummaryIndex.fold`), and whether a case
/// was counted twice: what the desk's check compares with her lists. Only an id and a number are
/// kept per case (a district's fifty thousand summaries were kept to compare two numbers each).
public struct RevisionTally: SummaryTally {
    public private(set) var revisions: [UUID: Int] = [:]
    /// A case counted twice (in two blocks, or twice in one): never so as the desk writes it.
    public private(set) var repeated = false

    public init() {}

    public mutating func add(_ s: CaseSummary) {
        if revisions.updateValue(s.revision, forKey: s.id) != nil { repeated = true }
    }

    public mutating func merge(_ other: RevisionTally) {
        repeated = repeated || other.repeated
        // The smaller into the larger.
        if other.revisions.count > revisions.count {
            var big = other
            big.repeated = repeated
            for (id, r) in revisions where big.revisions.updateValue(r, forKey: id) != nil { big.repeated = true }
            self = big
        } else {
            for (id, r) in other.revisions where revisions.updateValue(r, forKey: id) != nil { repeated = true }
        }
    }
}
