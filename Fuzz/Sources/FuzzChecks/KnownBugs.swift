import LosslessYAML

/// Edits that hit a bug already reported, each with a disabled regression test in the test suite; the edit
/// fuzzer steers clear of them so that it keeps looking for new ones. Remove an entry when its bug is fixed.
enum KnownBugs {
    /// Whether `edit` (on the node of `site`) would hit a known bug.
    static func hits(_ edit: PlannedEdit, site: ModelSite, source: [UInt8]) -> Bool {
        // FuzzRegressionTests.blockScalarsOnTheLastLineWithoutLineBreak: in a stream whose last line has no line
        // break (even a line of blanks), edits that write a block scalar or add after one.
        if source.last != 0x0A, isBlockScalar(lastDescendant(edit.target)) || writesMultilineString(edit.operation) {
            return true
        }
        // FuzzRegressionTests.literalBlockBeforeCommentsOrBlankLines: a literal block written just before
        // comment or blank lines.
        if writesMultilineString(edit.operation) {
            var end = edit.target.range.end.offset
            switch edit.operation {
            case .set(let key, _), .replacePair(let key, _, _):
                if let pair = edit.target.pair(key) { end = pair.value.range.end.offset }
            default:
                break
            }
            if commentFollows(end, in: source) { return true }
        }
        // FuzzRegressionTests.editsInSinglePairFlowMappings: a flow mapping without braces (`[a: b]`).
        if edit.target.pairs != nil, edit.target.collectionStyle == .flow,
           !(edit.target.range.start.offset < source.count && source[edit.target.range.start.offset] == UInt8(ascii: "{")) {
            return true
        }
        return false
    }

    /// Whether the edit writes a string with a line break (which block style writes as a literal block).
    private static func writesMultilineString(_ operation: PlannedEdit.Operation) -> Bool {
        func multiline(_ value: YAMLValue) -> Bool {
            switch value {
            case .string(let s): return s.contains("\n")
            case .sequence(let items): return items.contains(where: multiline)
            case .mapping(let entries): return entries.contains { multiline($0.value) }
            default: return false
            }
        }
        switch operation {
        case .set(_, let v), .insert(_, let v), .replacePair(_, _, let v), .append(let v), .replace(let v): return multiline(v)
        case .removePair, .removeItem: return false
        }
    }

    /// Whether the line after the one holding `offset` is blank or a comment (or blank lines lead to a comment).
    private static func commentFollows(_ offset: Int, in source: [UInt8]) -> Bool {
        var i = min(offset, source.count)
        if i > 0, source[i - 1] != 0x0A {
            while i < source.count, source[i] != 0x0A { i += 1 }
            i += 1
        }
        var j = i
        while j < source.count, source[j] == 0x20 || source[j] == 0x09 { j += 1 }
        guard j < source.count else { return false }
        return source[j] == UInt8(ascii: "#") || source[j] == 0x0A || source[j] == 0x0D
    }

    /// A mapping entry written with an explicit key (`? key`) anywhere in `document`: the editor gets the ranges
    /// of such entries, and so of every collection around them, wrong
    /// (FuzzRegressionTests.editsInMappingsWithExplicitKeys).
    static func hasExplicitKeys(_ document: Document, source: [UInt8]) -> Bool {
        var stack = [document.root]
        var visited = 0
        while let node = stack.popLast(), visited < 100_000 {
            visited += 1
            if let pairs = node.pairs {
                for pair in pairs {
                    if questionMarkBefore(pair.key.range.start.offset, in: source) { return true }
                    stack.append(pair.value)
                }
            } else if let items = node.items {
                stack.append(contentsOf: items)
            }
        }
        return false
    }

    /// A lone CR, or U+0085, U+2028, U+2029 in UTF-8: line breaks to libyaml, not to the editor.
    static func hasOtherLineBreaks(_ bytes: ArraySlice<UInt8>) -> Bool {
        var previous: UInt8 = 0
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            if previous == 0x0D, byte != 0x0A { return true }
            if previous == 0xC2, byte == 0x85 { return true }
            if previous == 0xE2, byte == 0x80, index + 1 < bytes.endIndex, bytes[index + 1] == 0xA8 || bytes[index + 1] == 0xA9 {
                return true
            }
            previous = byte
            index += 1
        }
        return previous == 0x0D
    }

    /// The last node in document order under `node` (itself for a scalar).
    private static func lastDescendant(_ node: Node) -> Node {
        var current = node
        while true {
            if let last = current.pairs?.last?.value ?? current.items?.last { current = last } else { return current }
        }
    }

    /// A literal or folded scalar.
    private static func isBlockScalar(_ node: Node) -> Bool {
        node.scalar?.style == .literal || node.scalar?.style == .folded
    }

    /// Whether the explicit key indicator `?` (and blanks) stands before `offset`.
    private static func questionMarkBefore(_ offset: Int, in source: [UInt8]) -> Bool {
        var i = min(offset, source.count)
        while i > 0, source[i - 1] == 0x20 || source[i - 1] == 0x09 { i -= 1 }
        return i > 0 && source[i - 1] == UInt8(ascii: "?")
    }
}
