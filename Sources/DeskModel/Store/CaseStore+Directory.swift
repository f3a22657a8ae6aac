import Crypto
import Foundation

/// The directory (stations, partners, users), sealed with its digest, and the upgrade of an older
/// store's format once that digest is checked.
extension CaseStore {
    // MARK: Directory

    public func loadDirectory() throws -> Directory {
        guard let data = try? Data(contentsOf: directoryURL),
              let dir = try? PropertyListDecoder().decode(Directory.self, from: data) else {
            throw StoreError.damagedMeta(path: directoryURL.path)
        }
        return dir
    }

    public func saveDirectory(_ directory: Directory) throws {
        try write(directory, to: directoryURL)
        try sealDirectoryDigest()
    }

    /// The directory and store.plist must be readable before anyone logs in, so they stay in the
    /// clear; their SHA-256s are kept sealed beside them, so that an encrypted store notices any
    /// change to either (a user made SP, a store said to be plain). An older digest of the
    /// directory alone (32 bytes) is still accepted for the directory.
    var directoryDigestURL: URL { root.appendingPathComponent("directory.digest") }

    func sealDirectoryDigest(pendingMeta: Data? = nil) throws {
        guard meta.encrypted, sealer != nil, let data = try? Data(contentsOf: directoryURL) else { return }
        var digest = Data(SHA256.hash(data: data))
        if let metaData = try? Data(contentsOf: metaURL) { digest.append(Data(SHA256.hash(data: metaData))) }
        // While store.plist is being replaced (an upgrade), the one to come is good too.
        if let pendingMeta { digest.append(Data(SHA256.hash(data: pendingMeta))) }
        try write(digest, to: directoryDigestURL)
    }

    /// True when the directory (and store.plist) are as last saved by someone holding the key.
    public var directoryIntact: Bool {
        guard meta.encrypted else { return true }
        guard let data = try? Data(contentsOf: directoryURL), let digest = try? decodeStored(Data.self, from: directoryDigestURL),
              [32, 64, 96].contains(digest.count), digest.prefix(32) == Data(SHA256.hash(data: data)) else { return false }
        guard digest.count > 32 else { return true }
        guard let metaData = try? Data(contentsOf: metaURL) else { return false }
        let hash = Data(SHA256.hash(data: metaData))
        return stride(from: 32, to: digest.count, by: 32).contains { digest.subdata(in: $0..<($0 + 32)) == hash }
    }

    /// A store of an older format brought to this one, with its key, crash-safely: every sealed
    /// file resealed in place bound to its path (one rename each; files done already are skipped,
    /// so a crash only means the next sign-in goes on), the derived index dropped to be rebuilt,
    /// then store.plist says the new version. Returns the store as it now is.
    public func upgradedIfNeeded() throws -> CaseStore {
        guard meta.encrypted, meta.formatVersion < StoreMeta.boundVersion, let sealer else { return self }
        for url in sealedFiles() {
            guard let data = try? Data(contentsOf: url), data.prefix(Sealer.unboundMagic.count) == Sealer.unboundMagic,
                  let plain = try? sealer.open(data, binding: binding(for: url)) else { continue }
            try DurableFile.write(try sealer.seal(plain, binding: binding(for: url)), to: url)
        }
        try? FileManager.default.removeItem(at: root.appendingPathComponent("index.tsv"))
        var newMeta = meta
        newMeta.formatVersion = StoreMeta.boundVersion  // 3 comes when a station is shared (StationSharing)
        let encoder = PropertyListEncoder()
        encoder.outputFormat = .binary
        let metaData = try encoder.encode(newMeta)
        try sealDirectoryDigest(pendingMeta: metaData)
        try DurableFile.write(metaData, to: metaURL)
        var upgraded = CaseStore(root: root, meta: newMeta)
        var bound = sealer
        bound.acceptsUnbound = false
        upgraded.sealer = bound
        try upgraded.sealDirectoryDigest()
        return upgraded
    }

    /// Every file of the store kept sealed (records, drafts, preferences, directives, settings,
    /// the directory's digest, the audit head); not the audit log, the index, exports or damaged/.
    func sealedFiles() -> [URL] {
        let fm = FileManager.default
        var out: [URL] = []
        for dir in [casesDir, draftsDir, prefsDir, directivesDir, eventsDir] {
            for name in ((try? fm.contentsOfDirectory(atPath: dir.path)) ?? []).sorted() where name.hasSuffix(".plist") && !name.hasPrefix(".") {
                out.append(dir.appendingPathComponent(name))
            }
        }
        for name in ["settings.plist", "directory.digest", "audit.head"] {
            let url = root.appendingPathComponent(name)
            if fm.fileExists(atPath: url.path) { out.append(url) }
        }
        return out
    }
}
