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

    /// The action of a key in the given contexts, searched in order (each followed by its
    /// fallbacks), then `global`.
    public func action(for key: Key, in contexts: [KeyContext]) -> Action? {
        for ctx in KeyContext.searchOrder(contexts) {
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
        for ctx in KeyContext.searchOrder(contexts) {
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

    /// The keys that do `action` for a screen with these contexts (a key a more specific context
    /// takes for something else does not count).
    public func keys(for action: Action, in contexts: [KeyContext]) -> [Key] {
        let order = KeyContext.searchOrder(contexts)
        return Set(order.flatMap { table[$0].map { Array($0.keys) } ?? [] })
            .filter { self.action(for: $0, in: contexts) == action }
            .sorted { $0.name < $1.name }
    }

    /// Every binding of a context and of the shared contexts it falls back to, keys written as the
    /// bar writes them, leaving out keys that a more specific context (`shadowedBy`) takes for itself.
    public func helpItems(for context: KeyContext, shadowedBy earlier: [KeyContext] = []) -> [(keys: String, action: Action)] {
        let own = [context] + context.fallbacks
        let before = earlier.isEmpty ? [] : KeyContext.searchOrder(earlier).filter { $0 != .global || earlier.contains(.global) }
        return bindings.filter { b in own.contains { b.contexts.contains($0) } }.compactMap { b in
            let keys = b.keys.compactMap(Key.init(name:)).filter { key in
                !before.contains { table[$0]?[key] != nil }
                    // A fallback's key the context itself binds to something else is not this one.
                    && (b.contexts.contains(context) || table[context]?[key] == nil)
            }
            return keys.isEmpty ? nil : (keys.map(\.name).joined(separator: " "), b.action)
        }
    }
}
