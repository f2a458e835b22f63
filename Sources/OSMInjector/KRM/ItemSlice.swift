import LosslessYAML

/// One item of a ResourceList as bytes: the region it occupies in the list, and the same text as a
/// document of its own (indented as in the list, so that edits line up), to run the engine on.
struct ItemSlice {
    /// The item's node in the ResourceList.
    let node: Node
    /// The bytes the item's text occupies: its content (not the dash) to the end of its last line (block), or
    /// exactly the node (flow).
    let region: Range<Int>
    /// Whether the items are a flow sequence (`[...]`, JSON).
    let isFlow: Bool
    /// The column of the item's content, given to the standalone document as leading spaces.
    let column: Int
    /// The column of the item's dash (block style).
    let dashColumn: Int
    /// Whether a line break had to be added to the standalone text.
    let addedLineBreak: Bool
    /// The standalone document's bytes.
    let text: [UInt8]

    init(node: Node, isFlow: Bool, source: [UInt8]) {
        self.node = node
        self.isFlow = isFlow
        let start = node.range.start.offset
        var end = node.range.end.offset
        if !isFlow { end = SourceLines.nextLineStart(after: end, in: source) }
        region = start..<max(start, end)
        column = start - SourceLines.lineStart(of: start, in: source)
        var dash = start
        while dash > 0, source[dash - 1] != UInt8(ascii: "-") { dash -= 1 }
        dashColumn = isFlow || dash == 0 ? column : (dash - 1) - SourceLines.lineStart(of: dash - 1, in: source)
        var text = [UInt8](repeating: 0x20, count: column)
        text += source[region]
        addedLineBreak = text.last != 0x0A
        if addedLineBreak { text.append(0x0A) }
        self.text = text
    }

    /// The item's edited text put back in place: the leading spaces and the added line break taken off again.
    func restore(_ edited: ArraySlice<UInt8>) -> [UInt8]? {
        guard edited.count >= column, edited.prefix(column).allSatisfy({ $0 == 0x20 }) else { return nil }
        var bytes = Array(edited.dropFirst(column))
        if addedLineBreak, bytes.last == 0x0A { bytes.removeLast() }
        return bytes
    }
}

/// Line arithmetic on raw bytes.
enum SourceLines {
    /// The offset of the first byte of the line holding `offset`.
    static func lineStart(of offset: Int, in source: [UInt8]) -> Int {
        var i = min(offset, source.count)
        while i > 0, source[i - 1] != 0x0A { i -= 1 }
        return i
    }

    /// The offset just past the line break ending the line that holds `offset` (unchanged when `offset`
    /// already starts a line after a break), or the end of the source.
    static func nextLineStart(after offset: Int, in source: [UInt8]) -> Int {
        if offset > 0, offset <= source.count, source[offset - 1] == 0x0A { return offset }
        var i = offset
        while i < source.count, source[i] != 0x0A { i += 1 }
        return i < source.count ? i + 1 : source.count
    }
}
