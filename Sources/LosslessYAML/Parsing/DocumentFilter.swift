/// Says, at a document's `kind`, whether the rest of it needs a tree: streams are mostly objects nobody edits,
/// and reading them without building nodes is most of the cost saved.
public struct DocumentFilter: Sendable {
    private let needsTree: @Sendable (Scalar) -> Bool

    /// `needsTree` gets the root mapping's `kind` (an untagged scalar) and says whether the document is wanted
    /// whole; when it says no, the document's root holds only the entries up to `kind`.
    public init(needsTree: @escaping @Sendable (_ kind: Scalar) -> Bool) {
        self.needsTree = needsTree
    }

    /// Whether a root mapping entry just read tells to leave the rest of the document unbuilt.
    func skipsRest(key: Node, value: Node) -> Bool {
        guard key.scalar?.value == "kind", let kind = value.scalar, value.tag == nil else { return false }
        return !needsTree(kind)
    }
}

/// The rest of a root mapping read without building it: enough to keep libyaml's checks and ours (depth,
/// aliases) and to notice a second `kind` key, which makes the document need its tree after all.
struct SkipState {
    /// Levels open, the root mapping being 1.
    var depth = 1
    /// Whether the next node at level 1 is a key.
    var expectsKey = true
    var anchors: Set<String> = []
    /// A later key `kind` (a repeated key, whose last value counts) was read.
    var sawKind = false
    /// Where the last entry at level 1 ends, as libyaml marks it.
    var lastEnd: Mark?
}
