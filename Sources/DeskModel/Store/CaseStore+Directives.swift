import Foundation

/// The SP's directives and the desk's replies, per case, changed under the case's lock.
extension CaseStore {
    // MARK: Directives

    var directivesDir: URL { root.appendingPathComponent("directives", isDirectory: true) }

    /// Every case's directives. Kept beside the case, not in it, so that an SP's directive and
    /// a desk's edit of the case never write the same file.
    public func loadDirectives() -> [UUID: [Directive]] {
        var out: [UUID: [Directive]] = [:]
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directivesDir.path)) ?? []
        for name in names where name.hasSuffix(".plist") && !name.hasPrefix(".") {
            guard let id = UUID(uuidString: String(name.dropLast(6))),
                  let list = read([Directive].self, from: directivesDir.appendingPathComponent(name)) else { continue }
            out[id] = list
        }
        return out
    }

    public func saveDirectives(_ list: [Directive], caseID: UUID) throws {
        try ensure(directivesDir)
        try write(list, to: directivesDir.appendingPathComponent(caseID.uuidString + ".plist"))
    }

    /// Changes a case's directives as they are on disk now, under a lock per case: two terminals
    /// (two SPs giving directives, an SP and the desk answering) each add to what the other saved,
    /// never over it. Returns the list as saved.
    @discardableResult
    public func updateDirectives(caseID: UUID, _ change: (inout [Directive]) throws -> Void) throws -> [Directive] {
        try withLock("directives-" + caseID.uuidString) {
            var list = read([Directive].self, from: directivesDir.appendingPathComponent(caseID.uuidString + ".plist")) ?? []
            try change(&list)
            try saveDirectives(list, caseID: caseID)
            try replicateDirectives(list, caseID: caseID)
            return list
        }
    }
}
