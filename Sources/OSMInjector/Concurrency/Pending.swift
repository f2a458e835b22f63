import Foundation

/// A value worked out on a thread of its own while the caller does something else.
final class Pending<Value: Sendable>: @unchecked Sendable {
    // Both stored properties are read and written only with `condition` locked.
    private let condition = NSCondition()
    private var result: Value?
    private var done = false

    init(_ work: @escaping @Sendable () -> Value) {
        ThreadedStage.spawn { [self] in
            let value = work()
            condition.lock()
            result = value
            done = true
            condition.broadcast()
            condition.unlock()
        }
    }

    /// The value, once the thread has it.
    var value: Value? {
        condition.lock()
        defer { condition.unlock() }
        while !done { condition.wait() }
        return result
    }
}
