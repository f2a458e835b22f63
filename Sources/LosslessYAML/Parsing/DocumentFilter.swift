/// Says, at a document's `kind`, whether the rest of it needs a tree: streams are mostly objects nobody edits,
/// and reading them without building nodes is most of the cost saved.
public struct DocumentFilter: Sendable {
    private let needsTree: @Sendable (Scalar) -> Bool
    private let needsRest: (@Sendable (Scalar, Node) -> Bool)?

    /// `needsTree` gets the root mapping's `kind` (an untagged scalar) and says whether the document is wanted
    /// whole; when it says no, the document's root holds only the entries up to `kind`. `needsRest`, asked
    /// once a wanted `kind` and the root's `metadata` are both read, may still leave the rest unbuilt.
    public init(
        needsTree: @escaping @Sendable (_ kind: Scalar) -> Bool,
        needsRest: (@Sendable (_ kind: Scalar, _ metadata: Node) -> Bool)? = nil
    ) {
        self.needsTree = needsTree
        self.needsRest = needsRest
    }

    /// Why the rest of a document is left unbuilt.
    enum Skip {
        /// Its kind is not wanted.
        case kind
        /// `needsRest` said no to its kind and metadata.
        case rest
    }

    /// Whether a root mapping entry just read tells to leave the rest of the document unbuilt, and why;
    /// `earlier` finds the value of an earlier root entry by its key (the last one of that key).
    func skipsRest(key: Node, value: Node, earlier: (String) -> Node?) -> Skip? {
        switch key.scalar?.value {
        case "kind":
            guard let kind = value.scalar, value.tag == nil else { return nil }
            if !needsTree(kind) { return .kind }
            guard let needsRest, let metadata = earlier("metadata") else { return nil }
            return needsRest(kind, metadata) ? nil : .rest
        case "metadata":
            guard let needsRest, let kindNode = earlier("kind"), let kind = kindNode.scalar, kindNode.tag == nil,
                needsTree(kind)
            else { return nil }
            return needsRest(kind, value) ? nil : .rest
        default:
            return nil
        }
    }

    /// Whether a root key read in the unbuilt rest of a document makes it need its tree after all: a repeated
    /// key that decided, whose last value counts.
    static func decides(key: UnsafeBufferPointer<UInt8>, after skip: Skip) -> Bool {
        key.elementsEqual("kind".utf8) || (skip == .rest && key.elementsEqual("metadata".utf8))
    }
}

/// The rest of a root mapping read without building it: enough to keep libyaml's checks and ours (depth,
/// aliases) and to notice a second `kind` key, which makes the document need its tree after all.
struct SkipState {
    /// Why the rest is skipped.
    var reason = DocumentFilter.Skip.kind
    /// Levels open, the root mapping being 1.
    var depth = 1
    /// Whether the next node at level 1 is a key.
    var expectsKey = true
    var anchors: Set<String> = []
    /// A later key that decides (a repeated `kind` or `metadata`, whose last value counts) was read.
    var sawDecidingKey = false
    /// Where the last entry at level 1 ends, as libyaml marks it.
    var lastEnd: Mark?
}
