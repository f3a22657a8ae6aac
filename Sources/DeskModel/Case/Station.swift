/// A police station (thana) with a Mahila Urja Desk.
public struct Station: Codable, Hashable, Sendable, Identifiable {
    /// Short, stable identifier, e.g. "VJN".
    public var id: String
    /// Prefix of its case numbers, e.g. "IND-VJN".
    public var code: String
    public var nameEn: String
    public var nameHi: String
    public var district: String
    public var range: String
    /// The desk's own phone, printed on her slip (nil in stations written before).
    public var deskPhone: String?

    public init(id: String, code: String, nameEn: String, nameHi: String, district: String, range: String,
                deskPhone: String? = nil) {
        self.id = id
        self.code = code
        self.nameEn = nameEn
        self.nameHi = nameHi
        self.district = district
        self.range = range
        self.deskPhone = deskPhone
    }

    public func name(_ language: Language) -> String { language == .hi ? nameHi : nameEn }
}

/// A department or organisation a desk refers women to.
public struct Partner: Codable, Hashable, Sendable, Identifiable {
    public var id: String
    public var nameEn: String
    public var nameHi: String
    public var kind: String

    public init(id: String, nameEn: String, nameHi: String, kind: String) {
        self.id = id
        self.nameEn = nameEn
        self.nameHi = nameHi
        self.kind = kind
    }
}
