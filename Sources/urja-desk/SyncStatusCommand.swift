import ArgumentParser
import DeskModel
import DeskUI
import Foundation

struct SyncStatus: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status", abstract: "Peers connected, each station's last data, conflicts waiting. Changes nothing.")
    @OptionGroup var storeOption: StoreOption

    func run() throws {
        let s = try CLI.resources().strings
        let store: CaseStore
        do { store = try CaseStore.open(at: storeOption.url) } catch { CLI.exit(Failure(s.text(.sync_notSetUp, .en), code: 64)) }
        let (settings, machine) = try SyncSetup.settings(store, s)
        let rest = SyncthingREST(settings: settings)
        print(s.text(.sync_deviceID, .en, settings.deviceID))
        guard let connected = rest.connected() else {
            CLI.exit(Failure(s.text(.sync_notRunning, .en, settings.guiPort), code: 3))
        }
        for peer in settings.peers {
            let state = connected.contains(peer.deviceID) ? s.text(.sync_connected, .en) : s.text(.sync_notConnected, .en)
            print(s.text(.sync_peer, .en, peer.name, peer.stations.joined(separator: ","), state))
        }
        let now = Date()
        for station in machine.stations {
            guard let f = rest.folder(station) else { print(s.text(.sync_folderMissing, .en, station)); continue }
            if f.paused { print(s.text(.sync_folderPaused, .en, station)); continue }
            let last = f.lastFile.map { Self.stamp($0) } ?? s.text(.sync_never, .en)
            var line = s.text(.sync_folder, .en, station, f.state, f.needFiles, last)
            if let at = f.lastFile, now.timeIntervalSince(at) > Double(settings.staleAfterHours) * 3600 {
                line += s.text(.sync_stale, .en, settings.staleAfterHours)
            }
            print(line)
            if let error = f.error { print("  " + error) }
        }
        let waiting = store.loadCases(setAside: false).cases.filter { !$0.conflicts.isEmpty }.map(\.number.description)
        if !waiting.isEmpty { print(s.text(.sync_conflictsWaiting, .en, waiting.joined(separator: ", "))) }
    }

    static func stamp(_ d: Date) -> String {
        let f = DateFormatter()
        f.dateFormat = "dd-MM-yyyy HH:mm"
        return f.string(from: d)
    }
}

struct SyncPull: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pull", abstract: "Take in what Syncthing brought: new and changed cases, directives, conflict copies.")
    @OptionGroup var storeOption: StoreOption

    func run() throws {
        let s = try CLI.resources().strings
        let session = storeOption.signIn(s, via: "sync pull")
        session.require(.viewCases)
        _ = try SyncSetup.settings(session.store, s)
        let r = session.store.takeInReplicas()
        print(s.text(.sync_pulled, .en, r.newCases, r.changedCases, r.directivesChanged, r.conflictCopiesMerged))
        for p in r.problems { print(s.text(.sync_problem, .en, p.path, p.reason, p.copiedTo ?? "-")) }
        if !r.casesWithConflicts.isEmpty {
            print(s.text(.sync_conflictsWaiting, .en, r.casesWithConflicts.map(\.description).joined(separator: ", ")))
        }
        for c in r.letterClashes {
            print(s.text(.sync_letterClashLong, .en, c.otherMachine, c.letter.isEmpty ? "-" : c.letter, c.station.uppercased()))
        }
    }
}
