/// What a user may do. One table, role by role; every check in the screens asks it.
public enum Right: String, CaseIterable, Sendable {
    /// See a station's queue and its cases, identity masked.
    case viewCases
    /// Show a woman's name, phone and address on screen (each time is audited).
    case revealIdentity
    /// The same, for one case at a time and only with a typed reason (audited with it).
    case revealWithReason
    /// Take a new intake.
    case newIntake
    /// Correct or complete a case through the intake form.
    case editCase
    /// Move a case to another status.
    case changeStatus
    /// Approve the closure of a high-risk case or a child's case (a supervising officer).
    case approveClosure
    /// Check every record of the store.
    case checkStore
    /// Read the audit log.
    case readAudit
    /// Leave a directive on a case.
    case giveDirective
    /// Answer a directive and mark it done.
    case answerDirective
    /// Log counselling sessions and questionnaires.
    case counsel
    /// Read session notes without a reveal (a counsellor's own work).
    case readNotes
    /// Add and move rehabilitation steps and referrals.
    case editPlan
    /// Record the prosecution track: FIR, charge sheet, hearings, outcome.
    case editLegal
    /// Close a self-harm alert with what was done.
    case closeAlert
    /// Write a remark on the timeline.
    case addRemark
    /// See the district overview of the stations she oversees.
    case reviewStations
    /// Make the initiative's reports and charts (counted cases only, no identity).
    case makeReports
    /// Change the review thresholds kept in the store.
    case changeSettings
    /// Write the whole store into a backup, or put a backup in its place.
    case backupRestore
    /// Give a user her copy of the store's key (a first PIN), or take it back; rotate the key.
    case manageKeys
    /// Enter and correct awareness events (Prevention) in a station's register.
    case recordEvents
    /// Print a case's papers (slip, referral letter, s.5 notice, certificate); the counselling
    /// summary also needs `counsel`.
    case printPapers
}

public enum Access {
    /// The rights of each role. Station scope is applied on top: a user acts only on the
    /// stations she works at or oversees (an empty list in her record means all of them).
    public static let table: [Role: Set<Right>] = [
        .deskOfficer: [.viewCases, .revealIdentity, .newIntake, .editCase, .changeStatus, .answerDirective, .editPlan,
                       .editLegal, .closeAlert, .addRemark, .makeReports, .recordEvents, .printPapers],
        .counsellor: [.viewCases, .revealIdentity, .editCase, .changeStatus, .counsel, .readNotes, .editPlan,
                      .closeAlert, .addRemark, .printPapers],
        .sp: [.viewCases, .revealWithReason, .readAudit, .giveDirective, .reviewStations, .makeReports, .approveClosure,
              .recordEvents],
        // The station in-charge: her own station only (the scope comes from her stations), masked
        // names with a reason, closures to approve, the station's review and reports.
        .sho: [.viewCases, .revealWithReason, .approveClosure, .reviewStations, .makeReports, .printPapers],
        .admin: [.viewCases, .checkStore, .readAudit, .reviewStations, .makeReports, .changeSettings, .backupRestore,
                 .manageKeys],
    ]

    /// Whether `user` has `right`, at `stationID` when the right concerns one station.
    public static func allows(_ user: User?, _ right: Right, stationID: String? = nil) -> Bool {
        guard let user, table[user.role]?.contains(right) == true else { return false }
        // An SHO is the in-charge of her station: a record that names none gives her none (an empty
        // list means every station only for those who oversee a district).
        if let stationID { return user.role == .sho && user.stationIDs.isEmpty ? false : user.canSee(stationID: stationID) }
        return true
    }

    /// The shortest reason for a reveal (letters, spaces trimmed): a few words, not a keystroke.
    public static let shortestReason = 8

    /// What a reveal shows her of one case, as on the case screen: identity with the reveal right;
    /// session notes with the notes right; both with the reveal-with-reason right once a reason
    /// is given. Nil: she may not reveal this case at all.
    public static func reveal(_ user: User?, stationID: String, reasonGiven: Bool) -> (identity: Bool, notes: Bool)? {
        let notes = allows(user, .readNotes, stationID: stationID)
        if allows(user, .revealIdentity, stationID: stationID) { return (true, notes) }
        if reasonGiven, allows(user, .revealWithReason, stationID: stationID) { return (true, true) }
        return nil
    }
}
