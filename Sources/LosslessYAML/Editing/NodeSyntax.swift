/// Where the indicators around a node stand in the source: past its properties, at its dashes. Each scan
/// walks forward from a node's start, outside any scalar, where a `#` after a blank always starts a comment.
enum NodeSyntax {
    /// The offset just past `node`'s anchor and tag, or its start when it has neither.
    static func afterProperties(of node: Node, in source: [UInt8]) -> Int {
        let start = node.range.start.offset
        guard node.anchor != nil || node.tag != nil else { return start }
        var i = start, end = start
        while i < source.count, source[i] == UInt8(ascii: "&") || source[i] == UInt8(ascii: "!") {
            if i + 1 < source.count, source[i] == UInt8(ascii: "!"), source[i + 1] == UInt8(ascii: "<") {
                // A verbatim tag may hold flow indicators; it ends at its `>`.
                while i < source.count, source[i] != UInt8(ascii: ">") { i += 1 }
                i = min(i + 1, source.count)
            } else {
                while i < source.count, !endsProperty(source[i]) { i += 1 }
            }
            end = i
            while i < source.count, source[i] == 0x20 || source[i] == 0x09 { i += 1 }
        }
        return end
    }

    /// Where a block collection's own text ends. An empty node stands where libyaml put it, which may be the
    /// next token, lines below (after a comment, or an explicit key without a value), so a trailing one, at
    /// any depth, counts for nothing: the collection ends with the key or the dash before it.
    static func contentEnd(of node: Node, in source: [UInt8]) -> Int {
        guard node.collectionStyle == .block else { return node.range.end.offset }
        switch node.content {
        case .mapping(let pairs):
            guard let last = pairs.last else { return node.range.end.offset }
            let tail = last.value.range.bytes.isEmpty ? last.key : last.value
            return min(node.range.end.offset, contentEnd(of: tail, in: source))
        case .sequence(let items):
            guard let last = items.last else { return node.range.end.offset }
            if last.range.bytes.isEmpty, let dash = dash(ofItem: items.count - 1, in: node, source: source) {
                return min(node.range.end.offset, dash + 1)
            }
            return min(node.range.end.offset, contentEnd(of: last, in: source))
        default:
            return node.range.end.offset
        }
    }

    /// The offset of the dash of item `index` of the block sequence `sequence`, or nil when no dash stands
    /// where one should.
    static func dash(ofItem index: Int, in sequence: Node, source: [UInt8]) -> Int? {
        guard let items = sequence.items, items.indices.contains(index) else { return nil }
        let from = index == 0 ? afterProperties(of: sequence, in: source) : items[index - 1].range.end.offset
        let i = skippingBlanksAndComments(from: from, in: source)
        return i < source.count && source[i] == UInt8(ascii: "-") ? i : nil
    }

    /// Where the entry `pair` starts: at its `?` when its key is explicit, else at its key.
    static func entryStart(of pair: Pair, in source: [UInt8]) -> Int {
        explicitKeyIndicator(before: pair.key.range.start.offset, in: source) ?? pair.key.range.start.offset
    }

    /// The offset of the `?` that makes the key starting at `offset` explicit (on the key's line), or nil.
    static func explicitKeyIndicator(before offset: Int, in source: [UInt8]) -> Int? {
        var i = min(offset, source.count)
        while i > 0, source[i - 1] == 0x20 || source[i - 1] == 0x09 { i -= 1 }
        guard i > 0, source[i - 1] == UInt8(ascii: "?") else { return nil }
        // An indicator stands alone: a `?` ending a plain scalar (`what? k`) is no indicator.
        guard i > 1, !SourceText.breakEnds(at: i - 1, in: source) else { return i - 1 }
        switch source[i - 2] {
        case 0x20, 0x09, UInt8(ascii: "["), UInt8(ascii: "{"), UInt8(ascii: ","): return i - 1
        default: return nil
        }
    }

    /// The offset of the `:` that starts the value of `pair` of `mapping` (blanks, line breaks and comments may
    /// stand between it and the key), or nil when the key has none, as an explicit key without a value.
    static func valueIndicator(of pair: Pair, in mapping: Node, source: [UInt8]) -> Int? {
        let i = skippingBlanksAndComments(from: pair.key.range.end.offset, in: source)
        guard i < source.count, source[i] == UInt8(ascii: ":") else { return nil }
        // In block context a colon before anything but a blank or a line break starts a plain scalar (`:x: 1`).
        guard mapping.collectionStyle != .flow, i + 1 < source.count else { return i }
        let next = source[i + 1]
        return next == 0x20 || next == 0x09 || SourceText.lineBreakLength(at: i + 1, in: source) > 0 ? i : nil
    }

    /// The first offset at or after `offset` that is not a blank, a line break or part of a comment.
    static func skippingBlanksAndComments(from offset: Int, in source: [UInt8]) -> Int {
        var i = max(0, offset)
        while i < source.count {
            switch source[i] {
            case 0x20, 0x09:
                i += 1
            case UInt8(ascii: "#"):
                while i < source.count, SourceText.lineBreakLength(at: i, in: source) == 0 { i += 1 }
            default:
                let length = SourceText.lineBreakLength(at: i, in: source)
                guard length > 0 else { return i }
                i += length
            }
        }
        return i
    }

    /// Whether `byte` ends an anchor or a tag: a blank, a line break or a flow indicator.
    private static func endsProperty(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x20, 0x09, 0x0A, 0x0D, UInt8(ascii: ","), UInt8(ascii: "["), UInt8(ascii: "]"),
            UInt8(ascii: "{"), UInt8(ascii: "}"):
            return true
        default:
            return false
        }
    }
}
