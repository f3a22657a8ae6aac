import Foundation

/// Machine letters kept unique (issue 13): every machine holding a station writes its card,
/// `sync/<station>/machines/<machine>.card` (its letter and role; written by it only), so that
/// each machine sees the letters of the others. Two machines of one station with the same letter
/// would number cases alike (`IND-VJN-2026-0042D` twice): when another machine's card with this
/// machine's letter is found, this machine takes no new case number until an admin gives one of
/// them another letter (`urja-desk sync init --suffix`), and says so plainly.
public struct MachineCard: Codable, Equatable, Sendable {
    public var machine: String
    public var numberSuffix: String
    public var role: MachineIdentity.Role

    public init(machine: String, numberSuffix: String, role: MachineIdentity.Role) {
        self.machine = machine
        self.numberSuffix = numberSuffix
        self.role = role
    }
}

/// Another machine at a station numbering cases with this machine's letter.
public struct LetterClash: Error, Equatable, Sendable {
    public var station: String
    public var otherMachine: String
    /// "" for a station's own PC (no letter).
    public var letter: String
}

extension CaseStore {
    func machinesFolder(_ stationID: String) -> URL { stationFolder(stationID).appendingPathComponent("machines", isDirectory: true) }

    /// Writes this machine's card in each station folder it holds, where it is missing or out of date.
    func writeMachineCards(_ machine: MachineIdentity) throws {
        let card = MachineCard(machine: machine.id, numberSuffix: machine.numberSuffix, role: machine.role)
        for station in machine.stations {
            let url = machinesFolder(station).appendingPathComponent(machine.id + ".card")
            if (try? decodeReplica(MachineCard.self, at: url)) == card { continue }
            try writeReplica(card, to: url)
        }
    }

    /// The other machines' cards, by station, that this store can read.
    func machineCards(_ stationID: String) -> [MachineCard] {
        let folder = machinesFolder(stationID)
        return replicaNames(in: folder, suffix: ".card").filter { !ReplicaName.isConflictCopy($0) }
            .compactMap { try? decodeReplica(MachineCard.self, at: folder.appendingPathComponent($0)) }
    }

    /// Machines that number cases with `letter` (this machine's, by default) at a station held here.
    public func letterClashes(letter: String? = nil, stations: [String]? = nil) -> [LetterClash] {
        guard let machine = loadMachine() else { return [] }
        let letter = letter ?? machine.numberSuffix
        var out: [LetterClash] = []
        for station in stations ?? machine.stations {
            for card in machineCards(station) where card.machine != machine.id && card.numberSuffix == letter {
                out.append(LetterClash(station: station, otherMachine: card.machine, letter: letter))
            }
        }
        return out
    }

    /// Throws the first clash at the station, before a case number is taken there.
    public func checkLetterBeforeNumbering(stationID: String) throws {
        guard let machine = loadMachine(), machine.stations.contains(stationID) else { return }
        if let clash = letterClashes(stations: [stationID]).first { throw clash }
    }
}
