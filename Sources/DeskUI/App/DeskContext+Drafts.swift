import DeskModel
import Foundation

/// Her unfinished forms, and the SP's directives with the desk's replies.
extension DeskContext {
    // MARK: Intake drafts

    /// The logged-in user's unfinished intake, if any.
    public var draft: IntakeForm? {
        guard let id = user?.id else { return nil }
        if let cached = drafts[id] { return cached }
        let loaded = store.loadDraft(userID: id)
        drafts[id] = .some(loaded)
        return loaded
    }

    public func keepDraft(_ form: IntakeForm) throws {
        guard let id = user?.id else { return }
        try store.saveDraft(form, userID: id)
        drafts[id] = .some(form)
    }

    public func dropDraft() {
        guard let id = user?.id else { return }
        store.deleteDraft(userID: id)
        drafts[id] = .some(nil)
    }

    // MARK: Entry drafts

    public func entryDraft(_ kind: EntryKind, caseID: UUID, itemID: UUID?) -> EntryForm? {
        guard let id = user?.id else { return nil }
        return store.loadEntryDraft(userID: id, kind: kind, caseID: caseID, itemID: itemID)
    }

    public func keepEntryDraft(_ form: EntryForm) throws {
        guard let id = user?.id else { return }
        try store.saveEntryDraft(form, userID: id)
    }

    public func dropEntryDraft(_ form: EntryForm) {
        guard let id = user?.id else { return }
        store.deleteEntryDraft(userID: id, kind: form.kind, caseID: form.caseID, itemID: form.itemID)
    }

    // MARK: Directives

    public func directives(for caseID: UUID) -> [Directive] { directives[caseID] ?? [] }

    /// Directives on the cases the user may see, newest first.
    public var visibleDirectives: [Directive] {
        // Each case with directives looked up (a few), not a set made of every case she sees
        // (at sign-in and at every draw of the menu).
        guard let user else { return [] }
        return directives.filter { id, _ in
            listing(id).map { Self.sees(user, $0.stationID, transferTo: $0.transferTo) } ?? false
        }.flatMap(\.value).sorted { $0.at > $1.at }
    }

    /// Adds a directive to the case's list as it is on disk now (another SP's are kept).
    public func addDirective(_ d: Directive) throws {
        directives[d.caseID] = try store.updateDirectives(caseID: d.caseID) { $0.append(d) }
        repository.noteChange()
        log(.directiveGiven, caseID: d.caseID, detail: String(d.id.uuidString.prefix(8)), note: d.text)
    }

    /// The desk has seen the case's directives.
    public func markDirectivesRead(caseID: UUID) {
        guard let user, Access.allows(user, .answerDirective),
              directives(for: caseID).contains(where: { $0.readAt == nil }) else { return }
        let now = clock.now()
        if let list = try? store.updateDirectives(caseID: caseID, { list in
            for i in list.indices { list[i].markRead(by: user.id, at: now) }
        }) { directives[caseID] = list }
    }

    public func answerDirective(_ id: UUID, caseID: UUID, reply: String) throws {
        guard let user else { return }
        let now = clock.now()
        var answered: String?
        directives[caseID] = try store.updateDirectives(caseID: caseID) { list in
            guard let i = list.firstIndex(where: { $0.id == id }) else { return }
            try list[i].markDone(reply: reply, by: user.id, at: now)
            answered = list[i].reply
        }
        repository.noteChange()
        if let answered { log(.directiveDone, caseID: caseID, detail: String(id.uuidString.prefix(8)), note: answered) }
    }
}
