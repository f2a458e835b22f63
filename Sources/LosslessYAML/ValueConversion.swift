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
        try TreeFolder<YAMLValue>(
            document: document, limits: limits,
            scalar: { s, node in
                guard s.style == .plain, node.tag == nil else { return .string(s.value) }
                switch ScalarResolver.resolve(s.value) {
                case .null: return .null
                case .bool(let b): return .bool(b)
                case .int(let i): return .int(i)
                default: return .string(s.value)
                }
            }, sequence: { .sequence($0) },
            mapping: { entries in
                .mapping(entries.map { YAMLValue.Entry($0.key, $0.value) })
            }
        ).fold(node)
    }
}
