import Foundation
import LosslessYAML

/// Parses a stream on a thread of its own, running ahead of the consumer by a bounded number of documents,
/// so that reading the next documents overlaps with injecting into this one. Documents travel in batches:
/// a hand-over per document would cost more in thread wake-ups than small documents cost to read.
final class DocumentsAhead: ThreadedStage, BatchInput, @unchecked Sendable {
    // Every stored property is read and written only with `condition` locked.
    private var buffer: [[Document]] = []
    private var head = 0
    private var finished = false
    private var failure: YAMLError?
    /// How many documents `next` handed out.
    private var taken = 0
    private let lookahead: Int

    /// Starts parsing `source` at once.
    init(_ source: [UInt8], parser: Parser, filter: DocumentFilter?, lookahead: Int = 2, batch: Int = 16) {
        self.lookahead = max(1, lookahead)
        let batchSize = max(1, batch)
        super.init()
        Self.spawn { [self] in
            var failed: YAMLError?
            var batch: [Document] = []
            do throws(YAMLError) {
                try parser.forEachDocument(in: source, filter: filter) { document in
                    batch.append(document)
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

    /// Hands every document to `body` in order; throws the parse error after the documents before it.
    func forEach(_ body: (Document) -> Void) throws(YAMLError) {
        do throws(BatchFailure) {
            while let (_, batch) = try next() { batch.forEach(body) }
        } catch {
            throw error.error
        }
    }

    /// How many batches `next` handed out (all of them, once it returned nil or threw).
    var handedOut: Int {
        condition.lock()
        defer { condition.unlock() }
        return taken
    }

    /// The next batch of documents and its index, nil at the end; safe to call from any thread.
    func next() throws(BatchFailure) -> (Int, [Document])? {
        condition.lock()
        defer { condition.unlock() }
        while head == buffer.count, !finished { condition.wait() }
        if head < buffer.count {
            let document = buffer[head]
            // The slot lets go of its documents at once: the consumer may never catch up with the producer
            // to empty the buffer.
            buffer[head] = []
            head += 1
            taken += 1
            if head == buffer.count || head >= 64 {
                buffer.removeFirst(head)
                head = 0
            }
            condition.broadcast()
            return (taken - 1, document)
        }
        if let failure { throw BatchFailure(index: taken, error: failure) }
        return nil
    }

    private func put(_ document: [Document]) {
        condition.lock()
        defer { condition.unlock() }
        while buffer.count - head >= lookahead, !cancelled { condition.wait() }
        // Once nobody consumes, the rest of the stream is parsed for nothing; keep nothing of it.
        guard !cancelled else { return }
        buffer.append(document)
        condition.broadcast()
    }
}
