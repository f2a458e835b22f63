/// Turns a tree node into a plain `YAMLValue`, resolving aliases with a bound on how much they may expand.
public struct ValueConverter: Sendable {
    public let document: Document
    public let limits: Limits

    public init(document: Document, limits: Limits = .default) {
        self.document = document
        self.limits = limits
    }

    /// The value of `node`; plain scalars are typed by YAML 1.1 rules (ints and booleans), others stay strings.
    public func value(of node: Node) throws(YAMLError) -> YAMLValue {
        var budget = limits.maxAliasExpansion
        return try convert(node, depth: 0, budget: &budget)
    }

    private func convert(_ node: Node, depth: Int, budget: inout Int) throws(YAMLError) -> YAMLValue {
        budget -= 1
        guard budget >= 0 else {
            throw YAMLError("aliases expand to more than \(limits.maxAliasExpansion) nodes (an alias bomb?)", at: node.range.start)
        }
        guard depth <= limits.maxDepth else {
            throw YAMLError("nesting is deeper than the limit of \(limits.maxDepth) levels", at: node.range.start)
        }
        switch node.content {
        case .alias:
            let target = document.resolve(node)
            guard target.range != node.range else { throw YAMLError("unresolved alias", at: node.range.start) }
            return try convert(target, depth: depth + 1, budget: &budget)
        case .scalar(let s):
            guard s.style == .plain, node.tag == nil else { return .string(s.value) }
            switch ScalarResolver.resolve(s.value) {
            case .null: return .null
            case .bool(let b): return .bool(b)
            case .int(let i): return .int(i)
            default: return .string(s.value)
            }
        case .sequence(let items):
            var out: [YAMLValue] = []
            out.reserveCapacity(items.count)
            for item in items { out.append(try convert(item, depth: depth + 1, budget: &budget)) }
            return .sequence(out)
        case .mapping(let pairs):
            var out: [YAMLValue.Entry] = []
            out.reserveCapacity(pairs.count)
            for pair in pairs {
                let key = document.resolve(pair.key).scalar?.value ?? ""
                out.append(.init(key, try convert(pair.value, depth: depth + 1, budget: &budget)))
            }
            return .mapping(out)
        }
    }
}
