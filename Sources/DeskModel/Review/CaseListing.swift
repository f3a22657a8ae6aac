import Foundation

/// What a list of cases needs of one case (the station queue, its search, the duplicate check, the
/// counsellor's caseload, the menu's counts): her name, phone and address for search and matching,
/// and the review summary. Small enough to keep for every case of a state in memory; the whole
/// record (sessions, notes, history) is read only when a case is opened.
public struct CaseListing: Hashable, Sendable, Identifiable {
    public var number: CaseNumber
    public var name: String
    public var phone: String?
    public var address: String
    /// When the open self-harm alert (the latest open one) was raised.
    public var openAlertRaisedAt: Date?
    public var summary: CaseSummary
    /// Her name as search keys (`NameKey.words`), worked out when the case is saved and kept in the
    /// list index, so that a queue's search needs no transliteration when it opens.
    public var nameKeys: [String]

    public init(_ r: CaseRecord) {
        number = r.number
        name = r.identity.name
        nameKeys = NameKey.words(r.identity.name)
        phone = r.identity.phone
        address = r.identity.address
        openAlertRaisedAt = r.openAlert?.raisedAt
        summary = CaseSummary(r)
    }

    init(number: CaseNumber, name: String, phone: String?, address: String, openAlertRaisedAt: Date?, summary: CaseSummary,
         nameKeys: [String]? = nil) {
        self.number = number
        self.name = name
        self.nameKeys = nameKeys ?? NameKey.words(name)
        self.phone = phone
        self.address = address
        self.openAlertRaisedAt = openAlertRaisedAt
        self.summary = summary
    }

    public var id: UUID { summary.id }
    public var stationID: String { summary.stationID }
    public var revision: Int { summary.revision }
    public var status: CaseStatus { summary.status }
    public var reportedAt: Date { summary.reportedAt }
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
