import LosslessYAML

/// Where the streaming run's workers take batches of documents from, in stream order by index.
protocol BatchInput: AnyObject, Sendable {
    /// The next batch and its index, nil at the end; safe to call from any thread.
    func next() throws(BatchFailure) -> (Int, [Document])?
    /// How many batches `next` handed out (all of them, once it returned nil).
    var handedOut: Int { get }
}

/// A batch that could not be read: its index, and what the parser said.
struct BatchFailure: Error {
    var index: Int
    var error: YAMLError
}
