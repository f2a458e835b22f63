/// A traffic-exclusion value that is refused: OSM v1.2.4's own error for pod annotations,
/// or the stricter MeshConfig-schema check for global lists.
public struct ExclusionError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The pod annotation key or MeshConfig field path (e.g. `spec.traffic.networkInterfaceExclusionList`).
    public let key: String
    /// The error text; OSM's exact text for pod annotations.
    public let message: String

    /// Creates an error for `key` with `message`.
    public init(key: String, message: String) {
        self.key = key
        self.message = message
    }

    /// The error text, identical to `message`.
    public var description: String { message }
}
