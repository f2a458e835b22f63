import Foundation

/// A value computed on a thread of its own while the caller does something else.
public final class BackgroundValue<Value: Sendable>: @unchecked Sendable {
    private let condition = NSCondition()
    /// Set once, by the thread; read and written only with `condition` locked.
    private var result: Value?

    /// Starts computing at once.
    public init(_ work: @escaping @Sendable () -> Value) {
        ThreadedStage.spawn { [self] in
            let value = work()
            condition.lock()
            result = value
            condition.broadcast()
            condition.unlock()
        }
    }

    /// The value, once the thread has it.
    public var value: Value {
        condition.lock()
        defer { condition.unlock() }
        while true {
            if let result { return result }
            condition.wait()
        }
    }
}
