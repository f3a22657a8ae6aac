import DeskModel

/// One line of a form's body: a field, what is wrong with it, a note, or a line beside a field
/// (a questionnaire's question in her other language).
enum FormLine<Field: Hashable> {
    case field(Field)
    case error(Field, ValidationError)
    case note(String, Style)
    /// Dim, in the label column.
    case aside(String)
}

/// Where a form's fields go across the screen.
struct FormColumns {
    var labelWidth: Int
    var fieldCol: Int
    var fieldWidth: Int
}

/// What differs from one form to another on the one `FormScreen`: its words, its checks, its
/// heading and notes, and what saving and leaving do. The screen does the rest the same for all:
/// field moves, option cycling, the pick list, typing, scrolling, a draft kept at every change.
/// Most requirements have a default below; a new entry form needs none of its own (EntrySpec
/// serves every `EntryKind`).
protocol FormSpec: AnyObject {
    associatedtype Form: FormModel
    typealias Field = Form.Field

    var form: Form { get set }
    /// The form's own key contexts, before the field's (`choice` or `edit`).
    var contexts: [KeyContext] { get }
    func title(_ ctx: DeskContext) -> String
    /// The field's line in the label column (with its * when required).
    func fieldLabel(_ field: Field, _ ctx: DeskContext) -> String
    /// The field's name alone, as a message names it ("Fix Age first").
    func labelWord(_ field: Field, _ ctx: DeskContext) -> String
    /// The words of an option; "not set" for the empty one.
    func choiceLabel(_ listKey: String, _ code: String, _ ctx: DeskContext) -> String
    /// The error a field shows now, if any.
    func error(for field: Field, ctx: DeskContext) -> ValidationError?
    /// Fields whose shown error is checked again when `field` is left (`moving`) or set.
    func alsoCheck(after field: Field, moving: Bool, shown: [Field]) -> [Field]
    /// The field PgDn / PgUp go to from `index`.
    func sectionJump(from index: Int, by step: Int) -> Int
    /// The pick list Enter opens on a choice field.
    func pickList(for field: Field, ctx: DeskContext) -> PickList?
    /// False when ← → must not step through the options (she is told why).
    func cycles(_ field: Field, ctx: DeskContext) -> Bool
    /// The value a key typed on a choice field answers with (y / n, a digit), if any.
    func shortcut(_ scalar: Unicode.Scalar, for field: Field) -> String?

    // Drawing
    /// Rows the heading takes (with its rule).
    var headingRows: Int { get }
    /// Draws the heading (and its rule) on the first `headingRows` rows of `area`.
    func drawHeading(on s: Surface, in area: Rect, screen: FormScreen<Self>, ctx: DeskContext)
    /// The body's lines, fields among notes and errors.
    func lines(_ screen: FormScreen<Self>, ctx: DeskContext) -> [FormLine<Field>]
    func columns(cols: Int, for field: Field?) -> FormColumns
    /// Lines kept in view below the field she is at.
    var linesAfterFocus: Int { get }
    /// A line kept on the last row whatever the scroll (PHQ-9's self-harm warning).
    func footer(_ ctx: DeskContext) -> (String, Style)?

    // Over the form: a box of its own (the intake's possible duplicates) that takes the keys first.
    var overlayContexts: [KeyContext]? { get }
    var overlayActions: Set<Action> { get }
    func handleOverlay(_ input: Input, screen: FormScreen<Self>, ctx: DeskContext) -> Transition?
    func drawOverlay(on s: Surface, in area: Rect, ctx: DeskContext)

    // Saving and leaving
    func save(_ screen: FormScreen<Self>, ctx: DeskContext) -> Transition
    /// Esc: what she is told as the form closes.
    func leave(_ screen: FormScreen<Self>, ctx: DeskContext) -> Transition
    /// True when a draft is kept at a change (not once saved, not for a correction).
    func keepsDrafts(_ screen: FormScreen<Self>) -> Bool
    func storeDraft(_ form: Form, ctx: DeskContext) throws
    /// True when leaving should keep a draft.
    func worthKeeping(_ screen: FormScreen<Self>, ctx: DeskContext) -> Bool
}

extension FormSpec {
    var contexts: [KeyContext] { [.form] }
    func alsoCheck(after field: Field, moving: Bool, shown: [Field]) -> [Field] { [] }
    func cycles(_ field: Field, ctx: DeskContext) -> Bool { true }
    func shortcut(_ scalar: Unicode.Scalar, for field: Field) -> String? { nil }
    var linesAfterFocus: Int { 1 }
    var headingRows: Int { 3 }
    func footer(_ ctx: DeskContext) -> (String, Style)? { nil }
    var overlayContexts: [KeyContext]? { nil }
    var overlayActions: Set<Action> { [] }
    func handleOverlay(_ input: Input, screen: FormScreen<Self>, ctx: DeskContext) -> Transition? { nil }
    func drawOverlay(on s: Surface, in area: Rect, ctx: DeskContext) {}

    /// The options of a choice field, the empty one first where it is allowed.
    func options(_ field: Field) -> (listKey: String, codes: [String])? {
        guard case .choice(let key, let options, let empty) = form.kind(of: field) else { return nil }
        return (key, (empty ? [""] : []) + options)
    }

    func pickList(for field: Field, ctx: DeskContext) -> PickList? {
        guard let (key, codes) = options(field) else { return nil }
        return PickList(options: codes, labels: codes.map { choiceLabel(key, $0, ctx) }, current: form[field])
    }
}
