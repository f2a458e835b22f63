/// Why the emitter could not write a document.
public struct EmitterError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The kinds of failure.
    public enum Kind: Sendable, Equatable {
        /// libyaml refused an event (its own problem text is in `message`).
        case libyaml
        /// libyaml could not allocate memory.
        case memory
        /// Collections nest deeper than `Limits.maxDepth`.
        case tooDeep
        /// A scalar is longer than libyaml can take (2 GiB).
        case scalarTooLong
    }

    /// The kind of failure.
    public var kind: Kind
    /// One sentence saying what went wrong.
    public var message: String

    /// An error of `kind` described by `message`.
    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    /// The message.
    public var description: String { message }
}
