import ArgumentParser
import DeskModel
import DeskUI
import Foundation

extension MachineIdentity.Role: ExpressibleByArgument {}

/// `urja-desk sync`: one district on Syncthing without Syncthing expertise (README, "Running a district").
struct SyncCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sync", abstract: "Keep a district's machines in step with Syncthing: set up, pair, run, status.",
        subcommands: [SyncInit.self, SyncID.self, SyncPair.self, SyncRun.self, SyncStatus.self, SyncPull.self, SyncRotateKey.self])
}

enum SyncSetup {
    static func syncthing(_ s: Strings) throws -> String {
        let dirs = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin").split(separator: ":")
        guard let path = dirs.map({ "\($0)/syncthing" }).first(where: FileManager.default.isExecutableFile) else {
            CLI.exit(Failure(s.text(.sync_noSyncthing, .en), code: 69))
        }
        return path
    }

    static func settings(_ store: CaseStore, _ s: Strings) throws -> (SyncSettings, MachineIdentity) {
        guard let settings = SyncSettings.load(from: store), let machine = store.loadMachine() else {
            CLI.exit(Failure(s.text(.sync_notSetUp, .en), code: 64))
        }
        return (settings, machine)
    }

    static func writeConfig(_ settings: SyncSettings, _ store: CaseStore, _ machine: MachineIdentity) throws {
        let name = "urja-\(machine.role.rawValue)-\(machine.id)"
        let xml = settings.config(name: name, store: store, machine: machine).xml
        let url = SyncSettings.home(of: store).appendingPathComponent("config.xml")
        try DurableFile.write(Data(xml.utf8), to: url)
        for folder in machine.stations.map(store.stationFolder) + [store.syncRoot.appendingPathComponent(DistrictMatch.folderName)] {
            try DurableFile.makeFolder(folder.appendingPathComponent(".stfolder", isDirectory: true))
        }
    }

    static func run(_ program: String, _ args: [String]) -> (status: Int32, out: String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: program)
        p.arguments = args
        let pipe = Pipe()
        p.standardOutput = pipe
        p.standardError = FileHandle.nullDevice
        guard (try? p.run()) != nil else { return (127, "") }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}

struct SyncInit: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init", abstract: "Set this machine up for its role: its stations' folders, Syncthing's keys and config (admin).")

    @OptionGroup var storeOption: StoreOption
    @Option(help: "thana (a police station's desk PC) or district (the SP's office).") var role: MachineIdentity.Role
    @Option(name: .customLong("station"), help: "A station this machine holds (repeat for the district).") var stations: [String]
    @Option(help: "The letter this machine's case numbers carry: none for a station's own PC, e.g. D for the district.") var suffix: String?
    @Option(help: "Where Syncthing listens for its peers.") var listen = "tcp://0.0.0.0:22000"
    @Option(name: .customLong("gui-port"), help: "Syncthing's GUI and REST API port, on 127.0.0.1 only.") var guiPort = 8384
    @Flag(help: "Global and local discovery and relays on (off for a closed police network).") var discovery = false
    @Flag(name: .customLong("station-keys"),
          help: "Give each station not yet shared here its own data key (the SP's office): a thana PC then holds only its own (backup --station).")
    var stationKeys = false

    func run() throws {
        let s = try CLI.resources().strings
        let session = storeOption.signIn(s, via: "sync init")
        session.require(.manageKeys)
        let program = try SyncSetup.syncthing(s)
        let known = Set(((try? session.store.loadDirectory())?.stations ?? []).map(\.id))
        for st in stations where !known.contains(st) { CLI.exit(Failure(s.text(.sync_unknownStation, .en, st), code: 64)) }
        if let suffix, !MachineIdentity.validSuffix(suffix) { CLI.exit(Failure(s.text(.sync_suffixBad, .en), code: 64)) }
        var machine = session.store.loadMachine() ?? MachineIdentity()
        // A letter another machine of these stations already numbers with is refused.
        if let taken = session.store.letterClashes(letter: suffix ?? machine.numberSuffix, stations: stations).first {
            CLI.exit(Failure(s.text(.sync_letterTaken, .en, taken.letter.isEmpty ? "-" : taken.letter, taken.otherMachine,
                                    taken.station.uppercased()), code: 64))
        }
        if stationKeys { for st in stations where !(machine.stations.contains(st)) { try session.store.makeStationKey(st) } }
        for st in stations { machine = try session.store.shareStation(st, role: role, numberSuffix: suffix ?? machine.numberSuffix) }
        let home = SyncSettings.home(of: session.store)
        if !FileManager.default.fileExists(atPath: home.appendingPathComponent("cert.pem").path) {
            _ = SyncSetup.run(program, ["generate", "--home=\(home.path)", "--no-default-folder"])
        }
        let id = SyncSetup.run(program, ["--device-id", "--home=\(home.path)"]).out.trimmingCharacters(in: .whitespacesAndNewlines)
        guard let deviceID = SyncSettings.normalizedDeviceID(id) else { CLI.exit(Failure(s.text(.sync_noSyncthing, .en), code: 69)) }
        var settings = SyncSettings.load(from: session.store) ?? SyncSettings(deviceID: deviceID)
        settings.deviceID = deviceID
        settings.listenAddress = listen
        settings.guiPort = guiPort
        settings.discovery = discovery
        try settings.save(to: session.store)
        try SyncSetup.writeConfig(settings, session.store, machine)
        session.audit(.settingsChanged, detail: "sync init \(role.rawValue) \(machine.stations.joined(separator: ","))")
        print(s.text(.sync_initDone, .en, machine.id, role.rawValue, deviceID, machine.stations.joined(separator: ", ")))
        print(s.text(.sync_next, .en))
    }
}

struct SyncID: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "id", abstract: "Show this machine's device ID, as text and as a QR code.")
    @OptionGroup var storeOption: StoreOption
    @Flag(help: "Also draw it as a QR code (needs qrencode).") var qr = false

    func run() throws {
        let s = try CLI.resources().strings
        let store: CaseStore
        do { store = try CaseStore.open(at: storeOption.url) } catch { CLI.exit(Failure(s.text(.sync_notSetUp, .en), code: 64)) }
        let (settings, _) = try SyncSetup.settings(store, s)
        print(s.text(.sync_deviceID, .en, settings.deviceID))
        guard qr else { return }
        let dirs = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin").split(separator: ":")
        guard let qrencode = dirs.map({ "\($0)/qrencode" }).first(where: FileManager.default.isExecutableFile) else {
            return print(s.text(.sync_noQR, .en))
        }
        print(SyncSetup.run(qrencode, ["-t", "UTF8", "-m", "2", settings.deviceID]).out, terminator: "")
    }
}

struct SyncPair: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "pair", abstract: "Pair with another machine by its device ID (admin).")
    @OptionGroup var storeOption: StoreOption
    @Argument(help: "The other machine's device ID (urja-desk sync id there).") var deviceID: String
    @Option(help: "A name for it, e.g. vijaynagar-desk or sp-office.") var name: String
    @Option(help: "Where it listens: tcp://HOST:PORT (dynamic only with discovery on).") var address: String
    @Option(name: .customLong("station"), help: "A station it shares with this machine (repeat).") var stations: [String]

    func run() throws {
        let s = try CLI.resources().strings
        let session = storeOption.signIn(s, via: "sync pair")
        session.require(.manageKeys)
        var (settings, machine) = try SyncSetup.settings(session.store, s)
        guard let id = SyncSettings.normalizedDeviceID(deviceID) else { CLI.exit(Failure(s.text(.sync_badDeviceID, .en, deviceID), code: 64)) }
        guard address == "dynamic" || (address.hasPrefix("tcp://") && address.dropFirst(6).contains(":")) else {
            CLI.exit(Failure(s.text(.sync_badAddress, .en, address), code: 64))
        }
        for st in stations where !machine.stations.contains(st) { CLI.exit(Failure(s.text(.sync_notHeld, .en, st), code: 64)) }
        settings.peers.removeAll { $0.deviceID == id }
        settings.peers.append(.init(deviceID: id, name: name, address: address, stations: stations))
        try settings.save(to: session.store)
        machine = session.store.loadMachine() ?? machine
        try SyncSetup.writeConfig(settings, session.store, machine)
        session.audit(.settingsChanged, detail: "sync pair \(id.prefix(7)) \(stations.joined(separator: ","))")
        print(s.text(.sync_paired, .en, name, id, stations.joined(separator: ", ")))
        for c in session.store.letterClashes(stations: stations) {
            print(s.text(.sync_letterClashLong, .en, c.otherMachine, c.letter.isEmpty ? "-" : c.letter, c.station.uppercased()))
        }
    }
}

struct SyncRun: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "run", abstract: "Run Syncthing for this store (until stopped).")
    @OptionGroup var storeOption: StoreOption

    func run() throws {
        let s = try CLI.resources().strings
        let program = try SyncSetup.syncthing(s)
        let store: CaseStore
        do { store = try CaseStore.open(at: storeOption.url) } catch { CLI.exit(Failure(s.text(.sync_notSetUp, .en), code: 64)) }
        _ = try SyncSetup.settings(store, s)
        let home = SyncSettings.home(of: store)
        let p = Process()
        p.executableURL = URL(fileURLWithPath: program)
        p.arguments = ["serve", "--home=\(home.path)", "--no-browser", "--no-restart", "--logfile=\(home.path)/syncthing.log"]
        var env = ProcessInfo.processInfo.environment
        env["STNODEFAULTFOLDER"] = "1"
        env["STNOUPGRADE"] = "1"
        p.environment = env
        try p.run()
        // Written at once (not buffered): a script that started it in the background reads the pid.
        FileHandle.standardOutput.write(Data((s.text(.sync_running, .en, String(p.processIdentifier), home.path + "/syncthing.log") + "\n").utf8))
        p.waitUntilExit()
    }
}
