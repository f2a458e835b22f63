/// Folds a node bottom-up into a value of the caller's kind, resolving aliases with a bound on how far they
/// may expand (an alias bomb fails fast) and on nesting depth.
public struct TreeFolder<Value> {
    public let document: Document
    public let limits: Limits
    private let scalar: (Scalar, Node) -> Value
    private let sequence: ([Value]) -> Value
    private let mapping: ([(key: String, value: Value)]) -> Value

    public init(
        document: Document, limits: Limits = .default, scalar: @escaping (Scalar, Node) -> Value,
        sequence: @escaping ([Value]) -> Value, mapping: @escaping ([(key: String, value: Value)]) -> Value
    ) {
        self.document = document
        self.limits = limits
        self.scalar = scalar
        self.sequence = sequence
        self.mapping = mapping
    }

    /// The value of `node`.
    public func fold(_ node: Node) throws(YAMLError) -> Value {
        var budget = limits.maxAliasExpansion
        return try fold(node, depth: 0, budget: &budget)
    }

    private func fold(_ node: Node, depth: Int, budget: inout Int) throws(YAMLError) -> Value {
        budget -= 1
        guard budget >= 0 else {
            throw YAMLError(
                "aliases expand to more than \(limits.maxAliasExpansion) nodes (an alias bomb?)", at: node.range.start)
        }
        guard depth <= limits.maxDepth else {
            throw YAMLError("nesting is deeper than the limit of \(limits.maxDepth) levels", at: node.range.start)
        }
        switch node.content {
        case .alias:
            let target = document.resolve(node)
            guard target.range != node.range else { throw YAMLError("unresolved alias", at: node.range.start) }
            return try fold(target, depth: depth + 1, budget: &budget)
        case .scalar(let s):
            return scalar(s, node)
        case .sequence(let items):
            var values: [Value] = []
            values.reserveCapacity(items.count)
            for item in items { values.append(try fold(item, depth: depth + 1, budget: &budget)) }
            return sequence(values)
        case .mapping(let pairs):
            var entries: [(key: String, value: Value)] = []
            entries.reserveCapacity(pairs.count)
            for pair in pairs {
                let key = document.resolve(pair.key).scalar?.value ?? ""
                entries.append((key, try fold(pair.value, depth: depth + 1, budget: &budget)))
            }
            return mapping(entries)
        }
    }
}
