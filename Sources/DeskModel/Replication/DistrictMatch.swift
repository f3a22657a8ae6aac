import Crypto
import Foundation

/// A woman who reports at two stations is noticed without either station seeing the other's
/// records: each machine keeps, in the district-wide folder `sync/_district/match/<machine>.tsv`
/// (shared with every machine of the district), one line per case of a keyed hash of her name key
/// and phone, and the station. The hash is keyed with the district's matching key, not a station
/// key, and the line holds nothing else: no name, no phone, no case. A match tells the desk only
/// "a possible earlier case at another station: ask the SP".
///
/// The matching key is derived from the store's data key (every machine of a district holds it
/// today); with a key per station it becomes a key of its own, given to every machine.
public enum DistrictMatch {
    public static let folderName = "_district"

    /// The token of a woman: nil without a name key and a phone (too little to match on).
    public static func token(name: String, phone: String?, key: SymmetricKey) -> String? {
        let words = NameKey.words(name).sorted()
        let digits = String(Digits.toASCII(phone ?? "").filter(\.isNumber).suffix(10))
        guard !words.isEmpty, digits.count >= 10 else { return nil }
        let mac = HMAC<SHA256>.authenticationCode(for: Data((words.joined(separator: " ") + "|" + digits).utf8), using: key)
        return mac.prefix(16).map { String(format: "%02x", $0) }.joined()
    }
}

extension CaseStore {
    var districtFolder: URL { syncRoot.appendingPathComponent(DistrictMatch.folderName, isDirectory: true) }

    /// The district's matching key, from the data key; nil on a plain store or without the key.
    var matchKey: SymmetricKey? {
        guard let sealer else { return meta.encrypted ? nil : SymmetricKey(data: Data("urja plain store match".utf8)) }
        if let kept = keptMatchKey { return kept }
        return HKDF<SHA256>.deriveKey(inputKeyMaterial: SymmetricKey(data: sealer.raw), info: Data("urja district match v1".utf8),
                                      outputByteCount: 32)
    }

    /// Notes a saved case's token in this machine's match file (when the store replicates).
    func noteForDistrictMatch(_ record: CaseRecord) {
        guard let machine = loadMachine(), let key = matchKey,
              let token = DistrictMatch.token(name: record.identity.name, phone: record.identity.phone, key: key) else { return }
        let url = districtFolder.appendingPathComponent("match/\(machine.id).tsv")
        let line = token + "\t" + record.stationID
        let old = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
        guard !old.split(separator: "\n").contains(Substring(line)) else { return }
        do {
            let folder = url.deletingLastPathComponent()
            if !FileManager.default.fileExists(atPath: folder.path) { try DurableFile.makeFolder(folder) }
            try DurableFile.write(Data((old + line + "\n").utf8), to: url)
        } catch {}
    }

    /// Stations other than `stationID` where a woman with this name key and phone has a case:
    /// only their ids, never anything of the case.
    public func earlierCasesElsewhere(name: String, phone: String?, stationID: String) -> [String] {
        guard loadMachine() != nil, let key = matchKey, let token = DistrictMatch.token(name: name, phone: phone, key: key) else { return [] }
        let folder = districtFolder.appendingPathComponent("match")
        var out = Set<String>()
        for file in replicaNames(in: folder, suffix: ".tsv") {
            guard let text = try? String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8) else { continue }
            for line in text.split(separator: "\n") {
                let parts = line.split(separator: "\t")
                if parts.count == 2, parts[0] == token, parts[1] != stationID { out.insert(String(parts[1])) }
            }
        }
        return out.sorted()
    }
}
