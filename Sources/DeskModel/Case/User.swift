public enum Role: String, Codable, CaseIterable, Sendable {
    case deskOfficer
    case counsellor
    case sp
    case admin
    /// The station house officer (थाना प्रभारी): sees her own station's cases and approves their
    /// closures; her station is her `stationIDs`.
    case sho

    /// A supervising officer: approves closures of high-risk cases and children's cases (the SP,
    /// or DCP, for her stations; the SHO for her own).
    public var supervises: Bool { self == .sp || self == .sho }
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
    /// A first PIN given by the admin: she sets her own before anything opens.
    public var mustChangePIN: Bool

    public init(id: String, nameEn: String, nameHi: String, role: Role, stationIDs: [String], pin: PinHash,
                mustChangePIN: Bool = false) {
        self.id = id
        self.nameEn = nameEn
        self.nameHi = nameHi
        self.role = role
        self.stationIDs = stationIDs
        self.pin = pin
        self.mustChangePIN = mustChangePIN
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        nameEn = try c.decode(String.self, forKey: .nameEn)
        nameHi = try c.decode(String.self, forKey: .nameHi)
        role = try c.decode(Role.self, forKey: .role)
        stationIDs = try c.decode([String].self, forKey: .stationIDs)
        pin = try c.decode(PinHash.self, forKey: .pin)
        mustChangePIN = try c.decodeIfPresent(Bool.self, forKey: .mustChangePIN) ?? false
    }

    public func name(_ language: Language) -> String { language == .hi ? nameHi : nameEn }

    public func canSee(stationID: String) -> Bool {
        stationIDs.isEmpty || stationIDs.contains(stationID)
    }

}
