import Foundation

/// How wide mlterm draws a run of Devanagari, in pixels. mlterm (3.9, shaping on) draws Indic
/// text (U+0900–0D7F, its "variable width" characters) at the font's own advances, not in whole
/// cells: it shapes the run with HarfBuzz on the FreeType face at the font's pixel size and
/// advances each glyph by its advance in whole pixels (vtemu/vt_shape.c, uitoolkit/libotl/hb.c).
/// Everything after such a run on the line is drawn that much further on: "थाने की कतार" takes 8
/// cells (80 px) but is drawn 91 px wide, so text after it sits about a cell right of its column.
/// Measured in mlterm (a bar printed after each word): साइबर 39 px, अपराध 42, विजय 34, नगर 25,
/// निरीक्षक 47, अधिकारी 53; HarfBuzz's advances rounded glyph by glyph give the same for 15 of 16
/// words tried, and 1 px short for सहायक (45).
///
/// The same shaping here gives the same widths: HarfBuzz (libharfbuzz.so.0, which mlterm itself
/// needs, opened at run time so the desk does not link it) with the font the thana set-up maps
/// U+0900–097F to (Noto Sans Devanagari) at its pixel size. Bold text advances as regular text in
/// mlterm (measured: "आयु|" puts the bar at 25 px either way), so one font serves. Nil when the
/// library or the font is missing: then nothing is realigned.
final class ShapedAdvances {
    /// The thana set-up's font size (mlterm's `fontsize`, pixels), which `terminal-setup` writes.
    static let fontPixels = 16
    /// The width of a cell at that size (Noto Sans Mono's advance, 0.6 em, rounded up by mlterm).
    static let cellPixels = 10
    static let fontFile = "/usr/share/fonts/truetype/noto/NotoSansDevanagari-Regular.ttf"

    private typealias BlobFromFile = @convention(c) (UnsafePointer<CChar>) -> OpaquePointer?
    private typealias FaceCreate = @convention(c) (OpaquePointer?, UInt32) -> OpaquePointer?
    private typealias FontCreate = @convention(c) (OpaquePointer?) -> OpaquePointer?
    private typealias SetScale = @convention(c) (OpaquePointer?, Int32, Int32) -> Void
    private typealias BufferCreate = @convention(c) () -> OpaquePointer?
    private typealias BufferOp = @convention(c) (OpaquePointer?) -> Void
    private typealias AddUTF8 = @convention(c) (OpaquePointer?, UnsafePointer<CChar>, Int32, UInt32, Int32) -> Void
    private typealias Shape = @convention(c) (OpaquePointer?, OpaquePointer?, UnsafeRawPointer?, UInt32) -> Void
    private typealias Positions = @convention(c) (OpaquePointer?, UnsafeMutablePointer<UInt32>) -> UnsafeMutablePointer<Int32>?

    private let addUTF8: AddUTF8
    private let guess: BufferOp
    private let clear: BufferOp
    private let shape: Shape
    private let positions: Positions
    private let buffer: OpaquePointer
    private let font: OpaquePointer
    /// Widths already worked out (a screen's words recur frame after frame).
    private var known: [String: Int] = [:]

    /// The shaper, or nil without HarfBuzz or the font.
    init?(fontFile: String = ShapedAdvances.fontFile, pixels: Int = ShapedAdvances.fontPixels) {
        guard FileManager.default.fileExists(atPath: fontFile),
              let lib = dlopen("libharfbuzz.so.0", RTLD_NOW | RTLD_LOCAL) else { return nil }
        func fn<T>(_ name: String, _: T.Type) -> T? {
            dlsym(lib, name).map { unsafeBitCast($0, to: T.self) }
        }
        guard let blobFromFile = fn("hb_blob_create_from_file", BlobFromFile.self),
              let faceCreate = fn("hb_face_create", FaceCreate.self),
              let fontCreate = fn("hb_font_create", FontCreate.self),
              let setScale = fn("hb_font_set_scale", SetScale.self),
              let bufferCreate = fn("hb_buffer_create", BufferCreate.self),
              let addUTF8 = fn("hb_buffer_add_utf8", AddUTF8.self),
              let guess = fn("hb_buffer_guess_segment_properties", BufferOp.self),
              let clear = fn("hb_buffer_clear_contents", BufferOp.self),
              let shape = fn("hb_shape", Shape.self),
              let positions = fn("hb_buffer_get_glyph_positions", Positions.self),
              let buffer = bufferCreate() else { return nil }
        guard let blob = blobFromFile(fontFile), let face = faceCreate(blob, 0), let font = fontCreate(face) else { return nil }
        setScale(font, Int32(pixels * 64), Int32(pixels * 64))
        self.font = font
        self.addUTF8 = addUTF8
        self.guess = guess
        self.clear = clear
        self.shape = shape
        self.positions = positions
        self.buffer = buffer
    }

    /// The pixels mlterm advances for a run of Devanagari (shaped as one).
    func pixels(_ run: String) -> Int {
        if let w = known[run] { return w }
        clear(buffer)
        run.withCString { addUTF8(buffer, $0, -1, 0, -1) }
        guess(buffer)
        shape(font, buffer, nil, 0)
        var count: UInt32 = 0
        var width = 0
        if let p = positions(buffer, &count) {
            // hb_glyph_position_t: x_advance, y_advance, x_offset, y_offset, var (5 x 32 bits);
            // each glyph's advance in whole pixels, rounded as FreeType's hinted advances are.
            for i in 0..<Int(count) { width += (Int(p[i * 5]) + 32) >> 6 }
        }
        if known.count > 4_096 { known = [:] }
        known[run] = width
        return width
    }
}
