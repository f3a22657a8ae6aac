import Foundation

/// A machine's reading of a directive and its answer: one file per directive and machine.
struct DirectiveReply: Codable, Equatable, Sendable {
    var readAt: Date?
    var readBy: String?
    var doneAt: Date?
    var doneBy: String?
    var reply: String

    init(_ d: Directive) {
        readAt = d.readAt
        readBy = d.readBy
        doneAt = d.doneAt
        doneBy = d.doneBy
        reply = d.reply
    }

    var isEmpty: Bool { readAt == nil && doneAt == nil }

    /// The earliest reading and the earliest answer of all machines'.
    static func combine(_ replies: [DirectiveReply], into d: inout Directive) {
        if let first = replies.filter({ $0.readAt != nil }).min(by: { ($0.readAt ?? .distantFuture) < ($1.readAt ?? .distantFuture) }) {
            d.readAt = first.readAt
            d.readBy = first.readBy
        }
        if let done = replies.filter({ $0.doneAt != nil }).min(by: { ($0.doneAt ?? .distantFuture) < ($1.doneAt ?? .distantFuture) }) {
            d.doneAt = done.doneAt
            d.doneBy = done.doneBy
            d.reply = done.reply
        }
    }
}

extension CaseStore {
    /// The directives of a case as the station folder has them: each as given, with every
    /// machine's reading and answer combined. Files that cannot be read are reported.
    func readReplicaDirectives(_ stationID: String, _ caseID: UUID) -> (list: [Directive], problems: [ReplicaProblem]) {
        let folder = replicaDirectiveFolder(stationID, caseID)
        var given: [Directive] = [], replies: [UUID: [DirectiveReply]] = [:], problems: [ReplicaProblem] = []
        for name in replicaNames(in: folder, suffix: "") {
            let url = folder.appendingPathComponent(name)
            let original = ReplicaName.original(of: url).lastPathComponent
            do {
                if original.hasSuffix(".directive") {
                    let d = try decodeReplica(Directive.self, at: url)
                    if !given.contains(where: { $0.id == d.id }) { given.append(d) }
                } else if original.hasSuffix(".reply"), let id = UUID(uuidString: String(original.prefix(36))) {
                    replies[id, default: []].append(try decodeReplica(DirectiveReply.self, at: url))
                }
            } catch {
                problems.append(ReplicaProblem(path: url.path, reason: CaseStore.describe(error), copiedTo: copyAside(url)))
            }
        }
        for i in given.indices { DirectiveReply.combine(replies[given[i].id] ?? [], into: &given[i]) }
        return (given.sorted { $0.at < $1.at }, problems)
    }

    static func asGiven(_ d: Directive) -> Directive {
        Directive(id: d.id, caseID: d.caseID, text: d.text, due: d.due, by: d.by, at: d.at, readAt: nil, readBy: nil,
                  doneAt: nil, doneBy: nil, reply: "")
    }

    /// With replication, a case's directives as saved here go to the station folder: a directive
    /// not there yet as its own file (written once, by the machine that gave it), and this
    /// machine's reading or answer where it adds to what the folder holds.
    func replicateDirectives(_ list: [Directive], caseID: UUID) throws {
        guard let machine = loadMachine(), let station = (try? readCase(at: caseURL(caseID)))?.stationID,
              machine.stations.contains(station) else { return }
        let folder = replicaDirectiveFolder(station, caseID)
        let there = readReplicaDirectives(station, caseID).list
        for d in list {
            let givenURL = folder.appendingPathComponent(d.id.uuidString + ".directive")
            if !FileManager.default.fileExists(atPath: givenURL.path) { try writeReplica(Self.asGiven(d), to: givenURL) }
            let mine = DirectiveReply(d)
            if !mine.isEmpty, DirectiveReply(there.first { $0.id == d.id } ?? Self.asGiven(d)) != mine {
                try writeReplica(mine, to: folder.appendingPathComponent("\(d.id.uuidString).\(machine.id).reply"))
            }
        }
    }

    /// Gathers one case's directives from the station folder into the list kept here (a
    /// directive only kept here, given before the station was shared, stays).
    func takeInDirectives(station: String, caseID id: UUID, into report: inout TakeInReport) {
        let read = readReplicaDirectives(station, id)
        report.problems += read.problems
        guard !read.list.isEmpty else { return }
        var changed = false
        _ = try? updateDirectives(caseID: id) { list in
            var merged = read.list
            for d in list where !merged.contains(where: { $0.id == d.id }) { merged.append(d) }
            merged.sort { $0.at < $1.at }
            if merged != list {
                list = merged
                changed = true
            }
        }
        if changed { report.directivesChanged += 1 }
    }
}
