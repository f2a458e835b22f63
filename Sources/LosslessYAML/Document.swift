/// One document of a stream: its tree and the bytes it owns.
public struct Document: Sendable {
    /// The document's root node.
    public var root: Node
    /// The bytes this document owns: from the end of the previous document (its separator line, comments and
    /// blank lines included) to the start of the next document's `---`. The ranges of a stream's documents
    /// tile the whole input.
    public var range: SourceRange
    /// Whether the document opens with an explicit `---`.
    public var hasExplicitStart: Bool
    /// Whether the document closes with an explicit `...`.
    public var hasExplicitEnd: Bool
    /// Its position in the stream, from zero.
    public var index: Int
    /// The anchored node each alias refers to, keyed by the alias node's start offset.
    public var aliasTargets: [Int: Node]
    /// True when a `DocumentFilter` left the document unbuilt after its `kind`: the root mapping holds only
    /// the entries up to it (the bytes are all there, as always).
    public var isPartial: Bool

    public init(
        root: Node, range: SourceRange, hasExplicitStart: Bool, hasExplicitEnd: Bool, index: Int,
        aliasTargets: [Int: Node] = [:], isPartial: Bool = false
    ) {
        self.isPartial = isPartial
        self.root = root
        self.range = range
        self.hasExplicitStart = hasExplicitStart
        self.hasExplicitEnd = hasExplicitEnd
        self.index = index
        self.aliasTargets = aliasTargets
    }

    /// The node itself, or for an alias the anchored node it refers to.
    public func resolve(_ node: Node) -> Node {
        guard case .alias = node.content else { return node }
        return aliasTargets[node.range.start.offset] ?? node
    }
}

/// A parsed stream: the source bytes and the documents that tile them.
public struct YAMLStream: Sendable {
    /// The input exactly as read.
    public let source: [UInt8]
    /// The documents, in order. Their ranges tile `source` from the first byte to the last.
    public var documents: [Document]

    public init(source: [UInt8], documents: [Document]) {
        self.source = source
        self.documents = documents
    }

    /// The bytes of a document, exactly as in the source.
    public func bytes(of document: Document) -> ArraySlice<UInt8> {
        source[document.range.bytes]
    }
}
