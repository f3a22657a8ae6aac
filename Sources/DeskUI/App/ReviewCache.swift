import DeskModel
import Foundation

/// What the review works out from the cases (summaries by case, the cases she may see, the
/// district overview, a counsellor's caseload), kept until the cases change, the day turns or another user signs in.
/// The menu, the queue and the overview ask at every key: each value is worked out once per key.
public final class ReviewCache {
    /// When anything cached may have changed.
    public struct Key: Hashable, Sendable {
        public var changes: Int
        public var day: Day
        public var user: String?

        public init(changes: Int, day: Day, user: String?) {
            self.changes = changes
            self.day = day
            self.user = user
        }
    }

    /// One cached value and its type.
    public struct Slot<Value>: Sendable {
        let name: String
        public init(_ name: String) { self.name = name }
    }

    private var key: Key?
    private var values: [String: Any] = [:]
    /// How many values were worked out (the tests check that a read with the same key works out none).
    public private(set) var computed = 0

    public init() {}

    /// The value in `slot` for `key`: kept from before if the key is the same, else worked out.
    public func value<Value>(_ slot: Slot<Value>, _ key: Key, _ work: () -> Value) -> Value {
        if key != self.key {
            values = [:]
            self.key = key
        }
        // Looked up first, then cast: a missing value must not read as a kept nil (`Any?` cast to `T?`).
        if let kept = values[slot.name], let value = kept as? Value { return value }
        let fresh = work()
        values[slot.name] = fresh
        computed += 1
        return fresh
    }

    /// Drops everything (the key and the records read with it left memory).
    public func clear() {
        key = nil
        values = [:]
    }
}

extension ReviewCache {
    static let summaries = Slot<[UUID: CaseSummary]>("summaries")
    static let visibleListings = Slot<[CaseListing]>("visibleListings")
    static let overviewTally = Slot<OverviewTally>("overviewTally")
    static let overviewFolded = Slot<OverviewTally?>("overviewFolded")
    static let caseload = Slot<[(Caseload.Bucket, [CaseListing])]>("caseload")
}
