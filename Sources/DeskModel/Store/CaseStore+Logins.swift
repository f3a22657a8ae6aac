import Foundation

/// Wrong PINs in a row per name, and the lock files sign-in attempts are taken under (local to this machine).
extension CaseStore {
    // MARK: Wrong PINs

    var locksDir: URL { root.appendingPathComponent("locks", isDirectory: true) }

    func loadLoginState(_ name: String) -> LoginGuard.State? {
        read(LoginGuard.State.self, from: locksDir.appendingPathComponent(fileKey(name) + ".plist"))
    }

    func saveLoginState(_ state: LoginGuard.State, _ name: String) throws {
        try ensure(locksDir)
        try write(state, to: locksDir.appendingPathComponent(fileKey(name) + ".plist"))
    }

    /// A descriptor of the lock file that serializes sign-in attempts at one name.
    func loginLock(_ name: String) -> Int32? {
        guard (try? ensure(locksDir)) != nil else { return nil }
        let fd = Glibc.open(locksDir.appendingPathComponent("signin-" + fileKey(name) + ".lock").path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        return fd >= 0 ? fd : nil
    }

    func hasLoginState(_ name: String) -> Bool {
        FileManager.default.fileExists(atPath: locksDir.appendingPathComponent(fileKey(name) + ".plist").path)
    }

    func clearLoginState(_ name: String) throws {
        let url = locksDir.appendingPathComponent(fileKey(name) + ".plist")
        guard FileManager.default.fileExists(atPath: url.path) else { return }
        do { try DurableFile.remove(url) } catch { throw StoreError.writeFailed(path: url.path) }
    }

    func draftURL(_ userID: String) -> URL { draftsDir.appendingPathComponent(fileKey(userID) + ".plist") }

    /// Login names are letters and digits; anything else is dropped so that a name cannot climb out of the folder.
    func fileKey(_ userID: String) -> String {
        let key = String(userID.lowercased().unicodeScalars.filter { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-" || $0 == "_") }
            .map(Character.init))
        return key.isEmpty ? "_" : key
    }
}
