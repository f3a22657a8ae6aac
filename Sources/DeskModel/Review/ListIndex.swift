import Foundation
import SystemPackage
#if canImport(Glibc)
import Glibc
#endif

/// The list index (`list.idx`): one line per saved case with what the lists need (`CaseListing`:
/// her name, phone and address, and the review summary), appended on every save and the last line
/// of each case winning, so that a queue opens without decoding every record.
///
/// A line is `l4 ⇥ case id ⇥ stamp ⇥ stations ⇥ payload`. The payload is the listing, sealed in an
/// encrypted store (bound to this file and the case's id). In front of it, in the clear, only what
/// the folder shows anyway: the case file's name and its stamp (inode, size, modification time:
/// a save replaces the file, so a new stamp), and a tag per station that sees the case (its own,
/// and the one it is being transferred to; keyed hashes in an encrypted store). So a desk reads and
/// opens only her stations' lines, and the check against the files needs no line opened.
///
/// The index is derived and never trusted blindly. `check` lists and stamps the case files; any
/// file whose stamp has no line (a crash between the case and its line, a file changed or damaged
/// behind the desk's back) or whose line does not open is decoded and its line made anew; lines of
/// files that are gone are dropped; a file that cannot be read is set aside. The desk draws her
/// queue from `load` and runs `check` beside it (see `CaseRepository`); `open` does both at once.
public struct ListIndex: Sendable {
    public static let fileName = "list.idx"
    public let url: URL
    let store: CaseStore

    public init(store: CaseStore) {
        self.store = store
        url = store.root.appendingPathComponent(Self.fileName)
    }

    // MARK: Lines

    static let version = "l4"
    /// The payload's own format (the listing's fields, its summary line, her name's search keys and
    /// the case number's machine letter);
    /// "l1" payloads (without the keys) still read.
    static let payloadVersion = "l3"
    static let payloadVersionWithoutKeys = "l1"

    /// Free text (her name, phone, address) with the separators escaped.
    static func escape(_ s: String) -> String {
        guard s.contains(where: { $0 == "\\" || $0 == "\t" || $0 == "\n" || $0 == "\r" }) else { return s }
        var out = ""
        for c in s {
            switch c {
            case "\\": out += "\\\\"
            case "\t": out += "\\t"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            default: out.append(c)
            }
        }
        return out
    }

    static func unescape(_ s: Substring) -> String {
        guard s.contains("\\") else { return String(s) }
        var out = ""
        var it = s.makeIterator()
        while let c = it.next() {
            guard c == "\\", let n = it.next() else { out.append(c); continue }
            switch n {
            case "t": out.append("\t")
            case "n": out.append("\n")
            case "r": out.append("\r")
            default: out.append(n)
            }
        }
        return out
    }

    static func unescape(_ b: SummaryLine.Bytes) -> String {
        b.contains(92) ? unescape(Substring(SummaryLine.text(b))) : SummaryLine.text(b)
    }

    /// The listing as the payload holds it.
    static func payload(_ l: CaseListing) -> String {
        let fields: [String] = [
            payloadVersion, escape(l.number.stationCode), String(l.number.year), String(l.number.sequence),
            escape(l.name), l.phone.map { "+" + escape($0) } ?? "", escape(l.address),
            l.openAlertRaisedAt.map { String($0.timeIntervalSince1970) } ?? "",
            // Exact (the summary keeps whole seconds): the queue orders by it.
            String(l.summary.reportedAt.timeIntervalSince1970),
            l.nameKeys.map(SummaryLine.clean).joined(separator: " "),
            // A number taken on another machine of the station carries its letter (…-0002D).
            SummaryLine.clean(escape(l.number.suffix)),
            SummaryLine.encode(l.summary),
        ]
        return fields.joined(separator: "\t")
    }

    /// Reads a payload from its bytes: the separators are ASCII, so no grapheme work on a large
    /// index (splitting lines as Characters took most of a queue's opening).
    static func decodePayload(_ bytes: ArraySlice<UInt8>) -> CaseListing? {
        var scratch = SummaryLine.Scratch(remember: false)
        return decodePayload(bytes, scratch: &scratch)
    }

    static func decodePayload(_ bytes: ArraySlice<UInt8>, scratch: inout SummaryLine.Scratch) -> CaseListing? {
        bytes.withUnsafeBufferPointer { decodePayload(borrowed: $0[...], scratch: &scratch) }
    }

    static func decodePayload(borrowed bytes: SummaryLine.Bytes) -> CaseListing? {
        var scratch = SummaryLine.Scratch(remember: false)
        return decodePayload(borrowed: bytes, scratch: &scratch)
    }

    /// `scratch`: room kept from one line to the next by a reader of many (the codes read so far).
    static func decodePayload(borrowed bytes: SummaryLine.Bytes, scratch: inout SummaryLine.Scratch) -> CaseListing? {
        let withKeys = bytes.starts(with: payloadVersion.utf8)
        let f = bytes.split(separator: 9, maxSplits: withKeys ? 11 : 9, omittingEmptySubsequences: false)
        guard f.count == (withKeys ? 12 : 10), withKeys || f[0].elementsEqual(payloadVersionWithoutKeys.utf8),
              f[0].count == 2, let year = SummaryLine.int(f[2]), let sequence = SummaryLine.int(f[3]),
              let reported = Double(SummaryLine.text(f[8])) else { return nil }
        var summary = CaseSummary.blank()
        guard SummaryLine.decode(bytes: f[f.count - 1], into: &summary, scratch: &scratch) else { return nil }
        let keys: [String]? = withKeys ? f[9].split(separator: 32).map(SummaryLine.text) : nil
        let suffix = withKeys ? SummaryLine.text(f[10]) : ""
        summary.reportedAt = Date(timeIntervalSince1970: reported)
        let alert: Date?
        if f[7].isEmpty { alert = nil } else if let t = Double(SummaryLine.text(f[7])) { alert = Date(timeIntervalSince1970: t) } else { return nil }
        let phone: String? = f[5].isEmpty ? nil : unescape(f[5].dropFirst())
        return CaseListing(number: CaseNumber(stationCode: unescape(f[1]), year: year, sequence: sequence, suffix: suffix),
                           name: unescape(f[4]), phone: phone, address: unescape(f[6]), openAlertRaisedAt: alert, summary: summary,
                           nameKeys: keys)
    }

    /// The stations that see a case in their lists: its own, and the one it is being transferred to.
    static func stations(of l: CaseListing) -> [String] {
        [l.stationID] + (l.transferTo.map { [$0] } ?? [])
    }

    /// A station's tag in the clear part of a line: its code in a plain store, a keyed hash of it
    /// in an encrypted one (which station a line is for is not readable without the key).
    func tag(_ station: String) -> String {
        guard store.meta.encrypted, let sealer = store.sealer else { return SummaryLine.clean(station) }
        return sealer.tag("list.idx station " + station)
    }

    /// The tags of the stations that see a case, as a line's clear part holds them.
    func tags(_ l: CaseListing) -> String { Self.stations(of: l).map(tag).joined(separator: ",") }

    func line(_ l: CaseListing, stamp: Stamp) -> String? {
        let plain = Self.payload(l)
        let payload: String
        let tags = tags(l)
        if store.meta.encrypted {
            guard let sealed = try? store.sealer?.seal(Data(plain.utf8), binding: Self.binding(l.id, stamp.text, tags)) else { return nil }
            payload = sealed.base64EncodedString()
        } else {
            payload = plain
        }
        return [Self.version, l.id.uuidString, stamp.text, tags, payload].joined(separator: "\t")
    }

    /// The payload is bound to its case, its file's stamp and its tags: a line of an older save put
    /// back with a newer stamp, or a tag changed, does not open (and its case's file is decoded).
    static func binding(_ id: UUID, _ stamp: String, _ tags: String) -> String {
        fileName + "/" + id.uuidString + "/" + stamp + "/" + tags
    }

    func decodePayload(_ head: Head) -> CaseListing? {
        var scratch = SummaryLine.Scratch(remember: false)
        return decodePayload(head, scratch: &scratch)
    }

    func decodePayload(_ head: Head, scratch: inout SummaryLine.Scratch) -> CaseListing? {
        let bytes = head.payload, id = head.id
        let listing: CaseListing?
        if store.meta.encrypted, !head.plain {
            guard let sealer = store.sealer, let data = Data(base64Encoded: Data(bytes)),
                  let plain = try? sealer.open(data, binding: Self.binding(id, head.stamp.text, SummaryLine.text(head.tags)))
            else { return nil }
            listing = Self.decodePayload([UInt8](plain)[...], scratch: &scratch)
        } else {
            listing = Self.decodePayload(bytes, scratch: &scratch)
        }
        // A line's payload put under another case's id is not that case's.
        return listing?.id == id ? listing : nil
    }

    /// The clear part of one line.
    struct Head {
        var id: UUID
        var stamp: Stamp
        var tags: ArraySlice<UInt8>
        var payload: ArraySlice<UInt8>
        var line: ArraySlice<UInt8>
        /// Read from a block: the payload is in the clear (the block was sealed as a whole).
        var plain = false
    }

    static func head(_ line: ArraySlice<UInt8>) -> Head? {
        // Four tabs, found by hand: a large index has a line per case, and splitting each into
        // arrays was most of reading it.
        guard let t0 = line.firstIndex(of: 9), let t1 = line[(t0 + 1)...].firstIndex(of: 9),
              let t2 = line[(t1 + 1)...].firstIndex(of: 9), let t3 = line[(t2 + 1)...].firstIndex(of: 9),
              line[line.startIndex..<t0].elementsEqual(version.utf8),
              let id = uuid(line[(t0 + 1)..<t1]), let stamp = Stamp(bytes: line[(t1 + 1)..<t2]) else { return nil }
        return Head(id: id, stamp: stamp, tags: line[(t2 + 1)..<t3], payload: line[(t3 + 1)...], line: line)
    }

    /// A UUID from its 36 characters (8-4-4-4-12 hexadecimal digits), upper or lower case.
    static func uuid<C: Collection>(_ b: C) -> UUID? where C.Element == UInt8 {
        guard b.count == 36 else { return nil }
        var raw: uuid_t = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        let ok = withUnsafeMutableBytes(of: &raw) { out -> Bool in
            var n = 0
            var k = 0
            var pending: UInt8 = 0
            var bad = false
            for c in b {
                defer { k += 1 }
                if k == 8 || k == 13 || k == 18 || k == 23 {
                    bad = bad || c != 45
                    continue
                }
                let v = hex(c)
                bad = bad || v > 15
                // Two digits per byte: the first waits in `pending`.
                if n & 1 == 0 { pending = v << 4 } else { out[n >> 1] = pending | (v & 15) }
                n += 1
            }
            return !bad && n == 32
        }
        return ok ? UUID(uuid: raw) : nil
    }

    /// A hexadecimal digit's value by its byte (either case); 255 for any other byte. Worked out,
    /// not looked up: a table's every use checks that it was made (36 times per case).
    @inline(__always) static func hex(_ c: UInt8) -> UInt8 {
        let digit = c &- 48
        if digit < 10 { return digit }
        let letter = (c | 0x20) &- 97
        return letter < 6 ? letter + 10 : 255
    }

    /// The clear parts of the whole lines in `bytes`, in order (a line that does not parse is left out).
    static func heads(_ bytes: [UInt8], plain: Bool) -> (heads: [Head], lines: Int) {
        let ranges = lineRanges(bytes)
        var out: [Head] = []
        out.reserveCapacity(ranges.count)
        for r in ranges {
            guard var h = head(bytes[r]) else { continue }
            h.plain = plain
            out.append(h)
        }
        return (out, ranges.count)
    }

    // MARK: Keeping it current

    /// Adds the line of a case just saved (its file stamped now). Not fsynced: a lost line is
    /// found and mended at the next check.
    /// Returns the case file's stamp.
    @discardableResult
    public func append(_ record: CaseRecord, stamp given: Stamp? = nil) throws -> Stamp? {
        guard let stamp = given ?? Stamp(path: store.caseURL(record.id).path), let text = line(CaseListing(record), stamp: stamp)
        else { return nil }
        IndexLines.settle()
        try StoreFS.appendLine(Data((text + "\n").utf8), to: url.path)
        return stamp
    }
}
