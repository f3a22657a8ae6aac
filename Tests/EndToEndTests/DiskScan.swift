import Foundation

/// Looks for names and phones in the bytes of files, in every encoding a store might write them:
/// UTF-8, and UTF-16 in both byte orders (a binary property list keeps non-ASCII text as
/// UTF-16BE, so a UTF-8 search alone would find nothing even in a plain store).
/// (The same helper is in DeskModelTests/DiskScan.swift: test targets share no code.)
enum DiskScan {
    static func encodings(of secret: String) -> [(name: String, bytes: Data)] {
        [("UTF-8", Data(secret.utf8)),
         ("UTF-16BE", secret.data(using: .utf16BigEndian) ?? Data()),
         ("UTF-16LE", secret.data(using: .utf16LittleEndian) ?? Data())]
    }

    /// "secret (encoding) in file" for each secret found in `data`.
    static func findings(_ secrets: [String], in data: Data, file: String) -> [String] {
        secrets.flatMap { secret in
            encodings(of: secret).filter { !$0.bytes.isEmpty && data.range(of: $0.bytes) != nil }
                .map { "\(secret) (\($0.name)) in \(file)" }
        }
    }

    /// Every finding in every file under `root`.
    static func findings(_ secrets: [String], under root: URL) -> [String] {
        let all = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)?.compactMap { $0 as? URL } ?? []
        return all.filter { !$0.hasDirectoryPath }.flatMap { url in
            findings(secrets, in: (try? Data(contentsOf: url)) ?? Data(), file: url.path.replacingOccurrences(of: root.path, with: ""))
        }
    }

    /// What `strings -a` prints for every file under `root` (nil where binutils is not installed:
    /// a second opinion beside the scan above, which is the check).
    static func stringsOutput(under root: URL) throws -> String? {
        guard let strings = ExternalProgram.find("strings") else { return nil }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/sh")
        p.arguments = ["-c", "find '\(root.path)' -type f -exec '\(strings)' -a {} +"]
        let out = Pipe()
        p.standardOutput = out
        try p.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        return text
    }
}
