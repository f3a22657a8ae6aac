import Foundation

/// The list index in blocks (`BlockFile`): inside a station's block are ordinary `l4` lines whose
/// payload is in the clear (the block is sealed as a whole, bound to the file and its station's
/// tag). A case seen by two stations (a transfer pending) is in both blocks.
extension ListIndex {
    typealias File = BlockFile.Reader
    typealias Table = BlockFile.Table

    static func lineRanges(_ bytes: [UInt8]) -> [Range<Int>] { BlockFile.lineRanges(bytes) }

    var sealing: BlockFile.Sealing { BlockFile.Sealing(encrypted: store.meta.encrypted, sealer: store.sealer) }

    /// A block's lines in the clear: opened with the key in an encrypted store; nil if it does not open.
    func openBlock(_ file: File, _ block: Table.Block) -> [UInt8]? { sealing.open(file, block, of: url) }

    /// A line with its payload in the clear, as a block holds it.
    func plainLine(_ l: CaseListing, stamp: Stamp) -> [UInt8] {
        return Array([Self.version, l.id.uuidString, stamp.text, tags(l), Self.payload(l)].joined(separator: "\t").utf8)
    }

    /// A tail line as a block holds it: its payload opened (nil if it does not open).
    func plainLine(_ h: Head) -> [UInt8]? {
        guard store.meta.encrypted else { return Array(h.line) }
        guard let sealer = store.sealer, let data = Data(base64Encoded: Data(h.payload)),
              let plain = try? sealer.open(data, binding: Self.binding(h.id, h.stamp.text, SummaryLine.text(h.tags))) else { return nil }
        var out = Array(h.line[h.line.startIndex..<h.payload.startIndex])
        out.append(contentsOf: plain)
        return out
    }

    /// Writes the index anew as a table and one block per station (`lines` gives a station's
    /// lines in the clear), durably.
    func writeBlocks(tags: [[UInt8]], lines: ([UInt8]) -> [UInt8]) throws {
        try BlockFile.write(to: url, tags: tags, sealing: sealing, lines: lines)
    }
}
