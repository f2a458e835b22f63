import Foundation

/// A parallel map that keeps order: maps the elements of a `BatchSource` on worker threads and hands the results
/// back in the source's order, at most `window` batches ahead of the consumer.
public final class OrderedParallelMap<Element: Sendable, Output: Sendable, Failure: Error>: ThreadedStage,
    @unchecked Sendable
{
    // Every stored property is read and written only with `condition` locked.
    @usableFromInline var results: [Int: (outputs: [Output], worker: Int)] = [:]
    /// Results handed over, waiting for the worker that made them to free them: memory goes back on the thread
    /// that took it (another thread's frees contend for the allocator's lock with the maker's allocations).
    @usableFromInline var consumed: [[[Output]]]
    /// The index of the next result `forEach` hands over.
    @usableFromInline var delivered = 0
    /// Batches taken from the source so far.
    @usableFromInline var started = 0
    /// Set once the source is exhausted or failed: how many batches it had.
    @usableFromInline var total: Int?
    @usableFromInline var failure: BatchFailure<Failure>?
    @usableFromInline let window: Int

    /// Starts `workers` threads (see `WorkerCount.perCore`) mapping `source`'s elements with `transform`.
    @inlinable public init(
        _ source: any BatchSource<Element, Failure>, workers: Int, window: Int = 3,
        _ transform: @escaping @Sendable (Element) -> Output
    ) {
        self.window = max(1, window)
        consumed = Array(repeating: [], count: max(1, workers))
        super.init()
        for worker in 0..<max(1, workers) {
            Self.spawn { [self] in work(worker, source, transform) }
        }
    }

    /// Hands every result to `body` in order; throws the source's first failure after the results of the
    /// batches before it.
    @inlinable public func forEach(_ body: (Output) -> Void) throws(BatchFailure<Failure>) {
        while true {
            condition.lock()
            while results[delivered] == nil, total.map({ delivered < $0 }) ?? true { condition.wait() }
            guard let (outputs, worker) = results.removeValue(forKey: delivered) else {
                let failure = self.failure
                condition.unlock()
                if let failure { throw failure }
                return
            }
            delivered += 1
            condition.broadcast()
            condition.unlock()
            outputs.forEach(body)
            condition.lock()
            consumed[worker].append(outputs)
            condition.unlock()
        }
    }

    @inlinable func work(
        _ worker: Int, _ source: any BatchSource<Element, Failure>,
        _ transform: @Sendable (Element) -> Output
    ) {
        while true {
            condition.lock()
            while started - delivered >= window, !cancelled, total == nil { condition.wait() }
            var garbage = consumed[worker]
            consumed[worker].removeAll()
            if cancelled || total != nil {
                condition.unlock()
                return
            }
            started += 1
            condition.unlock()
            garbage.removeAll()
            let next: (Int, [Element])?
            do throws(BatchFailure<Failure>) {
                next = try source.next()
            } catch {
                finish(count: error.index, error)
                return
            }
            guard let (index, batch) = next else {
                finish(count: source.handedOut, nil)
                return
            }
            let outputs = batch.map(transform)
            condition.lock()
            results[index] = (outputs, worker)
            condition.broadcast()
            condition.unlock()
        }
    }

    /// Records the end of the source, after `count` batches (batches made in parallel may end it more than
    /// once: the earliest end counts).
    @inlinable func finish(count: Int, _ error: BatchFailure<Failure>?) {
        condition.lock()
        if total.map({ count < $0 }) ?? true {
            total = count
            failure = error
        }
        condition.broadcast()
        condition.unlock()
    }
}

/// How many worker threads to start.
public enum WorkerCount {
    /// One worker per core, and at least two, so that one long element does not hold up the others.
    public static var perCore: Int { max(2, ProcessInfo.processInfo.activeProcessorCount) }
}
