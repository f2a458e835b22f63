import LosslessYAML

/// Like `ValueConverter`, but a plain scalar that YAML 1.1 reads as a float or a timestamp becomes a marked
/// string (`"\0float:1.0"`), so that a string written plain where a reader sees a number is caught.
struct StrictValue {
    /// The document the nodes belong to (for aliases).
    let document: Document
    /// The same bounds as `ValueConverter`'s.
    let limits = Limits.default

    /// The marker in front of a plain scalar read as a float or timestamp (no YAML scalar holds a raw NUL).
    static let floatMarker = "\u{0}float:"
    /// The marker in front of a plain scalar read as a timestamp.
    static let timestampMarker = "\u{0}timestamp:"

    /// The value of `node`, aliases expanded within the limit.
    func value(of node: Node) throws(YAMLError) -> YAMLValue {
        var budget = limits.maxAliasExpansion
        return try convert(node, depth: 0, budget: &budget)
    }

    /// A leaf's value (scalar or alias, expanded).
    func leaf(_ node: Node, budget: inout Int) throws(YAMLError) -> YAMLValue {
        try convert(node, depth: 0, budget: &budget)
    }

    /// The key of a pair as `ValueConverter` reads it.
    func key(_ pair: Pair) -> String {
        document.resolve(pair.key).scalar?.value ?? ""
    }

    /// One node, recursively.
    private func convert(_ node: Node, depth: Int, budget: inout Int) throws(YAMLError) -> YAMLValue {
        budget -= 1
        guard budget >= 0 else { throw YAMLError("alias expansion budget exceeded", at: node.range.start) }
        guard depth <= limits.maxDepth else { throw YAMLError("too deep", at: node.range.start) }
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
            case .float: return .string(Self.floatMarker + s.value)
            case .timestamp: return .string(Self.timestampMarker + s.value)
            case .string: return .string(s.value)
            }
        case .sequence(let items):
            var out: [YAMLValue] = []
            for item in items { out.append(try convert(item, depth: depth + 1, budget: &budget)) }
            return .sequence(out)
        case .mapping(let pairs):
            var out: [YAMLValue.Entry] = []
            for pair in pairs {
                out.append(.init(key(pair), try convert(pair.value, depth: depth + 1, budget: &budget)))
            }
            return .mapping(out)
        }
    }

    /// The value with the markers taken off: what `ValueConverter` gives.
    static func unmarked(_ value: YAMLValue) -> YAMLValue {
        switch value {
        case .string(let s):
            for marker in [floatMarker, timestampMarker] where s.hasPrefix(marker) {
                return .string(String(s.dropFirst(marker.count)))
            }
            return value
        case .sequence(let items): return .sequence(items.map(unmarked))
        case .mapping(let entries): return .mapping(entries.map { .init($0.key, unmarked($0.value)) })
        default: return value
        }
    }
}
