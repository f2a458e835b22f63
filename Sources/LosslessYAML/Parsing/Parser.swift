internal import CYAML

/// Reads a byte stream of YAML (or JSON) documents into lossless trees.
public struct Parser: Sendable {
    public var limits: Limits

    public init(limits: Limits = .default) {
        self.limits = limits
    }

    /// Parses every document of `source`.
    public func parse(_ source: [UInt8]) throws(YAMLError) -> YAMLStream {
        var documents: [Document] = []
        try forEachDocument(in: source) { documents.append($0) }
        return YAMLStream(source: source, documents: documents)
    }

    /// Parses `source` one document at a time, handing each to `body` as soon as it is complete, so that only
    /// one document's tree is alive at a time (the last one owns the bytes up to the end of the input).
    public func forEachDocument(in source: [UInt8], _ body: (Document) -> Void) throws(YAMLError) {
        try Encoding.check(source)
        guard source.count <= limits.maxInputBytes else {
            throw YAMLError("input is larger than the limit of \(limits.maxInputBytes) bytes")
        }
        let failure: YAMLError? = source.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress, buffer.count > 0 else { return nil }
            var builder = TreeBuilder(source: buffer, limits: limits)
            do throws(YAMLError) {
                try builder.run(EventReader(base: base, count: buffer.count), deliver: body)
                return nil
            } catch {
                return error
            }
        }
        if let failure { throw failure }
    }
}

/// Builds nodes from libyaml events with an explicit stack (no recursion, so depth cannot overflow the stack).
private struct TreeBuilder {
    /// An open collection; a class, so that adding a child mutates it in place instead of copying it out of
    /// the stack and back.
    private final class Frame {
        var node: Node
        var pairs: [Pair] = []
        var items: [Node] = []
        var key: Node?

        init(_ node: Node) {
            self.node = node
        }
    }

    private let source: UnsafeBufferPointer<UInt8>
    private let limits: Limits
    private var offsets: OffsetTranslator
    private var stack: [Frame] = []
    /// The last finished document, held back until the next one (or the end) says where it ends.
    private var pending: Document?
    private var documentCount = 0
    private var root: Node?
    private var documentStart = Mark(offset: 0, line: 1, column: 1)
    private var explicitStart = false
    /// Anchors defined so far in the current document, and what each alias of it refers to.
    private var anchors: [String: Node] = [:]
    private var aliasTargets: [Int: Node] = [:]

    init(source: UnsafeBufferPointer<UInt8>, limits: Limits) {
        self.source = source
        self.limits = limits
        self.offsets = OffsetTranslator(source: source)
    }

    mutating func run(_ reader: EventReader, deliver: (Document) -> Void) throws(YAMLError) {
        while true {
            let event: UnsafePointer<yaml_event_t>
            do {
                event = try reader.next()
            } catch {
                if let byte = error.byteOffset {
                    throw YAMLError(error.message, at: Self.mark(ofByte: byte, in: source))
                }
                let offset = offsets.byteOffset(ofCharacter: error.index)
                throw YAMLError(error.message, at: Mark(offset: offset, line: error.line + 1, column: error.column + 1))
            }
            let e = event.pointee
            switch e.type {
            case YAML_STREAM_START_EVENT:
                break
            case YAML_STREAM_END_EVENT:
                if var last = pending {
                    // The last document owns everything up to the end of the input.
                    last.range.end = mark(e.end_mark)
                    last.range.end.offset = source.count
                    deliver(last)
                    pending = nil
                }
                return
            case YAML_DOCUMENT_START_EVENT:
                explicitStart = e.data.document_start.implicit == 0
                root = nil
                anchors = [:]
                aliasTargets = [:]
            case YAML_DOCUMENT_END_EVENT:
                var end = mark(e.end_mark)
                if e.data.document_end.implicit == 0 { end = endOfLine(after: end) }
                let rootNode = root ?? Node(content: .scalar(Scalar(value: "", style: .plain)),
                                            range: SourceRange(start: end, end: end))
                if let previous = pending { deliver(previous) }
                pending = (Document(root: rootNode, range: SourceRange(start: documentStart, end: end),
                                          hasExplicitStart: explicitStart,
                                          hasExplicitEnd: e.data.document_end.implicit == 0,
                                          index: documentCount, aliasTargets: aliasTargets))
                documentCount += 1
                documentStart = end
            case YAML_ALIAS_EVENT:
                let name = string(e.data.alias.anchor) ?? ""
                let node = Node(content: .alias(name), range: range(e))
                guard let target = anchors[name] else {
                    throw YAMLError("alias *\(name) refers to no anchor defined before it", at: node.range.start)
                }
                aliasTargets[node.range.start.offset] = target
                try complete(node)
            case YAML_SCALAR_EVENT:
                let s = e.data.scalar
                let value = String(decoding: UnsafeBufferPointer(start: s.value, count: s.length), as: UTF8.self)
                let scalar = Scalar(value: value, style: style(s.style))
                try complete(Node(content: .scalar(scalar), tag: string(s.tag), anchor: string(s.anchor), range: range(e)))
            case YAML_SEQUENCE_START_EVENT:
                let d = e.data.sequence_start
                let node = Node(content: .sequence([]), tag: string(d.tag), anchor: string(d.anchor),
                                collectionStyle: d.style == YAML_FLOW_SEQUENCE_STYLE ? .flow : .block, range: range(e))
                try push(Frame(node), at: node.range.start)
            case YAML_MAPPING_START_EVENT:
                let d = e.data.mapping_start
                let node = Node(content: .mapping([]), tag: string(d.tag), anchor: string(d.anchor),
                                collectionStyle: d.style == YAML_FLOW_MAPPING_STYLE ? .flow : .block, range: range(e))
                try push(Frame(node), at: node.range.start)
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                guard let frame = stack.popLast() else { continue }
                let end = mark(e.end_mark)
                var node = frame.node
                let flow = node.collectionStyle == .flow
                if e.type == YAML_MAPPING_END_EVENT {
                    node.range.end = flow ? end : (frame.pairs.last?.value.range.end ?? end)
                    node.content = .mapping(frame.pairs)
                } else {
                    node.range.end = flow ? end : (frame.items.last?.range.end ?? end)
                    node.content = .sequence(frame.items)
                }
                try complete(node)
            default:
                break
            }
        }
    }

    private mutating func push(_ frame: Frame, at start: Mark) throws(YAMLError) {
        guard stack.count < limits.maxDepth else {
            throw YAMLError("nesting is deeper than the limit of \(limits.maxDepth) levels", at: start)
        }
        stack.append(frame)
    }

    /// Attaches a finished node to its parent, or makes it the document's root.
    private mutating func complete(_ node: Node) throws(YAMLError) {
        if let anchor = node.anchor { anchors[anchor] = node }
        guard let top = stack.last else {
            root = node
            return
        }
        if top.node.pairs != nil {
            if let key = top.key {
                top.pairs.append(Pair(key: key, value: node))
                top.key = nil
            } else {
                top.key = node
            }
        } else {
            top.items.append(node)
        }
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
        while i < source.count, source[i] == 0x20 || source[i] == 0x09 { i += 1 }
        if i < source.count, source[i] == UInt8(ascii: "#") {
            while i < source.count, SourceText.lineBreakLength(at: i, in: source) == 0 { i += 1 }
        }
        let length = SourceText.lineBreakLength(at: i, in: source)
        guard length > 0 else { return i == source.count ? Mark(offset: i, line: mark.line, column: mark.column) : mark }
        return Mark(offset: i + length, line: mark.line + 1, column: 1)
    }

    private mutating func mark(_ m: yaml_mark_t) -> Mark {
        Mark(offset: offsets.byteOffset(ofCharacter: m.index), line: m.line + 1, column: m.column + 1)
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
