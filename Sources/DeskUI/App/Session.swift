import DeskModel
import Foundation

/// Who is signed in, and the store as her key opened it. The checks themselves (the name's
/// lockout, her secret, her own copy of the key, the audit line) are the model's `SignIn`, the
/// same for the desk and every command; the session only holds what a sign-in gave.
public struct Session: Sendable {
    /// The store: with the data key open while she is signed in (an encrypted store), else locked.
    public private(set) var store: CaseStore
    public private(set) var user: User?
    /// The audit log was found cut short of its sealed head at the last sign-in (it is recorded).
    public private(set) var auditCutAtSignIn = false

    public init(store: CaseStore) {
        self.store = store
    }

    /// Signs her in through the one sign-in path: in an encrypted store her own copy of the data
    /// key is unwrapped (never a key left open by someone before her).
    public mutating func signIn(name: String, pin: String, now: Date) -> SignIn.Outcome {
        let result = SignIn.attempt(store, name: name, secret: pin, now: now, via: "desk")
        guard case .accepted(let user) = result.outcome, let opened = result.store else { return result.outcome }
        auditCutAtSignIn = result.auditCut
        store = opened
        self.user = user
        return result.outcome
    }

    /// A session a command already opened through the same `SignIn` (the command line signs in
    /// before it makes anything): its store with the key, and who she is.
    public init(signedIn user: User, store: CaseStore) {
        self.store = store
        self.user = user
    }

    /// Her entry in the directory changed (her own PIN set).
    mutating func update(_ user: User) { self.user = user }

    /// The idle lock: she stays the one who may come back; the key leaves memory.
    mutating func lock() { store = store.locked() }

    /// Logout, quit: nobody is signed in, and the key leaves memory.
    mutating func end() {
        user = nil
        lock()
    }
}
