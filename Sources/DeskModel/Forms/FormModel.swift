/// A form as the one form screen edits it: its fields in order, one text per field, the field she
/// was at. The intake and the entry forms (session, questionnaire, plan step, prosecution) are one;
/// a new entry form is a new `EntryKind` (see EntryForm), not a new conformance.
public protocol FormModel: Sendable {
    associatedtype Field: Hashable & Sendable
    /// The fields shown now, in order (some come and go with a choice: the SHG group of a linkage).
    var shownFields: [Field] { get }
    func kind(of field: Field) -> FieldKind
    func isRequired(_ field: Field) -> Bool
    subscript(field: Field) -> String { get set }
    /// Where she was, kept with a draft.
    var lastField: Field? { get set }
    /// True when the text has characters the field never takes (letters in a phone number).
    func hasForeignCharacters(_ field: Field) -> Bool
}

extension IntakeForm: FormModel {
    public var shownFields: [IntakeField] { IntakeField.allCases }
    public func kind(of field: IntakeField) -> FieldKind { field.kind }
    public func isRequired(_ field: IntakeField) -> Bool { field.isRequired }
}

extension EntryForm: FormModel {
    public var shownFields: [String] { fields.map(\.key) }
    public func kind(of field: String) -> FieldKind { self.field(field)?.kind ?? .text(maxLength: 0) }
    public func isRequired(_ field: String) -> Bool { self.field(field)?.required ?? false }
}
