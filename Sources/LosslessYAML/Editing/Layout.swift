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
                layout.indentStep = max(1, SourceText.column(of: first.key.range.start.offset, in: source)
                    - SourceText.column(of: document.root.range.start.offset, in: source))
            }
            return layout
        }
        var foundStep = false, foundSequence = false
        var stack = [document.root]
        while let node = stack.popLast(), !(foundStep && foundSequence) {
            guard case .mapping(let pairs) = node.content, node.collectionStyle == .block else {
                if let items = node.items { stack.append(contentsOf: items.reversed()) }
                continue
            }
            for pair in pairs {
                let keyColumn = SourceText.column(of: pair.key.range.start.offset, in: source)
                let value = pair.value
                if value.collectionStyle == .block, value.range.start.line > pair.key.range.start.line {
                    let childColumn = SourceText.column(of: value.range.start.offset, in: source)
                    if value.pairs != nil, !foundStep, childColumn > keyColumn {
                        layout.indentStep = childColumn - keyColumn
                        foundStep = true
                    } else if value.items != nil, !foundSequence {
                        layout.indentsSequences = childColumn > keyColumn
                        foundSequence = true
                    }
                }
            }
            stack.append(contentsOf: pairs.map(\.value).reversed())
        }
        return layout
    }
}
