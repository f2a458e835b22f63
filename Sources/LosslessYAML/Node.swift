/// How a scalar was written in the source.
public enum ScalarStyle: Sendable, Hashable {
    case plain, singleQuoted, doubleQuoted, literal, folded
}

/// How a mapping or sequence was written in the source.
public enum CollectionStyle: Sendable, Hashable {
    case block, flow
}

/// A scalar's text and the way it was written.
public struct Scalar: Sendable, Hashable {
    /// The scalar's value after unquoting and folding.
    public var value: String
    public var style: ScalarStyle

    public init(value: String, style: ScalarStyle) {
        self.value = value
        self.style = style
    }
}

/// One key and its value in a mapping.
public struct Pair: Sendable, Hashable {
    public var key: Node
    public var value: Node

    public init(key: Node, value: Node) {
        self.key = key
        self.value = value
    }
}

/// What a node holds.
public enum NodeContent: Sendable, Hashable {
    case scalar(Scalar)
    case mapping([Pair])
    case sequence([Node])
    /// A reference to an anchored node, by anchor name.
    case alias(String)
}

/// A node of the lossless tree: its content, tag, anchor, style and exact place in the source.
public struct Node: Sendable, Hashable {
    public var content: NodeContent
    /// The node's explicit tag as libyaml resolved it (e.g. `tag:yaml.org,2002:str`), nil when untagged.
    public var tag: String?
    public var anchor: String?
    /// Block or flow for collections; nil for scalars and aliases.
    public var collectionStyle: CollectionStyle?
    /// Where the node stands: from its first byte (anchor and tag included) to the end of its last content byte.
    public var range: SourceRange
    /// Nothing: a private stored property keeps the memberwise initializer to this file, for `init` to call.
    private var memberwise = Memberwise()

    /// Holds nothing, equals itself.
    private struct Memberwise: Sendable, Hashable {}

    /// The scalar, when this node is one.
    public var scalar: Scalar? {
        if case .scalar(let s) = content { return s }
        return nil
    }

    /// The pairs, when this node is a mapping.
    public var pairs: [Pair]? {
        if case .mapping(let p) = content { return p }
        return nil
    }

    /// The items, when this node is a sequence.
    public var items: [Node]? {
        if case .sequence(let i) = content { return i }
        return nil
    }

    /// True for a null scalar: empty plain, `~` or `null` in any of YAML's spellings, and not tagged as a string.
    public var isNull: Bool {
        guard let s = scalar, tag == nil || tag == "tag:yaml.org,2002:null" else { return false }
        return s.style == .plain && ScalarResolver.isNull(s.value)
    }

    /// The pair whose key is the plain string `key`; the last one when the key is duplicated.
    public func pair(_ key: String) -> Pair? {
        guard let pairs else { return nil }
        return pairs.last { $0.key.scalar?.value == key }
    }

    /// The value under the string key `key`, when this node is a mapping that has it.
    public subscript(key: String) -> Node? { pair(key)?.value }
}

extension Node {
    // Delegates to the memberwise initializer: one that assigns the fields itself makes Swift copy every new
    // node once more (and free the original), which parsing does for every node.
    public init(
        content: NodeContent, tag: String? = nil, anchor: String? = nil,
        collectionStyle: CollectionStyle? = nil, range: SourceRange
    ) {
        self.init(
            content: content, tag: tag, anchor: anchor, collectionStyle: collectionStyle, range: range,
            memberwise: Memberwise())
    }
}
