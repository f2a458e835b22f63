/// Writes `YAMLValue` documents as block YAML through libyaml's emitter: indent 2, sequences inside mappings not
/// indented (`key:` then `- item`), unicode kept, LF line breaks, mapping keys in the order given.
public struct Emitter: Sendable {
    /// How strings are styled.
    public enum ScalarPolicy: Sendable, Equatable {
        /// Plain unless `Quoting.needsQuotes`, double quotes then; strings with line breaks as literal blocks when
        /// libyaml can represent them; lines never wrapped.
        case safe
        /// Byte for byte what gopkg.in/yaml.v2 v2.4.0 `yaml.Marshal` writes for the same generic map (keys are not
        /// re-sorted here: sort them first, see `YAMLValue.sortedLikeGoYAMLv2()`). Its quoting: double quotes for
        /// strings that resolve to something else, libyaml's single-quote fallback for the rest; literal blocks for
        /// strings with `\n`; lines folded at yaml.v2's default width of 80 columns (v2.4.0 reverted v2.3.0's
        /// unlimited width).
        case goYAMLv2
    }

    /// How strings are styled.
    public var policy: ScalarPolicy
    /// Start every document with `---` (later documents of a stream always get one).
    public var explicitDocumentStart: Bool
    /// Nesting bound.
    public var limits: Limits

    /// An emitter with the given policy, document-start choice and nesting bound.
    public init(policy: ScalarPolicy = .safe, explicitDocumentStart: Bool = false, limits: Limits = .default) {
        self.policy = policy
        self.explicitDocumentStart = explicitDocumentStart
        self.limits = limits
    }

    /// The bytes of one document.
    public func emit(_ document: YAMLValue) throws(EmitterError) -> [UInt8] {
        try emit(documents: [document])
    }

    /// The text of one document.
    public func emitString(_ document: YAMLValue) throws(EmitterError) -> String {
        String(decoding: try emit(documents: [document]), as: UTF8.self)
    }

    /// The bytes of a stream of documents.
    public func emit(documents: [YAMLValue]) throws(EmitterError) -> [UInt8] {
        let writer = try EventWriter(width: policy == .goYAMLv2 ? 80 : -1)
        try writer.streamStart()
        for document in documents {
            try writer.documentStart(implicit: !explicitDocumentStart)
            try write(document, to: writer)
            try writer.documentEnd()
        }
        try writer.streamEnd()
        return writer.bytes
    }

    /// The rest of a collection still to be written.
    private enum Frame {
        case mapping(ArraySlice<YAMLValue.Entry>)
        case sequence(ArraySlice<YAMLValue>)
    }

    /// Writes one node's events with an explicit stack, so deep values cannot overflow the call stack.
    private func write(_ root: YAMLValue, to writer: EventWriter) throws(EmitterError) {
        var stack: [Frame] = []

        func open(_ value: YAMLValue) throws(EmitterError) {
            switch value {
            case .string(let s): try writer.scalar(s, style: policy.requestedStyle(for: s))
            case .int(let i): try writer.scalar(String(i), style: .plain)
            case .bool(let b): try writer.scalar(b ? "true" : "false", style: .plain)
            case .null: try writer.scalar("null", style: .plain)
            case .mapping(let entries):
                guard stack.count < limits.maxDepth else { throw tooDeep() }
                try writer.mappingStart()
                stack.append(.mapping(entries[...]))
            case .sequence(let items):
                guard stack.count < limits.maxDepth else { throw tooDeep() }
                try writer.sequenceStart()
                stack.append(.sequence(items[...]))
            }
        }

        try open(root)
        while let frame = stack.popLast() {
            switch frame {
            case .mapping(let rest):
                guard let entry = rest.first else {
                    try writer.mappingEnd()
                    continue
                }
                stack.append(.mapping(rest.dropFirst()))
                try writer.scalar(entry.key, style: policy.requestedStyle(for: entry.key))
                try open(entry.value)
            case .sequence(let rest):
                guard let item = rest.first else {
                    try writer.sequenceEnd()
                    continue
                }
                stack.append(.sequence(rest.dropFirst()))
                try open(item)
            }
        }
    }

    private func tooDeep() -> EmitterError {
        EmitterError(.tooDeep, "collections nest deeper than the limit of \(limits.maxDepth)")
    }
}
