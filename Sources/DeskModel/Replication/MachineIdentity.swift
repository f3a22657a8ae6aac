import Foundation

/// This machine, as replication knows it (`machine.plist`, kept on this machine only): a name
/// that no other machine has, the letter its case numbers carry, its role, and the stations whose
/// folders it holds.
public struct MachineIdentity: Codable, Equatable, Sendable {
    public enum Role: String, Codable, Sendable, CaseIterable {
        /// A police station's desk PC: holds its own station's folder.
        case thana
        /// The SP's office (or a One Stop Centre): holds the folders of the stations it oversees.
        case district
    }

    /// Eight letters and digits, random: the name of this machine's files in every station folder.
    public var id: String
    /// "" for a station's own desk PC; a capital letter for any other machine that takes case numbers
    /// at a station (`IND-VJN-2026-0042D`), so that two machines never take the same number.
    public var numberSuffix: String
    public var role: Role
    /// Station ids whose replicated folders (`sync/<id>/`) this machine holds.
    public var stations: [String]

    public init(id: String = MachineIdentity.newID(), numberSuffix: String = "", role: Role = .thana, stations: [String] = []) {
        self.id = id
        self.numberSuffix = numberSuffix
        self.role = role
        self.stations = stations
    }

    public static func newID() -> String {
        let letters = Array("ABCDEFGHJKLMNPQRSTUVWXYZ23456789")
        return String((0..<8).map { _ in letters.randomElement() ?? "A" })
    }

    /// A suffix is empty or one capital letter A–Z.
    public static func validSuffix(_ s: String) -> Bool {
        s.isEmpty || (s.count == 1 && s.unicodeScalars.allSatisfy { ("A"..."Z").contains($0) })
    }
}
