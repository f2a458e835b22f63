internal import CYAML

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

    init(source: UnsafeBufferPointer<UInt8>, limits: Limits, filter: DocumentFilter? = nil,
         window: Range<Int>? = nil, base: Mark = Mark(offset: 0, line: 1, column: 1), firstIndex: Int = 0) {
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
            let event: UnsafePointer<yaml_event_t>
            do {
                event = try reader.next()
            } catch {
                if let byte = error.byteOffset {
                    throw YAMLError(error.message, at: Self.mark(ofByte: window.lowerBound + byte, in: source))
                }
                let offset = window.lowerBound + offsets.byteOffset(ofCharacter: error.index)
                throw YAMLError(error.message, at: Mark(offset: offset, line: base.line + error.line,
                                                        column: error.line == 0 ? base.column + error.column : error.column + 1))
            }
            let e = event.pointee
            if skipping, try skipped(e) { continue }
            switch e.type {
            case YAML_STREAM_START_EVENT:
                break
            case YAML_STREAM_END_EVENT:
                if var last = pending {
                    // The last document owns everything up to the end of the input.
                    last.range.end = mark(e.end_mark)
                    last.range.end.offset = window.upperBound
                    deliver(last)
                    pending = nil
                }
                return
            case YAML_DOCUMENT_START_EVENT:
                explicitStart = e.data.document_start.implicit == 0
                root = nil
                anchors = [:]
                aliasTargets = [:]
                partial = false
                rebuild = false
            case YAML_DOCUMENT_END_EVENT:
                var end = mark(e.end_mark)
                if e.data.document_end.implicit == 0 { end = endOfLine(after: end) }
                var rootNode = root ?? Node(content: .scalar(Scalar(value: "", style: .plain)),
                                            range: SourceRange(start: end, end: end))
                if rebuild {
                    (rootNode, aliasTargets) = try whole(documentStart.offset..<end.offset)
                    partial = false
                }
                if let previous = pending { deliver(previous) }
                pending = (Document(root: rootNode, range: SourceRange(start: documentStart, end: end),
                                          hasExplicitStart: explicitStart,
                                          hasExplicitEnd: e.data.document_end.implicit == 0,
                                          index: documentCount, aliasTargets: aliasTargets, isPartial: partial))
                documentCount += 1
                documentStart = end
            case YAML_ALIAS_EVENT:
                let name = string(e.data.alias.anchor) ?? ""
                let node = Node(content: .alias(name), range: range(e))
                guard let target = anchors[name] else {
                    throw YAMLError("alias *\(name) refers to no anchor defined before it", at: node.range.start)
                }
                aliasTargets[node.range.start.offset] = target
                try complete(consume node)
            case YAML_SCALAR_EVENT:
                let s = e.data.scalar
                let value = String(decoding: UnsafeBufferPointer(start: s.value, count: s.length), as: UTF8.self)
                let scalar = Scalar(value: value, style: style(s.style))
                let node = Node(content: .scalar(scalar), tag: string(s.tag), anchor: string(s.anchor), range: range(e))
                try complete(consume node)
            case YAML_SEQUENCE_START_EVENT:
                let d = e.data.sequence_start
                try push(Frame(isMapping: false, tag: string(d.tag), anchor: string(d.anchor),
                               style: d.style == YAML_FLOW_SEQUENCE_STYLE ? .flow : .block, start: mark(e.start_mark),
                               first: children.count))
            case YAML_MAPPING_START_EVENT:
                let d = e.data.mapping_start
                try push(Frame(isMapping: true, tag: string(d.tag), anchor: string(d.anchor),
                               style: d.style == YAML_FLOW_MAPPING_STYLE ? .flow : .block, start: mark(e.start_mark),
                               first: children.count))
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                guard let frame = stack.popLast() else { continue }
                let end = mark(e.end_mark)
                let flow = frame.style == .flow
                let content: NodeContent
                var last: Mark?
                if e.type == YAML_MAPPING_END_EVENT {
                    let pairs = children.takePairs(from: frame.first)
                    last = frame.skippedEnd ?? (pairs.isEmpty ? nil : pairs[pairs.count - 1].value.range.end)
                    content = .mapping(pairs)
                } else {
                    let items = children.takeItems(from: frame.first)
                    last = items.isEmpty ? nil : items[items.count - 1].range.end
                    content = .sequence(items)
                }
                let node = Node(content: content, tag: frame.tag, anchor: frame.anchor, collectionStyle: frame.style,
                                range: SourceRange(start: frame.start, end: flow ? end : (last ?? end)))
                try complete(consume node)
            default:
                break
            }
        }
    }

    /// Consumes `e` while the rest of a document is skipped; false for the event that closes the root mapping.
    private mutating func skipped(_ e: yaml_event_t) throws(YAMLError) -> Bool {
        switch e.type {
        case YAML_SCALAR_EVENT:
            let scalar = e.data.scalar
            if let anchor = string(scalar.anchor) { skip.anchors.insert(anchor) }
            if skip.depth == 1 {
                if skip.expectsKey, let value = scalar.value,
                   DocumentFilter.decides(key: UnsafeBufferPointer(start: value, count: scalar.length), after: skip.reason) {
                    skip.sawDecidingKey = true
                }
                if !skip.expectsKey { skip.lastEnd = mark(e.end_mark) }
                skip.expectsKey.toggle()
            }
        case YAML_ALIAS_EVENT:
            let name = string(e.data.alias.anchor) ?? ""
            guard anchors[name] != nil || skip.anchors.contains(name) else {
                throw YAMLError("alias *\(name) refers to no anchor defined before it", at: mark(e.start_mark))
            }
            if skip.depth == 1 {
                if !skip.expectsKey { skip.lastEnd = mark(e.end_mark) }
                skip.expectsKey.toggle()
            }
        case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
            let anchor = e.type == YAML_MAPPING_START_EVENT ? e.data.mapping_start.anchor : e.data.sequence_start.anchor
            if let anchor = string(anchor) { skip.anchors.insert(anchor) }
            // The same limit as `push`, counting the levels not built.
            guard stack.count + skip.depth - 1 < limits.maxDepth else {
                throw YAMLError("nesting is deeper than the limit of \(limits.maxDepth) levels", at: mark(e.start_mark))
            }
            skip.depth += 1
        case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
            skip.depth -= 1
            if skip.depth == 0 {
                if !stack.isEmpty { stack[stack.count - 1].skippedEnd = skip.lastEnd }
                rebuild = skip.sawDecidingKey
                skipping = false
                return false
            }
            if skip.depth == 1 {
                if !skip.expectsKey { skip.lastEnd = mark(e.end_mark) }
                skip.expectsKey.toggle()
            }
        default:
            break
        }
        return true
    }

    /// The root and alias targets of the document in `bytes`, read again without the filter.
    private func whole(_ bytes: Range<Int>) throws(YAMLError) -> (Node, [Int: Node]) {
        var builder = TreeBuilder(source: source, limits: limits, window: bytes, base: documentStart,
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
              let key = children[children.count - 2], let value = children[children.count - 1] else { return }
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

    private mutating func mark(_ m: yaml_mark_t) -> Mark {
        Mark(offset: window.lowerBound + offsets.byteOffset(ofCharacter: m.index), line: base.line + m.line,
             column: m.line == 0 ? base.column + m.column : m.column + 1)
    }

    private mutating func range(_ e: yaml_event_t) -> SourceRange {
        SourceRange(start: mark(e.start_mark), end: mark(e.end_mark))
    }

    private func string(_ p: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        p.map { String(cString: UnsafePointer($0)) }
    }

    private func style(_ s: yaml_scalar_style_t) -> ScalarStyle {
        switch s {
        case YAML_SINGLE_QUOTED_SCALAR_STYLE: return .singleQuoted
        case YAML_DOUBLE_QUOTED_SCALAR_STYLE: return .doubleQuoted
        case YAML_LITERAL_SCALAR_STYLE: return .literal
        case YAML_FOLDED_SCALAR_STYLE: return .folded
        default: return .plain
        }
    }
}
