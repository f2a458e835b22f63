import Dispatch
import Foundation

/// Maps over items on every core, keeping the results in input order (many small files in a pre-commit run).
enum ParallelMap {
    static func map<T, R>(_ items: [T], _ transform: (T) -> R) -> [R] {
        guard items.count > 1 else { return items.map(transform) }
        let results = ResultSlots<R>(count: items.count)
        withoutActuallyEscaping(transform) { transform in
            let work = UncheckedBox((items, transform))
            DispatchQueue.concurrentPerform(iterations: items.count) { index in
                results.set(index, work.value.1(work.value.0[index]))
            }
        }
        return results.values()
    }
}

/// Slots written once each from several threads, under a lock.
private final class ResultSlots<R>: @unchecked Sendable {
    private var slots: [R?]
    private let lock = NSLock()

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ value: R) {
        lock.lock()
        slots[index] = value
        lock.unlock()
    }

    func values() -> [R] { slots.compactMap { $0 } }
}

/// Carries a closure into `concurrentPerform`; the closures given here only read shared state.
private struct UncheckedBox<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}
