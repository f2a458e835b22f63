import Synchronization

/// A bounded, thread-safe memo of pure text computations: the injected parts repeat for every workload.
final class RenderMemo<Key: Hashable & Sendable, Value: Sendable>: Sendable {
    private let storage = Mutex<[Key: Value]>([:])
    private let capacity: Int

    init(capacity: Int) {
        self.capacity = capacity
    }

    /// The value remembered for `key`, or `make()`'s, remembered (all is forgotten when the memo is full).
    func value(for key: Key, _ make: () -> Value) -> Value {
        if let hit = storage.withLock({ $0[key] }) { return hit }
        let made = make()
        storage.withLock { memo in
            if memo.count >= capacity { memo.removeAll(keepingCapacity: true) }
            memo[key] = made
        }
        return made
    }
}
