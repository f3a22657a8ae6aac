import DeskModel
import Foundation

struct Clock: DeskClock { var date: Date; func now() -> Date { date } }

func directory() -> Directory {
    Directory(stations: [Station(id: "VJN", code: "IND-VJN", nameEn: "Vijay Nagar", nameHi: "विजय नगर", district: "Indore", range: "Indore"),
                         Station(id: "MHW", code: "IND-MHW", nameEn: "Mhow", nameHi: "महू", district: "Indore", range: "Indore")],
              partners: [], users: [])
}

/// Plain stores for a thana and the district office, each sharing the stations given.
func makeStores(_ names: [String: (role: MachineIdentity.Role, stations: [String], suffix: String)]) throws -> [String: CaseStore] {
    var out: [String: CaseStore] = [:]
    let base = tempFolder("stores")
    for (name, spec) in names {
        let store = try CaseStore.create(at: base.appendingPathComponent(name), directory: directory(), clock: Clock(date: testNow))
        for s in spec.stations { try store.shareStation(s, role: spec.role, numberSuffix: spec.suffix) }
        out[name] = try CaseStore.open(at: store.root)
    }
    return out
}

/// What Syncthing does between two machines holding one station folder: every file of the
/// sender's that the receiver does not write itself is copied over (hidden files left alone).
func carry(_ station: String, from a: CaseStore, to b: CaseStore) throws {
    let fm = FileManager.default
    let src = a.stationFolder(station), dst = b.stationFolder(station)
    let own = b.loadMachine()?.id ?? "?"
    guard let walker = fm.enumerator(atPath: src.path) else { return }
    for case let rel as String in walker {
        let name = (rel as NSString).lastPathComponent
        var isDir: ObjCBool = false
        guard !name.hasPrefix("."), fm.fileExists(atPath: src.appendingPathComponent(rel).path, isDirectory: &isDir), !isDir.boolValue,
              !name.hasPrefix(own + ".") else { continue }
        let target = dst.appendingPathComponent(rel)
        try fm.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        if fm.fileExists(atPath: target.path) { try fm.removeItem(at: target) }
        try fm.copyItem(at: src.appendingPathComponent(rel), to: target)
    }
}
