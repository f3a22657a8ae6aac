import Foundation

public enum TransferState: String, Codable, Sendable {
    case pending, accepted, declined
}

/// A case handed to another station or a One Stop Centre: asked by the sending desk, accepted or
/// declined by the receiver; only with her sharing consent; the case's history goes with it.
public struct Transfer: Codable, Hashable, Sendable {
    public var to: String
    public var asked: Day
    public var by: String
    public var state: TransferState = .pending
    public var answeredBy: String?
    public init(to: String, asked: Day, by: String) {
        self.to = to
        self.asked = asked
        self.by = by
    }
}

extension CaseRecord {
    public mutating func askTransfer(to station: String, today: Day, by: String, at: Date) throws(PathError) {
        guard status != .closed else { throw .caseClosed }
        guard consent.sharing == .yes else { throw .noSharingConsent }
        guard station != stationID else { throw .sameStation }
        guard transfers.last?.state != .pending else { throw .transferNotPending }
        transfers.append(Transfer(to: station, asked: today, by: by))
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
