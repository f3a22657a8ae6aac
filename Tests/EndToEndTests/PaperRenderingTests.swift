import DeskModel
import DeskUI
import Foundation
import XCTest

/// Issue 15: every paper, made by the real command (`urja-desk paper`), rendered by the real
/// headless chromium to an A4 PDF (127.0.0.1 only: a dead proxy and no name lookups) and by
/// ghostscript to an image: A4 pages, nothing blank. A referral letter without her consent is refused.
final class PaperRenderingTests: XCTestCase {
    var root: URL!
    var store: URL { root.appendingPathComponent("store") }
    let pins = ["asha": "1111", "kavita": "3333", "spindore": "4444"]
    var chromium = ""
    var gs = ""

    override func setUpWithError() throws {
        chromium = try ExternalProgram.require("chromium")
        gs = try ExternalProgram.require("gs")
        root = FileManager.default.temporaryDirectory.appendingPathComponent("urja-papers-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        func pin(_ p: String) throws -> PinHash { try PinHash.make(pin: p, rounds: 1000) }
        let directory = Directory(
            stations: [Station(id: "VJN", code: "IND-VJN", nameEn: "Vijay Nagar", nameHi: "विजय नगर", district: "Indore",
                               range: "Indore", deskPhone: "0731-2000101")],
            partners: [Partner(id: "wcd", nameEn: "One Stop Centre (Sakhi)", nameHi: "वन स्टॉप सेंटर (सखी)", kind: "wcd"),
                       Partner(id: "dlsa", nameEn: "District Legal Services Authority", nameHi: "ज़िला विधिक सेवा प्राधिकरण", kind: "legal")],
            users: [User(id: "asha", nameEn: "Asha Rathore", nameHi: "आशा राठौर", role: .deskOfficer, stationIDs: ["VJN"], pin: try pin("1111")),
                    User(id: "kavita", nameEn: "Kavita Joshi", nameHi: "कविता जोशी", role: .counsellor, stationIDs: ["VJN"], pin: try pin("3333")),
                    User(id: "spindore", nameEn: "SP Indore", nameHi: "पुलिस अधीक्षक इंदौर", role: .sp, stationIDs: [], pin: try pin("4444"))])
        let s = try CaseStore.create(at: store, directory: directory, clock: FixedClock(Date()))
        try s.save(herCase(1, sharing: .yes))
        try s.save(herCase(2, sharing: .no))
    }

    override func tearDown() {
        if let root { try? FileManager.default.removeItem(at: root) }
    }

    /// A synthetic woman's case: domestic violence, an FIR, a shelter referral, a session with notes.
    func herCase(_ seq: Int, sharing: Answer) -> CaseRecord {
        let today = Day(Date())
        var r = CaseRecord(number: CaseNumber(stationCode: "IND-VJN", year: today.year, sequence: seq), stationID: "VJN",
                           deskOfficerID: "asha", reportedAt: Date(), arrival: .walkIn,
                           identity: Identity(name: "सुनीता वर्मा", age: 31, phone: "9876500011", safeToCall: .yes),
                           incident: Incident(date: today, category: .domesticViolence, relation: .husband),
                           risk: RiskAssessment(answers: [:]), legal: LegalTrack(kind: .fir, number: "0412/\(today.year)"),
                           needs: ImmediateNeeds(medical: .yes), consent: Consent(services: .yes, sharing: sharing),
                           createdAt: Date(), updatedAt: Date())
        r.prosecution.firDay = today
        r.prosecution.offenceCodes = ["bns85", "bns115"]
        r.plan = [RehabStep(kind: .shelter, partnerID: "wcd", referral: .sent, referralDay: today, createdAt: Date(), createdBy: "asha")]
        r.sessions = [CounsellingSession(number: 1, day: today, mode: .inPerson, minutes: 45, counsellorID: "kavita",
                                         problem: "synthetic note", moodStart: .distressed, moodEnd: .calm,
                                         nextDay: Day(Date().addingTimeInterval(7 * 86_400)), recordedAt: Date())]
        return r
    }

    func paper(_ user: String, _ args: [String]) throws -> Binary.Result {
        try Binary.run(["paper"] + args + ["--store", store.path, "--user", user], stdin: (pins[user] ?? "") + "\n")
    }

    /// The page through chromium to a PDF, its page size, and through ghostscript to an image.
    func render(_ html: String, named name: String) throws -> (pdfPages: [(Double, Double)], image: PPM) {
        let dir = root.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let page = dir.appendingPathComponent("page.html")
        try Data(html.utf8).write(to: page)
        let pdf = dir.appendingPathComponent("page.pdf")
        let made = try runProgram(chromium, PaperOutput.headlessArguments(page: page, pdf: pdf))
        XCTAssertEqual(made, 0, "chromium printed \(name)")
        let bytes = try Data(contentsOf: pdf)
        let text = String(decoding: bytes, as: UTF8.self)
        // Each page's size in points, from the PDF itself.
        let regex = try NSRegularExpression(pattern: "MediaBox \\[\\s*0 0 ([0-9.]+) ([0-9.]+)\\s*\\]")
        let boxes = regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap { m -> (Double, Double)? in
            guard let w = Range(m.range(at: 1), in: text), let h = Range(m.range(at: 2), in: text) else { return nil }
            return (Double(text[w]) ?? 0, Double(text[h]) ?? 0)
        }
        let ppm = dir.appendingPathComponent("page1.ppm")
        XCTAssertEqual(try runProgram(gs, ["-q", "-dSAFER", "-dBATCH", "-dNOPAUSE", "-sDEVICE=ppmraw", "-r40", "-dFirstPage=1",
                                           "-dLastPage=1", "-o", ppm.path, pdf.path]), 0)
        // The Hindi slip is also kept as a PNG, to be looked at (URJA_PAPER_PNG=folder).
        if let keep = ProcessInfo.processInfo.environment["URJA_PAPER_PNG"], !keep.isEmpty {
            _ = try runProgram(gs, ["-q", "-dSAFER", "-dBATCH", "-dNOPAUSE", "-sDEVICE=png16m", "-r150", "-o",
                                    keep + "/" + name + "-%d.png", pdf.path])
        }
        return (boxes, try PPM(Data(contentsOf: ppm)))
    }

    func runProgram(_ path: String, _ args: [String]) throws -> Int32 {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: path)
        p.arguments = args
        p.environment = ["PATH": "/usr/bin:/bin", "HOME": root.path]
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        try p.run()
        p.waitUntilExit()
        return p.terminationStatus
    }

    func testEveryPaperRendersAsAnA4PageWithText() throws {
        let number = "IND-VJN-\(Day(Date()).year)-0001"
        let papers: [(String, String, [String])] = [
            ("slip-hi", "asha", ["slip", number]),
            ("slip-discreet-hi", "asha", ["slip", number, "--discreet"]),
            ("slip-en", "asha", ["slip", number, "--lang", "en"]),
            ("referral-hi", "asha", ["referral", number]),
            ("dv-notice-hi", "asha", ["dv-notice", number]),
            ("relief-certificate-hi", "asha", ["relief-certificate", number]),
            ("counselling-summary-hi", "kavita", ["counselling-summary", number]),
        ]
        for (name, user, args) in papers {
            let r = try paper(user, args)
            XCTAssertEqual(r.status, 0, "\(name): \(r.stderr)")
            XCTAssertTrue(r.stdout.hasPrefix("<!DOCTYPE html>"), name)
            XCTAssertFalse(r.stdout.contains("src=") || r.stdout.contains("href="), "\(name) is self-contained")
            XCTAssertTrue(r.stdout.contains("size: A4"), name)
            let (pages, image) = try render(r.stdout, named: name)
            XCTAssertFalse(pages.isEmpty, "\(name): a PDF page")
            for (w, h) in pages {
                // A4 is 595.3 x 841.9 points.
                XCTAssertEqual(w, 595.3, accuracy: 2, name)
                XCTAssertEqual(h, 841.9, accuracy: 2, name)
            }
            XCTAssertEqual(Double(image.height) / Double(image.width), 841.9 / 595.3, accuracy: 0.01, "\(name): A4 proportions")
            // Not blank: ink on a good part of the page, and more than a rule or two.
            XCTAssertGreaterThan(image.inkFraction, 0.01, "\(name) has text (a page with one rule and nothing else: 0.004)")
            XCTAssertLessThan(image.inkFraction, 0.5, "\(name) is not a black page")
        }
        // What the slip may not carry: the offence, the FIR, the other names.
        let slip = try paper("asha", ["slip", number]).stdout
        for secret in ["0412", "BNS", "85", "Asha", "आशा", "synthetic note"] { XCTAssertFalse(slip.contains(secret), secret) }
        let discreet = try paper("asha", ["slip", number, "--discreet"]).stdout
        for word in ["सुनीता", "पुलिस", "प्रकरण", "थाना"] { XCTAssertFalse(discreet.contains(word), word) }
        // Each paper is on record, and nothing identifying was left in the store's folder or the paper folder.
        let audit = try String(contentsOf: store.appendingPathComponent("audit.log"), encoding: .utf8)
        XCTAssertEqual(audit.components(separatedBy: "\"paperPrinted\"").count - 1, papers.count + 2)
        XCTAssertFalse(audit.contains("सुनीता"))
    }

    /// Where a paper goes: a file only she can read, in memory-backed storage, gone once read;
    /// to the printer, chromium's PDF through a pipe to lp (a stand-in that keeps what it reads).
    func testAPaperLeavesNothingBehind() throws {
        let runtime = root.appendingPathComponent("runtime")
        try FileManager.default.createDirectory(at: runtime, withIntermediateDirectories: true)
        let seen = root.appendingPathComponent("seen")
        let browser = root.appendingPathComponent("browser.sh")
        try Data("#!/bin/sh\nf=\"${1#file://}\"\nstat -c '%a' \"$f\" > '\(seen.path).mode'\ncp \"$f\" '\(seen.path).html'\n".utf8).write(to: browser)
        let lp = root.appendingPathComponent("lp.sh")
        try Data("#!/bin/sh\ncat > '\(seen.path).pdf'\necho \"$@\" > '\(seen.path).args'\n".utf8).write(to: lp)
        for script in [browser, lp] { try FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: script.path) }
        let env = ["PATH": "/usr/bin:/bin", "XDG_RUNTIME_DIR": runtime.path, "URJA_BROWSER": browser.path, "URJA_LP": lp.path]
        let page = try paper("asha", ["slip", "IND-VJN-\(Day(Date()).year)-0001"]).stdout
        let folder = try PaperOutput.privateFolder(environment: env)
        XCTAssertTrue(folder.path.hasPrefix(runtime.path), folder.path)
        XCTAssertEqual((try FileManager.default.attributesOfItem(atPath: folder.path)[.posixPermissions] as? Int), 0o700)
        try PaperOutput.openInBrowser(page, environment: env, grace: 1.5)
        for _ in 0..<50 where !FileManager.default.fileExists(atPath: seen.path + ".html") { Thread.sleep(forTimeInterval: 0.1) }
        XCTAssertEqual(try String(contentsOfFile: seen.path + ".html", encoding: .utf8), page, "the browser got the page")
        XCTAssertEqual(try String(contentsOfFile: seen.path + ".mode", encoding: .utf8), "600\n")
        Thread.sleep(forTimeInterval: 2.5)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path), [], "gone once read")
        try PaperOutput.sendToPrinter(page, environment: env)
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: seen.path + ".pdf")).prefix(5), Data("%PDF-".utf8))
        XCTAssertEqual(try String(contentsOfFile: seen.path + ".args", encoding: .utf8), "-\n", "lp reads standard input")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path), [], "nothing left, chromium's profile neither")
    }

    func testNoReferralLetterWithoutHerConsentToSharing() throws {
        let number = "IND-VJN-\(Day(Date()).year)-0002"
        let refused = try paper("asha", ["referral", number])
        XCTAssertEqual(refused.status, 65)
        XCTAssertTrue(refused.stdout.isEmpty, "no page at all")
        XCTAssertTrue(refused.stderr.contains("consented to sharing"), refused.stderr)
        // Other papers of the same case are made; the counselling summary only by the counsellor; the SP prints none.
        XCTAssertEqual(try paper("asha", ["slip", number]).status, 0)
        XCTAssertEqual(try paper("asha", ["counselling-summary", number]).status, 77)
        XCTAssertEqual(try paper("spindore", ["slip", number]).status, 77)
        let summary = try paper("kavita", ["counselling-summary", number])
        XCTAssertFalse(summary.stdout.contains("synthetic note"), "no notes unless she agreed")
        XCTAssertTrue(try paper("kavita", ["counselling-summary", number, "--with-notes"]).stdout.contains("synthetic note"))
    }
}

/// A binary PPM image (ghostscript's ppmraw): its size and how much of it is ink.
struct PPM {
    let width: Int
    let height: Int
    let pixels: Data

    init(_ data: Data) throws {
        // "P6\n[# comment\n]<w> <h>\n255\n" then RGB bytes.
        var fields: [String] = []
        var i = data.startIndex
        while fields.count < 4, i < data.endIndex {
            while i < data.endIndex, data[i] == 0x20 || data[i] == 0x0A { i += 1 }
            // A comment ("# Image generated by GPL Ghostscript") runs to the end of its line.
            if i < data.endIndex, data[i] == 0x23 {
                while i < data.endIndex, data[i] != 0x0A { i += 1 }
                continue
            }
            var word = ""
            while i < data.endIndex, data[i] != 0x20, data[i] != 0x0A { word.append(Character(UnicodeScalar(data[i]))); i += 1 }
            fields.append(word)
        }
        guard fields.count == 4, fields[0] == "P6", let w = Int(fields[1]), let h = Int(fields[2]) else {
            throw CocoaError(.fileReadCorruptFile)
        }
        width = w
        height = h
        pixels = data.suffix(from: i + 1)
    }

    /// The share of pixels darker than mid-grey.
    var inkFraction: Double {
        var dark = 0
        var n = 0
        var index = pixels.startIndex
        while index + 2 < pixels.endIndex {
            let sum = Int(pixels[index]) + Int(pixels[index + 1]) + Int(pixels[index + 2])
            if sum < 3 * 128 { dark += 1 }
            n += 1
            index += 3
        }
        return n == 0 ? 0 : Double(dark) / Double(n)
    }
}
