import LosslessYAML

/// Edits that hit a bug already reported, each with a disabled regression test in the test suite; the edit
/// fuzzer steers clear of them so that it keeps looking for new ones. Remove an entry when its bug is fixed.
enum KnownBugs {
    /// Whether `edit` (on the node of `site`) would hit a known bug.
    static func hits(_ edit: PlannedEdit, site: ModelSite, source: [UInt8]) -> Bool {
        false
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

    /// Whether the explicit key indicator `?` (and blanks) stands before `offset`.
    private static func questionMarkBefore(_ offset: Int, in source: [UInt8]) -> Bool {
        var i = min(offset, source.count)
        while i > 0, source[i - 1] == 0x20 || source[i - 1] == 0x09 { i -= 1 }
        return i > 0 && source[i - 1] == UInt8(ascii: "?")
    }
}
