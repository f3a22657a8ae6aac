import Foundation

/// Work spread over the machine's cores, or kept to one: the check that runs beside her (`Cores.one`
/// set for its thread) leaves the other core to the desk she is typing in.
public enum Cores {
    @TaskLocal public static var one = false

    /// `body` for each of `iterations`, on every core (or, with `one`, in turn on this thread).
    static func perform(_ iterations: Int, _ body: @Sendable (Int) -> Void) {
        if one {
            for i in 0..<iterations { body(i) }
        } else {
            DispatchQueue.concurrentPerform(iterations: iterations, execute: body)
        }
    }
}
