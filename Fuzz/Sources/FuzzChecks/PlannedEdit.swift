import LosslessYAML

/// One edit of a session: what it does, to which node, and the bytes it claims.
struct PlannedEdit: CustomStringConvertible {
    /// The `DocumentEditor` call, with its arguments.
    enum Operation {
        case set(String, YAMLValue)
        case insert(String, YAMLValue)
        case removePair(String)
        case replacePair(String, String, YAMLValue)
        case append(YAMLValue)
        case removeItem(Int)
        case replace(YAMLValue)
    }

    /// What the edit does.
    var operation: Operation
    /// The model identity of the collection edited (or of the node replaced).
    var targetID: Int
    /// The collection edited, or the node replaced.
    var target: Node
    /// The bytes of `target`.
    var targetSpan: ClosedSpan
    /// The bytes the edit replaces or removes, when it does.
    var destroyed: ClosedSpan?
    /// A removal or pair replacement in the target collection.
    var structural = false
    /// Adds an entry or item to the target collection.
    var grows = false
    /// Removes the target collection's only entry or item.
    var empties = false

    /// The call, for failure messages.
    var description: String {
        switch operation {
        case .set(let k, let v): return "set(\(k.debugDescription), \(v))"
        case .insert(let k, let v): return "insert(\(k.debugDescription), \(v))"
        case .removePair(let k): return "removePair(\(k.debugDescription))"
        case .replacePair(let k, let n, let v):
            return "replacePair(\(k.debugDescription) → \(n.debugDescription), \(v))"
        case .append(let v): return "append(\(v))"
        case .removeItem(let i): return "removeItem(\(i))"
        case .replace(let v): return "replace(\(v)) at \(target.range.start)"
        }
    }

    /// Makes the edit with `DocumentEditor`.
    func apply(to editor: inout DocumentEditor) throws(EditError) {
        switch operation {
        case .set(let key, let value): try editor.set(key, to: value, in: target)
        case .insert(let key, let value): try editor.insert(key, value, into: target)
        case .removePair(let key): try editor.removePair(key, from: target)
        case .replacePair(let key, let newKey, let value):
            try editor.replacePair(key, in: target, withKey: newKey, value: value)
        case .append(let value): try editor.append(value, to: target)
        case .removeItem(let index): try editor.removeItem(at: index, from: target)
        case .replace(let value): try editor.replace(target, with: value)
        }
    }

    /// Makes the same edit on the model, as `DocumentEditor` documents it.
    func apply(to model: inout ModelNode, nextID: inout Int) {
        nextID += 1
        let id = nextID
        let operation = self.operation
        model.update(targetID) { node in
            func leaf(_ value: YAMLValue) -> ModelNode { ModelNode(id: id, node: nil, content: .leaf(value)) }
            func lastOriginal(_ entries: [ModelEntry], _ key: String) -> Int? {
                entries.lastIndex { $0.original && $0.lookupKey == key }
            }
            switch (operation, node.content) {
            case (.set(let key, let value), .mapping(var entries)):
                if let index = lastOriginal(entries, key) {
                    entries[index].value = leaf(value)
                } else {
                    entries.append(ModelEntry(key: key, lookupKey: key, value: leaf(value), original: false))
                }
                node.content = .mapping(entries)
            case (.insert(let key, let value), .mapping(var entries)):
                entries.append(ModelEntry(key: key, lookupKey: key, value: leaf(value), original: false))
                node.content = .mapping(entries)
            case (.removePair(let key), .mapping(var entries)):
                if let index = lastOriginal(entries, key) { entries[index].removed = true }
                node.content = .mapping(entries)
            case (.replacePair(let key, let newKey, let value), .mapping(var entries)):
                if let index = lastOriginal(entries, key) {
                    entries[index] = ModelEntry(key: newKey, lookupKey: newKey, value: leaf(value), original: false)
                }
                node.content = .mapping(entries)
            case (.append(let value), .sequence(var items)):
                items.append(leaf(value))
                node.content = .sequence(items)
            case (.removeItem(let index), .sequence(var items)):
                if items.indices.contains(index) { items[index].removed = true }
                node.content = .sequence(items)
            case (.replace(let value), _):
                node.content = .leaf(value)
            default:
                break
            }
        }
    }
}

/// Chooses edits and keeps the ones of a session apart.
struct Planner {
    /// The anchored nodes aliases refer to: nothing inside them is edited.
    let anchors: [ClosedSpan]
    /// The bytes replaced or removed so far.
    private var destroyed: [ClosedSpan] = []
    /// The nodes edited so far.
    private var targets: [ClosedSpan] = []
    /// Collections with a removal or pair replacement, collections grown, collections emptied (by identity).
    private var structural: Set<Int> = []
    private var grown: Set<Int> = []
    private var emptied: Set<Int> = []

    /// A planner that keeps clear of `anchors`.
    init(anchors: [ClosedSpan]) {
        self.anchors = anchors
    }

    /// Whether `edit` keeps clear of every edit recorded so far.
    func accepts(_ edit: PlannedEdit) -> Bool {
        for anchor in anchors {
            if anchor.contains(edit.targetSpan) { return false }
            if let d = edit.destroyed, d.overlaps(anchor) { return false }
        }
        for d in destroyed {
            if d.overlaps(edit.targetSpan), !edit.targetSpan.strictlyContains(d) { return false }
            if let mine = edit.destroyed, mine.overlaps(d) { return false }
        }
        if let mine = edit.destroyed {
            for t in targets where mine.overlaps(t) && !t.strictlyContains(mine) { return false }
        }
        if edit.structural, structural.contains(edit.targetID) { return false }
        if edit.grows, emptied.contains(edit.targetID) { return false }
        if edit.empties, grown.contains(edit.targetID) { return false }
        return true
    }

    /// Notes an edit the editor accepted.
    mutating func record(_ edit: PlannedEdit) {
        if let d = edit.destroyed { destroyed.append(d) }
        targets.append(edit.targetSpan)
        if edit.structural { structural.insert(edit.targetID) }
        if edit.grows { grown.insert(edit.targetID) }
        if edit.empties { emptied.insert(edit.targetID) }
    }

    /// A random edit of `model` (which mirrors `node`), or nil when none fits.
    static func choose(for model: ModelNode, node: Node, _ source: inout ByteSource) -> PlannedEdit? {
        let span = closedRange(node.range)
        switch model.content {
        case .mapping(let entries):
            guard let pairs = node.pairs, pairs.count == entries.count else { return nil }
            // Entries the editor finds by key: scalar keys, the last of duplicates.
            let findable = entries.indices.filter { index in
                guard let key = entries[index].lookupKey else { return false }
                return entries.lastIndex { $0.lookupKey == key } == index
            }
            let existing = source.pick(findable)
            let newKey = RandomValues.string(&source)
            switch source.below(node.collectionStyle == .flow ? 5 : 4) {
            case 0:
                if let index = existing, source.chance(60), let key = entries[index].lookupKey {
                    return PlannedEdit(
                        operation: .set(key, RandomValues.value(&source)), targetID: model.id, target: node,
                        targetSpan: span, destroyed: closedRange(pairs[index].key.range, pairs[index].value.range),
                        structural: true)
                }
                if entries.contains(where: { $0.lookupKey == newKey }) { return nil }
                return PlannedEdit(
                    operation: .set(newKey, RandomValues.value(&source)), targetID: model.id, target: node,
                    targetSpan: span, grows: true)
            case 1:
                return PlannedEdit(
                    operation: .insert(newKey, RandomValues.value(&source)), targetID: model.id, target: node,
                    targetSpan: span, grows: true)
            case 2:
                guard let index = existing, let key = entries[index].lookupKey else { return nil }
                return PlannedEdit(
                    operation: .removePair(key), targetID: model.id, target: node, targetSpan: span,
                    destroyed: closedRange(pairs[index].key.range, pairs[index].value.range),
                    structural: true, empties: pairs.count == 1)
            case 3:
                guard let index = existing, let key = entries[index].lookupKey else { return nil }
                return PlannedEdit(
                    operation: .replacePair(key, newKey, RandomValues.value(&source)), targetID: model.id,
                    target: node, targetSpan: span,
                    destroyed: closedRange(pairs[index].key.range, pairs[index].value.range), structural: true)
            default:
                return replacement(model, node, span, &source)
            }
        case .sequence(let items):
            guard let nodes = node.items, nodes.count == items.count else { return nil }
            switch source.below(node.collectionStyle == .flow ? 3 : 2) {
            case 0:
                return PlannedEdit(
                    operation: .append(RandomValues.value(&source)), targetID: model.id, target: node,
                    targetSpan: span, grows: true)
            case 1:
                guard !nodes.isEmpty else { return nil }
                let index = source.below(nodes.count)
                return PlannedEdit(
                    operation: .removeItem(index), targetID: model.id, target: node, targetSpan: span,
                    destroyed: closedRange(nodes[index].range), structural: true, empties: nodes.count == 1)
            default:
                return replacement(model, node, span, &source)
            }
        case .leaf:
            return replacement(model, node, span, &source)
        }
    }

    /// A `replace` of `node`, mostly with a value that fits on one line.
    private static func replacement(
        _ model: ModelNode, _ node: Node, _ span: ClosedSpan,
        _ source: inout ByteSource
    ) -> PlannedEdit {
        let value = source.chance(85) ? RandomValues.inlineValue(&source) : RandomValues.value(&source)
        return PlannedEdit(
            operation: .replace(value), targetID: model.id, target: node, targetSpan: span, destroyed: span)
    }
}
