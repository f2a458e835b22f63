/// Bounds that keep hostile input from exhausting time, stack or memory.
public struct Limits: Sendable {
    /// Deepest nesting of collections accepted.
    public var maxDepth: Int
    /// Most nodes an alias expansion may produce when a tree is turned into plain values.
    public var maxAliasExpansion: Int
    /// Largest input accepted, in bytes.
    public var maxInputBytes: Int

    public init(maxDepth: Int = 1_000, maxAliasExpansion: Int = 100_000, maxInputBytes: Int = 1 << 30) {
        self.maxDepth = maxDepth
        self.maxAliasExpansion = maxAliasExpansion
        self.maxInputBytes = maxInputBytes
    }

    public static let `default` = Limits()
}
