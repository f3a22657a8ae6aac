import Foundation

/// The one key table: every binding of key to action, per context. The bottom bar and the help
/// screen are generated from it, so they cannot drift from what the keys do.
public struct Keymap: Sendable {
    public struct Binding: Codable, Sendable, Equatable {
        public var action: Action
        public var keys: [String]
        public var contexts: [KeyContext]
        /// Shown in the bottom bar of those contexts.
        public var bar: Bool

        public init(action: Action, keys: [String], contexts: [KeyContext], bar: Bool) {
            self.action = action
            self.keys = keys
            self.contexts = contexts
            self.bar = bar
        }
    }

    public enum LoadError: Error, Equatable {
        case unreadable(String)
        case unknownKey(String)
        case clash(key: String, context: KeyContext)
    }

    public let bindings: [Binding]
    private let table: [KeyContext: [Key: Action]]

    public init(bindings: [Binding]) throws {
        var table: [KeyContext: [Key: Action]] = [:]
        for b in bindings {
            for name in b.keys {
                guard let key = Key(name: name) else { throw LoadError.unknownKey(name) }
                for ctx in b.contexts {
                    if let existing = table[ctx]?[key], existing != b.action { throw LoadError.clash(key: name, context: ctx) }
                    table[ctx, default: [:]][key] = b.action
                }
            }
        }
        self.bindings = bindings
        self.table = table
    }

    public init(json: Data) throws {
        do {
            try self.init(bindings: JSONDecoder().decode([Binding].self, from: json))
        } catch let e as LoadError {
            throw e
        } catch {
            throw LoadError.unreadable(String(describing: error))
        }
    }

    /// The action of a key in the given contexts, searched in order, then `global`.
    public func action(for key: Key, in contexts: [KeyContext]) -> Action? {
        for ctx in contexts + [.global] {
            if let a = table[ctx]?[key] { return a }
        }
        return nil
    }

    /// (key names, action) for the bar of a screen, its own context first.
    public func barItems(for contexts: [KeyContext]) -> [(keys: String, action: Action, context: KeyContext)] {
        // Help first, so that the way to every other key is always on the bar.
        var seen: Set<Action> = [.help]
        var out: [(String, Action, KeyContext)] = bindings.first { $0.action == .help }
            .map { [(Key(name: $0.keys[0])?.name ?? $0.keys[0], Action.help, KeyContext.global)] } ?? []
        var usedKeys: Set<Key> = Set(bindings.first { $0.action == .help }?.keys.compactMap(Key.init(name:)) ?? [])
        for ctx in contexts + [.global] {
            for b in bindings where b.bar && b.contexts.contains(ctx) && !seen.contains(b.action) {
                // A key already taken by a more specific context does not do this here.
                guard let key = Key(name: b.keys[0]), !usedKeys.contains(key) else { continue }
                seen.insert(b.action)
                usedKeys.insert(key)
                out.append((key.name, b.action, ctx))
            }
        }
        return out
    }

    /// Every binding of a context, keys written as the bar writes them, leaving out keys that a
    /// more specific context (`shadowedBy`) takes for itself.
    public func helpItems(for context: KeyContext, shadowedBy earlier: [KeyContext] = []) -> [(keys: String, action: Action)] {
        bindings.filter { $0.contexts.contains(context) }.compactMap { b in
            let keys = b.keys.compactMap(Key.init(name:)).filter { key in
                !earlier.contains { table[$0]?[key] != nil }
            }
            return keys.isEmpty ? nil : (keys.map(\.name).joined(separator: " "), b.action)
        }
    }
}
