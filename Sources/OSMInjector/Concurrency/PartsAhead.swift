import Foundation
import LosslessYAML

/// The chunks of a stream (runs of `DocumentStarts` parts), each parsed by whichever worker takes it: reading
/// the stream then runs on every core, not on one thread ahead of them.
final class PartsAhead: BatchInput, @unchecked Sendable {
    private let source: [UInt8]
    private let parser: Parser
    private let filter: DocumentFilter?
    let chunks: [DocumentStarts.Part]
    // `taken` is read and written only with `lock` locked.
    private let lock = NSLock()
    private var taken = 0

    init(_ source: [UInt8], chunks: [DocumentStarts.Part], parser: Parser, filter: DocumentFilter?) {
        self.source = source
        self.chunks = chunks
        self.parser = parser
        self.filter = filter
    }

    func next() throws(BatchFailure) -> (Int, [Document])? {
        lock.lock()
        let index = taken
        if index < chunks.count { taken += 1 }
        lock.unlock()
        guard index < chunks.count else { return nil }
        var documents: [Document] = []
        do throws(YAMLError) {
            try parser.forEachDocument(in: source, part: chunks[index], filter: filter) { documents.append($0) }
        } catch {
            throw BatchFailure(index: index, error: error)
        }
        return (index, documents)
    }

    var handedOut: Int {
        lock.lock()
        defer { lock.unlock() }
        return taken
    }
}
