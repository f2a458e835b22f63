/// A list accepted from one source, with the warnings for values OSM v1.2.4 accepts but
/// that will make `iptables-restore` fail in the `osm-init` container.
public struct ParsedList<Element: Sendable & Equatable>: Sendable, Equatable {
    /// The accepted values, in the order written.
    public let values: [Element]
    /// Human-readable warnings, in the order found, without duplicates.
    public let warnings: [String]

    /// Creates a list of `values` with `warnings` (duplicate warnings are dropped).
    public init(values: [Element], warnings: [String] = []) {
        self.values = values
        self.warnings = Deduplication.keepingFirst(warnings)
    }
}

/// Order-preserving de-duplication (first occurrence wins), like the webhook's mapset merges.
enum Deduplication {
    /// `values` without repeats, keeping each value's first position.
    static func keepingFirst<Element: Hashable>(_ values: [Element]) -> [Element] {
        var seen = Set<Element>()
        return values.filter { seen.insert($0).inserted }
    }
}
