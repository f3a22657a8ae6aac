/// The key of a user-facing text in Resources/strings/{en,hi}.json, checked by the compiler: every
/// key is a member of `StringKey` (generated into StringKeys.swift by `scripts/string-keys`), so
/// `ctx.t(.intake_datePlaceholder)` compiles and a mistyped key does not.
/// A key made at run time ("choice.\(list).\(code)") goes through `.dynamic(…)`, the one way
/// around the check (grep for it); the strings test checks the lists such keys come from.
public struct StringKey: Hashable, Sendable, CustomStringConvertible {
    /// The key as written in the JSON files.
    public let raw: String

    /// Only `dynamic` makes a key from a string (the generated members go through it).
    private init(raw: String) { self.raw = raw }

    /// A key built at run time, not checked by the compiler: a missing one shows as the raw key.
    public static func dynamic(_ raw: String) -> StringKey { StringKey(raw: raw) }

    public var description: String { raw }
}
