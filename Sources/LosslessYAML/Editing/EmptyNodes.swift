/// Writing a value where an empty node stands (libyaml puts one right after the token before it, or at the
/// next token, so the value needs the blank, colon or line that the empty node did without), and emptying a
/// block collection.
extension DocumentEditor {
    /// Puts `text` in the place of the empty node `node`.
    mutating func replaceEmpty(_ node: Node, with text: String) throws(EditError) {
        let at = node.range.start.offset
        if let (mapping, pair) = NodeSyntax.owner(of: node, in: document.root) {
            let keyEnd = pair.key.range.end.offset
            guard let colon = NodeSyntax.valueIndicator(of: pair, in: mapping, source: source) else {
                // A key without a value indicator: a flow entry (`{a}`) or an explicit key (`? a`) without a value.
                if mapping.collectionStyle == .flow {
                    // A tag takes a colon right after it into its name (`!:`): a key of properties alone needs a blank.
                    let propertiesOnly =
                        pair.key.scalar?.value.isEmpty == true
                        && (pair.key.tag != nil || pair.key.anchor != nil)
                    // A key without `?` must hold on one line (and under 1024 characters) to take a colon.
                    let key = pair.key.range
                    if key.start.line != key.end.line || key.bytes.count > 1000,
                        NodeSyntax.explicitKeyIndicator(before: key.start.offset, in: source) == nil
                    {
                        add(key.start.offset..<key.start.offset, "? ", target: node)
                    }
                    add(keyEnd..<keyEnd, (propertiesOnly ? " : " : ": ") + text, target: node)
                    return
                }
                guard let question = NodeSyntax.explicitKeyIndicator(before: pair.key.range.start.offset, in: source)
                else {
                    throw EditError("cannot find where the value of this key goes", at: pair.key.range.start)
                }
                let line = SourceText.nextLineStart(after: keyEnd, in: source).offset
                let indent = String(repeating: " ", count: SourceText.column(of: question, in: source))
                add(line..<line, indent + ": " + text + layout.lineBreak, target: node, startsLine: true)
                return
            }
            // Right after the colon: the empty node may stand lines later, at the next token.
            add((colon + 1)..<(colon + 1), " " + text, target: node)
            return
        }
        if NodeSyntax.commentBefore(at, in: source) {
            // The empty root of a document that ends in a comment without a line break.
            add(at..<at, text, target: node, startsLine: true)
            return
        }
        let lineStart = SourceText.breakEnds(at: at, in: source)
        let blankBefore = at == 0 || source[at - 1] == 0x20 || source[at - 1] == 0x09 || lineStart
        // At the start of the next token's line (an empty root before the next `---`), the value ends its line.
        let endsLine = lineStart && at < source.count && SourceText.lineBreakLength(at: at, in: source) == 0
        add(at..<at, (blankBefore ? "" : " ") + text + (endsLine ? layout.lineBreak : ""), target: node)
    }
}

extension DocumentEditor {
    /// Replaces the only entry of the block collection `collection` (from `firstEntry` to `end`) with `{}` or
    /// `[]`, right after its properties or its key's colon, never at a column where it would read as a
    /// sibling; comments between the colon and the entry stay.
    mutating func empty(_ collection: Node, firstEntry: Int, end: Int, with text: String) {
        guard let start = emptyValueStart(of: collection) else {
            add(firstEntry..<end, text + layout.lineBreak, target: collection)
            return
        }
        if source[start..<firstEntry].contains(UInt8(ascii: "#")) {
            add(start..<start, " " + text, target: collection)
            add(SourceText.lineStart(of: firstEntry, in: source)..<end, "", target: collection)
        } else {
            add(start..<end, " " + text + layout.lineBreak, target: collection)
        }
    }

    /// The offset just past `collection`'s anchor and tag, or past the colon of the key it is the value of;
    /// nil for a root or a sequence item.
    private func emptyValueStart(of collection: Node) -> Int? {
        let afterProperties = NodeSyntax.afterProperties(of: collection, in: source)
        if afterProperties > collection.range.start.offset { return afterProperties }
        guard let (mapping, pair) = NodeSyntax.owner(of: collection, in: document.root),
            let colon = NodeSyntax.valueIndicator(of: pair, in: mapping, source: source),
            colon < collection.range.start.offset
        else { return nil }
        return colon + 1
    }
}

extension NodeSyntax {
    /// The mapping and the pair whose value is `node`, searched from `root`; nil for a root or an item.
    static func owner(of node: Node, in root: Node) -> (mapping: Node, pair: Pair)? {
        let offset = node.range.start.offset
        var stack = [root]
        while let current = stack.popLast() {
            if let pairs = current.pairs {
                for pair in pairs {
                    if pair.value.range == node.range, pair.value.content == node.content { return (current, pair) }
                    if contains(pair.key, offset) { stack.append(pair.key) }
                    if contains(pair.value, offset) { stack.append(pair.value) }
                }
            } else if let items = current.items {
                for item in items where contains(item, offset) { stack.append(item) }
            }
        }
        return nil
    }

    /// Whether a comment stands on the line of `offset` before it (a `#` at the line's start or after a
    /// blank); meant for offsets where only indicators and comments can precede on the line.
    static func commentBefore(_ offset: Int, in source: [UInt8]) -> Bool {
        var i = SourceText.lineStart(of: offset, in: source)
        let end = min(offset, source.count)
        var previousIsBlank = true
        while i < end {
            if source[i] == UInt8(ascii: "#"), previousIsBlank { return true }
            previousIsBlank = source[i] == 0x20 || source[i] == 0x09
            i += 1
        }
        return false
    }

    /// Whether `node`'s range holds `offset`, its end included (an empty node may stand right at it).
    private static func contains(_ node: Node, _ offset: Int) -> Bool {
        node.collectionStyle != nil && node.range.start.offset <= offset && offset <= node.range.end.offset
    }
}
