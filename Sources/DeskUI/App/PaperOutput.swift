import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Where a paper goes: the system's browser (to look at and print), or the printer. The page is
/// never written to the disk in the clear: it goes to a file in memory-backed storage
/// ($XDG_RUNTIME_DIR, else /dev/shm), readable by her alone, removed as soon as it has been read
/// (the printer's PDF goes to `lp` through a pipe).
public enum PaperOutput {
    public enum Way: String, CaseIterable, Sendable { case browser, printer }

    public enum Problem: Error, Equatable {
        case noPrivateFolder
        case noProgram(String)
        case failed(String)
    }

    /// How long the browser has to read the page before it is removed.
    public static let browserGrace: TimeInterval = 20

    /// A folder only she can read, in memory (never on the disk): papers live here for seconds.
    public static func privateFolder(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> URL {
        let bases = [environment["XDG_RUNTIME_DIR"], "/dev/shm"].compactMap { $0 }.filter { !$0.isEmpty }
        for base in bases where FileManager.default.isWritableFile(atPath: base) {
            let dir = URL(fileURLWithPath: base).appendingPathComponent("urja-papers-\(getuid())", isDirectory: true)
            if !FileManager.default.fileExists(atPath: dir.path) {
                guard mkdir(dir.path, 0o700) == 0 || errno == EEXIST else { continue }
            }
            // Not a link, hers, and closed to others: else nothing is written there.
            var st = stat()
            guard lstat(dir.path, &st) == 0, (st.st_mode & S_IFMT) == S_IFDIR, st.st_uid == getuid() else { continue }
            chmod(dir.path, 0o700)
            sweep(dir, olderThan: browserGrace * 3)
            return dir
        }
        throw Problem.noPrivateFolder
    }

    /// Removes papers left behind (a desk closed before their time was up).
    static func sweep(_ dir: URL, olderThan age: TimeInterval) {
        let fm = FileManager.default
        for name in (try? fm.contentsOfDirectory(atPath: dir.path)) ?? [] {
            let url = dir.appendingPathComponent(name)
            let made = (try? fm.attributesOfItem(atPath: url.path)[.modificationDate] as? Date) ?? nil
            if let made, Date().timeIntervalSince(made) > age { try? fm.removeItem(at: url) }
        }
    }

    /// Writes the page there (mode 0600, a name that says nothing).
    static func writePrivate(_ html: String, ext: String, environment: [String: String]) throws -> URL {
        let url = try privateFolder(environment: environment).appendingPathComponent(UUID().uuidString + "." + ext)
        let fd = open(url.path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw Problem.failed(url.path) }
        defer { close(fd) }
        let bytes = Array(html.utf8)
        guard bytes.withUnsafeBytes({ write(fd, $0.baseAddress, $0.count) }) == bytes.count else { throw Problem.failed(url.path) }
        return url
    }

    /// The first of `names` on PATH.
    public static func program(_ names: [String], environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        let dirs = (environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":").map(String.init)
        for name in names where !name.isEmpty {
            if name.hasPrefix("/") { if FileManager.default.isExecutableFile(atPath: name) { return name } else { continue } }
            for dir in dirs where FileManager.default.isExecutableFile(atPath: dir + "/" + name) { return dir + "/" + name }
        }
        return nil
    }

    /// Opens the page in the system's browser ($URJA_BROWSER, else xdg-open, else chromium); the
    /// file goes once the browser has had `browserGrace` seconds to read it.
    public static func openInBrowser(_ html: String, environment: [String: String] = ProcessInfo.processInfo.environment,
                                     grace: TimeInterval = browserGrace) throws {
        guard let browser = program([environment["URJA_BROWSER"] ?? "", "xdg-open", "chromium", "sensible-browser"],
                                    environment: environment) else { throw Problem.noProgram("xdg-open") }
        let url = try writePrivate(html, ext: "html", environment: environment)
        do {
            try start(browser, [url.absoluteString])
        } catch {
            try? FileManager.default.removeItem(at: url)
            throw error
        }
        DispatchQueue.global().asyncAfter(deadline: .now() + grace) { try? FileManager.default.removeItem(at: url) }
    }

    /// Prints: headless chromium makes the PDF on its standard output, `lp` takes it from a pipe.
    /// The page's file is removed as soon as chromium has read it.
    public static func sendToPrinter(_ html: String, environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        guard let chromium = program(["chromium", "chromium-browser", "google-chrome"], environment: environment) else {
            throw Problem.noProgram("chromium")
        }
        guard let lp = program([environment["URJA_LP"] ?? "", "lp"], environment: environment) else { throw Problem.noProgram("lp") }
        let url = try writePrivate(html, ext: "html", environment: environment)
        defer { try? FileManager.default.removeItem(at: url) }
        let pdf = url.deletingPathExtension().appendingPathExtension("pdf")
        defer { try? FileManager.default.removeItem(at: pdf) }
        // chromium's own profile (its history names the page) goes with it.
        defer { try? FileManager.default.removeItem(at: profile(for: pdf)) }
        // chromium writes the PDF beside the page (in memory); lp reads it from a pipe.
        try run(chromium, headlessArguments(page: url, pdf: pdf))
        let data = try Data(contentsOf: pdf)
        try FileManager.default.removeItem(at: pdf)
        try run(lp, ["-"], input: data)
    }

    /// Headless chromium, printing one local page, no network, no first-run noise.
    public static func headlessArguments(page: URL, pdf: URL) -> [String] {
        ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-extensions", "--disable-sync",
         "--no-pdf-header-footer", "--proxy-server=127.0.0.1:9", "--host-resolver-rules=MAP * ~NOTFOUND",
         "--user-data-dir=" + profile(for: pdf).path,
         "--print-to-pdf=" + pdf.path, page.absoluteString]
    }

    /// A profile folder of chromium's own for one print, beside its PDF.
    static func profile(for pdf: URL) -> URL {
        pdf.deletingPathExtension().appendingPathExtension("profile")
    }

    static func start(_ program: String, _ args: [String]) throws {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: program)
        p.arguments = args
        p.standardInput = FileHandle.nullDevice
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        do { try p.run() } catch { throw Problem.failed(program) }
    }

    static func run(_ program: String, _ args: [String], input: Data? = nil) throws {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: program)
        p.arguments = args
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        let pipe = Pipe()
        p.standardInput = input == nil ? FileHandle.nullDevice : pipe
        do { try p.run() } catch { throw Problem.failed(program) }
        if let input {
            pipe.fileHandleForWriting.write(input)
            try? pipe.fileHandleForWriting.close()
        }
        p.waitUntilExit()
        guard p.terminationStatus == 0 else { throw Problem.failed(program) }
    }
}
