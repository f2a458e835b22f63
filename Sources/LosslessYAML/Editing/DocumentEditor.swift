/// Byte-preserving changes to one document: every edit becomes a splice of the original bytes, so whatever
/// no edit touches (comments, blank lines, order, quoting, indentation, line breaks) stays exactly as it was.
public struct DocumentEditor: Sendable {
    public let source: [UInt8]
    public let document: Document
    public var layout: Layout
    /// The edits made so far, in order; internal so that the editing extensions in other files can add to them.
    var splices: [Splice] = []

    /// A replacement of a byte range; an empty range is an insertion.
    struct Splice: Sendable {
        var range: Range<Int>
        var text: String
        /// For insertions at one offset: the start of the collection grown; deeper collections go first.
        var targetStart: Int
        var sequence: Int
        /// The text must start a line: a line break goes first when the output so far does not end with one
        /// (an insertion after a last line without a break).
        var startsLine = false
        /// The `}` that closes a single-pair flow mapping written without braces; later entries go before it.
        var closesBraces = false
        /// Adjusts original bytes (a block scalar's chomping) only for as long as they stay: dropped when
        /// another edit replaces or removes the bytes around it.
        var adjustsSource = false
    }

    public init(source: [UInt8], document: Document) {
        self.source = source
        self.document = document
        self.layout = Layout.detect(in: document, source: source)
    }

    /// Whether any edit was made.
    public var hasChanges: Bool { !splices.isEmpty }

    // MARK: Mappings

    /// Sets `key` to `value` in `mapping`: the old value is replaced, or the key is added at the end.
    public mutating func set(_ key: String, to value: YAMLValue, in mapping: Node) throws(EditError) {
        guard let pairs = mapping.pairs else { throw EditError("not a mapping", at: mapping.range.start) }
        guard let pair = pairs.last(where: { $0.key.scalar?.value == key }) else {
            return try insert(key, value, into: mapping)
        }
        if let text = inlineText(value), pair.value.collectionStyle == nil || pair.value.collectionStyle == .flow {
            try replaceInline(pair.value, with: text, keepingQuotesFor: value)
        } else {
            try replacePair(key, in: mapping, withKey: key, value: value)
        }
    }

    /// Adds `key: value` after the last entry of `mapping`.
    public mutating func insert(_ key: String, _ value: YAMLValue, into mapping: Node) throws(EditError) {
        guard let pairs = mapping.pairs else { throw EditError("not a mapping", at: mapping.range.start) }
        if isBraceless(mapping) {
            return insertIntoBraceless(flowRenderer(for: mapping).pair(key, value, indent: 0), mapping: mapping)
        }
        if mapping.collectionStyle == .flow {
            return try insertIntoFlow(
                text: { flow, indent in flow.pair(key, value, indent: indent) },
                collection: mapping, firstItemStart: pairs.first?.key.range.start,
                lastItemEnd: pairs.last?.value.range.end, closer: UInt8(ascii: "}"))
        }
        guard let first = pairs.first else { throw EditError("empty block mapping", at: mapping.range.start) }
        let indent = SourceText.column(of: NodeSyntax.entryStart(of: first, in: source), in: source)
        let (at, atEnd) = SourceText.nextLineStart(after: NodeSyntax.contentEnd(of: mapping, in: source), in: source)
        if atEnd { keepBlockScalarAtEnd(of: mapping) }
        let body = spaces(indent) + blockRenderer(before: at).pair(key, value, indent: indent)
        add(at..<at, body + layout.lineBreak, target: mapping, startsLine: true)
    }

    /// Replaces the entry `key` of `mapping` with `newKey: value`, in the same place.
    public mutating func replacePair(
        _ key: String, in mapping: Node, withKey newKey: String,
        value: YAMLValue
    ) throws(EditError) {
        guard let pair = mapping.pair(key), let region = pairRegion(key, in: mapping) else {
            throw EditError("no key \"\(key)\"", at: mapping.range.start)
        }
        let indent = SourceText.column(of: NodeSyntax.entryStart(of: pair, in: source), in: source)
        var text: String
        if mapping.collectionStyle == .flow {
            text = flowRenderer(for: mapping).pair(newKey, value, indent: indent)
        } else {
            let endsWithBreak = SourceText.breakEnds(at: region.upperBound, in: source)
            text = blockRenderer(before: region.upperBound).pair(newKey, value, indent: indent)
            // At the end of a last line without a break, a multi-line value still ends its line: it may end in a
            // literal block, whose value the final break belongs to.
            let multiline = text.utf8.contains { $0 == 0x0A || $0 == 0x0D }
            text += endsWithBreak || multiline ? layout.lineBreak : ""
        }
        add(region, text, target: mapping)
    }

    /// The bytes the entry `key` occupies: from its key to the end of its value's last line (block style,
    /// line break included) or to the end of its value (flow style).
    public func pairRegion(_ key: String, in mapping: Node) -> Range<Int>? {
        guard let pair = mapping.pair(key) else { return nil }
        let start = NodeSyntax.entryStart(of: pair, in: source)
        if mapping.collectionStyle == .flow { return start..<max(start, pair.value.range.end.offset) }
        return start..<SourceText.nextLineStart(after: pair.value.range.end.offset, in: source).offset
    }

    /// The source text of a byte range.
    public func text(_ range: Range<Int>) -> String {
        String(decoding: source[range.clamped(to: 0..<source.count)], as: UTF8.self)
    }

    /// Replaces the region of the entry `key` (see `pairRegion`) with exact text: the inverse of an edit.
    public mutating func replacePairRegion(_ key: String, in mapping: Node, with text: String) throws(EditError) {
        guard let region = pairRegion(key, in: mapping) else {
            throw EditError("no key \"\(key)\"", at: mapping.range.start)
        }
        add(region, text, target: mapping)
    }

    /// Removes the entry `key` from `mapping`, with its line(s).
    public mutating func removePair(_ key: String, from mapping: Node) throws(EditError) {
        guard let pairs = mapping.pairs, let index = pairs.lastIndex(where: { $0.key.scalar?.value == key }) else {
            throw EditError("no key \"\(key)\"", at: mapping.range.start)
        }
        let pair = pairs[index]
        if isBraceless(mapping) {
            // Its only entry: the mapping stays, as `{}`.
            add(mapping.range.bytes, "{}", target: mapping)
            return
        }
        if mapping.collectionStyle == .flow {
            // From the end of the previous entry, so that removing an inserted entry undoes the insertion.
            let range: Range<Int>
            if index > 0 {
                range = pairs[index - 1].value.range.end.offset..<pair.value.range.end.offset
            } else if index + 1 < pairs.count {
                range =
                    NodeSyntax.entryStart(
                        of: pair, in: source)..<NodeSyntax.entryStart(of: pairs[index + 1], in: source)
            } else {
                range = NodeSyntax.entryStart(of: pair, in: source)..<afterTrailingComma(pair.value.range.end.offset)
            }
            add(range, "", target: mapping)
            return
        }
        let (end, _) = SourceText.nextLineStart(after: pair.value.range.end.offset, in: source)
        let entryStart = NodeSyntax.entryStart(of: pair, in: source)
        if pairs.count == 1 {
            empty(mapping, firstEntry: entryStart, end: end, with: "{}")
        } else if SourceText.onlyIndentBefore(entryStart, in: source) {
            add(SourceText.lineStart(of: entryStart, in: source)..<end, "", target: mapping)
        } else if index + 1 < pairs.count {
            // The first key of a sequence item shares its line with the dash: pull the next key up.
            add(entryStart..<NodeSyntax.entryStart(of: pairs[index + 1], in: source), "", target: mapping)
        } else {
            add(entryStart..<end, "", target: mapping)
        }
    }

    // MARK: Sequences

    /// Adds `value` after the last item of `sequence`.
    public mutating func append(_ value: YAMLValue, to sequence: Node) throws(EditError) {
        guard let items = sequence.items else { throw EditError("not a sequence", at: sequence.range.start) }
        if sequence.collectionStyle == .flow {
            return try insertIntoFlow(
                text: { flow, indent in flow.render(value, indent: indent) },
                collection: sequence, firstItemStart: items.first?.range.start,
                lastItemEnd: items.last?.range.end, closer: UInt8(ascii: "]"))
        }
        guard let first = items.first else { throw EditError("empty block sequence", at: sequence.range.start) }
        // The first dash, not the node's start: an anchor or a tag may stand on the key's line.
        guard let dash = NodeSyntax.dash(ofItem: 0, in: sequence, source: source) else {
            throw EditError("cannot find the first dash of this sequence", at: sequence.range.start)
        }
        let dashIndent = SourceText.column(of: dash, in: source)
        var offset = 2
        if SourceText.lineStart(of: first.range.start.offset, in: source) <= dash {
            offset = max(2, SourceText.column(of: first.range.start.offset, in: source) - dashIndent)
        }
        let (at, atEnd) = SourceText.nextLineStart(after: NodeSyntax.contentEnd(of: sequence, in: source), in: source)
        if atEnd { keepBlockScalarAtEnd(of: sequence) }
        let body =
            spaces(dashIndent) + blockRenderer(before: at).item(value, dashIndent: dashIndent, contentOffset: offset)
        add(at..<at, body + layout.lineBreak, target: sequence, startsLine: true)
    }

    /// Removes the item at `index` of `sequence`, with its line(s).
    public mutating func removeItem(at index: Int, from sequence: Node) throws(EditError) {
        guard let items = sequence.items, items.indices.contains(index) else {
            throw EditError("no item \(index)", at: sequence.range.start)
        }
        let item = items[index]
        if sequence.collectionStyle == .flow {
            let range: Range<Int>
            if index > 0 {
                range = items[index - 1].range.end.offset..<item.range.end.offset
            } else if index + 1 < items.count {
                range = item.range.start.offset..<items[index + 1].range.start.offset
            } else {
                range = item.range.start.offset..<afterTrailingComma(item.range.end.offset)
            }
            add(range, "", target: sequence)
            return
        }
        guard let dash = NodeSyntax.dash(ofItem: index, in: sequence, source: source) else {
            throw EditError("cannot find the dash of item \(index)", at: item.range.start)
        }
        let (end, _) = SourceText.nextLineStart(after: item.range.end.offset, in: source)
        if items.count == 1 {
            empty(sequence, firstEntry: dash, end: end, with: "[]")
        } else if !SourceText.onlyIndentBefore(dash, in: source),
            let next = NodeSyntax.dash(ofItem: index + 1, in: sequence, source: source)
        {
            // The first dash shares its line with the parent's (`- - a`): pull the next item up.
            add(dash..<next, "", target: sequence)
        } else {
            add(SourceText.lineStart(of: dash, in: source)..<end, "", target: sequence)
        }
    }

    // MARK: Scalars

    /// Replaces a scalar (or flow collection) with a value written on the same line.
    public mutating func replace(_ node: Node, with value: YAMLValue) throws(EditError) {
        guard node.collectionStyle != .block, let text = inlineText(value) else {
            throw EditError("a block value cannot be replaced in place", at: node.range.start)
        }
        try replaceInline(node, with: text, keepingQuotesFor: value)
    }

    // MARK: Output

    /// The document's bytes with every edit applied.
    public func output() throws(EditError) -> [UInt8] {
        let ordered = Self.mergingDeletions(Self.droppingSupersededAdjustments(splices)).sorted { a, b in
            if a.range.lowerBound != b.range.lowerBound { return a.range.lowerBound < b.range.lowerBound }
            if a.range.isEmpty != b.range.isEmpty { return a.range.isEmpty }
            if a.targetStart != b.targetStart { return a.targetStart > b.targetStart }
            return a.sequence < b.sequence
        }
        var out: [UInt8] = []
        out.reserveCapacity(document.range.bytes.count + ordered.reduce(0) { $0 + $1.text.utf8.count })
        var cursor = document.range.start.offset
        for splice in ordered {
            guard splice.range.lowerBound >= cursor, splice.range.upperBound <= document.range.end.offset else {
                throw EditError("internal: overlapping edits in one document")
            }
            out.append(contentsOf: source[cursor..<splice.range.lowerBound])
            if splice.startsLine, !out.isEmpty, !SourceText.breakEnds(at: out.count, in: out) {
                out.append(contentsOf: layout.lineBreak.utf8)
            }
            out.append(contentsOf: splice.text.utf8)
            cursor = splice.range.upperBound
        }
        out.append(contentsOf: source[cursor..<document.range.end.offset])
        return out
    }

    // MARK: Helpers

    /// Overlapping deletions become one (removing two neighbouring flow entries each takes a shared comma).
    private static func mergingDeletions(_ splices: [Splice]) -> [Splice] {
        var deletions = splices.filter { $0.text.isEmpty && !$0.range.isEmpty }.sorted {
            $0.range.lowerBound < $1.range.lowerBound
        }
        guard deletions.count > 1 else { return splices }
        var merged: [Splice] = []
        while !deletions.isEmpty {
            var current = deletions.removeFirst()
            while let next = deletions.first, next.range.lowerBound < current.range.upperBound {
                current.range = current.range.lowerBound..<max(current.range.upperBound, next.range.upperBound)
                deletions.removeFirst()
            }
            merged.append(current)
        }
        return splices.filter { !($0.text.isEmpty && !$0.range.isEmpty) } + merged
    }

    mutating func add(
        _ range: Range<Int>, _ text: String, target: Node, startsLine: Bool = false,
        adjustsSource: Bool = false
    ) {
        splices.append(
            Splice(
                range: range, text: text, targetStart: target.range.start.offset, sequence: splices.count,
                startsLine: startsLine, adjustsSource: adjustsSource))
    }

    private func inlineText(_ value: YAMLValue) -> String? {
        if layout.isJSON {
            return value.isScalar || value.isEmptyCollection ? FlowRenderer(json: true).render(value) : nil
        }
        return BlockRenderer(layout: layout).inline(value)
    }

    /// Splices an inline value over `node`, keeping single or double quotes when the old scalar had them.
    private mutating func replaceInline(_ node: Node, with text: String, keepingQuotesFor value: YAMLValue)
        throws(EditError)
    {
        var text = text
        if case .string(let s) = value, let old = node.scalar, !layout.isJSON {
            switch old.style {
            case .doubleQuoted: text = JSONString.quote(s)
            case .singleQuoted where !s.unicodeScalars.contains(where: JSONString.mustEscape):
                text = "'" + s.split(separator: "'", omittingEmptySubsequences: false).joined(separator: "''") + "'"
            default: break
            }
        }
        if case .string(let s) = value, text == s, s.contains(where: { ",[]{}".contains($0) }) {
            // The node may stand in a flow collection, where these characters end a plain scalar.
            text = layout.isJSON ? JSONString.quote(s) : Quoting.doubleQuoted(s)
        }
        let range = node.range.bytes
        if range.isEmpty { return try replaceEmpty(node, with: text) }
        text = spaces(missingIndent(before: node)) + text
        if range.upperBound < source.count, source[range.upperBound] == UInt8(ascii: "#") {
            // libyaml takes `#` right after a quoted scalar for a comment; after a plain one it needs a blank.
            text += " "
        }
        if let style = node.scalar?.style, style == .literal || style == .folded,
            SourceText.breakEnds(at: range.upperBound, in: source)
        {
            // A block scalar's range ends with its line break, which an inline value must keep.
            text += layout.lineBreak
        }
        add(range, text, target: node)
    }

    private mutating func insertIntoFlow(
        text: (FlowRenderer, Int) -> String, collection: Node,
        firstItemStart: Mark?, lastItemEnd: Mark?, closer: UInt8
    ) throws(EditError) {
        let closeAt = collection.range.end.offset - 1
        guard closeAt >= 0, closeAt < source.count, source[closeAt] == closer else {
            throw EditError("cannot find the end of this flow collection", at: collection.range.end)
        }
        guard let firstItemStart, let lastItemEnd else {
            // An empty `{}` or `[]`: the first insertion goes in as is, later ones after a comma.
            let flow = flowRenderer(for: collection)
            let earlier = splices.contains {
                $0.range == closeAt..<closeAt && $0.targetStart == collection.range.start.offset
            }
            add(closeAt..<closeAt, (earlier ? ", " : "") + text(FlowRenderer(json: flow.json), 0), target: collection)
            return
        }
        if firstItemStart.line > collection.range.start.line {
            let indent = SourceText.column(of: firstItemStart.offset, in: source)
            var flow = flowRenderer(for: collection)
            flow.indentStep = layout.indentStep
            add(
                lastItemEnd.offset..<lastItemEnd.offset,
                "," + layout.lineBreak + spaces(indent) + text(flow, indent), target: collection)
        } else {
            let inline = text(flowRenderer(for: collection), 0)
            let at = lastItemEnd.offset
            let lineStart = SourceText.lineStart(of: at, in: source)
            var indent = 0
            while lineStart + indent < source.count, source[lineStart + indent] == 0x20 { indent += 1 }
            indent += layout.indentStep
            guard indent + inline.utf8.count > Self.flowLineWidth else {
                add(at..<at, ", " + inline, target: collection)
                return
            }
            // An entry too long for any line (a container joining `containers: [{…}]`): on lines of its own,
            // one level deeper than the line's indentation, broken where a person would break it.
            var flow = flowRenderer(for: collection)
            flow.indentStep = layout.indentStep
            flow.width = Self.flowLineWidth
            add(at..<at, "," + layout.lineBreak + spaces(indent) + text(flow, indent), target: collection)
        }
    }

    /// The columns an entry joining a one-line flow collection may take on a line of its own; a longer entry
    /// is broken over several lines (80, the width of yamllint's and prettier's defaults).
    static let flowLineWidth = 80

    private func flowRenderer(for collection: Node) -> FlowRenderer {
        var json = layout.isJSON
        if !json, let firstKey = collection.pairs?.first?.key.scalar { json = firstKey.style == .doubleQuoted }
        return FlowRenderer(json: json, indentStep: nil, lineBreak: layout.lineBreak)
    }

    /// `offset`, or just past a comma that follows it (blanks between), for the only entry of a flow collection.
    private func afterTrailingComma(_ offset: Int) -> Int {
        var i = offset
        while i < source.count, source[i] == 0x20 || source[i] == 0x09 || source[i] == 0x0A || source[i] == 0x0D {
            i += 1
        }
        return i < source.count && source[i] == UInt8(ascii: ",") ? i + 1 : offset
    }

    private func spaces(_ n: Int) -> String { String(repeating: " ", count: n) }
}

extension YAMLValue {
    var isScalar: Bool {
        switch self {
        case .sequence, .mapping: return false
        default: return true
        }
    }
}
