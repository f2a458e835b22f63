/// An annotation value that OSM v1.2.4 rejects; `message` is OSM's exact error text.
public struct AnnotationError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The annotation key, e.g. `openservicemesh.io/sidecar-injection`.
    public let key: String
    /// The annotation value exactly as found.
    public let value: String
    /// OSM's exact error text.
    public let message: String

    /// Creates an error for `key` and `value` with OSM's `message`.
    public init(key: String, value: String, message: String) {
        self.key = key
        self.value = value
        self.message = message
    }

    /// The error text, identical to `message`.
    public var description: String { message }
}
