/// Block scalars end only where indentation says so, and take trailing line breaks into their value by their
/// chomping: text written next to one must not change where it ends.
extension DocumentEditor {
    /// A block renderer for text that goes before the line starting at `offset`. A literal block ending the text
    /// would take into its value a comment line, or a line of blanks alone (content when indented more than
    /// the block), also after empty lines; kept blank lines only matter to `|+`.
    func blockRenderer(before offset: Int) -> BlockRenderer {
        var renderer = BlockRenderer(layout: layout)
        var i = offset
        while i < source.count {
            let lineStart = i
            while i < source.count, source[i] == 0x20 || source[i] == 0x09 { i += 1 }
            let length = SourceText.lineBreakLength(at: i, in: source)
            let blanksAlone = i > lineStart && (length > 0 || i == source.count)
            if blanksAlone || (i < source.count && source[i] == UInt8(ascii: "#")) {
                renderer.nextLine = .comment
            } else if length > 0 {
                renderer.nextLine = .blank
                i += length
                continue
            }
            break
        }
        return renderer
    }

    /// The blanks an inline value needs in the place of `node` when `node` starts a line no deeper than its
    /// key (a block scalar's `|` may stand at the key's column; any other value there would read as a key).
    func missingIndent(before node: Node) -> Int {
        let start = node.range.start.offset
        guard SourceText.onlyIndentBefore(start, in: source),
            let (mapping, pair) = NodeSyntax.owner(of: node, in: document.root), mapping.collectionStyle == .block
        else {
            return 0
        }
        let keyColumn = SourceText.column(of: NodeSyntax.entryStart(of: pair, in: source), in: source)
        return max(0, keyColumn + 1 - SourceText.column(of: start, in: source))
    }

    /// Before an insertion after a last line without a line break: the break that goes first would join the
    /// value of a block scalar ending there, so its chomping becomes strip (its value has no final break), or
    /// the blanks after its last break go (they would become a kept blank line).
    mutating func keepBlockScalarAtEnd(of collection: Node) {
        var last = collection
        while let next = last.pairs?.last?.value ?? last.items?.last { last = next }
        guard let scalar = last.scalar, scalar.style == .literal || scalar.style == .folded else { return }
        if !scalar.value.hasSuffix("\n") {
            stripChomping(of: last)
            return
        }
        let lineStart = SourceText.lineStart(of: source.count, in: source)
        if lineStart < source.count, source[lineStart...].allSatisfy({ $0 == 0x20 || $0 == 0x09 }) {
            add(lineStart..<source.count, "", target: collection, adjustsSource: true)
        }
    }

    /// Makes the chomping indicator of the block scalar `node` `-`, once.
    private mutating func stripChomping(of node: Node) {
        var i = NodeSyntax.afterProperties(of: node, in: source)
        while i < source.count, source[i] == 0x20 || source[i] == 0x09 { i += 1 }
        guard i < source.count, source[i] == UInt8(ascii: "|") || source[i] == UInt8(ascii: ">") else { return }
        i += 1
        var at = i..<i
        while i < source.count,
            source[i] == UInt8(ascii: "+") || source[i] == UInt8(ascii: "-")
                || (source[i] >= UInt8(ascii: "0") && source[i] <= UInt8(ascii: "9"))
        {
            if source[i] == UInt8(ascii: "-") { return }
            if source[i] == UInt8(ascii: "+") { at = i..<(i + 1) }
            i += 1
        }
        guard !splices.contains(where: { $0.range == at && $0.text == "-" }) else { return }
        add(at, "-", target: node, adjustsSource: true)
    }

    /// `splices` without the adjustments of bytes that another edit replaces or removes (the block scalar is
    /// gone, and an edit inside its old bytes would overlap the one that replaced them).
    /// The adjustments of original bytes in effect (a block scalar's chomping made strip, blanks after its last
    /// line break dropped): each range of the source and the text that stands for it, in source order. An
    /// exact undo puts the original bytes back.
    public var sourceAdjustments: [(range: Range<Int>, text: String)] {
        Self.droppingSupersededAdjustments(splices).filter(\.adjustsSource).map { ($0.range, $0.text) }
            .sorted { $0.range.lowerBound < $1.range.lowerBound }
    }

    static func droppingSupersededAdjustments(_ splices: [Splice]) -> [Splice] {
        let replaced = splices.filter { !$0.adjustsSource && !$0.range.isEmpty }.map(\.range)
        return splices.filter { splice in
            !splice.adjustsSource
                || !replaced.contains {
                    $0.lowerBound <= splice.range.lowerBound
                        && splice.range.upperBound <= $0.upperBound
                }
        }
    }
}
