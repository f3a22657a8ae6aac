public enum Role: String, Codable, CaseIterable, Sendable {
    case deskOfficer
    case counsellor
    case sp
    case admin
}

public struct User: Codable, Hashable, Sendable, Identifiable {
    /// The login name typed at the desk, e.g. "asha".
    public var id: String
    public var nameEn: String
    public var nameHi: String
    public var role: Role
    /// Stations this user works at or oversees. Empty means every station (SP of the district, admin).
    public var stationIDs: [String]
    public var pin: PinHash

    public init(id: String, nameEn: String, nameHi: String, role: Role, stationIDs: [String], pin: PinHash) {
        self.id = id
        self.nameEn = nameEn
        self.nameHi = nameHi
        self.role = role
        self.stationIDs = stationIDs
        self.pin = pin
    }

    public func name(_ language: Language) -> String { language == .hi ? nameHi : nameEn }

    public func canSee(stationID: String) -> Bool {
        stationIDs.isEmpty || stationIDs.contains(stationID)
    }

}
