/// Single-pair mappings written without braces in a flow sequence (`[a: b]`): they have no `}` to insert
/// before, so the first entry added writes their braces.
extension DocumentEditor {
    /// Whether `mapping` is a flow mapping written without braces.
    func isBraceless(_ mapping: Node) -> Bool {
        guard mapping.collectionStyle == .flow, mapping.pairs != nil else { return false }
        let start = NodeSyntax.skippingBlanksAndComments(
            from: NodeSyntax.afterProperties(of: mapping, in: source),
            in: source)
        return !(start < source.count && source[start] == UInt8(ascii: "{"))
    }

    /// Adds the entry `text` at the end of the brace-less `mapping`, writing its braces once.
    mutating func insertIntoBraceless(_ text: String, mapping: Node) {
        let start = mapping.range.start.offset, end = mapping.range.end.offset
        if let index = splices.lastIndex(where: { $0.closesBraces && $0.targetStart == start }) {
            let closing = splices[index].text
            splices[index].text = String(closing.dropLast()) + ", " + text + "}"
            return
        }
        add(start..<start, "{", target: mapping)
        add(end..<end, ", " + text + "}", target: mapping)
        splices[splices.count - 1].closesBraces = true
    }
}
