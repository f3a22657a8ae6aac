/// A row of numbered tabs (the intake's sections, a case's parts): " 1 Name  2 Name " when the
/// names fit in `room` columns, " 1  2  3 " when not. The current tab is selected; a tab with
/// something wrong in it (`flagged`) shows as an error.
enum TabBar {
    static func draw(_ names: [String], current: Int, on s: Surface, row: Int, room: Int,
                     flagged: (Int) -> Bool = { _ in false }) {
        let named = names.enumerated().map { " \($0.offset + 1) \($0.element) " }
        let useNames = TextWidth.of(named.joined()) + 1 <= room
        var col = 1
        for i in names.indices {
            let text = useNames ? named[i] : " \(i + 1) "
            s.put(text, row: row, col: col, style: i == current ? .selected : flagged(i) ? .error : .dim)
            col += TextWidth.of(text)
        }
    }
}
