import Foundation
import LosslessYAML

/// Maps the documents of a `BatchInput` on worker threads and hands the results back in stream order, at most
/// `window` batches ahead of the consumer.
final class OrderedMap<Output: Sendable>: ThreadedStage, @unchecked Sendable {
    // Every stored property is read and written only with `condition` locked.
    private var results: [Int: (outputs: [Output], worker: Int)] = [:]
    /// Results handed over, waiting for the worker that made them to free them: memory goes back on the thread
    /// that took it (another thread's frees contend for the allocator's lock with the maker's allocations).
    private var consumed: [[[Output]]]
    /// The index of the next result `forEach` hands over.
    private var delivered = 0
    /// Batches taken from the input so far.
    private var started = 0
    /// Set once the input is exhausted or failed: how many batches it had.
    private var total: Int?
    private var failure: BatchFailure?
    private let window: Int

    /// One worker per core, and at least two, so that one long document does not hold up the others.
    static var defaultWorkers: Int { max(2, ProcessInfo.processInfo.activeProcessorCount) }

    init(_ input: any BatchInput, workers: Int, window: Int = 3,
         _ transform: @escaping @Sendable (Document) -> Output) {
        self.window = max(1, window)
        consumed = Array(repeating: [], count: max(1, workers))
        super.init()
        for worker in 0..<max(1, workers) {
            Self.spawn { [self] in work(worker, input, transform) }
        }
    }

    /// Hands every result to `body` in stream order; throws the input's first failure after the results of
    /// the batches before it.
    func forEach(_ body: (Output) -> Void) throws(BatchFailure) {
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

    private func work(_ worker: Int, _ input: any BatchInput, _ transform: @Sendable (Document) -> Output) {
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
            let next: (Int, [Document])?
            do throws(BatchFailure) {
                next = try input.next()
            } catch {
                finish(count: error.index, error)
                return
            }
            guard let (index, batch) = next else {
                finish(count: input.handedOut, nil)
                return
            }
            let outputs = batch.map(transform)
            condition.lock()
            results[index] = (outputs, worker)
            condition.broadcast()
            condition.unlock()
        }
    }

    /// Records the end of the input, after `count` batches (batches read in parallel may end it more than once:
    /// the earliest end counts).
    private func finish(count: Int, _ error: BatchFailure?) {
        condition.lock()
        if total.map({ count < $0 }) ?? true {
            total = count
            failure = error
        }
        condition.broadcast()
        condition.unlock()
    }
}
