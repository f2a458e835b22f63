import LosslessYAML

/// A workload's declared namespace read from its `metadata` node alone, while the document is still being
/// parsed (no `Document` yet, so no alias can be followed).
enum WorkloadNamespace {
    /// `metadata.namespace` as `WorkloadWalker` reads it ("" when absent or null), or nil when this reading
    /// cannot say: an alias, or a value the walker would refuse (then the whole document is read).
    static func declared(in metadata: Node) -> String? {
        if metadata.isNull { return "" }
        guard metadata.pairs != nil else { return nil }
        guard let value = metadata["namespace"] else { return "" }
        if value.isNull { return "" }
        guard let scalar = value.scalar else { return nil }
        // A plain, untagged scalar that reads as a number or a boolean is no string (`ObjectView.stringValue`).
        if scalar.style == .plain, value.tag == nil, ScalarResolver.resolve(scalar.value) != .string { return nil }
        return scalar.value
    }
}
