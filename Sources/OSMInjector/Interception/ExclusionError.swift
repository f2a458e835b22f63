import LosslessYAML

/// A traffic-exclusion value that is refused: OSM v1.2.4's own error for pod annotations,
/// or the stricter MeshConfig-schema check for global lists.
public struct ExclusionError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The pod annotation key or MeshConfig field path (e.g. `spec.traffic.networkInterfaceExclusionList`).
    public let key: String
    /// The error text; OSM's exact text for pod annotations.
    public let message: String
    /// Where the refused MeshConfig list item stands, when the list was read from a file.
    public let mark: Mark?

    /// Creates an error for `key` with `message`, at `mark` when known.
    public init(key: String, message: String, at mark: Mark? = nil) {
        self.key = key
        self.message = message
        self.mark = mark
    }

    /// The error text, identical to `message`.
    public var description: String { message }
}
