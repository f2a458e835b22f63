/// The formatting conventions of one document, so that inserted text looks like its surroundings.
public struct Layout: Sendable, Equatable {
    /// Spaces per nesting level of block mappings.
    public var indentStep: Int
    /// Whether a block sequence under a mapping key is indented (`key:\n  - x`) or not (`key:\n- x`).
    public var indentsSequences: Bool
    /// The line break in use: `\n`, `\r\n` or `\r`.
    public var lineBreak: String
    /// Whether the document is JSON (a flow mapping with double-quoted keys): inserted content is JSON too.
    public var isJSON: Bool = false

    public init(indentStep: Int = 2, indentsSequences: Bool = false, lineBreak: String = "\n") {
        self.indentStep = indentStep
        self.indentsSequences = indentsSequences
        self.lineBreak = lineBreak
    }

    /// Reads the conventions of `document` from the first examples it contains.
    public static func detect(in document: Document, source: [UInt8]) -> Layout {
        var layout = Layout()
        let bytes = source[document.range.bytes]
        if let first = bytes.firstIndex(where: { $0 == 0x0A || $0 == 0x0D }), source[first] == 0x0D {
            layout.lineBreak = first + 1 < source.count && source[first + 1] == 0x0A ? "\r\n" : "\r"
        }
        if document.root.collectionStyle == .flow {
            layout.isJSON = document.root.pairs?.first?.key.scalar?.style == .doubleQuoted
            if let first = document.root.pairs?.first, first.key.range.start.line > document.root.range.start.line {
                layout.indentStep = max(
                    1,
                    SourceText.column(of: first.key.range.start.offset, in: source)
                        - SourceText.column(of: document.root.range.start.offset, in: source))
            }
            return layout
        }
        var found = (step: false, sequence: false)
        scan(document.root, source: source, into: &layout, found: &found)
        return layout
    }

    /// Looks for the first examples, in document order, of a nested block mapping and of a block sequence under
    /// a key (flow mappings are not entered).
    private static func scan(
        _ node: Node, source: [UInt8], into layout: inout Layout,
        found: inout (step: Bool, sequence: Bool)
    ) {
        switch node.content {
        case .mapping(let pairs) where node.collectionStyle == .block:
            for pair in pairs {
                let value = pair.value
                guard value.collectionStyle == .block, value.range.start.line > pair.key.range.start.line else {
                    continue
                }
                let keyColumn = SourceText.column(of: pair.key.range.start.offset, in: source)
                let childColumn = SourceText.column(of: value.range.start.offset, in: source)
                if value.pairs != nil, !found.step, childColumn > keyColumn {
                    layout.indentStep = childColumn - keyColumn
                    found.step = true
                } else if value.items != nil, !found.sequence {
                    layout.indentsSequences = childColumn > keyColumn
                    found.sequence = true
                }
            }
            for pair in pairs where !(found.step && found.sequence) {
                scan(pair.value, source: source, into: &layout, found: &found)
            }
        case .sequence(let items):
            for item in items where !(found.step && found.sequence) {
                scan(item, source: source, into: &layout, found: &found)
            }
        default:
            break
        }
    }
}
