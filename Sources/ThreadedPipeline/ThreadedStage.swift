import Foundation

/// What the threaded stages share: one condition guarding their state, a way to stop them, and how their
/// threads start.
public class ThreadedStage: @unchecked Sendable {
    /// Guards every stored property of a stage, this class's and its subclass's.
    @usableFromInline let condition = NSCondition()
    /// Set once nobody takes what the stage makes.
    @usableFromInline var cancelled = false

    @usableFromInline init() {}

    /// Stops handing work over: threads still running finish what they hold and end, keeping nothing.
    /// (The threads hold the stage until they end, so it is never freed before; call this when done.)
    @inlinable public func cancel() {
        condition.lock()
        cancelled = true
        condition.broadcast()
        condition.unlock()
    }

    /// Runs `body` on a thread of its own.
    @usableFromInline static func spawn(_ body: @escaping @Sendable () -> Void) {
        let thread = Thread(block: body)
        // Work such as building a deep tree recurses far; a generous stack costs nothing until it is touched.
        thread.stackSize = 8 << 20
        thread.start()
    }
}
