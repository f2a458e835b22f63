import LosslessYAML

/// A plain value tree with identities, mirroring a document's tree, on which edits are applied the way
/// `DocumentEditor` documents them; the expected result of an edit session.
struct ModelNode {
    /// What a model node holds.
    enum Content {
        /// A scalar or alias (expanded), or any value an edit wrote.
        case leaf(YAMLValue)
        case mapping([ModelEntry])
        case sequence([ModelNode])
    }

    /// Unique in one model.
    var id: Int
    /// The node it mirrors; nil for values added by an edit.
    var node: Node?
    /// Its content.
    var content: Content
    /// Removed by an edit (sequence items).
    var removed = false

    /// The value, without removed entries and items.
    var value: YAMLValue {
        switch content {
        case .leaf(let v): return v
        case .mapping(let entries):
            return .mapping(entries.filter { !$0.removed }.map { .init($0.key, $0.value.value) })
        case .sequence(let items): return .sequence(items.filter { !$0.removed }.map(\.value))
        }
    }
}

/// One entry of a mapping in the model.
struct ModelEntry {
    /// The key as `ValueConverter` reads it.
    var key: String
    /// The key as `DocumentEditor` finds it (`pair.key.scalar?.value`): nil for alias and collection keys.
    var lookupKey: String?
    /// The key node, for entries that were in the document.
    var keyNode: Node?
    /// The value.
    var value: ModelNode
    /// Removed by an edit.
    var removed = false
    /// Whether the entry was in the document before the edit session (only those can be looked up by the editor).
    var original = true
}

extension ModelNode {
    /// Mirrors `node` of `document`.
    static func build(_ node: Node, strict: StrictValue, nextID: inout Int, budget: inout Int, depth: Int = 0)
        throws(YAMLError) -> ModelNode
    {
        nextID += 1
        let id = nextID
        guard depth < 200 else { throw YAMLError("too deep for the model", at: node.range.start) }
        switch node.content {
        case .scalar, .alias:
            return ModelNode(id: id, node: node, content: .leaf(try strict.leaf(node, budget: &budget)))
        case .sequence(let items):
            var out: [ModelNode] = []
            for item in items {
                out.append(try build(item, strict: strict, nextID: &nextID, budget: &budget, depth: depth + 1))
            }
            return ModelNode(id: id, node: node, content: .sequence(out))
        case .mapping(let pairs):
            var out: [ModelEntry] = []
            for pair in pairs {
                let value = try build(pair.value, strict: strict, nextID: &nextID, budget: &budget, depth: depth + 1)
                out.append(
                    ModelEntry(
                        key: strict.key(pair), lookupKey: pair.key.scalar?.value, keyNode: pair.key, value: value))
            }
            return ModelNode(id: id, node: node, content: .mapping(out))
        }
    }

    /// Applies `change` to the node with identity `id`; false when there is none.
    @discardableResult
    mutating func update(_ id: Int, _ change: (inout ModelNode) -> Void) -> Bool {
        if self.id == id {
            change(&self)
            return true
        }
        switch content {
        case .leaf:
            return false
        case .mapping(var entries):
            for index in entries.indices {
                if entries[index].value.update(id, change) {
                    content = .mapping(entries)
                    return true
                }
            }
            return false
        case .sequence(var items):
            for index in items.indices {
                if items[index].update(id, change) {
                    content = .sequence(items)
                    return true
                }
            }
            return false
        }
    }

    /// Every node of the tree with the key it is the value of (nil for the root and sequence items) and whether
    /// it stands inside a flow collection.
    func walk(key: Node? = nil, inFlow: Bool = false, into out: inout [ModelSite]) {
        out.append(ModelSite(node: self, key: key, inFlow: inFlow))
        let flow = inFlow || node?.collectionStyle == .flow
        switch content {
        case .leaf: break
        case .mapping(let entries):
            for entry in entries { entry.value.walk(key: entry.keyNode, inFlow: flow, into: &out) }
        case .sequence(let items): for item in items { item.walk(inFlow: flow, into: &out) }
        }
    }
}

/// A node of the model with where it stands.
struct ModelSite {
    /// The model node.
    var node: ModelNode
    /// The key it is the value of, if any.
    var key: Node?
    /// Inside a flow collection.
    var inFlow: Bool
}
