import Foundation

public enum TransferState: String, Codable, Sendable {
    case pending, accepted, declined
}

/// A case handed to another station or a One Stop Centre: asked by the sending desk, accepted or
/// declined by the receiver; only with her sharing consent; the case's history goes with it. Each
/// has an id, so that replication keeps two machines' transfers of one case as two items.
public struct Transfer: Codable, Hashable, Sendable, Identifiable {
    public var id: UUID
    public var to: String
    public var asked: Day
    public var by: String
    public var state: TransferState = .pending
    public var answeredBy: String?
    public init(id: UUID = UUID(), to: String, asked: Day, by: String) {
        self.id = id
        self.to = to
        self.asked = asked
        self.by = by
    }

    enum CodingKeys: String, CodingKey { case id, to, asked, by, state, answeredBy }

    /// A transfer written before transfers had ids reads with one made from what never changes in
    /// it (where to, the day asked, who asked).
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        to = try c.decode(String.self, forKey: .to)
        asked = try c.decode(Day.self, forKey: .asked)
        by = try c.decode(String.self, forKey: .by)
        state = try c.decodeIfPresent(TransferState.self, forKey: .state) ?? .pending
        answeredBy = try c.decodeIfPresent(String.self, forKey: .answeredBy)
        id = try c.decodeIfPresent(UUID.self, forKey: .id) ?? StableID.make("transfer|\(to)|\(asked)|\(by)")
    }
}

extension CaseRecord {
    public mutating func askTransfer(to station: String, today: Day, by: String, at: Date, id: UUID = UUID()) throws(PathError) {
        guard status != .closed else { throw .caseClosed }
        guard consent.sharing == .yes else { throw .noSharingConsent }
        guard station != stationID else { throw .sameStation }
        guard transfers.last?.state != .pending else { throw .transferNotPending }
        transfers.append(Transfer(id: id, to: station, asked: today, by: by))
        note(.transfer, by: by, at: at, .path(.transferAsked(to: station)))
    }

    /// The receiver's answer: an accepted case belongs to the receiving station from now on.
    public mutating func answerTransfer(accept: Bool, by: String, at: Date) throws(PathError) {
        guard var t = transfers.last, t.state == .pending else { throw .transferNotPending }
        t.state = accept ? .accepted : .declined
        t.answeredBy = by
        transfers[transfers.count - 1] = t
        if accept { stationID = t.to }
        note(.transfer, by: by, at: at, .path(.transferAnswered(to: t.to, t.state)))
    }
}
