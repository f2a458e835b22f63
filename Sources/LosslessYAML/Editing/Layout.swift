/// The formatting conventions of one document, so that inserted text looks like its surroundings.
public struct Layout: Sendable, Equatable {
    /// Spaces per nesting level of block mappings.
    public var indentStep: Int
    /// Whether a block sequence under a mapping key is indented (`key:\n  - x`) or not (`key:\n- x`).
    public var indentsSequences: Bool
    /// The line break in use: `\n` or `\r\n`.
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
        if let lf = bytes.firstIndex(of: 0x0A), lf > bytes.startIndex, source[lf - 1] == 0x0D {
            layout.lineBreak = "\r\n"
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

/// Small questions about source bytes: columns, line starts and line ends.
enum SourceText {
    /// Bytes from the start of the line to `offset`.
    static func column(of offset: Int, in source: [UInt8]) -> Int {
        offset - lineStart(of: offset, in: source)
    }

    /// The offset of the first byte of the line holding `offset`.
    static func lineStart(of offset: Int, in source: [UInt8]) -> Int {
        var i = min(offset, source.count)
        while i > 0, source[i - 1] != 0x0A { i -= 1 }
        return i
    }

    /// The offset just past the line break ending the line that holds `offset`, or the end of the source.
    /// An offset already at the start of a line (after a block scalar's last break) is returned unchanged.
    static func nextLineStart(after offset: Int, in source: [UInt8]) -> (offset: Int, atEndWithoutBreak: Bool) {
        if offset > 0, offset <= source.count, source[offset - 1] == 0x0A { return (offset, false) }
        var i = offset
        while i < source.count, source[i] != 0x0A { i += 1 }
        if i < source.count { return (i + 1, false) }
        return (source.count, true)
    }

    /// True when only spaces and a sequence dash stand between the line start and `offset`.
    static func onlyIndentBefore(_ offset: Int, in source: [UInt8]) -> Bool {
        var i = lineStart(of: offset, in: source)
        while i < offset {
            if source[i] != 0x20 { return false }
            i += 1
        }
        return true
    }
}
