/// Where the workers of an `OrderedParallelMap` take batches of elements from, in order by index.
public protocol BatchSource<Element, Failure>: AnyObject, Sendable {
    associatedtype Element: Sendable
    associatedtype Failure: Error
    /// The next batch and its index, nil at the end; safe to call from any thread.
    func next() throws(BatchFailure<Failure>) -> (Int, [Element])?
    /// How many batches `next` handed out (all of them, once it returned nil).
    var handedOut: Int { get }
}

/// A batch that could not be made: its index, and why.
public struct BatchFailure<Failure: Error>: Error {
    public var index: Int
    public var error: Failure

    @inlinable public init(index: Int, error: Failure) {
        self.index = index
        self.error = error
    }
}
