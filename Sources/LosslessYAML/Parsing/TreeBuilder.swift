/// Builds nodes from libyaml events with an explicit stack (no recursion, so depth cannot overflow the stack).
struct TreeBuilder {
    /// An open collection: what its node will say besides its children (they wait in `children`) and its end.
    private struct Frame {
        var isMapping: Bool
        var tag: String?
        var anchor: String?
        var style: CollectionStyle
        var start: Mark
        /// Where its children start in `children`.
        var first: Int
        /// For a root mapping partly skipped: where its last entry ends.
        var skippedEnd: Mark?
    }

    private let source: UnsafeBufferPointer<UInt8>
    /// The bytes this builder reads (all of `source`, or one document of it being read again).
    private let window: Range<Int>
    /// Where `window` starts.
    private let base: Mark
    private let limits: Limits
    private let filter: DocumentFilter?
    private var offsets: OffsetTranslator
    /// Set while the rest of a document the filter said no to is read without building nodes.
    private var skip = SkipState()
    private var skipping = false
    /// Whether the current document is only partly built.
    private var partial = false
    /// Whether the current document, partly built, turned out to need its tree (a second `kind`).
    private var rebuild = false
    private var stack: [Frame] = []
    /// The finished children of the open collections.
    private let children = ChildBuffer()
    /// The last finished document, held back until the next one (or the end) says where it ends.
    private var pending: Document?
    private var documentCount = 0
    private var root: Node?
    private var documentStart = Mark(offset: 0, line: 1, column: 1)
    private var explicitStart = false
    /// Anchors defined so far in the current document, and what each alias of it refers to.
    private var anchors: [String: Node] = [:]
    private var aliasTargets: [Int: Node] = [:]

    init(
        source: UnsafeBufferPointer<UInt8>, limits: Limits, filter: DocumentFilter? = nil,
        window: Range<Int>? = nil, base: Mark = Mark(offset: 0, line: 1, column: 1), firstIndex: Int = 0
    ) {
        let window = window ?? 0..<source.count
        self.source = source
        self.window = window
        self.base = base
        self.limits = limits
        self.filter = filter
        self.offsets = OffsetTranslator(source: UnsafeBufferPointer(rebasing: source[window]))
        self.documentStart = base
        self.documentCount = firstIndex
    }

    /// Reads every document of the window with libyaml, handing each to `deliver` once the next one begins.
    mutating func run(deliver: (Document) -> Void) throws(YAMLError) {
        guard let start = source.baseAddress else { return }
        try run(EventReader(base: start + window.lowerBound, count: window.count), deliver: deliver)
    }

    private mutating func run(_ reader: EventReader, deliver: (Document) -> Void) throws(YAMLError) {
        while true {
            let event: ParseEvent
            do {
                event = try reader.next()
            } catch {
                throw self.error(error)
            }
            if skipping, try skipped(event) { continue }
            switch event {
            case .streamStart, .none:
                break
            case .streamEnd(let end):
                if var last = pending {
                    // The last document owns everything up to the end of the input.
                    last.range.end = mark(end)
                    last.range.end.offset = window.upperBound
                    deliver(last)
                    pending = nil
                }
                return
            case .documentStart(let explicit):
                explicitStart = explicit
                root = nil
                anchors = [:]
                aliasTargets = [:]
                partial = false
                rebuild = false
            case .documentEnd(let end, let explicit):
                try endDocument(at: mark(end), explicit: explicit, deliver: deliver)
            case .alias(let alias):
                let name = alias.anchor
                let node = Node(
                    content: .alias(name), range: SourceRange(start: mark(alias.start), end: mark(alias.end)))
                guard let target = anchors[name] else {
                    throw YAMLError("alias *\(name) refers to no anchor defined before it", at: node.range.start)
                }
                aliasTargets[node.range.start.offset] = target
                try complete(consume node)
            case .scalar(let s):
                let node = Node(
                    content: .scalar(Scalar(value: s.value.string, style: s.style)), tag: s.tag?.string,
                    anchor: s.anchor?.string, range: SourceRange(start: mark(s.start), end: mark(s.end)))
                try complete(consume node)
            case .collectionStart(let c):
                try push(
                    Frame(
                        isMapping: c.isMapping, tag: c.tag?.string, anchor: c.anchor?.string, style: c.style,
                        start: mark(c.start), first: children.count))
            case .collectionEnd(_, let end):
                guard let frame = stack.popLast() else { continue }
                // Separate steps: `mark` mutates, and inside the call's arguments it would copy the builder.
                let endMark = mark(end)
                let node = close(frame, end: endMark)
                try complete(consume node)
            }
        }
    }

    /// libyaml's problem as an error at its place in the source.
    private mutating func error(_ error: RawParseError) -> YAMLError {
        if let byte = error.byteOffset {
            return YAMLError(error.message, at: Self.mark(ofByte: window.lowerBound + byte, in: source))
        }
        let offset = window.lowerBound + offsets.byteOffset(ofCharacter: error.index)
        return YAMLError(
            error.message,
            at: Mark(
                offset: offset, line: base.line + error.line,
                column: error.line == 0 ? base.column + error.column : error.column + 1))
    }

    /// Holds back the document ending at `end` and delivers the one before it.
    private mutating func endDocument(
        at documentEnd: Mark, explicit: Bool,
        deliver: (Document) -> Void
    ) throws(YAMLError) {
        var end = documentEnd
        if explicit { end = endOfLine(after: end) }
        var rootNode =
            root
            ?? Node(
                content: .scalar(Scalar(value: "", style: .plain)),
                range: SourceRange(start: end, end: end))
        if rebuild {
            (rootNode, aliasTargets) = try whole(documentStart.offset..<end.offset)
            partial = false
        }
        if let previous = pending { deliver(previous) }
        pending = Document(
            root: rootNode, range: SourceRange(start: documentStart, end: end),
            hasExplicitStart: explicitStart, hasExplicitEnd: explicit,
            index: documentCount, aliasTargets: aliasTargets, isPartial: partial)
        documentCount += 1
        documentStart = end
    }

    /// The node of a collection closed at `end`, with the children it gathered.
    private func close(_ frame: Frame, end: Mark) -> Node {
        let content: NodeContent
        let last: Mark?
        if frame.isMapping {
            let pairs = children.takePairs(from: frame.first)
            last = frame.skippedEnd ?? pairs.last?.value.range.end
            content = .mapping(pairs)
        } else {
            let items = children.takeItems(from: frame.first)
            last = items.last?.range.end
            content = .sequence(items)
        }
        // A block collection ends with its last child: libyaml ends it only at the token after it.
        let flow = frame.style == .flow
        return Node(
            content: content, tag: frame.tag, anchor: frame.anchor, collectionStyle: frame.style,
            range: SourceRange(start: frame.start, end: flow ? end : (last ?? end)))
    }

    /// Consumes `event` while the rest of a document is skipped; false for the event that closes the root
    /// mapping.
    private mutating func skipped(_ event: ParseEvent) throws(YAMLError) -> Bool {
        switch event {
        case .scalar(let scalar):
            if let anchor = scalar.anchor { skip.anchors.insert(anchor.string) }
            if skip.depth == 1 {
                if skip.expectsKey, case let key = scalar.value.bytes, key.baseAddress != nil,
                    DocumentFilter.decides(key: key, after: skip.reason)
                {
                    skip.sawDecidingKey = true
                }
                closeSkippedEntry(at: scalar.end)
            }
        case .alias(let alias):
            let name = alias.anchor
            guard anchors[name] != nil || skip.anchors.contains(name) else {
                throw YAMLError("alias *\(name) refers to no anchor defined before it", at: mark(alias.start))
            }
            if skip.depth == 1 { closeSkippedEntry(at: alias.end) }
        case .collectionStart(let collection):
            if let anchor = collection.anchor { skip.anchors.insert(anchor.string) }
            // The same limit as `push`, counting the levels not built.
            guard stack.count + skip.depth - 1 < limits.maxDepth else {
                throw YAMLError(
                    "nesting is deeper than the limit of \(limits.maxDepth) levels", at: mark(collection.start))
            }
            skip.depth += 1
        case .collectionEnd(_, let end):
            skip.depth -= 1
            if skip.depth == 0 {
                if !stack.isEmpty { stack[stack.count - 1].skippedEnd = skip.lastEnd }
                rebuild = skip.sawDecidingKey
                skipping = false
                return false
            }
            if skip.depth == 1 { closeSkippedEntry(at: end) }
        case .streamStart, .streamEnd, .documentStart, .documentEnd, .none:
            break
        }
        return true
    }

    /// A key or a value of the skipped root mapping ended at `end`: after a value, the entry ends there.
    private mutating func closeSkippedEntry(at end: EventMark) {
        if !skip.expectsKey { skip.lastEnd = mark(end) }
        skip.expectsKey.toggle()
    }

    /// The root and alias targets of the document in `bytes`, read again without the filter.
    private func whole(_ bytes: Range<Int>) throws(YAMLError) -> (Node, [Int: Node]) {
        var builder = TreeBuilder(
            source: source, limits: limits, window: bytes, base: documentStart,
            firstIndex: documentCount)
        var documents: [Document] = []
        try builder.run { documents.append($0) }
        guard let document = documents.first, documents.count == 1 else {
            throw YAMLError("internal: a document read again gave \(documents.count) documents", at: documentStart)
        }
        return (document.root, document.aliasTargets)
    }

    private mutating func push(_ frame: Frame) throws(YAMLError) {
        guard stack.count < limits.maxDepth else {
            throw YAMLError("nesting is deeper than the limit of \(limits.maxDepth) levels", at: frame.start)
        }
        stack.append(frame)
    }

    /// Attaches a finished node to its parent, or makes it the document's root.
    @inline(__always)
    private mutating func complete(_ node: consuming Node) throws(YAMLError) {
        if let anchor = node.anchor { anchors[anchor] = copy node }
        guard !stack.isEmpty else {
            root = consume node
            return
        }
        children.append(consume node)
        // A value just read in the root mapping: the filter may leave the rest of the document unbuilt.
        guard stack.count == 1, let filter, stack[0].isMapping, (children.count - stack[0].first) % 2 == 0,
            let key = children[children.count - 2], let value = children[children.count - 1]
        else { return }
        if let reason = filter.skipsRest(key: key, value: value, earlier: { earlierRootValue($0) }) {
            skip = SkipState(reason: reason)
            skipping = true
            partial = true
        }
    }

    /// The value of the last root entry before the one just read whose key is `name`.
    private func earlierRootValue(_ name: String) -> Node? {
        let first = stack[0].first
        var index = children.count - 4
        while index >= first {
            if let key = children[index], key.scalar?.value == name { return children[index + 1] }
            index -= 2
        }
        return nil
    }

    /// The line and column of a byte offset, counted in the source.
    private static func mark(ofByte offset: Int, in source: UnsafeBufferPointer<UInt8>) -> Mark {
        let end = min(max(offset, 0), source.count)
        var line = 1, lineStart = 0
        for i in 0..<end where source[i] == 0x0A {
            line += 1
            lineStart = i + 1
        }
        let column = String(decoding: UnsafeBufferPointer(rebasing: source[lineStart..<end]), as: UTF8.self).count + 1
        return Mark(offset: end, line: line, column: column)
    }

    /// The start of the next line when only blanks and a comment follow `mark` on its line (so that a document
    /// ending in `...` owns the rest of that line), else `mark` itself.
    private func endOfLine(after mark: Mark) -> Mark {
        var i = mark.offset
        let end = window.upperBound
        while i < end, source[i] == 0x20 || source[i] == 0x09 { i += 1 }
        if i < end, source[i] == UInt8(ascii: "#") {
            while i < end, SourceText.lineBreakLength(at: i, in: source) == 0 { i += 1 }
        }
        let length = i < end ? SourceText.lineBreakLength(at: i, in: source) : 0
        guard length > 0 else { return i == end ? Mark(offset: i, line: mark.line, column: mark.column) : mark }
        return Mark(offset: i + length, line: mark.line + 1, column: 1)
    }

    private mutating func mark(_ m: EventMark) -> Mark {
        Mark(
            offset: window.lowerBound + offsets.byteOffset(ofCharacter: m.index), line: base.line + m.line,
            column: m.line == 0 ? base.column + m.column : m.column + 1)
    }
}
