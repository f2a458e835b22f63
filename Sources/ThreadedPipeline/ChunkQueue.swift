import Foundation

/// Chunks handed out in order, each turned into its batch of elements by whichever thread takes it: making
/// the elements then runs on every worker, not on one thread ahead of them.
public final class ChunkQueue<Chunk: Sendable, Element: Sendable, Failure: Error>: BatchSource,
    @unchecked Sendable
{
    public let chunks: [Chunk]
    @usableFromInline let read: @Sendable (Chunk) throws(Failure) -> [Element]
    // `taken` is read and written only with `lock` locked.
    @usableFromInline let lock = NSLock()
    @usableFromInline var taken = 0

    /// `read` makes a chunk's elements, on the thread that takes it.
    @inlinable public init(_ chunks: [Chunk], read: @escaping @Sendable (Chunk) throws(Failure) -> [Element]) {
        self.chunks = chunks
        self.read = read
    }

    @inlinable public func next() throws(BatchFailure<Failure>) -> (Int, [Element])? {
        lock.lock()
        let index = taken
        if index < chunks.count { taken += 1 }
        lock.unlock()
        guard chunks.indices.contains(index) else { return nil }
        do throws(Failure) {
            return (index, try read(chunks[index]))
        } catch {
            throw BatchFailure(index: index, error: error)
        }
    }

    @inlinable public var handedOut: Int {
        lock.lock()
        defer { lock.unlock() }
        return taken
    }
}
