import Foundation

/// What a list of cases needs of one case (the station queue, its search, the duplicate check, the
/// counsellor's caseload, the menu's counts): her name, phone and address for search and matching,
/// and the review summary. Small enough to keep for every case of a state in memory; the whole
/// record (sessions, notes, history) is read only when a case is opened.
public struct CaseListing: Hashable, Sendable, Identifiable {
    /// Its fields, kept in one shared box (as `CaseSummary`'s): the lists hold a station's tens of
    /// thousands of listings and filter, order and hand them to the check beside her, and a copy
    /// is then one reference counted instead of eight (copies were most of reading a queue, and
    /// two threads counting the same strings' references slowed both). A change copies the box
    /// first when it is shared (copy on write): a listing stays a value.
    struct Fields: Hashable, Sendable {
        var number: CaseNumber
        var name: String
        var phone: String?
        var address: String
        var openAlertRaisedAt: Date?
        var summary: CaseSummary
        var nameKeys: [String]
    }

    final class Box: @unchecked Sendable {
        var fields: Fields
        init(_ fields: Fields) { self.fields = fields }
    }

    private var box: Box
    /// The summary's station, pending transfer, status and time of report, kept beside the box as
    /// well: the lists filter and order every case by them, and read here they are in the array
    /// itself (read through the summary's box, each was a miss of the cache per case). Set from
    /// the summary whenever it is set.
    public private(set) var stationID: String
    /// The station a pending transfer is to (`summary.paths.transferTo`).
    public private(set) var transferTo: String?
    public private(set) var status: CaseStatus
    public private(set) var reportedAt: Date

    private mutating func unshare() {
        if !isKnownUniquelyReferenced(&box) { box = Box(box.fields) }
    }

    public var number: CaseNumber {
        _read { yield box.fields.number }
        _modify { unshare(); yield &box.fields.number }
    }
    public var name: String {
        _read { yield box.fields.name }
        _modify { unshare(); yield &box.fields.name }
    }
    public var phone: String? {
        _read { yield box.fields.phone }
        _modify { unshare(); yield &box.fields.phone }
    }
    public var address: String {
        _read { yield box.fields.address }
        _modify { unshare(); yield &box.fields.address }
    }
    /// When the open self-harm alert (the latest open one) was raised.
    public var openAlertRaisedAt: Date? {
        _read { yield box.fields.openAlertRaisedAt }
        _modify { unshare(); yield &box.fields.openAlertRaisedAt }
    }
    public var summary: CaseSummary {
        _read { yield box.fields.summary }
        _modify {
            unshare()
            yield &box.fields.summary
            (stationID, transferTo, status, reportedAt) = Self.hot(box.fields.summary)
        }
    }

    private static func hot(_ s: CaseSummary) -> (String, String?, CaseStatus, Date) {
        (s.stationID, s.paths.transferTo, s.status, s.reportedAt)
    }
    /// Her name as search keys (`NameKey.words`), worked out when the case is saved and kept in the
    /// list index, so that a queue's search needs no transliteration when it opens.
    public var nameKeys: [String] {
        _read { yield box.fields.nameKeys }
        _modify { unshare(); yield &box.fields.nameKeys }
    }

    public init(_ r: CaseRecord) {
        let summary = CaseSummary(r)
        (stationID, transferTo, status, reportedAt) = Self.hot(summary)
        box = Box(Fields(number: r.number, name: r.identity.name, phone: r.identity.phone, address: r.identity.address,
                         openAlertRaisedAt: r.openAlert?.raisedAt, summary: summary, nameKeys: NameKey.words(r.identity.name)))
    }

    init(number: CaseNumber, name: String, phone: String?, address: String, openAlertRaisedAt: Date?, summary: CaseSummary,
         nameKeys: [String]? = nil) {
        (stationID, transferTo, status, reportedAt) = Self.hot(summary)
        box = Box(Fields(number: number, name: name, phone: phone, address: address, openAlertRaisedAt: openAlertRaisedAt,
                         summary: summary, nameKeys: nameKeys ?? NameKey.words(name)))
    }

    public static func == (a: CaseListing, b: CaseListing) -> Bool { a.box === b.box || a.box.fields == b.box.fields }
    public func hash(into hasher: inout Hasher) { box.fields.hash(into: &hasher) }

    public var id: UUID { summary.id }
    public var revision: Int { summary.revision }
    public var category: IncidentCategory { summary.category }
    public var arrival: ArrivalMode { summary.arrival }
    public var age: Int? { summary.age }
    /// The risk shown: at least High while a self-harm alert is open (as `CaseRecord.riskLevel`).
    public var riskLevel: RiskLevel { summary.risk }
    public var hasOpenAlert: Bool { summary.alertOpen }
    public var isMinor: Bool { summary.isMinor }
    public var lastContact: Day { summary.lastContact }

    /// As `CaseRecord.sessionDue`: the summary keeps the sessions' days in the same order, and the
    /// latest one's next day.
    public func sessionDue(today: Day) -> SessionDue {
        if status == .closed { return .closed }
        guard !summary.sessionDays.isEmpty else { return .waitingFirst }
        guard let next = summary.nextSession else { return .noneSet }
        if next == today { return .dueToday }
        return next < today ? .overdue(since: next) : .scheduled(next)
    }
}

/// A case as the lists see it: a whole record, or its listing. The queue's search and order, the
/// duplicate check and the caseload work on either and give the same answers.
public protocol ListedCase {
    var id: UUID { get }
    var number: CaseNumber { get }
    var revision: Int { get }
    var stationID: String { get }
    var status: CaseStatus { get }
    var reportedAt: Date { get }
    var riskLevel: RiskLevel { get }
    var hasOpenAlert: Bool { get }
    var isMinor: Bool { get }
    var lastContact: Day { get }
    var listedName: String { get }
    var listedPhone: String? { get }
    var listedAddress: String { get }
    var listedAge: Int? { get }
    var listedCategory: IncidentCategory { get }
    var listedArrival: ArrivalMode { get }
    /// The day the open self-harm alert was raised, if one is open.
    var openAlertDay: Day? { get }
    /// The review summary (kept in a listing, worked out from a record).
    var listedSummary: CaseSummary { get }
    func sessionDue(today: Day) -> SessionDue
}

extension CaseRecord: ListedCase {
    public var listedName: String { identity.name }
    public var listedPhone: String? { identity.phone }
    public var listedAddress: String { identity.address }
    public var listedAge: Int? { identity.age }
    public var listedCategory: IncidentCategory { incident.category }
    public var listedArrival: ArrivalMode { arrival }
    public var openAlertDay: Day? { openAlert.map { Day($0.raisedAt) } }
    public var listedSummary: CaseSummary { CaseSummary(self) }
}

extension CaseListing: ListedCase {
    public var listedName: String { name }
    public var listedPhone: String? { phone }
    public var listedAddress: String { address }
    public var listedAge: Int? { age }
    public var listedCategory: IncidentCategory { category }
    public var listedArrival: ArrivalMode { arrival }
    public var openAlertDay: Day? { openAlertRaisedAt.map(Day.init) }
    public var listedSummary: CaseSummary { summary }
}
