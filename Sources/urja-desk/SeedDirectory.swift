import DeskModel
import Foundation
import UrjaSeeds

enum SeedDirectory {
    /// The stations, partners and demo users shipped in seeds/.
    static func load() throws -> Directory {
        try SeedFormat.directory(stations: UrjaSeeds.stations(), partners: UrjaSeeds.partners(), users: UrjaSeeds.users())
    }
}
