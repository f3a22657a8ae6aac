import Foundation

/// Her unfinished forms and her preferences, one file each per user (names made safe by `fileKey`).
extension CaseStore {
    // MARK: Drafts and preferences

    public func loadDraft(userID: String) -> IntakeForm? {
        read(IntakeForm.self, from: draftURL(userID))
    }

    public func saveDraft(_ form: IntakeForm, userID: String) throws {
        try ensure(draftsDir)
        try write(form, to: draftURL(userID))
    }

    public func deleteDraft(userID: String) {
        try? DurableFile.remove(draftURL(userID))
    }

    /// An unfinished session, questionnaire, step or legal update: one per user, case, form and item.
    public func loadEntryDraft(userID: String, kind: EntryKind, caseID: UUID, itemID: UUID?) -> EntryForm? {
        read(EntryForm.self, from: entryDraftURL(userID, kind, caseID, itemID))
    }

    public func saveEntryDraft(_ form: EntryForm, userID: String) throws {
        try ensure(draftsDir)
        try write(form, to: entryDraftURL(userID, form.kind, form.caseID, form.itemID))
    }

    public func deleteEntryDraft(userID: String, kind: EntryKind, caseID: UUID, itemID: UUID?) {
        try? DurableFile.remove(entryDraftURL(userID, kind, caseID, itemID))
    }

    func entryDraftURL(_ userID: String, _ kind: EntryKind, _ caseID: UUID, _ itemID: UUID?) -> URL {
        draftsDir.appendingPathComponent(
            "\(fileKey(userID)).\(kind.rawValue).\(caseID.uuidString).\(itemID?.uuidString ?? "new").plist")
    }

    public func loadPrefs(userID: String) -> UserPrefs? {
        read(UserPrefs.self, from: prefsDir.appendingPathComponent(fileKey(userID) + ".plist"))
    }

    public func savePrefs(_ prefs: UserPrefs, userID: String) throws {
        try ensure(prefsDir)
        try write(prefs, to: prefsDir.appendingPathComponent(fileKey(userID) + ".plist"))
    }
}
