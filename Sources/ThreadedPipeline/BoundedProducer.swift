import Foundation

/// Runs a producer on a thread of its own, at most `lookahead` batches ahead of the consumers, so that making
/// the next elements overlaps with consuming these. Elements travel in batches: a hand-over per element would
/// cost more in thread wake-ups than small elements cost to make.
public final class BoundedProducer<Element: Sendable, Failure: Error>: ThreadedStage, BatchSource,
    @unchecked Sendable
{
    // Every stored property is read and written only with `condition` locked.
    @usableFromInline var buffer: [[Element]] = []
    @usableFromInline var head = 0
    @usableFromInline var finished = false
    @usableFromInline var failure: Failure?
    /// How many batches `next` handed out.
    @usableFromInline var taken = 0
    @usableFromInline let lookahead: Int

    /// Starts `produce` at once; it hands each element to `emit`, in order.
    @inlinable public init(
        lookahead: Int = 2, batch: Int = 16,
        _ produce: @escaping @Sendable (_ emit: (Element) -> Void) throws(Failure) -> Void
    ) {
        self.lookahead = max(1, lookahead)
        let batchSize = max(1, batch)
        super.init()
        Self.spawn { [self] in
            var failed: Failure?
            var batch: [Element] = []
            do throws(Failure) {
                try produce { element in
                    batch.append(element)
                    if batch.count == batchSize {
                        put(batch)
                        batch.removeAll(keepingCapacity: true)
                    }
                }
            } catch {
                failed = error
            }
            if !batch.isEmpty { put(batch) }
            condition.lock()
            finished = true
            failure = failed
            condition.broadcast()
            condition.unlock()
        }
    }

    /// How many batches `next` handed out (all of them, once it returned nil or threw).
    @inlinable public var handedOut: Int {
        condition.lock()
        defer { condition.unlock() }
        return taken
    }

    /// The next batch and its index, nil at the end; safe to call from any thread.
    @inlinable public func next() throws(BatchFailure<Failure>) -> (Int, [Element])? {
        condition.lock()
        defer { condition.unlock() }
        while head == buffer.count, !finished { condition.wait() }
        if head < buffer.count {
            let elements = buffer[head]
            // The slot lets go of its elements at once: the consumer may never catch up with the producer
            // to empty the buffer.
            buffer[head] = []
            head += 1
            taken += 1
            if head == buffer.count || head >= 64 {
                buffer.removeFirst(head)
                head = 0
            }
            condition.broadcast()
            return (taken - 1, elements)
        }
        if let failure { throw BatchFailure(index: taken, error: failure) }
        return nil
    }

    @inlinable func put(_ elements: [Element]) {
        condition.lock()
        defer { condition.unlock() }
        while buffer.count - head >= lookahead, !cancelled { condition.wait() }
        // Once nobody consumes, the rest is produced for nothing; keep nothing of it.
        guard !cancelled else { return }
        buffer.append(elements)
        condition.broadcast()
    }
}
